# The two commands of the README:
#   make brochure   install what is missing, build, write output/*.pdf
#   make test       install what is missing, build, run every test (also under ASan+UBSan)
JOBS ?= $(shell nproc)
BUILD ?= build
GALLEY = $(BUILD)/src/galley

.PHONY: all deps build brochure samples test test-release test-sanitize bench clean

all: brochure

deps:
	@sh scripts/deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

brochure: build
	@sh scripts/samples.sh $(GALLEY)

test: test-release test-sanitize

test-release: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-sanitize: deps
	@cmake -S . -B $(BUILD)-asan -DCMAKE_BUILD_TYPE=Debug -DGALLEY_SANITIZE=ON >/dev/null
	@cmake --build $(BUILD)-asan -j $(JOBS)
	@cd $(BUILD)-asan && ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		ctest --output-on-failure -j $(JOBS)

bench: build
	@sh bench/run.sh $(GALLEY)

clean:
	rm -rf $(BUILD) $(BUILD)-asan
