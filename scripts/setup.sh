#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test the app, and writes .tools/env.sh and
# .tools/wasm-env.sh, which the Makefile sources. Detects before it installs, so a second
# run takes seconds. Fetches only from the package registries (crates.io, npm, Debian).
#
#   scripts/setup.sh          everything (build + browser tests)
#   scripts/setup.sh build    only what a release build needs (no Chromium)
#   WASM_STD=debian scripts/setup.sh   build the wasm's std with Debian's rustc-web even where
#                                      rustup's nightly works (WASM_STD=nightly|debian|stable)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
WANT=${1:-all}
TRUNK_REQ='0.21'
ENV_FILE="$ROOT/.tools/env.sh"
mkdir -p "$ROOT/.tools"

setup_start=$(date +%s)
say() { printf 'setup: %s\n' "$*"; }
# step NAME CMD...: runs CMD, prints how long it took.
step() {
  local name=$1; shift
  local t0; t0=$(date +%s)
  say "installing $name ..."
  "$@"
  say "installed $name in $(( $(date +%s) - t0 )) s"
}

apt_updated=0
apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    say "need root (or sudo) to install Debian packages: $*"; exit 1
  fi
  if [ "$apt_updated" -eq 0 ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
have_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# --- 1. a Rust standard library for wasm32, built with panics that abort at once -----------
# The release wasm builds std itself (cargo's build-std) with the immediate-abort panic strategy
# and no std features: no panic machinery or message formatting in the wasm (about 27 KiB brotli,
# docs/benchmarks.md); assets/loader.js shows the crash message. That needs std's sources and
# unstable cargo flags, from one of (in this order; WASM_STD=nightly|debian|stable forces one):
#   nightly  rustup's $NIGHTLY with its rust-src component (a pinned date, so builds repeat);
#   debian   Debian's rustc-web 1.96 with rust-web-src and lld-19, unlocked by RUSTC_BOOTSTRAP=1
#            (see ../shared/TOOLCHAIN.md);
#   stable   the rustup toolchain's prebuilt wasm32 std, panic = "abort": works anywhere rustup
#            does, 27 KiB larger; a panic still reaches the loader as a trap after Yew's hook logs it.
NIGHTLY=nightly-2026-05-20
wasm_env=""
have_nightly() { [ -d "$(rustc "+$NIGHTLY" --print sysroot 2>/dev/null)/lib/rustlib/src/rust/library/std" ]; }
case "${WASM_STD:-auto}" in
  nightly|debian|stable) wasm_env=$WASM_STD; say "wasm32 std: $wasm_env (WASM_STD)" ;;
  *)
    if have_nightly; then
      wasm_env=nightly; say "wasm32 std: built from $NIGHTLY's rust-src"
    elif [ ! -f "$ROOT/.tools/no-nightly" ] && timeout 300 rustup toolchain install "$NIGHTLY" \
        --profile minimal --component rust-src >/dev/null 2>&1 && have_nightly; then
      wasm_env=nightly; say "wasm32 std: installed $NIGHTLY with rust-src"
    elif [ "$(id -u)" -eq 0 ]; then
      [ -f "$ROOT/.tools/no-nightly" ] || say "wasm32 std: could not install $NIGHTLY; using Debian's rustc-web"
      touch "$ROOT/.tools/no-nightly"
      wasm_env=debian
    else
      say "wasm32 std: neither $NIGHTLY nor Debian's rustc-web (needs root); using the stable toolchain"
      wasm_env=stable
    fi ;;
esac
if [ "$wasm_env" = nightly ] && ! have_nightly; then
  step "$NIGHTLY with rust-src" rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src
fi
if [ "$wasm_env" = debian ]; then
  missing=()
  for p in rustc-web cargo-web rust-web-src lld-19; do have_deb "$p" || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then step "Debian ${missing[*]}" apt_install "${missing[@]}"; fi
fi
if [ "$wasm_env" = stable ]; then
  sysroot=$(rustc --print sysroot)
  if [ ! -d "$sysroot/lib/rustlib/wasm32-unknown-unknown" ]; then
    step "rustup target wasm32-unknown-unknown" timeout 120 rustup target add wasm32-unknown-unknown
  fi
fi

# --- 2. trunk ------------------------------------------------------------------------------
export PATH="$HOME/.cargo/bin:$PATH"
if trunk --version 2>/dev/null | grep -q "trunk $TRUNK_REQ\."; then
  say "trunk: $(trunk --version)"
else
  # trunk 0.22 needs a newer rustc than these machines have.
  step "trunk ~$TRUNK_REQ (takes about 9 minutes on 2 cores)" \
    cargo install trunk --version "~$TRUNK_REQ" --locked --quiet
fi

# --- 3. wasm-bindgen-cli at exactly Cargo.lock's wasm-bindgen --------------------------------
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wbg" ]; then say "could not read wasm-bindgen's version from Cargo.lock"; exit 1; fi
if wasm-bindgen --version 2>/dev/null | grep -q " $wbg\$"; then
  say "wasm-bindgen-cli: $wbg"
else
  # Its own lockfile names a crate the registry lacks, so install without --locked.
  step "wasm-bindgen-cli $wbg (about 3 minutes)" \
    cargo install wasm-bindgen-cli --version "=$wbg" --quiet
fi

# --- 4. npm packages: wasm-opt (binaryen), Playwright, axe-core -----------------------------
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm packages from package-lock.json" npm ci --no-audit --no-fund --loglevel=error
else
  say "npm packages: up to date"
fi

# --- 5. Chromium for the browser tests -------------------------------------------------------
if [ "$WANT" = all ]; then
  if command -v chromium >/dev/null 2>&1; then
    say "chromium: present"
  else
    step "Debian chromium" apt_install chromium
  fi
fi

# --- 6. Firefox ESR and WebKitGTK with their WebDriver servers (make xbrowser) ---------------
# Playwright cannot download its own Firefox or WebKit here, so the cross-browser suite drives
# Debian's engines over WebDriver: firefox-esr with geckodriver (crates.io), and
# webkit2gtk-driver (WebKitWebDriver, Safari's engine), which needs a display: xvfb.
if [ "$WANT" = all ]; then
  missing=()
  for p in firefox-esr webkit2gtk-driver xvfb xauth; do have_deb "$p" || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    step "Debian ${missing[*]}" apt_install "${missing[@]}"
  else
    say "firefox-esr, webkit2gtk-driver, xvfb: present"
  fi
  # Read all it prints: closing the pipe early makes geckodriver panic.
  gecko=$(geckodriver --version 2>/dev/null || true)
  if [[ "$gecko" =~ ^geckodriver\ 0\.3[6-9] ]]; then
    say "${gecko%%$'\n'*}"
  else
    # --locked where its lockfile resolves here; otherwise the newest compatible dependencies.
    install_geckodriver() {
      if cargo install geckodriver --version '~0.37' --locked --quiet; then
        say "geckodriver: built with --locked"
      else
        say "geckodriver: --locked failed; building with the newest compatible dependencies"
        cargo install geckodriver --version '~0.37' --quiet
      fi
    }
    step "geckodriver ~0.37 (2-5 minutes on 2 cores)" install_geckodriver
  fi
fi

# --- 7. the environments the Makefile sources --------------------------------------------------
# env.sh: tools on PATH, for everything. wasm-env.sh: only for wasm builds, because pointing
# RUSTC at Debian's compiler would break clippy and the native tests of the rustup toolchain.
{
  echo "# written by scripts/setup.sh; sourced by the Makefile"
  echo "export PATH=\"$ROOT/node_modules/.bin:\$HOME/.cargo/bin:\$PATH\""
  echo "export TRUNK_OFFLINE=true"
} > "$ENV_FILE.tmp"
mv "$ENV_FILE.tmp" "$ENV_FILE"
{
  echo "# written by scripts/setup.sh; sourced by the Makefile for wasm builds only (route: $wasm_env)"
  case "$wasm_env" in
    nightly) echo "export RUSTUP_TOOLCHAIN=$NIGHTLY" ;;
    debian)
      echo "export RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1"
      echo "export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19" ;;
  esac
  if [ "$wasm_env" != stable ]; then
    # std built here, with an empty feature list (std's default features make it larger), and
    # panics that abort at once: see "When the app panics" in docs/maintainers.md.
    echo "export CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_UNSTABLE_BUILD_STD_FEATURES="
    echo "export CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT=true CARGO_PROFILE_RELEASE_PANIC=immediate-abort"
    # No Debug formatting code (-2.4 KiB brotli): nothing the page shows may go through `{:?}`,
    # whose output is then empty (docs/maintainers.md, "When the app panics").
    echo "export RUSTFLAGS=-Zfmt-debug=none"
  fi
} > "$ROOT/.tools/wasm-env.sh"
# Trunk runs cargo --offline: fetch the app's crates and, for build-std, std's own (hashbrown,
# dlmalloc, ...) now, while the registry may be used.
if ! cargo fetch --quiet 2>/dev/null; then say "cargo fetch failed: builds will fetch what they need"; fi
if [ "$wasm_env" != stable ]; then
  (source "$ROOT/.tools/wasm-env.sh" && cargo fetch --quiet --target wasm32-unknown-unknown) \
    || say "cargo fetch of std's crates failed: the first wasm build may stop at --offline"
fi
say "ready in $(( $(date +%s) - setup_start )) s"
