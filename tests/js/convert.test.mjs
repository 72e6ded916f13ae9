// The export formats built in JS (www/lib/convert.js: what the page, the npm package and the CMS
// plugin export with) equal the CLI's native ones (src/export.rs, `--format w3c|displacy|csv`):
// W3C Web Annotation and displaCy field for field, the CSV of each layer byte for byte, on 300
// generated texts and on every text of every data file in ../shared (13,322; skipped with a
// message when absent, an error when CI=true). Then what only the page makes: edited items, and
// documents that are not newsmark documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webAnnotationOf, displacyOf, csvOf, formatNumber, wellFormed } from '../../www/lib/convert.js';
import { LAYERS } from '../../www/lib/document.js';
import { assertWebAnnotation } from './schema.mjs';
import { cliObjects, dataTexts, newsLikeTexts } from './helpers.mjs';

/** Every export of every text, from the CLI and from JS, compared; returns how many items. */
function assertSameExports(texts, what) {
  const docs = cliObjects(texts).map((line) => JSON.parse(line));
  const w3c = cliObjects(texts, ['--format', 'w3c']);
  const displacy = cliObjects(texts, ['--format', 'displacy']);
  const csv = Object.fromEntries(LAYERS.map((l) => [l, cliObjects(texts, ['--format', 'csv', '--layer', l])]));
  let items = 0;
  texts.forEach((text, i) => {
    const doc = docs[i];
    const where = `${what} document ${i}`;
    assert.deepStrictEqual(webAnnotationOf(doc, text), JSON.parse(w3c[i]).w3c, `${where}: W3C`);
    assert.deepStrictEqual(displacyOf(doc, text), JSON.parse(displacy[i]), `${where}: displaCy`);
    for (const layer of LAYERS) assert.equal(csvOf(doc, layer), JSON.parse(csv[layer][i]).csv, `${where}: ${layer} CSV`);
    items += doc.entities.length + doc.numbers.length + doc.quotes.length;
  });
  return items;
}

test('JS exports equal the CLI\'s on 300 generated texts', () => {
  assert.ok(assertSameExports(newsLikeTexts(), 'generated') > 300);
});

test('JS exports equal the CLI\'s on every text of every data file', (t) => {
  const files = dataTexts(t, () => true);
  if (!files) return;
  assert.ok(files.length >= 9, `${files.length} data files`);
  for (const [f, texts] of files) {
    const items = assertSameExports(texts, f);
    assert.ok(items > texts.length, `${f}: ${items} items in ${texts.length} texts`);
  }
});

// Numbers are written as Rust's `{}` writes an f64: never with an exponent.
test('formatNumber', () => {
  for (const [v, s] of [
    [0, '0'], [-0, '0'], [3600000, '3600000'], [0.5, '0.5'], [-2.5, '-2.5'], [48.2, '48.2'], [0.1 + 0.2, '0.30000000000000004'],
    [1e-7, '0.0000001'], [-2.5e-8, '-0.000000025'], [1.25e-8, '0.0000000125'], [2 ** 53, '9007199254740992'],
    [1e21, '1000000000000000000000'], [1.5e22, '15000000000000000000000'], [1.2345e25, '12345000000000000000000000'],
  ]) assert.equal(formatNumber(v), s, String(v));
});

test('lone surrogates read as U+FFFD, as the core reads them', () => {
  for (const [s, w] of [['a\uD800b', 'a\uFFFDb'], ['\uDC00', '\uFFFD'], ['\u{1F600}', '\u{1F600}'], ['\uD83D\uDE00\uD83D', '\u{1F600}\uFFFD']]) {
    assert.equal(wellFormed(s), w);
  }
});

const TEXT = '\u201cWe will pay \u20ac1.2\u00a0billion,\u201d said Maria T. Olsen \u{1F600} of Acme Corp. in Oslo on 5 May.';
const DOC = JSON.parse(cliObjects([TEXT])[0]);

test('the exports agree with the document and the text (selectors, code points, headers)', () => {
  const cps = [...TEXT];
  assertWebAnnotation(webAnnotationOf(DOC, TEXT, 'https://example.org/a'), DOC, cps);
  const dc = displacyOf(DOC, TEXT);
  assert.equal(dc.ents.length, DOC.entities.length);
  dc.ents.forEach((e, i) => assert.equal(cps.slice(e.start, e.end).join(''), DOC.entities[i].text));
  for (const layer of LAYERS) assert.match(csvOf(DOC, layer), /^"id","start","end",/);
});

test('edited items say so in every format', () => {
  const doc = structuredClone(DOC);
  for (const layer of LAYERS) doc[layer][0].source = 'edited';
  const bodies = webAnnotationOf(doc, TEXT).first.items.map((a) => a.body.filter((b) => b.purpose === 'editing').length);
  assert.equal(bodies.reduce((a, b) => a + b), 3);
  for (const layer of LAYERS) {
    const rows = csvOf(doc, layer).split('\r\n');
    assert.ok(rows[1].endsWith(',"edited"'), `${layer}: ${rows[1]}`);
    assert.ok(rows[2] === undefined || rows[2] === '' || rows[2].endsWith(',""'), `${layer}: ${rows[2]}`);
  }
});

test('a CSV field that would run as a formula is neutralised, reversibly', () => {
  const doc = structuredClone(DOC);
  const e = doc.entities[0];
  for (const [text, field] of [['=1+2', '"\'=1+2"'], ['-3', '"\'-3"'], ['@x', '"\'@x"'], ['\'Tis', '"\'\'Tis"'], ['say "hi"', '"say ""hi"""']]) {
    e.text = text;
    assert.ok(csvOf(doc, 'entities').split('\r\n')[1].includes(`,${field},`), text);
  }
});

test('what is not a newsmark document is refused with a TypeError', () => {
  for (const bad of [null, 'text', {}, { entities: [], numbers: [] }, { entities: 1, numbers: [], quotes: [] }]) {
    assert.throws(() => webAnnotationOf(bad, TEXT), TypeError);
    assert.throws(() => displacyOf(bad, TEXT), TypeError);
    assert.throws(() => csvOf(bad, 'quotes'), TypeError);
  }
  for (const layer of ['bogus', 'constructor', '__proto__', undefined]) assert.throws(() => csvOf(DOC, layer), TypeError);
});
