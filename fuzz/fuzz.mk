# Fuzzing: libFuzzer targets (fuzz/*.c) built with clang, ASan and UBSan into build/fuzz/.
# Included by the top Makefile, whose PKGS, BUILD and rule for the generated embedded-files
# source it uses.
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS="period router"]   each target for that long
#   make fuzz-smoke                                               each for 10 s; fails on a crash
#   make fuzz-replay                                              reruns fuzz/crashes/<target>/*
# Runs start from fuzz/corpus/<target> (the committed seeds, never written) plus a scratch
# corpus kept in build/fuzz/corpus/<target>; crashes land in fuzz/crashes/<target>/.

FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= json_decode period import search_query router text
FUZZ_DIR     := build/fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS  := -std=c11 -D_GNU_SOURCE -Isrc -I$(BUILD)/gen -g -O1 -fno-omit-frame-pointer \
                -Wall -Wno-unused-parameter $(FUZZ_SAN) \
                $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
FUZZ_LDLIBS  := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm
FUZZ_LIBSRC  := $(filter-out src/main.c,$(wildcard src/*.c src/*/*.c))
FUZZ_LIBOBJ  := $(patsubst src/%.c,$(FUZZ_DIR)/obj/%.o,$(FUZZ_LIBSRC)) \
                $(FUZZ_DIR)/obj/gen/embedded_files.o $(FUZZ_DIR)/obj/fuzz/common.o
FUZZ_BINS    := $(addprefix $(FUZZ_DIR)/,$(FUZZ_TARGETS))
FUZZ_MAINOBJ := $(patsubst %,$(FUZZ_DIR)/obj/fuzz/%.o,$(FUZZ_TARGETS))
# Objects made by chained pattern rules are kept, so that a second build compiles nothing.
.SECONDARY: $(FUZZ_LIBOBJ) $(FUZZ_MAINOBJ)

.PHONY: fuzz fuzz-smoke fuzz-replay fuzz-build fuzz-gen
fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build
	@fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-smoke: fuzz-build
	@fuzz/run.sh $(FUZZ_DIR) 10 $(FUZZ_TARGETS)

# Each kept reproducer, once; fails while any of them still crashes (a bug not yet fixed).
fuzz-replay: fuzz-build
	@rc=0; for t in $(FUZZ_TARGETS); do \
	    files=$$(find fuzz/crashes/$$t -type f 2>/dev/null); [ -n "$$files" ] || continue; \
	    for f in $$files; do \
	        if $(FUZZ_DIR)/$$t -timeout=10 -rss_limit_mb=2048 $$f >$(FUZZ_DIR)/logs/replay.log 2>&1; \
	        then echo "  REPLAY $$f: ok"; \
	        else echo "  REPLAY $$f: FAILS: $$(grep -m1 -E 'ERROR|runtime error|property' \
	            $(FUZZ_DIR)/logs/replay.log)"; rc=1; fi; \
	    done; \
	done; exit $$rc

# The embedded files (migrations, demo data, web assets) come from the normal build's
# generator. The copy in build/fuzz changes only when its content does, so that a normal
# build does not make every fuzzer relink. When the generator cannot run (the web bundle is
# half-edited, npm is offline) an existing generated file is used, with a warning.
fuzz-gen:
	@mkdir -p $(FUZZ_DIR)/gen $(FUZZ_DIR)/logs
	@$(MAKE) --no-print-directory $(BUILD)/gen/embedded_files.c >$(FUZZ_DIR)/logs/gen.log 2>&1 || \
	    { test -f $(BUILD)/gen/embedded_files.c && echo "fuzz: warning: cannot regenerate" \
	      "$(BUILD)/gen/embedded_files.c (see $(FUZZ_DIR)/logs/gen.log); using the existing one" >&2; }
	@cmp -s $(BUILD)/gen/embedded_files.c $(FUZZ_DIR)/gen/embedded_files.c || \
	    cp $(BUILD)/gen/embedded_files.c $(FUZZ_DIR)/gen/embedded_files.c

$(FUZZ_DIR)/gen/embedded_files.c: fuzz-gen ;

# The library is instrumented for coverage (fuzzer-no-link); only the targets link libFuzzer.
$(FUZZ_DIR)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@echo "  FUZZCC $<"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_DIR)/obj/gen/embedded_files.o: $(FUZZ_DIR)/gen/embedded_files.c
	@mkdir -p $(@D)
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

$(FUZZ_DIR)/obj/fuzz/%.o: fuzz/%.c
	@mkdir -p $(@D)
	@echo "  FUZZCC $<"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -Wextra -Wno-unused-parameter -Werror -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

# $(SRCNAMES) (the top Makefile's): a deleted source relinks the targets without it
$(FUZZ_DIR)/%: $(FUZZ_DIR)/obj/fuzz/%.o $(FUZZ_LIBOBJ) $(SRCNAMES)
	@echo "  FUZZLD $@"
	@$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $(filter %.o,$^) $(FUZZ_LDLIBS)

-include $(wildcard $(FUZZ_DIR)/obj/*.d $(FUZZ_DIR)/obj/*/*.d)
