#!/usr/bin/env bash
# Peak memory and time of the release CLI on pathological texts, 1 MB and 8 MB each (issue 15).
# Writes bench/memory.md. Needs /usr/bin/time (GNU time) and python3.
#
#     cargo build --release --bin newsmark && bench/memory.sh
#
# The bound checked: peak resident memory <= 40 bytes per input byte + 64 MB. The output (JSON
# written to /dev/null as it is produced) is not held in memory, so it does not count.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${NEWSMARK:-target/release/newsmark}
dir=target/bench/memory
mkdir -p "$dir"
# name | unit repeated to the size (Python string literal)
cases=(
  'dollar-one|"$1 "'
  'straight-quotes|"\""'
  'curly-quotes|"\u201c"'
  'digits-commas|"1,000,"'
  'nested-parens|"("'
  'parens-words|"(a (b "'
  'control-chars|"".join(chr(c) for c in range(1, 32)) + "A\x7f "'
  'news|open("www/sample-article.txt", encoding="utf-8").read()'
)
fail=0
{
  echo "Measured $(date -u +%F) with \`bench/memory.sh\` on $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs):"
  echo "the release CLI, \`newsmark annotate FILE > /dev/null\`, peak resident set size from \`/usr/bin/time -v\`."
  echo "Bound: 40 bytes per input byte + 64 MB."
  echo
  echo '| text | size | time | ms/MB | peak RSS | bytes/input byte | bound | items out |'
  echo '|---|---:|---:|---:|---:|---:|---:|---:|'
  for c in "${cases[@]}"; do
    name=${c%%|*}; unit=${c#*|}
    for mb in 1 8; do
      f=$dir/$name-$mb.txt
      python3 -c "
import sys
u = $unit
n = $mb << 20
s = (u * (n // len(u.encode()) + 1))
b = s.encode()[:n]
b = b.decode('utf-8', 'ignore').encode()
open(sys.argv[1], 'wb').write(b)" "$f"
      size=$(stat -c %s "$f")
      /usr/bin/time -v "$bin" annotate "$f" > "$dir/out.json" 2> "$dir/time.txt" || { echo "failed: $name $mb MB" >&2; cat "$dir/time.txt" >&2; fail=1; }
      kb=$(grep 'Maximum resident' "$dir/time.txt" | awk '{print $NF}')
      wall=$(grep 'Elapsed (wall' "$dir/time.txt" | awk '{print $NF}')
      secs=$(python3 -c "p='$wall'.split(':'); print(sum(float(x)*60**i for i,x in enumerate(reversed(p))))")
      items=$(python3 -c "
import json; d = json.load(open('$dir/out.json'))
print(len(d['entities']) + len(d['numbers']) + len(d['quotes']))")
      bound=$(( 40 * size + 64 * 1024 * 1024 ))
      ok=$(( kb * 1024 <= bound ))
      [ "$ok" = 1 ] || fail=1
      python3 -c "
size, kb, secs, bound, items = $size, $kb, $secs, $bound, $items
print(f'| $name | {size/2**20:.0f} MB | {secs*1000:.0f} ms | {secs*1000/(size/2**20):.0f} | {kb/1024:.0f} MB | {kb*1024/size:.0f} | {bound/2**20:.0f} MB{\"\" if $ok else \" **over**\"} | {items:,} |')"
    done
  done
} > bench/memory.md.new
mv bench/memory.md.new bench/memory.md
cat bench/memory.md
exit $fail
