# `make bench`: the release binary, the country tier generated once into build/bench/
# (reused when present; BENCH_REGEN=1 makes it again), then served on a loopback port and
# measured: generation rows/s, roll-up, coverage, search and suggestion latency, GET
# /api/v1/tasks/{id} against nginx serving the same bytes, peak RSS, suggestion accuracy.
# Prints a table and writes bench/results.json. Knobs: BENCH_TIER=country|province,
# BENCH_RUNS (wrk runs, median), BENCH_WRK_SECONDS, BENCH_REQUESTS (roll-up requests per
# org). `make bench-country-gen` times the generation alone for BENCH_LIMIT seconds and
# projects the rest.
BENCH_DIR  ?= build/bench
BENCH_TIER ?= country

bench:
	@$(MAKE) --no-print-directory SANITIZER= build/release/trienkhai
	@node bench/run.mjs --bin build/release/trienkhai --dir $(BENCH_DIR) --tier $(BENCH_TIER) \
	    --out bench/results.json

# Only the country tier's generation rate and projection, written to build/bench/country.json.
bench-country-gen:
	@$(MAKE) --no-print-directory SANITIZER= build/release/trienkhai
	@node bench/run.mjs --bin build/release/trienkhai --dir $(BENCH_DIR) --tier country \
	    --gen-only --out $(BENCH_DIR)/country-results.json

.PHONY: bench-country-gen

# Where the write path's time goes (callgrind on a small `gen`): bench/profile-gen.sh.
bench-profile:
	@$(MAKE) --no-print-directory SANITIZER= build/release/trienkhai
	@sh bench/profile-gen.sh build/release/trienkhai

.PHONY: bench-profile
