// Issue 15, item 1: one Worker at most, ever, whatever the interleaving of calls and aborts.
// The real engine (lib/engine.js), the real worker.js and wasm, in Node worker threads (see
// web-worker-node.mjs); random schedules of annotate() calls and aborts from fast-check. The same
// property in Chromium is in e2e-worker.test.mjs.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { NodeWebWorker, live } from './web-worker-node.mjs';
import { initSync, Annotator } from '../../www/pkg/newsmark.js';

globalThis.Worker = NodeWebWorker;
const nm = await import('../../www/newsmark.js');

initSync({ module: readFileSync(new URL('../../www/pkg/newsmark_bg.wasm', import.meta.url)) });
const reference = new Annotator();

const sample = readFileSync(new URL('../../www/sample-article.txt', import.meta.url), 'utf8');
// short texts, and one long enough (~200 KB) that an abort often lands while the Worker runs it
export const TEXTS = ['', 'He said "yes".', sample, `${sample}\n\n`.repeat(120)];
const EXPECTED = TEXTS.map((t) => reference.annotate(t));

after(() => nm.configure({})); // ends the Worker, so that the process can exit

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A schedule: calls, each after a pause, on one of TEXTS, aborted at some moment or never. */
export const schedule = fc.array(
  fc.record({
    pause: fc.constantFrom(0, 0, 0, 1, 5, 20),
    text: fc.integer({ min: 0, max: TEXTS.length - 1 }),
    abort: fc.constantFrom(null, null, 'now', 'microtask', 0, 2, 10, 40, 150),
  }),
  { minLength: 1, maxLength: 14 },
);

/** Runs a schedule; returns each call's outcome. */
async function run(steps) {
  const calls = [];
  for (const s of steps) {
    if (s.pause) await sleep(s.pause);
    const ctl = new AbortController();
    const p = nm.annotate(TEXTS[s.text], { signal: ctl.signal });
    if (s.abort === 'now') ctl.abort();
    else if (s.abort === 'microtask') queueMicrotask(() => ctl.abort());
    else if (s.abort !== null) setTimeout(() => ctl.abort(), s.abort);
    calls.push(p.then((doc) => ({ json: nm.serialize(doc) }), (error) => ({ error })));
  }
  return Promise.all(calls);
}

function check(steps, outcomes) {
  outcomes.forEach((o, i) => {
    const s = steps[i];
    if (o.error) {
      assert.equal(o.error.name, 'AbortError', `call ${i} failed: ${o.error.message}`);
      assert.notEqual(s.abort, null, `call ${i} was not aborted but rejected`);
    } else {
      assert.equal(o.json, EXPECTED[s.text], `call ${i} answered another text`);
    }
  });
}

test('one Worker at most over random schedules of calls and aborts (Node worker threads)', async () => {
  await nm.ready();
  assert.equal(nm.engineStats().mode, 'worker');
  await fc.assert(
    fc.asyncProperty(schedule, async (steps) => {
      live.max = live.now;
      const outcomes = await run(steps);
      assert.ok(live.max <= 1, `${live.max} Workers were alive at once`);
      assert.ok(live.now <= 1, `${live.now} Workers alive after the schedule`);
      check(steps, outcomes);
    }),
    { numRuns: 40 },
  );
});

test('50 concurrent calls with 25 aborted, twice: one Worker, and the others answered once', async () => {
  for (let round = 0; round < 2; round += 1) {
    live.max = live.now;
    const steps = Array.from({ length: 50 }, (_, i) => ({
      pause: 0, text: 2 + (i % 2), abort: i % 2 ? [0, 5, 20, 60, 200][i % 5] : null,
    }));
    const t0 = performance.now();
    const outcomes = await run(steps);
    const ms = performance.now() - t0;
    assert.ok(live.max <= 1, `round ${round}: ${live.max} Workers were alive at once`);
    check(steps, outcomes);
    // before: each restart re-ran every pending request (10.7 s against 1.2 s); now only the
    // aborted running call is lost
    console.log(`round ${round}: ${ms.toFixed(0)} ms, ${live.created} Workers started so far`);
  }
});
