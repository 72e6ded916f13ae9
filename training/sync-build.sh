#!/usr/bin/env bash
# Private build tree for entity work while other modules are mid-edit in the shared checkout:
# HEAD's files plus the working copies of the entity files. Usage: training/sync-build.sh DIR
set -euo pipefail
dir=${1:-/work/ent-build}
cd "$(dirname "$0")/.."
mkdir -p "$dir"
git archive HEAD | tar -x -C "$dir"
cp -r src/entities src/tokens.rs "$dir/src/"
mkdir -p "$dir/examples" "$dir/tests/it"
cp examples/train_entities.rs "$dir/examples/"
cp tests/it/entities.rs "$dir/tests/it/"
