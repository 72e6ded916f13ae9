// Playwright: a 1 MB paste is annotated in the Worker, the page shows progress, the main thread
// never instantiates or calls the wasm, and the longest main-thread task is reported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { setup, openPage, pageReady, SEED_URL } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

// Runs before the page's scripts: count every way the main thread could load or run wasm, record
// long tasks, and note when the progress indicator is shown.
function instrument() {
  window.__wasmMain = [];
  const wrap = (obj, name) => {
    const orig = obj[name];
    if (typeof orig !== 'function') return;
    obj[name] = function (...args) {
      window.__wasmMain.push(name);
      return orig.apply(this, args);
    };
  };
  for (const n of ['instantiate', 'instantiateStreaming', 'compile', 'compileStreaming']) wrap(WebAssembly, n);
  const OrigModule = WebAssembly.Module;
  WebAssembly.Module = function (...a) { window.__wasmMain.push('Module'); return new OrigModule(...a); };
  window.__longtasks = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
  window.__progress = [];
  document.addEventListener('DOMContentLoaded', () => {
    const p = document.getElementById('progress');
    new MutationObserver(() => {
      window.__progress.push({ hidden: p.hidden, status: document.getElementById('status-text').textContent });
    }).observe(document.getElementById('status'), { attributes: true, subtree: true, childList: true, characterData: true });
  });
}

test('a 1 MB paste is annotated in the Worker with progress; the main thread never calls the wasm', async (t) => {
  const page = await openPage(env, 'index.html', { init: instrument });
  await pageReady(page);
  const unit = existsSync(SEED_URL) ? readFileSync(SEED_URL, 'utf8')
    : readFileSync(new URL('../../www/sample-article.txt', import.meta.url), 'utf8');
  let text = '';
  while (text.length < 1_000_000) text += `${unit}\n\n`;
  text = text.slice(0, 1_048_576);
  text = text.slice(0, text.lastIndexOf('\n'));
  // put the text in the text area without a keystroke per character (as a paste would)
  await page.evaluate((s) => {
    const i = document.getElementById('input');
    i.value = s;
    i.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  const runs = Number(await page.getAttribute('body', 'data-runs'));
  await page.evaluate(() => { window.__longtasks.length = 0; });
  const t0 = Date.now();
  await page.click('#annotate');
  await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs, { timeout: 120_000 });
  const ms = Date.now() - t0;
  assert.equal(await page.getAttribute('body', 'data-state'), 'done', await page.textContent('#status-text'));
  const r = await page.evaluate(() => ({
    wasmMain: window.__wasmMain,
    longest: Math.max(0, ...window.__longtasks),
    tasks: window.__longtasks.length,
    progress: window.__progress,
    engine: document.body.dataset.engine,
    mainThreadCalls: Number(document.body.dataset.mainThreadCalls),
    workerCalls: Number(document.body.dataset.workerCalls),
    length: document.getElementById('article').textContent.length,
    status: document.getElementById('status-text').textContent,
    measures: Object.fromEntries(['parse', 'paint', 'render'].map((n) => [n, Math.round(performance.getEntriesByName(`newsmark:${n}`).at(-1)?.duration ?? -1)])),
  }));
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
  await page.evaluate((s) => {
    const i = document.getElementById('input');
    i.value = s;
    i.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
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
