// What a site that embeds newsmark downloads, gzip -9, against the budget in size-budget.json.
//   node scripts/shipped-size.mjs        (after ./scripts/build-wasm.sh)
// "Shipped" = the runtime files of the npm package: the .wasm and .js files that package.json
// lists in `files`, directories included (types, schema and docs are not downloaded by a page). The entity data's share
// is its two files gzipped on their own (they are include_bytes! in the wasm); code + JS is the rest.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const gz = (path) => gzipSync(readFileSync(new URL(path, root)), { level: 9 }).length;

export const ENTITY_DATA = ['src/entities/model.bin', 'src/entities/gazetteer.bin'];

export function budget() {
  return JSON.parse(readFileSync(new URL('size-budget.json', root), 'utf8'));
}

/** {files: {path: gzip bytes}, total, entityData, codeAndJs} */
export function shippedSizes() {
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  // an entry may be a directory ("www/lib/"): every file under it counts
  const expand = (f) => (statSync(new URL(f, root)).isDirectory()
    ? readdirSync(new URL(f, root), { recursive: true }).map((g) => `${f.replace(/\/?$/, '/')}${g}`)
    : [f]);
  const runtime = pkg.files.flatMap(expand).filter((f) => /\.(wasm|m?js)$/.test(f)).sort();
  const files = Object.fromEntries(runtime.map((f) => [f, gz(f)]));
  const total = Object.values(files).reduce((a, b) => a + b, 0);
  const entityData = ENTITY_DATA.reduce((n, f) => n + gz(f), 0);
  return { files, total, entityData, codeAndJs: total - entityData };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const s = shippedSizes();
  const b = budget();
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  for (const [f, n] of Object.entries(s.files)) console.log(`${f.padEnd(32)} ${kib(n)}`);
  console.log(`total ${kib(s.total)} (budget ${kib(b.total)}); entity data ${kib(s.entityData)} `
    + `(budget ${kib(b.entity_data)}); code + JS ${kib(s.codeAndJs)} (budget ${kib(b.code_and_js)})`);
}
