// The two committed JSON Schemas, compiled with ajv as users would: newsmark/2 (durations and ages)
// validates what the annotator writes now, and newsmark/1 stays beside it so that old exports
// still validate. Needs no wasm build: the documents are written out here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { SCHEMA_URL, SCHEMA_V1_URL } from './helpers.mjs';

const compile = (url) => new Ajv2020({ strictSchema: true, strictTypes: false, strictTuples: false, strictRequired: false, allowUnionTypes: true })
  .compile(JSON.parse(readFileSync(url, 'utf8')));
const v1 = compile(SCHEMA_V1_URL);
const v2 = compile(SCHEMA_URL);

/** A document over `text` with one number item whose extra fields are `fields`. */
function doc(schema, text, fields) {
  return {
    schema, generator: 'newsmark 0.1.0 (test)', offset_unit: 'utf16', length: { utf16: text.length, cp: text.length },
    text_sha256: '0'.repeat(64), entities: [], quotes: [],
    numbers: [{ id: 'n0', start: 0, end: text.length, cp: [0, text.length], text, value: null, to: null, modifier: null,
      unit: null, currency: null, iso: null, ...fields }],
  };
}

test('an old newsmark/1 export validates against the kept version-1 schema, not version 2', () => {
  const old = doc('newsmark/1', 'three months', { kind: 'date', unit: 'mo' });
  assert.ok(v1(old), JSON.stringify(v1.errors));
  assert.ok(!v2(old), 'the schema field names the version');
});

test('newsmark/2 durations and ages validate against version 2 only, with their units', () => {
  const duration = doc('newsmark/2', 'three months', { kind: 'duration', value: 3, unit: 'month', iso: 'P3M' });
  const age = doc('newsmark/2', '60 years old', { kind: 'age', value: 60, unit: 'year' });
  const compound = doc('newsmark/2', '1 hour and 30 minutes', { kind: 'duration', value: 90, unit: 'minute', iso: 'PT1H30M' });
  for (const d of [duration, age, compound]) assert.ok(v2(d), JSON.stringify(v2.errors));
  assert.ok(!v1({ ...duration, schema: 'newsmark/1' }), 'version 1 has no kind duration');
  // what version 2 rules out
  assert.ok(!v2(doc('newsmark/2', 'three months', { kind: 'duration', value: 3, unit: 'mo', iso: 'P3M' })), 'unit symbol');
  assert.ok(!v2(doc('newsmark/2', 'three months', { kind: 'duration', value: 3, unit: 'month', iso: '2019-03' })), 'a date as iso');
  assert.ok(!v2(doc('newsmark/2', '60 years old', { kind: 'age', value: null, unit: 'year' })), 'an age without a value');
  assert.ok(!v2(doc('newsmark/2', '60 years old', { kind: 'age', value: 60, unit: 'year', iso: 'P60Y' })), 'an age has no iso');
});
