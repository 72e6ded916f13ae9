// The committed JSON Schema of newsmark/2 (schema/newsmark-2.schema.json), compiled with ajv (draft 2020-12),
// and the invariants every document must satisfy against its text. Not a test file itself.
import { readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020.js';
import { SCHEMA_URL } from './helpers.mjs';

let validateFn = null;

/** The compiled schema validator (fails clearly when the schema is missing). */
export function schemaValidator() {
  if (validateFn) return validateFn;
  assert.ok(existsSync(SCHEMA_URL), `JSON Schema missing: ${SCHEMA_URL.pathname}`);
  const ajv = new Ajv2020({ allErrors: true, strictSchema: true, strictTypes: false, strictTuples: false, strictRequired: false, allowUnionTypes: true });
  validateFn = ajv.compile(JSON.parse(readFileSync(SCHEMA_URL, 'utf8')));
  return validateFn;
}

/** Assert `doc` validates against the schema. */
export function assertSchema(doc, what = 'document') {
  const validate = schemaValidator();
  const ok = validate(doc);
  assert.ok(ok, `${what} does not validate against newsmark/2: ${JSON.stringify(validate.errors?.slice(0, 5), null, 1)}`);
}

function expectText(text, start, end) {
  const s = text.slice(start, end);
  return s.isWellFormed() ? s : s.toWellFormed();
}

function checkSpan(text, cps, span, where) {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${where}: integer offsets`);
  assert.ok(span.start < span.end && span.end <= text.length, `${where}: 0 <= start < end <= length (${span.start}, ${span.end}, ${text.length})`);
  assert.equal(expectText(text, span.start, span.end), span.text, `${where}: text.slice(start, end) === text`);
  assert.equal(cps.slice(span.cp[0], span.cp[1]).join(''), span.text, `${where}: code-point slice === text`);
}

/**
 * Every invariant of a newsmark/2 document over `text` (the exact string annotated): the schema,
 * lengths, hash, ids in order, sorting, spans that slice to their text in UTF-16 and code points,
 * no overlaps within entities or within numbers.
 */
export function assertDoc(doc, text, what = 'document') {
  assertSchema(doc, what);
  const wf = text.toWellFormed();
  const cps = [...wf];
  assert.equal(doc.length.utf16, text.length, `${what}: length.utf16`);
  assert.equal(doc.length.cp, cps.length, `${what}: length.cp`);
  assert.equal(doc.text_sha256, createHash('sha256').update(wf, 'utf8').digest('hex'), `${what}: text_sha256`);
  for (const [layer, p] of [['entities', 'e'], ['numbers', 'n'], ['quotes', 'q']]) {
    let prevStart = -1;
    let prevEnd = 0;
    doc[layer].forEach((item, i) => {
      const where = `${what} ${layer}[${i}] ${JSON.stringify(item.text)}`;
      assert.equal(item.id, `${p}${i}`, `${where}: id`);
      checkSpan(text, cps, item, where);
      assert.ok(item.start >= prevStart, `${where}: sorted by start`);
      if (layer !== 'quotes') assert.ok(item.start >= prevEnd, `${where}: does not overlap the previous item`);
      prevStart = item.start;
      prevEnd = item.end;
      if (layer === 'quotes') {
        if (item.speaker) {
          checkSpan(text, cps, item.speaker, `${where} speaker`);
          assert.ok(item.speaker.end <= item.start || item.speaker.start >= item.end, `${where}: speaker outside the quote`);
        }
        if (item.cue) checkSpan(text, cps, item.cue, `${where} cue`);
      }
    });
  }
}

/** Structure check against the Web Annotation vocabulary's required fields. */
export function assertWebAnnotation(wa, doc, cps) {
  assert.equal(wa['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(wa.type, 'AnnotationCollection');
  assert.ok(wa.id);
  const items = wa.first.items;
  assert.equal(wa.total, items.length);
  assert.equal(items.length, doc.entities.length + doc.numbers.length + doc.quotes.length);
  for (const a of items) {
    assert.equal(a.type, 'Annotation');
    assert.ok(typeof a.id === 'string' && a.id.length);
    assert.ok(a.target && a.target.source, 'target.source');
    const sel = a.target.selector;
    const quote = sel.find((s) => s.type === 'TextQuoteSelector');
    const pos = sel.find((s) => s.type === 'TextPositionSelector');
    assert.ok(quote && pos, 'both selectors');
    assert.equal(cps.slice(pos.start, pos.end).join(''), quote.exact, 'position selector covers exact');
    assert.equal(cps.slice(Math.max(0, pos.start - [...quote.prefix].length), pos.start).join(''), quote.prefix, 'prefix');
    assert.equal(cps.slice(pos.end, pos.end + [...quote.suffix].length).join(''), quote.suffix, 'suffix');
    for (const b of [a.body].flat()) assert.ok(b.type === 'TextualBody' && typeof b.value === 'string');
  }
}
