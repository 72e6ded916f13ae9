#!/usr/bin/env bash
# Runs every test: native Rust (unit, integration, property, CLI), the wasm build, wasm-bindgen
# tests in headless Chromium, and node --test (wasm in Node, Playwright end-to-end in Chromium).
# Tests that need ../shared skip with a message when it is absent (an error when CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "native tests (cargo test)"
cargo test

step "release CLI (the byte-identity test compares the page with it)"
cargo build --release --bin newsmark

step "Spark: the CLI through RDD.pipe on local[2] (pyspark from setup.sh, in .venv-spark)"
if [ -x .venv-spark/bin/python ]; then
  SPARK_LOCAL_IP=127.0.0.1 .venv-spark/bin/python scripts/spark/test_spark.py target/release/newsmark
elif [ "${CI:-}" = true ]; then
  echo "no .venv-spark: run ./scripts/setup.sh" >&2; exit 1
else
  echo "skipped: no .venv-spark (./scripts/setup.sh installs pyspark there)"
fi

step "wasm build"
./scripts/build-wasm.sh
raw=$(wc -c < www/pkg/newsmark_bg.wasm); gz=$(gzip -9c www/pkg/newsmark_bg.wasm | wc -c)
echo "shipped wasm: $raw bytes, $gz gzipped"

step "wasm-bindgen tests in headless Chromium"
# not -q: cargo passes it on to the runner, which rejects it
CHROMEDRIVER=${CHROMEDRIVER:-$(command -v chromedriver)} \
  cargo test --target wasm32-unknown-unknown --lib --test web

step "node --test (wasm in Node, Playwright in Chromium)"
node --test tests/js/
