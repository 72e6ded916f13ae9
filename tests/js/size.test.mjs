// The size budget: what a page downloads (the .wasm and .js runtime files of the npm package,
// gzip -9) may not grow past size-budget.json. Raising a figure there is a deliberate commit that
// says why; the shares beside the total say where the bytes went.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedSizes, budget } from '../../scripts/shipped-size.mjs';

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

test('shipped files fit the size budget (gzip -9), in total and in each share', () => {
  const s = shippedSizes();
  const b = budget();
  const files = Object.keys(s.files);
  assert.ok(files.some((f) => f.endsWith('.wasm')) && files.some((f) => f.endsWith('.js')), `runtime files: ${files}`);
  const detail = Object.entries(s.files).map(([f, n]) => `${f} ${kib(n)}`).join(', ');
  assert.ok(s.total <= b.total, `shipped ${kib(s.total)} > budget ${kib(b.total)} (${detail})`);
  assert.ok(s.entityData <= b.entity_data, `entity data ${kib(s.entityData)} > its share ${kib(b.entity_data)}`);
  assert.ok(s.codeAndJs <= b.code_and_js, `code + JS ${kib(s.codeAndJs)} > its share ${kib(b.code_and_js)}`);
  assert.ok(b.entity_data + b.code_and_js <= b.total + 1024, 'the shares add up to the total');
});
