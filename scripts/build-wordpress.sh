#!/usr/bin/env bash
# Builds the installable WordPress plugin: target/wordpress/newsmark.zip (and the unpacked folder
# beside it). The zip holds the plugin's own files (wordpress/newsmark/) and the embeddable library
# as the npm package ships it (the module, the Worker and the wasm), under newsmark/library/.
#   ./scripts/build-wordpress.sh        (needs www/pkg: ./scripts/build-wasm.sh first)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f www/pkg/newsmark_bg.wasm ] || { echo "www/pkg is missing: run ./scripts/build-wasm.sh first" >&2; exit 1; }
OUT=target/wordpress
rm -rf "$OUT"; mkdir -p "$OUT/newsmark/library"
cp -R wordpress/newsmark/. "$OUT/newsmark/"
# The library: every runtime .js/.wasm file the npm package lists (package.json "files"), at the
# same relative paths under library/, so its relative imports (./worker.js, ./pkg/…) keep working.
node -e '
  const p = require("./package.json");
  const fs = require("fs"), path = require("path");
  const walk = (f) => fs.statSync(f).isDirectory()
    ? fs.readdirSync(f).sort().flatMap((c) => walk(path.join(f, c))) : [f];
  for (const f of p.files.filter((f) => f.startsWith("www/")).flatMap(walk))
    if (/\.(js|wasm)$/.test(f)) console.log(f);
' | while read -r f; do
  mkdir -p "$OUT/newsmark/library/$(dirname "${f#www/}")"
  cp "$f" "$OUT/newsmark/library/${f#www/}"
done
(cd "$OUT" && rm -f newsmark.zip && python3 -m zipfile -c newsmark.zip newsmark/)
echo "built $OUT/newsmark.zip ($(wc -c < "$OUT/newsmark.zip") bytes)"
