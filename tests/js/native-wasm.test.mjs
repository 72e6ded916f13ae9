// Native and wasm give the same bytes: the release CLI (`--jsonl`, on all cores) and the wasm in
// Node annotate the same documents, and every output line must equal the wasm's JSON byte for
// byte. Documents: 300 generated news-like texts (always) and the CoNLL-2003 dev and PolNeAR dev
// articles from ../shared (skipped with a message when absent; an error when CI=true).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { initSync, Annotator } from '../../www/pkg/newsmark.js';
import { CLI } from './helpers.mjs';

initSync({ module: readFileSync(new URL('../../www/pkg/newsmark_bg.wasm', import.meta.url)) });
const annotator = new Annotator();

const PIECES = [
  'Jens Stoltenberg', 'NATO', 'the United Nations (UN)', 'Ankara', 'Mevlüt Çavuşoğlu', 'said', 'told reporters',
  'according to', 'He', 'some 3.6 million', 'at least 33', 'Thirty', '948,000', '$48.2 million', '12%', '5 km',
  'February 27th', 'Thursday', '2019', '€1.2 billion', '"', '\u201c', '\u201d', '\u2018', '\u2019', ', ', '. ',
  ': ', ' ', ' ', '\n', '\r\n', '\n\n', '\u00a0', '\ufeff', '\t', 'e\u0301', '\u{1F600}', '\u2014', '北京', 'Μόσχα',
  'U.S.', 'Mr.', '"Stop their offensive"', '\\', '\u0001', '</script>',
];

function generated() {
  const gen = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 120 }).map((a) => a.join(''));
  return fc.sample(gen, { numRuns: 300, seed: 12 });
}

function cliLines(texts) {
  assert.ok(existsSync(CLI), `${CLI} missing: build it with \`cargo build --release --bin newsmark\` (scripts/test.sh does)`);
  const input = texts.map((text, i) => JSON.stringify({ id: i, text })).join('\n') + '\n';
  const out = execFileSync(CLI, ['annotate', '--jsonl'], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  return out.split('\n').filter(Boolean);
}

function assertSame(texts, what) {
  const lines = cliLines(texts);
  assert.equal(lines.length, texts.length, `${what}: one CLI line per document`);
  texts.forEach((text, i) => {
    const wasm = annotator.annotate(text);
    // the CLI puts the input's id first: {"id":i,<the document's fields>}
    const native = `{${lines[i].slice(`{"id":${i},`.length)}`;
    if (native !== wasm) {
      let at = 0;
      while (native[at] === wasm[at]) at++;
      assert.fail(`${what} document ${i}: native and wasm differ at byte ${at}: ${native.slice(at, at + 80)} | ${wasm.slice(at, at + 80)}`);
    }
  });
}

test('native and wasm JSON are byte-identical on 300 generated texts', () => {
  assertSame(generated(), 'generated');
});

test('native and wasm JSON are byte-identical on CoNLL-2003 dev and PolNeAR dev', (t) => {
  const shared = new URL('../../../shared/data/', import.meta.url);
  const files = ['conll03-dev.jsonl', 'polnear-quotes-dev.jsonl.gz'];
  if (!files.every((f) => existsSync(new URL(f, shared)))) {
    if (process.env.CI === 'true') throw new Error('../shared/data is required when CI=true');
    t.skip('../shared/data not found: skipped');
    return;
  }
  for (const f of files) {
    const raw = readFileSync(new URL(f, shared));
    const texts = (f.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')
      .split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
    assert.ok(texts.length >= 200, `${f}: ${texts.length} documents`);
    assertSame(texts, f);
  }
});
