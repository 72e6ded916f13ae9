// Playwright: a 1 MB paste is annotated in the Worker, the page shows progress, the main thread
// never instantiates or calls the wasm, and the longest main-thread task is reported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, pageReady, instrumentMainThread, largeText, annotateLarge, pasteText } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test('a 1 MB paste is annotated in the Worker with progress; the main thread never calls the wasm', async (t) => {
  const page = await openPage(env, 'index.html', { init: instrumentMainThread });
  await pageReady(page);
  const text = largeText();
  const { ms, r } = await annotateLarge(page, text);
  assert.equal(await page.getAttribute('body', 'data-state'), 'done', await page.textContent('#status-text'));
  assert.equal(r.length, text.length);
  assert.equal(r.engine, 'worker');
  assert.deepEqual(r.wasmMain, [], 'the main thread never compiles or instantiates wasm');
  assert.equal(r.mainThreadCalls, 0, 'no annotate() call on the main thread');
  assert.ok(r.workerCalls >= 2, 'the sample and the 1 MB text were annotated in the Worker');
  assert.ok(r.progress.some((p) => !p.hidden && /^Annotating 1,0\d\d,\d\d\d characters in the background/.test(p.status)),
    'the progress indicator was shown with the size of the text');
  t.diagnostic(`1 MB (${text.length} UTF-16 units): ${ms} ms end to end; longest main-thread task ${Math.round(r.longest)} ms (${r.tasks} long tasks); parse/paint/render ${JSON.stringify(r.measures)} ms; ${r.status}`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a long annotation can be cancelled, and the page keeps working', async () => {
  const page = await openPage(env);
  await pageReady(page);
  const text = 'Jens Stoltenberg said "we will meet in Ankara" on Thursday. '.repeat(20000);
  await pasteText(page, text);
  const runs = Number(await page.getAttribute('body', 'data-runs'));
  // press Cancel right after Annotate (both in one task, so the run cannot finish in between)
  await page.evaluate(() => {
    document.getElementById('annotate').click();
    document.getElementById('cancel').click();
  });
  await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs);
  const state = await page.getAttribute('body', 'data-state');
  assert.equal(state, 'cancelled');
  assert.equal(await page.textContent('#status-text'), 'Cancelled.');
  // the next run works (a fresh Worker if the old one was ended)
  await page.fill('#input', 'NATO met in Brussels.');
  const runs2 = Number(await page.getAttribute('body', 'data-runs'));
  await page.click('#annotate');
  await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs2);
  assert.equal(await page.getAttribute('body', 'data-state'), 'done');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the JS API: aborting one call ends only that call; calls made meanwhile are answered', async () => {
  const page = await openPage(env);
  await pageReady(page);
  const r = await page.evaluate(async () => {
    const nm = await import('./newsmark.js');
    const long = 'Jens Stoltenberg said "we will meet in Ankara" on Thursday. '.repeat(20000);
    const ctl = new AbortController();
    const a = nm.annotate(long, { signal: ctl.signal }).then(() => 'done', (e) => e.name);
    const b = nm.annotate('NATO met in Brussels on Monday.');
    ctl.abort();
    const c = nm.annotate('Anna Berg said: "Yes."'); // sent while a fresh Worker starts
    const [ra, rb, rc] = await Promise.all([a, b, c]);
    return { ra, rb: rb.length.utf16, rc: rc.length.utf16, mode: nm.engineStats().mode };
  });
  assert.equal(r.ra, 'AbortError');
  assert.equal(r.rb, 'NATO met in Brussels on Monday.'.length);
  assert.equal(r.rc, 'Anna Berg said: "Yes."'.length);
  assert.equal(r.mode, 'worker');
  assert.deepEqual(page.problems, []);
  await page.close();
});
