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

test('undo and redo: every correction undone gives back the annotated document, every one redone the corrected one', () => {
  fc.assert(fc.property(fc.constantFrom(...TEXTS), fc.array(op, { minLength: 1, maxLength: 12 }), (text, ops) => {
    const doc = JSON.parse(annotator.annotate(text));
    const c = new Corrections(doc, text);
    const n = text.length;
    for (const o of ops) {
      try {
        if (o.kind === 'add') c.add(o.layer, { start: o.a % (n + 1), end: o.b % (n + 1) }, { label: o.label });
        else if (o.kind === 'remove' && c.doc[o.layer].length) c.remove(o.layer, c.doc[o.layer][o.i % c.doc[o.layer].length]);
        else if (o.kind === 'relabel' && c.doc.entities.length) c.relabelAll(c.doc.entities[o.i % c.doc.entities.length], o.label);
      } catch { /* refusals */ }
    }
    const final = structuredClone(c.doc);
    const k = c.count;
    for (let i = 0; i < k; i++) assert.ok(c.undo());
    assert.equal(c.undo(), false, 'nothing left to undo');
    assert.deepEqual(c.doc, doc, 'all undone: the annotated document');
    assert.equal(c.changed, false);
    for (let i = 0; i < k; i++) assert.ok(c.redo());
    assert.equal(c.redo(), false);
    assert.deepEqual(c.doc, final, 'all redone: the corrected document');
    assertDoc(c.doc, text, 'redone document');
  }), { numRuns: 60 });
});

test('a name corrected everywhere: relabelAll and removeAll act on every mention of the cluster, as one correction', () => {
  const text = 'Anna Berg met officials in Oslo on Monday. Berg said the bridge would open in May. Later, Anna Berg left Oslo.';
  const doc = JSON.parse(annotator.annotate(text));
  const anna = doc.entities.find((e) => e.text === 'Anna Berg');
  assert.ok(anna, `Anna Berg found: ${doc.entities.map((e) => e.text)}`);
  const mentions = doc.entities.filter((e) => e.cluster === anna.cluster).length;
  assert.ok(mentions >= 2, 'the name has several mentions');
  const c = new Corrections(doc, text);
  c.relabelAll(anna, 'ORG');
  assert.equal(c.count, 1);
  const relabelled = c.doc.entities.filter((e) => e.cluster === anna.cluster);
  assert.equal(relabelled.length, mentions);
  assert.ok(relabelled.every((e) => e.label === 'ORG' && e.source === 'edited'));
  assert.ok(c.doc.entities.filter((e) => e.cluster !== anna.cluster).every((e) => e.source !== 'edited'), 'other names untouched');
  c.removeAll(anna);
  assert.equal(c.count, 2);
  assert.equal(c.doc.entities.filter((e) => e.cluster === anna.cluster).length, 0);
  assertDoc(c.doc, text, 'after removeAll');
  c.undo();
  assert.equal(c.doc.entities.filter((e) => e.cluster === anna.cluster).length, mentions);
});

test('a quote\'s speaker chosen among the article\'s names: the nearest mention outside the quote', () => {
  const text = 'Anna Berg and Tomas Lind met in Oslo. "The bridge will open in May," Lind said. Berg agreed.';
  const doc = JSON.parse(annotator.annotate(text));
  const q = doc.quotes[0];
  const anna = doc.entities.find((e) => e.text === 'Anna Berg');
  assert.ok(q && anna, 'a quote and Anna Berg');
  const c = new Corrections(doc, text);
  const out = c.setSpeakerName(q, anna.cluster);
  assert.equal(out.speaker.cluster, anna.cluster);
  assert.equal(text.slice(out.speaker.start, out.speaker.end), out.speaker.text);
  assert.ok(out.speaker.end <= out.start || out.speaker.start >= out.end, 'outside the quote');
  assertDoc(c.doc, text, 'after setSpeakerName');
});
