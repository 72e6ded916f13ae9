#!/usr/bin/env bash
# The one training command for src/entities/wordclass.bin and src/entities/model.bin
# (deterministic; about 15 minutes on two busy cores). Needs the cached teacher output
# (training/silver.py, see src/entities/MODEL.md) and ../shared/data.
# 1. Word classes from the unlabelled licence-clean text (and the CoNLL training text).
# 2. Two trainings, side by side: one keeps every 20th document of each file out and fits the
#    score calibration on them (training/cache/calib.bin); the other trains on everything and
#    gets that calibration. The model is pruned to fit the size budget: model + gazetteer + word
#    classes <= 353 KiB gzip -9. Extra flags go to the second training,
#    e.g. `training/train.sh --eval ../shared/data/conll03-dev.jsonl`.
set -euo pipefail
cd "$(dirname "$0")/.."
D=${SHARED_DATA:-../shared/data}
C=training/cache
# The teacher's Senate output comes in two parts (--stop 56000 / --skip 56000). The shipped model
# (2026-12-07) was trained before part a had finished: on its first 49,980 paragraphs and all of
# part b (69,959 of the 76,621 paragraphs; md5 0eb9f023…). SENATE_A_LINES=all uses all of part a.
A_LINES=${SENATE_A_LINES:-49980}
if [ "$A_LINES" = all ]; then
  cat $C/silver-senate-a.jsonl $C/silver-senate-b.jsonl > $C/silver-senate.jsonl
else
  { head -n "$A_LINES" $C/silver-senate-a.jsonl; cat $C/silver-senate-b.jsonl; } > $C/silver-senate.jsonl
fi
cargo build --release --example train_entities
T=target/release/examples/train_entities
$T classes src/entities/wordclass.bin --words 30000 --classes 256 --iters 8 \
  --text "$D/news-text-wikinews.jsonl.gz" --text "$D/news-text-senate.jsonl.gz" --text "$D/conll03-train.jsonl"
budget=$((353 * 1024 - $(gzip -9c src/entities/gazetteer.bin | wc -c) - $(gzip -9c src/entities/wordclass.bin | wc -c)))
train() {
  $T train \
    --data "$D/conll03-train.jsonl:1" \
    --data "$C/silver-wikinews.jsonl:0.5" \
    --data "$C/silver-senate.jsonl:0.5" \
    --epochs 10 --bits 17 --mincount 5 --prune 16 --max-gzip $budget --hist --seed 0 "$@"
}
train --holdout 20 --out $C/calib.bin > $C/calib.log 2>&1 &
calib=$!
train --out src/entities/model.bin "$@"
wait $calib || { cat $C/calib.log; exit 1; }
$T set-calibration src/entities/model.bin $C/calib.bin
