#!/usr/bin/env bash
# Builds the wasm and serves the page (www/) on http://127.0.0.1:${PORT:-8080}/ .
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build-wasm.sh
exec node scripts/static-server.mjs "${PORT:-8080}"
