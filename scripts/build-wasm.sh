#!/usr/bin/env bash
# Builds the wasm core and its JS glue into www/pkg (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --target wasm32-unknown-unknown --lib
wasm-bindgen --target web --out-dir www/pkg target/wasm32-unknown-unknown/release/newsmark.wasm
