// Issue 15, item 2, in wasm: memory other than the result string stays within 40 bytes per input
// byte + 64 MB on hostile text (before: "$1 " × 8 MB grew the wasm memory to 1.7 GB). The result
// is handed to JS in 1 MB pieces as it is written, so it is not in wasm memory at all: the whole
// growth of wasm memory is held to the bound. Each text gets a fresh wasm instance (wasm memory
// never shrinks), so its growth is that text's alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const BYTES = readFileSync(new URL('../../www/pkg/newsmark_bg.wasm', import.meta.url));
const MB = 1 << 20;
const fill = (unit, n) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

const CASES = [
  ['$1 repeated', fill('$1 ', 8 * MB)],
  ['straight quote marks', fill('"', 8 * MB)],
  ['digits with commas', fill('1,000,', 8 * MB)],
  ['nested parentheses', fill('(', 8 * MB)],
];

for (const [name, text] of CASES) {
  test(`wasm memory on ${name} (8 MB): at most 40 bytes per input byte + 64 MB besides the result`, async () => {
    // a fresh copy of the glue module, so that each case has its own instance
    const wasm = await import(`../../www/pkg/newsmark.js?case=${encodeURIComponent(name)}`);
    const { memory } = wasm.initSync({ module: BYTES });
    const annotator = new wasm.Annotator();
    const before = memory.buffer.byteLength;
    const t0 = performance.now();
    const json = annotator.annotate(text);
    const ms = performance.now() - t0;
    const grown = memory.buffer.byteLength - before;
    const utf8 = Buffer.byteLength(text);
    const result = Buffer.byteLength(json);
    console.log(`${name}: ${(utf8 / MB).toFixed(0)} MB in ${ms.toFixed(0)} ms; wasm memory grew ${(grown / MB).toFixed(0)} MB `
      + `(${(grown / utf8).toFixed(1)} per input byte); the result, ${(result / MB).toFixed(0)} MB, is a JS string`);
    assert.ok(grown <= 40 * utf8 + 64 * MB, `wasm memory grew ${(grown / MB).toFixed(0)} MB`);
    annotator.free();
  });
}
