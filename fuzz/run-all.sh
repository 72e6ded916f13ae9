#!/usr/bin/env bash
# Runs each fuzz target of issue 15 in turn (one at a time: the machine is shared), for the seconds
# given after its name (or SECONDS),
# seeded with the sample article's paragraphs, then minimises its corpus into fuzz/corpus-min/T
# (committed; tests/it/fuzz_corpus.rs replays it). Logs to fuzz/target/logs/T.log.
#     nice -n 10 fuzz/run-all.sh 1200 exports jsonl offsets:600
set -euo pipefail
cd "$(dirname "$0")"
secs=$1; shift
export RUSTC_BOOTSTRAP=1
mkdir -p target/logs
cargo fuzz build > target/logs/build.log 2>&1  # every target, before the clocks start
for arg in "$@"; do
  t=${arg%%:*}; s=$secs; [ "$arg" = "$t" ] || s=${arg#*:}
  mkdir -p corpus/$t corpus-min/$t
  # seeds: the sample article, paragraph by paragraph, and the committed minimised corpus
  awk -v d=corpus/$t 'BEGIN{RS="\n\n"} {f=sprintf("%s/seed-%03d", d, NR); printf "%s", $0 > f; close(f)}' ../www/sample-article.txt
  cp -n corpus-min/$t/* corpus/$t/ 2>/dev/null || true
  echo "$t: start $(date -u +%FT%TZ), $s s" | tee -a target/logs/summary.txt
  cargo fuzz run $t corpus/$t -- -max_total_time=$s -max_len=4096 -timeout=20 -print_final_stats=1 \
    > target/logs/$t.log 2>&1 || echo "$t: FAILED (see fuzz/target/logs/$t.log, fuzz/artifacts/$t)" | tee -a target/logs/summary.txt
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs" target/logs/$t.log | tee -a target/logs/summary.txt || true
  rm -rf corpus-min/$t && mkdir -p corpus-min/$t
  cargo fuzz cmin $t corpus/$t -- -max_len=4096 > target/logs/$t-cmin.log 2>&1 || true
  cp corpus/$t/* corpus-min/$t/
  echo "$t: end $(date -u +%FT%TZ), corpus $(ls corpus/$t | wc -l) files, $(du -sb corpus-min/$t | cut -f1) bytes" | tee -a target/logs/summary.txt
done
