#!/usr/bin/env bash
# Scores the release CLI on every development file in ../shared/data with ../shared/eval and
# writes bench/quality.json and bench/quality.md (committed; the README's quality table quotes them).
#   bench/quality.sh
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data
[ -d "$data" ] || { echo "skipped: $data is not beside the project"; exit 0; }
cargo build --release --quiet --bin newsmark
export NEWSMARK=target/release/newsmark
ev() { ../shared/eval/evaluate.sh "$@" --json-only 2>/dev/null; }
{
  echo '{'
  echo "\"date\": \"$(date -u +%F)\", \"commit\": \"$(git rev-parse --short HEAD)\","
  echo "\"ontonotes_plo\": $(ev $data/ontonotes-nw-dev.jsonl --entity-labels PER,ORG,LOC --lenient-the),"
  echo "\"ontonotes\": $(ev $data/ontonotes-nw-dev.jsonl),"
  echo "\"conll\": $(ev $data/conll03-dev.jsonl),"
  echo "\"polnear\": $(ev $data/polnear-quotes-dev.jsonl.gz),"
  echo "\"recognizers\": $(ev $data/numbers-recognizers-dev.jsonl),"
  echo "\"duckling\": $(ev $data/numbers-duckling-dev.jsonl),"
  echo "\"quantulum3\": $(ev $data/numbers-quantulum3-dev.jsonl)"
  echo '}'
} > bench/quality.json
python3 - <<'PY'
import json
q = json.load(open('bench/quality.json'))
f = lambda x: '–' if x is None else f'{x:.3f}'
rows = [
    ('entities', 'OntoNotes nw dev, PER/ORG/LOC, lenient "the"', f"F1 {f(q['ontonotes_plo']['entities_f1'])} (P {f(q['ontonotes_plo']['entities_p'])}, R {f(q['ontonotes_plo']['entities_r'])})"),
    ('entities', 'CoNLL-2003 dev, PER/ORG/LOC/MISC', f"F1 {f(q['conll']['entities_f1'])} (P {f(q['conll']['entities_p'])}, R {f(q['conll']['entities_r'])})"),
    ('numbers', 'OntoNotes nw dev, all kinds incl. dates', f"exact F1 {f(q['ontonotes']['numbers_f1'])}, overlap F1 {f(q['ontonotes']['numbers_overlap_f1'])}"),
    ('numbers', 'Recognizers-Text dev', f"value acc {f(q['recognizers']['numbers_value_acc'])}, exact F1 {f(q['recognizers']['numbers_f1'])}"),
    ('numbers', 'Duckling dev', f"value acc {f(q['duckling']['numbers_value_acc'])}, exact F1 {f(q['duckling']['numbers_f1'])}"),
    ('numbers', 'quantulum3 dev', f"recall {f(q['quantulum3']['numbers_r'])}, value acc {f(q['quantulum3']['numbers_value_acc'])}"),
    ('quotes', 'PolNeAR dev (924 articles)', f"quote F1 {f(q['polnear']['quotes_f1'])}, speaker acc {f(q['polnear']['speaker_acc'])}, exact speaker acc {f(q['polnear'].get('speaker_exact_acc'))}"),
]
md = f"Measured {q['date']} at commit {q['commit']} with `bench/quality.sh` (`../shared/eval/evaluate.sh`).\n\n| layer | data | newsmark |\n|---|---|---|\n"
md += ''.join(f'| {a} | {b} | {c} |\n' for a, b, c in rows)
open('bench/quality.md', 'w').write(md)
print(md)
PY
# the number datasets again, under their own span conventions (bench/conventions.md)
NEWSMARK=$NEWSMARK python3 bench/conventions.py > /dev/null
