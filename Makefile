# The two commands people need: `make serve` and `make test`. Each sets up what is missing first.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

ENV := source .tools/env.sh
WASM_ENV := source .tools/env.sh && source .tools/wasm-env.sh

.PHONY: help setup setup-build serve dist test check lint fmt native-test e2e bench clean

help:
	@echo "make serve   build and serve the app on http://127.0.0.1:8080 (rebuilds on change)"
	@echo "make test    formatting, clippy, native tests, release build, browser tests"
	@echo "make dist    release build into dist/ and print each file's size"
	@echo "make bench   bundle sizes, engine and share-link benchmarks (docs/benchmarks.md)"

setup:
	@scripts/setup.sh all

setup-build:
	@scripts/setup.sh build

serve: setup-build
	$(WASM_ENV) && trunk serve --address 127.0.0.1 --port 8080

dist: setup-build
	@rm -rf dist
	$(WASM_ENV) && trunk build --release
	@# With inject_scripts = false Trunk leaves its build directive in the page; loader.js does its job.
	@sed -i '/data-trunk rel="rust"/d' dist/index.html
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

test: setup
	@t0=$$(date +%s); \
	$(MAKE) --no-print-directory lint; \
	$(MAKE) --no-print-directory native-test; \
	$(MAKE) --no-print-directory dist; \
	$(MAKE) --no-print-directory e2e; \
	echo "make test: all checks passed in $$(( $$(date +%s) - t0 )) s"

# Bundle sizes (from dist), the engine's compute/validate/compare benches, and share-link lengths
# and speed. Criterion prints medians; see docs/benchmarks.md for the method and figures.
bench: dist
	cargo bench --bench compute --bench links

clean:
	rm -rf dist target test-results tests/e2e/output
