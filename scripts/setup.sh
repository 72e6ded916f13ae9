#!/usr/bin/env bash
# Installs everything the build and the tests need; idempotent (skips what is there).
# Runs as root (CI) or as a user with sudo. Needs: rustup + cargo, Node 20 + npm, Debian apt.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

say "Rust target wasm32-unknown-unknown"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

say "wasm-bindgen-cli (must equal the wasm-bindgen crate in Cargo.lock)"
WB_VER=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB_VER" ]; then
  cargo install wasm-bindgen-cli --version "$WB_VER" --locked \
    || cargo install wasm-bindgen-cli --version "$WB_VER"
else
  echo "wasm-bindgen $WB_VER is installed"
fi

say "Chromium and ChromeDriver (Debian packages) for the browser tests"
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver
else
  echo "$(chromium --version 2>/dev/null | head -n1) is installed"
fi

say "npm packages (playwright-core drives Debian's Chromium: no browser download)"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  echo "node_modules is up to date"
fi

say "PySpark in a project-local venv (.venv-spark) for the Spark test, on the machine's Java 17"
# Pinned: 4.3.0 is the version the Spark notes (../shared/research/spark-and-wasm-probe.md) verified.
PYSPARK_VER=4.3.0
if ! command -v java >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless
fi
if [ "$(.venv-spark/bin/python -c 'import pyspark; print(pyspark.__version__)' 2>/dev/null)" != "$PYSPARK_VER" ]; then
  python3 -m venv .venv-spark
  .venv-spark/bin/pip install -q --disable-pip-version-check "pyspark==$PYSPARK_VER"
else
  echo "pyspark $PYSPARK_VER is installed"
fi

say "setup done"
