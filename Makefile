# trienkhai — plain Makefile driven by pkg-config.
# Knobs: SANITIZER=address (ASan+UBSan build in build/asan), PORT=8080, DB=trienkhai.db
PKGS     := libmicrohttpd jansson sqlite3 libsodium libutf8proc libzstd
SANITIZER ?=
BUILD    := build/$(if $(SANITIZER),asan,release)
CC       ?= cc
CFLAGS   := -std=c11 -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter -g -O2 -pthread \
            -D_GNU_SOURCE -Isrc -I$(BUILD)/gen $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm
ifneq ($(SANITIZER),)
CFLAGS   += -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDFLAGS  += -fsanitize=address,undefined
endif
PORT     ?= 8080
DB       ?= trienkhai.db

SRC      := $(wildcard src/*.c src/*/*.c)
LIBSRC   := $(filter-out src/main.c,$(SRC))
OBJ      := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(SRC)) $(BUILD)/obj/gen/embedded_files.o
LIBOBJ   := $(filter-out $(BUILD)/obj/main.o,$(OBJ))
MIGRATIONS := $(sort $(wildcard src/store/migrations/*.sql))
DATAFILES  := $(wildcard data/*.json)
UNITSRC  := $(wildcard tests/unit/*/*.c)
UNITBIN  := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNITSRC))

# A deleted file leaves no newer prerequisite behind, so each set of inputs also has its names in
# a file under build/, rewritten only when they change; what is built from the set depends on it
# and is built again (the binary without a deleted source, the embedded files without a migration).
names_of = $(shell mkdir -p $(dir $(1)) && { printf '%s\n' $(2) | cmp -s - $(1) || printf '%s\n' $(2) > $(1); })$(1)
SRCNAMES := $(call names_of,$(BUILD)/names/src,$(SRC))

.PHONY: all run test unit api deps check clean bench fuzz
all: $(BUILD)/trienkhai

deps:
	@scripts/deps.sh build

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(@D)
	@$(CC) -O2 -o $@ $<

# The web UI: npm packages from the lock file, bundled by web/build.mjs into hashed files
# (and their .gz) in build/web, which are compiled into the binary like the migrations.
WEBSRC   := $(shell find web -type f -not -path 'web/node_modules/*' 2>/dev/null)
WEBOUT   := build/web
$(WEBOUT)/.stamp: $(WEBSRC) $(call names_of,$(WEBOUT).names,$(WEBSRC))
	@mkdir -p $(WEBOUT)
	@if [ -f web/package.json ]; then \
	    echo "  WEB  web/ -> $(WEBOUT)"; \
	    (cd web && npm ci --no-audit --no-fund --loglevel=error >/dev/null && \
	     node build.mjs ../$(WEBOUT)) || exit 1; \
	fi
	@touch $@

$(BUILD)/gen/embedded_files.c: $(BUILD)/tools/embed $(MIGRATIONS) $(DATAFILES) $(WEBOUT)/.stamp \
                               $(call names_of,$(BUILD)/names/embedded,$(MIGRATIONS) $(DATAFILES))
	@mkdir -p $(@D)
	@$(BUILD)/tools/embed $@.mig embedded_migrations $(MIGRATIONS)
	@$(BUILD)/tools/embed $@.dat embedded_data $(DATAFILES)
	@$(BUILD)/tools/embed $@.web embedded_web $$(find $(WEBOUT) -type f -not -name .stamp | sort)
	@cat $@.mig $@.dat $@.web > $@ && rm -f $@.mig $@.dat $@.web

$(BUILD)/obj/gen/embedded_files.o: $(BUILD)/gen/embedded_files.c
	@mkdir -p $(@D)
	@$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@echo "  CC $<"
	@$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/trienkhai: $(OBJ) $(SRCNAMES)
	@echo "  LD   $@"
	@$(CC) $(LDFLAGS) -o $@ $(OBJ) $(LDLIBS)
	@$(if $(SANITIZER),true,ln -sf $(BUILD)/trienkhai trienkhai 2>/dev/null || true) # ./trienkhai: the release build

$(BUILD)/tests/%: tests/unit/%.c $(LIBOBJ) $(SRCNAMES)
	@mkdir -p $(@D)
	@echo "  TEST $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -MMD -MP -MF $@.d -o $@ $< $(LIBOBJ) $(LDLIBS) -lcmocka

# `make run`: fresh demo database, then serve it.
run: deps $(BUILD)/trienkhai
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BUILD)/trienkhai demo --db $(DB)
	$(BUILD)/trienkhai serve --db $(DB) --listen 127.0.0.1:$(PORT)

unit: $(BUILD)/trienkhai $(UNITBIN)
	@tests/run-unit.sh $(UNITBIN)

# `make test`: unit tests and API tests on the release build, then all of it again under
# AddressSanitizer and UndefinedBehaviorSanitizer; one summary line at the end.
test:
	@scripts/deps.sh test
	@tests/run-all.sh

check:
	clang-format --dry-run --Werror $(SRC) $(UNITSRC)

clean:
	rm -rf build trienkhai

-include $(OBJ:.o=.d) $(UNITBIN:=.d)

print-bin:
	@echo $(BUILD)/trienkhai

# Fuzzing (libFuzzer targets in fuzz/, rules in fuzz/fuzz.mk): `make fuzz FUZZ_SECONDS=60`.
-include fuzz/fuzz.mk

# Benchmarks (bench/bench.mk): `make bench` prints a table and writes bench/results.json.
-include bench/bench.mk
