# The two commands of the README:
#   make brochure   install what is missing, build, write output/*.pdf
#   make test       install what is missing, build, run every test (also under ASan+UBSan),
#                   then each fuzz target for FUZZ_TEST_SECONDS
# and, for developers:
#   make fuzz       each fuzz target (or FUZZ_TARGETS) for FUZZ_SECONDS (docs/fuzzing.md)
#   make test-release / test-sanitize / test-fuzz   one of the three, alone
JOBS ?= $(shell nproc)
BUILD ?= build
GALLEY = $(BUILD)/src/galley
FUZZ_SECONDS ?= 60
FUZZ_TEST_SECONDS ?= 10
FUZZ_TARGETS ?=
# The fuzz build's optimisation: -O1 for fuzzing runs (make fuzz), -O0 for
# make test's short runs, where compiling at -O1 would take twice as long as
# the runs it buys are worth. Switching rebuilds build-fuzz.
FUZZ_OPT ?= -O1

.PHONY: all deps build brochure samples test test-release test-sanitize sanitize-build test-fuzz fuzz fuzz-build bench clean

all: brochure

deps:
	@sh scripts/deps.sh

# Inside `make test` the builds run niced, so a test run beside one keeps
# its pace; a build's make ignores the outer make's job slots (MAKEFLAGS
# cleared) and takes JOBS of its own.
BUILD_CMD = MAKEFLAGS= $(if $(TEST_OVERLAP),nice -n 5) cmake --build
# The fuzz tree (clang, nothing shared with the other two) builds from the
# start beside the Release build at the lowest priority: it takes only what
# the other steps leave idle (configure steps, links, a tree's last files, a
# test run's last long test), and what is left of it builds once they are done.
FUZZ_BUILD_CMD = MAKEFLAGS= $(if $(TEST_OVERLAP),nice -n 19) cmake --build

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DGALLEY_UNITY_BUILD=ON >/dev/null
	@$(BUILD_CMD) $(BUILD) -j $(JOBS)

brochure: build
	@sh scripts/samples.sh $(GALLEY)

# The Release and sanitizer builds run one after another, each at JOBS
# jobs, and the Release tests run beside the sanitizer build: a test run
# leaves cores idle (processes waiting on each other, the last long test
# alone), which the compiler then fills. The fuzz build fills what is idle
# from the start (FUZZ_BUILD_CMD); the fuzz targets run last, alone, so each
# gets its core for its seconds. --output-sync keeps each step's output in
# one piece.
test: deps
	@$(MAKE) --no-print-directory -j 3 --output-sync=target TEST_OVERLAP=1 FUZZ_OPT=-O0 test-release test-sanitize test-fuzz

ifdef TEST_OVERLAP
sanitize-build: | build
test-fuzz: | test-sanitize
endif

test-release: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# -Og, not -O0: it compiles in no more time, and the tests' galley processes
# run about 3 times faster (a hostile case that lays out 2 MB of text: 15 s
# of CPU at -O0, 5 s at -Og). UBSan's alignment and null checks are left to
# the fuzz build (CMakeLists.txt says why).
sanitize-build: deps
	@cmake -S . -B $(BUILD)-asan -DCMAKE_BUILD_TYPE=Debug -DGALLEY_SANITIZE=ON -DGALLEY_UNITY_BUILD=ON -DGALLEY_BENCH=OFF \
	  "-DCMAKE_CXX_FLAGS_DEBUG=-Og -g1" "-DCMAKE_C_FLAGS_DEBUG=-Og -g1" >/dev/null
	@$(BUILD_CMD) $(BUILD)-asan -j $(JOBS)

test-sanitize: sanitize-build
	@cd $(BUILD)-asan && ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		ctest --output-on-failure -j $(JOBS)

# libFuzzer needs clang; the stage libraries are built again with its
# coverage hooks and ASan+UBSan, and only what the fuzz targets link.
fuzz-build: deps
	@cmake -S . -B $(BUILD)-fuzz -DGALLEY_FUZZ=ON -DGALLEY_TESTS=OFF -DGALLEY_BENCH=OFF \
	  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Release -DGALLEY_UNITY_BUILD=ON \
	  -DCMAKE_C_FLAGS_RELEASE=$(FUZZ_OPT) -DCMAKE_CXX_FLAGS_RELEASE=$(FUZZ_OPT) \
	  -DGALLEY_FUZZ_TEST_SECONDS=$(FUZZ_TEST_SECONDS) >/dev/null
	@$(FUZZ_BUILD_CMD) $(BUILD)-fuzz -j $(JOBS) --target fuzz_targets

test-fuzz: fuzz-build
	@cd $(BUILD)-fuzz && ctest --output-on-failure -j $(JOBS)

fuzz: fuzz-build
	@sh fuzz/run.sh $(BUILD)-fuzz/fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

bench: build
	@sh bench/run.sh $(GALLEY)

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-fuzz
