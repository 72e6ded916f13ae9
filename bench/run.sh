#!/usr/bin/env bash
# Runs the benchmarks and writes their figures to bench/ (committed; the README quotes them).
# Needs ../shared (the texts) and a built www/pkg (./scripts/build-wasm.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/news-text-wikinews.jsonl.gz
[ -f "$data" ] || { echo "skipped: $data is not beside the project"; exit 0; }
mkdir -p target/bench
gzip -dc "$data" > target/bench/wikinews.jsonl
{
  echo "Measured $(date -u +%F) on $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(rustc --version), load average $(cut -d' ' -f1-3 /proc/loadavg)."
  echo 'Native, single thread, release profile (opt-level 3, LTO), best of 3:'
  echo '```'
  cargo run --release --quiet --example bench -- target/bench/wikinews.jsonl
  echo '```'
} > bench/native.md
cat bench/native.md
{
  echo "Measured $(date -u +%F). Shipped = the .wasm and .js runtime files of the npm package, gzip -9"
  echo '(`node scripts/shipped-size.mjs`; the budget is `size-budget.json`):'
  echo '```'
  node scripts/shipped-size.mjs
  echo '```'
} > bench/shipped-size.md
cat bench/shipped-size.md
node bench/peers.mjs
node bench/page.mjs
