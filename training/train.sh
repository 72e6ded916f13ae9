#!/usr/bin/env bash
# The one training command for src/entities/model.bin (deterministic; about 2 minutes).
# Needs the cached teacher output (training/silver.py, see src/entities/MODEL.md) and ../shared/data.
# Two runs: the first keeps every 20th document of each file out of training and fits the score
# calibration on them (training/cache/calib.bin); the second trains on everything and ships that
# calibration. Extra flags go to the second run, e.g. `training/train.sh --eval ../shared/data/conll03-dev.jsonl`.
set -euo pipefail
cd "$(dirname "$0")/.."
D=${SHARED_DATA:-../shared/data}
C=training/cache
if [ ! -f $C/silver-senate.jsonl ] || [ $C/silver-senate-a.jsonl -nt $C/silver-senate.jsonl ] 2>/dev/null; then
  # a teacher run split in two parts (--stop 56000 / --skip 56000) is the same file, concatenated
  [ -f $C/silver-senate-a.jsonl ] && cat $C/silver-senate-a.jsonl $C/silver-senate-b.jsonl > $C/silver-senate.jsonl
fi
train() {
  cargo run --release --example train_entities -- train \
    --data "$D/conll03-train.jsonl:1" \
    --data "$C/silver-wikinews.jsonl:0.5" \
    --data "$C/silver-senate.jsonl:0.5" \
    --epochs 10 --bits 17 --mincount 5 --prune 16 --levels 15 --seed 0 "$@"
}
train --holdout 20 --out $C/calib.bin
train --calibration-from $C/calib.bin --out src/entities/model.bin "$@"
