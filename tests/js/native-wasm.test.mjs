// Native and wasm give the same bytes: the release CLI (`--jsonl`, on all cores) and the wasm in
// Node annotate the same documents, and every output line must equal the wasm's JSON byte for
// byte. Documents: 300 generated news-like texts (always) and the CoNLL-2003 dev and PolNeAR dev
// articles from ../shared (skipped with a message when absent; an error when CI=true).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, Annotator } from '../../www/pkg/newsmark.js';
import { cliObjects, dataTexts, newsLikeTexts } from './helpers.mjs';

initSync({ module: readFileSync(new URL('../../www/pkg/newsmark_bg.wasm', import.meta.url)) });
const annotator = new Annotator();

function assertSame(texts, what) {
  const natives = cliObjects(texts);
  texts.forEach((text, i) => {
    const wasm = annotator.annotate(text);
    const native = natives[i];
    if (native !== wasm) {
      let at = 0;
      while (native[at] === wasm[at]) at++;
      assert.fail(`${what} document ${i}: native and wasm differ at byte ${at}: ${native.slice(at, at + 80)} | ${wasm.slice(at, at + 80)}`);
    }
  });
}

test('native and wasm JSON are byte-identical on 300 generated texts', () => {
  assertSame(newsLikeTexts(), 'generated');
});

test('native and wasm JSON are byte-identical on CoNLL-2003 dev and PolNeAR dev', (t) => {
  const files = dataTexts(t, (f) => ['conll03-dev.jsonl', 'polnear-quotes-dev.jsonl.gz'].includes(f));
  if (!files) return;
  assert.equal(files.length, 2, 'both files are in ../shared/data');
  for (const [f, texts] of files) {
    assert.ok(texts.length >= 200, `${f}: ${texts.length} documents`);
    assertSame(texts, f);
  }
});
