# The two commands of the README:
#   make brochure   install what is missing, build, write output/*.pdf
#   make test       install what is missing, build, run every test (also under ASan+UBSan),
#                   then each fuzz target for FUZZ_TEST_SECONDS
# and, for developers:
#   make fuzz       each fuzz target (or FUZZ_TARGETS) for FUZZ_SECONDS (docs/fuzzing.md)
JOBS ?= $(shell nproc)
BUILD ?= build
GALLEY = $(BUILD)/src/galley
FUZZ_SECONDS ?= 60
FUZZ_TEST_SECONDS ?= 20
FUZZ_TARGETS ?=

.PHONY: all deps build brochure samples test test-release test-sanitize test-fuzz fuzz fuzz-build bench clean

all: brochure

deps:
	@sh scripts/deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DGALLEY_UNITY_BUILD=ON >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

brochure: build
	@sh scripts/samples.sh $(GALLEY)

test: test-release test-sanitize test-fuzz

test-release: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-sanitize: deps
	@cmake -S . -B $(BUILD)-asan -DCMAKE_BUILD_TYPE=Debug -DGALLEY_SANITIZE=ON -DGALLEY_UNITY_BUILD=ON -DGALLEY_BENCH=OFF \
	  "-DCMAKE_CXX_FLAGS_DEBUG=-O0 -g1" "-DCMAKE_C_FLAGS_DEBUG=-O0 -g1" >/dev/null
	@cmake --build $(BUILD)-asan -j $(JOBS)
	@cd $(BUILD)-asan && ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		ctest --output-on-failure -j $(JOBS)

# libFuzzer needs clang; the stage libraries are built again with its
# coverage hooks and ASan+UBSan, and only what the fuzz targets link.
fuzz-build: deps
	@cmake -S . -B $(BUILD)-fuzz -DGALLEY_FUZZ=ON -DGALLEY_TESTS=OFF -DGALLEY_BENCH=OFF \
	  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Release -DGALLEY_UNITY_BUILD=ON \
	  -DCMAKE_C_FLAGS_RELEASE=-O1 -DCMAKE_CXX_FLAGS_RELEASE=-O1 \
	  -DGALLEY_FUZZ_TEST_SECONDS=$(FUZZ_TEST_SECONDS) >/dev/null
	@cmake --build $(BUILD)-fuzz -j $(JOBS) --target fuzz_targets

test-fuzz: fuzz-build
	@cd $(BUILD)-fuzz && ctest --output-on-failure -j $(JOBS)

fuzz: fuzz-build
	@sh fuzz/run.sh $(BUILD)-fuzz/fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

bench: build
	@sh bench/run.sh $(GALLEY)

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-fuzz
