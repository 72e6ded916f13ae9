// www/corrections.js in Node: any sequence of corrections keeps a valid newsmark/1 document
// (schema, ids in order, sorted, no overlaps within entities or numbers, spans that slice to their
// text), and every changed or added item is marked "source": "edited".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { initSync, Annotator } from '../../www/pkg/newsmark.js';
import { Corrections } from '../../www/corrections.js';
import { assertDoc } from './schema.mjs';

initSync({ module: readFileSync(new URL('../../www/pkg/newsmark_bg.wasm', import.meta.url)) });
const annotator = new Annotator();

const TEXTS = [
  readFileSync(new URL('../../www/sample-article.txt', import.meta.url), 'utf8'),
  '\ufeff\u{1F600} Jens Stoltenberg said: "Stop their offensive." e\u0301 Some 3.6 million people\r\nlive in Ankara, NATO said.',
];

const op = fc.oneof(
  fc.record({ kind: fc.constant('add'), layer: fc.constantFrom('entities', 'numbers', 'quotes'), a: fc.nat(), b: fc.nat(),
    label: fc.constantFrom('PERSON', 'ORG', 'PLACE', 'MISC') }),
  fc.record({ kind: fc.constant('remove'), layer: fc.constantFrom('entities', 'numbers', 'quotes'), i: fc.nat() }),
  fc.record({ kind: fc.constant('relabel'), i: fc.nat(), label: fc.constantFrom('PERSON', 'ORG', 'PLACE', 'MISC') }),
  fc.record({ kind: fc.constant('speaker'), i: fc.nat(), a: fc.nat(), b: fc.nat(), none: fc.boolean() }),
);

test('any sequence of corrections keeps a valid document, with every edit marked', () => {
  fc.assert(fc.property(fc.constantFrom(...TEXTS), fc.array(op, { maxLength: 25 }), (text, ops) => {
    const doc = JSON.parse(annotator.annotate(text));
    const c = new Corrections(doc, text);
    const n = text.length;
    let changes = 0;
    for (const o of ops) {
      try {
        if (o.kind === 'add') {
          c.add(o.layer, { start: o.a % (n + 1), end: o.b % (n + 1) }, { label: o.label });
        } else if (o.kind === 'remove') {
          const list = c.doc[o.layer];
          if (!list.length) continue;
          c.remove(o.layer, list[o.i % list.length]);
        } else if (o.kind === 'relabel') {
          const list = c.doc.entities;
          if (!list.length) continue;
          const e = list[o.i % list.length];
          if (e.label === o.label) continue;
          c.relabel(e, o.label);
        } else {
          const list = c.doc.quotes;
          if (!list.length) continue;
          c.setSpeaker(list[o.i % list.length], o.none ? null : { start: o.a % (n + 1), end: o.b % (n + 1) });
        }
        changes += 1;
      } catch (e) {
        // refusals are fine (an empty selection, a speaker inside its quote); anything else is a bug
        assert.match(e.message, /select some text first|the speaker cannot be inside the quote/);
      }
    }
    assertDoc(c.doc, text, 'corrected document');
    assert.equal(c.count, changes);
    assert.deepEqual(doc, JSON.parse(annotator.annotate(text)), 'the original document is not modified');
    // an item differing from every original item is marked as edited
    const orig = new Set(['entities', 'numbers', 'quotes'].flatMap((l) => doc[l].map((x) => `${l} ${JSON.stringify({ ...x, id: '' })}`)));
    for (const l of ['entities', 'numbers', 'quotes']) {
      for (const x of c.doc[l]) {
        if (!orig.has(`${l} ${JSON.stringify({ ...x, id: '' })}`)) assert.equal(x.source, 'edited', `${l} ${x.text}`);
      }
    }
  }), { numRuns: 150 });
});

test('code-point offsets of added items count astral characters once', () => {
  const text = '\u{1F600}\u{1F600} Anna Berg';
  const c = new Corrections(JSON.parse(annotator.annotate(text)), text);
  const e = c.add('entities', { start: 4, end: text.length }, { label: 'PERSON' });
  assert.deepEqual([e.start, e.end, e.cp, e.text], [5, 14, [3, 12], 'Anna Berg']);
});
