# The two commands people need: `make serve` and `make test`. Each sets up what is missing first.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

ENV := source .tools/env.sh
WASM_ENV := source .tools/env.sh && source .tools/wasm-env.sh

.PHONY: help setup setup-build serve dist test check lint fmt native-test e2e xbrowser bench bench-builds bench-compare clean

help:
	@echo "make serve   build and serve the app on http://127.0.0.1:8080 (rebuilds on change)"
	@echo "make test    formatting, clippy, native tests, release build, browser tests"
	@echo "make dist    release build into dist/ and print each file's size"
	@echo "make bench   size, load, compute, edit latency, links and memory (docs/benchmarks.md)"
	@echo "make bench-compare A=<rev> B=<rev>   two builds' size and load side by side, in turns"

setup:
	@scripts/setup.sh all

setup-build:
	@scripts/setup.sh build

serve: setup-build
	$(WASM_ENV) && trunk serve --address 127.0.0.1 --port 8080

# Wasm built beside Trunk's (Trunk takes one main wasm per page), each as Trunk builds the
# modeller's: the first screen (docs/maintainers.md, "The first screen") and view.html's viewer
# (docs/embedding.md).
EXTRA_APPS := pooled-budgets-first pooled-budgets-viewer
dist: setup-build
	@rm -rf dist
	$(WASM_ENV) && trunk build --release
	@# With inject_scripts = false Trunk leaves its build directive in the page; loader.js does its job.
	@sed -i '/data-trunk rel="rust"/d' dist/index.html
	@# One style sheet instead of eleven: fewer requests before the first paint (scripts/bundle-css.mjs).
	@node scripts/bundle-css.mjs dist
	$(WASM_ENV) && cargo build --release --target wasm32-unknown-unknown $(EXTRA_APPS:%=--bin %)
	$(ENV) && for app in $(EXTRA_APPS); do \
	  wasm-bindgen --target web --no-typescript --out-dir dist target/wasm32-unknown-unknown/release/$$app.wasm && \
	  wasm-opt -Oz --low-memory-unused --zero-filled-memory dist/$${app}_bg.wasm -o dist/$${app}_bg.wasm || exit 1; \
	done
	@node scripts/viewer-page.mjs dist
	@node scripts/sizes.mjs dist

fmt:
	cargo fmt --all

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings

native-test:
	cargo test --all-targets

e2e:
	$(ENV) && playwright test

# The main flows in Firefox ESR and WebKitGTK over WebDriver (tests/xbrowser/), against dist/.
# WebKitGTK's MiniBrowser has no headless mode, so without a display it runs under Xvfb.
# Ports XBROWSER_PORT..XBROWSER_PORT+4 (default 4291-4295).
xbrowser:
	$(ENV) && if [ -n "$${DISPLAY:-}" ]; then node tests/xbrowser/run.mjs; \
	  else xvfb-run -a -s '-screen 0 1280x1024x24' node tests/xbrowser/run.mjs; fi

test: setup
	@t0=$$(date +%s); \
	$(MAKE) --no-print-directory lint; \
	$(MAKE) --no-print-directory native-test; \
	$(MAKE) --no-print-directory dist; \
	$(MAKE) --no-print-directory e2e; \
	$(MAKE) --no-print-directory xbrowser; \
	echo "make test: all checks passed in $$(( $$(date +%s) - t0 )) s"

# The seven measures of docs/benchmarks.md in one table, written into that file: bundle sizes,
# load time beside a bare Yew page (plain and CPU-throttled), the engine natively (criterion) and
# in wasm, edit-to-paint latency, share-link lengths, memory, and opening the model at the size limits. Builds the bare Yew page
# (benches/bare-yew) and the engine's wasm bench binary (benches/wasm) into target/bench first.
# Browser servers use ports BENCH_PORT..BENCH_PORT+2 (default 4191-4193).
BENCH_WASM := target/wasm32-unknown-unknown/release/bench-compute.wasm
bench: setup dist bench-builds
	cargo bench --bench compute --bench links
	$(ENV) && node scripts/bench.mjs

# What both `make bench` and `make bench-compare` measure the app against: the bare Yew page
# (benches/bare-yew) and the engine's wasm bench binary (benches/wasm), into target/bench.
bench-builds: setup
	@mkdir -p target/bench/compute
	$(WASM_ENV) && cargo build --release --target wasm32-unknown-unknown --bin bench-compute
	$(ENV) && wasm-bindgen --target web --no-typescript --out-dir target/bench/compute $(BENCH_WASM)
	$(ENV) && wasm-opt -Oz target/bench/compute/bench-compute_bg.wasm -o target/bench/compute/bench-compute_bg.wasm
	cp benches/wasm/index.html target/bench/compute/
	$(WASM_ENV) && cd benches/bare-yew && CARGO_TARGET_DIR=$(CURDIR)/target trunk build --release
	@sed -i '/data-trunk rel="rust"/d' target/bench/bare-yew/index.html

# Two revisions side by side on this machine, in turns (docs/benchmarks.md, "Comparing two
# builds"): make bench-compare A=main B=HEAD [ROUNDS=3] [MEASURES=load,edits,slow-edits]
A ?= HEAD~1
B ?= HEAD
ROUNDS ?= 3
MEASURES ?= load
bench-compare: setup bench-builds
	$(ENV) && node scripts/bench-compare.mjs '$(A)' '$(B)' '$(ROUNDS)' '$(MEASURES)'

clean:
	rm -rf dist target test-results tests/e2e/output
