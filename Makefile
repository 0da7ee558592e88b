# casesift: a thin wrapper over CMake. `make help` lists the targets.
#
#   make            build (Release) into build/
#   make test       install missing packages, build, run every test
#   make demo       run the main job: the screening scenarios end to end, into out/
#   make bench      run the benchmarks under tests/bench and print the figures
#   make lint       clang-format check and the house grep rules
#   make install    PREFIX=/usr/local (DESTDIR=/tmp/stage to stage): the programs, manual
#                   pages, bash completions and report-render's templates
#   make package    build Release, then the Debian package build/casesift_VERSION_ARCH.deb

PREFIX   ?= /usr/local
BUILD    ?= build
ASAN     ?= build-asan
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)
GENERATOR := $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")
# CI builds (CI=true, as .ci/run is run) turn warnings into errors. The sanitizer build
# does not: GCC 12 reports false maybe-uninitialized values in library headers under ASan.
CMAKE_FLAGS ?= $(if $(filter true 1 yes,$(CI)),-DCASESIFT_WERROR=ON,)

# Every Debian package the project and its tests need. Hyperscan only exists on
# amd64; elsewhere the portable Vectorscan provides the same API.
ARCH := $(shell dpkg --print-architecture 2>/dev/null || echo amd64)
HS_PKG := $(if $(filter amd64,$(ARCH)),libhyperscan-dev,libvectorscan-dev)
DEPS := g++ make cmake ninja-build pkg-config git clang-format \
        libcli11-dev libsimdjson-dev libfmt-dev libxxhash-dev catch2 libre2-dev $(HS_PKG) \
        libyaml-cpp-dev libsqlite3-dev libxlsxwriter-dev libkainjow-mustache-dev libopencc-dev libutf8proc-dev libzip-dev libexpat1-dev \
        chromium fonts-wqy-microhei unzip jq dpkg-dev file
# Peers the benchmarks compare against (DuckDB comes from npm, see tests/bench).
BENCH_DEPS := jq miller hyperfine nodejs=node npm=npm bc

FUZZ     ?= build-fuzz
FUZZ_SECONDS ?= 60

.PHONY: all build deps deps-bench test test-sanitize bench demo lint format install package \
        clean help update-cases fuzz

all: build

help:
	@sed -n '1,/^$$/p' Makefile | sed 's/^# \{0,1\}//'

# Installs what is missing, and only that; prints the exact command when it cannot.
deps:
	@PKGS="$(DEPS)" sh tests/support/install-deps.sh

deps-bench:
	@PKGS="$(BENCH_DEPS)" sh tests/support/install-deps.sh

build:
	@test -f $(BUILD)/CMakeCache.txt || \
	  cmake -S . -B $(BUILD) $(GENERATOR) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS)

test: deps
	@$(MAKE) --no-print-directory build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-sanitize: deps
	cmake -S . -B $(ASAN) $(GENERATOR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCASESIFT_SANITIZE=ON \
	  -DCASESIFT_BENCH=OFF
	cmake --build $(ASAN) -j $(JOBS)
	cd $(ASAN) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

bench: deps deps-bench
	@$(MAKE) --no-print-directory build
	sh tests/bench/run.sh $(BUILD)
	bash tests/bench/extract_speed.sh $(BUILD)
	bash tests/bench/rule_match_speed.sh $(BUILD)
	bash tests/bench/entity_join_speed.sh $(BUILD)
	bash tests/bench/lead_dedupe_speed.sh $(BUILD)
	bash tests/bench/report_render_speed.sh $(BUILD)
	bash tests/bench/e2e_speed.sh $(BUILD)
	bash tests/bench/febrl_accuracy.sh $(BUILD)

demo: deps
	@$(MAKE) --no-print-directory build
	@bash examples/demo.sh $(BUILD)/bin out

lint: deps
	sh tests/support/lint.sh

# Rewrites the golden cases' expectations from what the programs do now; review the
# result with `git diff tests/cases` before committing it.
update-cases: build
	cd $(BUILD) && CASESIFT_UPDATE=1 ctest -L cases -j $(JOBS) >/dev/null; git status --short tests/cases

# Builds the libFuzzer targets with clang and runs each for FUZZ_SECONDS over a scratch
# copy of its seed corpus.
fuzz: deps
	CXX=clang++ cmake -S . -B $(FUZZ) $(GENERATOR) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCASESIFT_FUZZ=ON -DCASESIFT_TESTS=OFF -DCASESIFT_BENCH=OFF
	cmake --build $(FUZZ) -j $(JOBS)
	for f in $(FUZZ)/fuzz/*_fuzz; do \
	  t=$$(basename $$f _fuzz); mkdir -p $(FUZZ)/corpus/$$t; \
	  cp -n tests/fuzz/corpus/$$t/* $(FUZZ)/corpus/$$t/ 2>/dev/null; \
	  $$f -max_total_time=$(FUZZ_SECONDS) $(FUZZ)/corpus/$$t || exit 1; \
	done

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

# CPack's DEB generator over the install above, under /usr; Depends is computed by
# dpkg-shlibdeps (dpkg-dev). tests/checks/package_contents.sh checks what it holds.
package: deps
	@$(MAKE) --no-print-directory build
	@grep -q '^CMAKE_BUILD_TYPE:STRING=Release$$' $(BUILD)/CMakeCache.txt || \
	  { echo "make package: $(BUILD) is not a Release build (try BUILD=build-release)"; exit 2; }
	cd $(BUILD) && cpack -G DEB
	@ls $(BUILD)/casesift_*.deb

clean:
	rm -rf $(BUILD) $(ASAN) $(FUZZ)
