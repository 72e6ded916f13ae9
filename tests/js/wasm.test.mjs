// The wasm core in Node (initSync on www/pkg, the same files the page loads): property tests over
// arbitrary strings, the schema, and what the product must find in the seed article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { initSync, Annotator } from '../../www/pkg/newsmark.js';
import { assertDoc, assertSchema } from './schema.mjs';
import { seedText } from './helpers.mjs';

initSync({ module: readFileSync(new URL('../../www/pkg/newsmark_bg.wasm', import.meta.url)) });
const annotator = new Annotator();
const annotate = (text) => JSON.parse(annotator.annotate(text));

// Pieces of news text and of the hard cases: curly and straight quotes, CRLF, NBSP, BOM,
// combining marks, emoji (astral), ZWJ sequences, lone surrogates, dashes.
const PIECES = [
  'Jens Stoltenberg', 'Stoltenberg', 'NATO', 'the United Nations (UN)', 'Idlib', 'Ankara', 'Mevlüt Cavusoglu',
  'said', 'told reporters', 'according to', 'He', 'She', 'a spokesman for the US State Department',
  'some 3.6 million', 'at least 33', 'Thirty', '948,000', '$48.2 million', '12%', '5 km', 'February 27th',
  'Thursday', '2019', 'between 1900 and 2020', 'nearly 1.5 metres', '€1.2 billion',
  '"', '\u201c', '\u201d', '\u2018', '\u2019', "'", '"Stop their offensive"', '\u201cWe support our ally\u201d',
  ', ', '. ', ': ', ' ', ' ', ' ', '\n', '\r\n', '\r', '\n\n', '\u00a0', '\u2009', '\u2028', '\ufeff', '\t',
  'e\u0301', 'Zo\u00eb', 'A\u030a', '\u{1F600}', '\u{1F469}\u200d\u{1F4BB}', '\u{1F1F9}\u{1F1F7}', '\ud800', '\udc00',
  '\udbff', '\u2013', '\u2014', '(', ')', '[', ']', '<b>', '&amp;', '\u0000', '\u{10FFFF}', 'Μόσχα', '北京',
];
const newsLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join(''));
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('"', '\u201c', '\u201d', ' ', 'a', 'A', '1', '.', ',', '\r', '\n', '\ud83d', '\ude00'), maxLength: 120 }),
  newsLike,
);

test('the wasm core never throws, and every item slices to its text (arbitrary strings, lone surrogates)', () => {
  fc.assert(fc.property(anyString, (text) => {
    const json = annotator.annotate(text);
    assertDoc(JSON.parse(json), text, `annotate(${JSON.stringify(text).slice(0, 80)})`);
  }), { numRuns: 1000 });
});

test('JSON keeps nulls and integers as the wire format says', () => {
  const doc = annotate('The city has some 3.6 million people, Jens Stoltenberg said on Thursday.');
  assertSchema(doc);
  const json = annotator.annotate('x');
  assert.match(json, /^\{"schema":"newsmark\/2","generator":"newsmark \d+\.\d+\.\d+/);
  assert.doesNotMatch(annotator.annotate('It cost $3,600,000 in 2019.'), /\d\.0[,}]/, 'integers are written without .0');
});

test('empty and whitespace-only texts give empty, valid documents', () => {
  for (const t of ['', ' ', '\r\n', '\ufeff', '\ud800']) {
    const doc = annotate(t);
    assertDoc(doc, t);
    assert.deepEqual([doc.entities.length, doc.numbers.length, doc.quotes.length], [0, 0, 0]);
  }
});

test('offsets are UTF-16 with emoji, BOM, CRLF and combining marks before the items', () => {
  const base = 'NATO Secretary General Jens Stoltenberg said: "Stop their offensive." Some 3.6 million Syrians live in Turkey.';
  const prefixes = ['', '\ufeff', '\u{1F600}\u{1F600} ', 'e\u0301e\u0301 ', '\r\n\r\n', '\ud800 '];
  const base0 = annotate(base);
  for (const p of prefixes) {
    const text = p + base;
    const doc = annotate(text);
    assertDoc(doc, text, `prefix ${JSON.stringify(p)}`);
    // the same items, shifted by the prefix's UTF-16 length
    for (const layer of ['entities', 'numbers', 'quotes']) {
      assert.deepEqual(doc[layer].map((x) => [x.start - p.length, x.text]), base0[layer].map((x) => [x.start, x.text]),
        `${layer} shift with prefix ${JSON.stringify(p)}`);
    }
  }
});

test('seed article: the highlights the product must find', (t) => {
  const text = seedText(t);
  if (text == null) return;
  const doc = annotate(text);
  assertDoc(doc, text, 'seed article');
  const ents = (label) => new Set(doc.entities.filter((e) => e.label === label).map((e) => e.text));
  for (const name of ['Jens Stoltenberg', 'Fahrettin Altun']) assert.ok(ents('PERSON').has(name), `PERSON ${name}`);
  assert.ok(ents('ORG').has('NATO'), 'ORG NATO');
  for (const name of ['Idlib', 'Ankara']) assert.ok(ents('PLACE').has(name), `PLACE ${name}`);
  const n = doc.numbers.find((x) => x.text === 'some 3.6 million' || x.text === '3.6 million');
  assert.ok(n, 'number "some 3.6 million"');
  assert.equal(n.value, 3600000);
  const q = doc.quotes.find((x) => x.text.includes('Stop their offensive'));
  assert.ok(q, 'quote "Stop their offensive"');
  assert.ok(q.speaker, 'quote "Stop their offensive" has a speaker');
});
