// Issue 15, item 1, in Chromium: one Worker at most, ever, over random schedules of annotate()
// calls and aborts, and after quick repeated clicks on Annotate in the page. Workers are counted
// by wrapping the page's Worker constructor and terminate() before any script runs (a Worker is
// alive from its construction until terminate()); Playwright's own list is checked at rest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { setup, openPage, pageReady, pasteText, largeText } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(() => env?.close());

function countWorkers() {
  const live = { now: 0, max: 0, created: 0 };
  window.__workers = live;
  const Real = window.Worker;
  window.Worker = class extends Real {
    #ended = false;
    constructor(...a) {
      super(...a);
      live.created += 1;
      live.now += 1;
      live.max = Math.max(live.max, live.now);
    }
    terminate() {
      if (!this.#ended) {
        this.#ended = true;
        live.now -= 1;
      }
      super.terminate();
    }
  };
}

const schedule = fc.array(
  fc.record({
    pause: fc.constantFrom(0, 0, 0, 1, 5, 20),
    text: fc.integer({ min: 0, max: 3 }),
    abort: fc.constantFrom(null, null, 'now', 'microtask', 0, 2, 10, 40, 150),
  }),
  { minLength: 1, maxLength: 14 },
);

// runs in the page: the schedule against the page's own newsmark.js (the same module instance)
async function runInPage(steps) {
  const nm = await import('/newsmark.js');
  const sample = await (await fetch('/sample-article.txt')).text();
  const texts = ['', 'He said "yes".', sample, `${sample}\n\n`.repeat(120)];
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  window.__workers.max = window.__workers.now;
  const calls = [];
  for (const s of steps) {
    if (s.pause) await sleep(s.pause);
    const ctl = new AbortController();
    const p = nm.annotate(texts[s.text], { signal: ctl.signal });
    if (s.abort === 'now') ctl.abort();
    else if (s.abort === 'microtask') queueMicrotask(() => ctl.abort());
    else if (s.abort !== null) setTimeout(() => ctl.abort(), s.abort);
    calls.push(p.then((doc) => ({ len: doc.length.utf16, text: s.text }), (e) => ({ error: e.name, message: e.message })));
  }
  const outcomes = await Promise.all(calls);
  return { outcomes, live: { ...window.__workers }, lengths: texts.map((t) => t.length) };
}

test('Chromium: one Worker at most over random schedules of calls and aborts', async () => {
  const page = await openPage(env, 'index.html', { init: countWorkers });
  await pageReady(page);
  await fc.assert(
    fc.asyncProperty(schedule, async (steps) => {
      const r = await page.evaluate(runInPage, steps);
      assert.ok(r.live.max <= 1, `${r.live.max} Workers were alive at once`);
      assert.ok(r.live.now <= 1, `${r.live.now} Workers alive after the schedule`);
      r.outcomes.forEach((o, i) => {
        if (o.error) {
          assert.equal(o.error, 'AbortError', `call ${i}: ${o.message}`);
          assert.notEqual(steps[i].abort, null, `call ${i} was not aborted but rejected`);
        } else {
          assert.equal(o.len, r.lengths[steps[i].text], `call ${i} answered another text`);
        }
      });
    }),
    { numRuns: 25 },
  );
  // at rest: Playwright drops a Worker from its list when the Worker's close event arrives, some
  // time after terminate() (the in-page count above is the one that counts); a Worker never
  // terminated stays in the list and fails this after 5 s
  for (let waited = 0; page.workers().length > 1 && waited < 5000; waited += 50) await page.waitForTimeout(50);
  assert.ok(page.workers().length <= 1, `Playwright sees ${page.workers().length} Workers`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('Chromium page: five quick clicks on Annotate with a 1 MB article leave one Worker', async () => {
  const page = await openPage(env, 'index.html', { init: countWorkers });
  await pageReady(page);
  await pasteText(page, largeText());
  await page.evaluate(() => { window.__workers.max = window.__workers.now; });
  for (let i = 0; i < 5; i += 1) {
    await page.click('#annotate');
    await page.waitForTimeout(30);
  }
  await page.waitForFunction(() => document.body.dataset.state === 'done' && !document.getElementById('cancel').checkVisibility(),
    null, { timeout: 120_000 });
  await page.waitForTimeout(500);
  const live = await page.evaluate(() => window.__workers);
  assert.ok(live.max <= 1, `${live.max} Workers were alive at once`);
  assert.ok(live.now <= 1, `${live.now} Workers alive at the end`);
  assert.ok(page.workers().length <= 1, `Playwright sees ${page.workers().length} Workers`);
  await page.close();
});

test('Chromium: a text over MAX_TEXT_LENGTH is refused with a clear message, by the API and the page', async () => {
  const page = await openPage(env, 'index.html', { init: countWorkers });
  await pageReady(page);
  const r = await page.evaluate(async () => {
    const nm = await import('/newsmark.js');
    const ok = await nm.annotate('x'.repeat(nm.MAX_TEXT_LENGTH)).then((d) => d.length.utf16, (e) => e.message);
    const refused = await nm.annotate('x'.repeat(nm.MAX_TEXT_LENGTH + 1)).then(() => null, (e) => ({ name: e.name, code: e.code, message: e.message }));
    return { max: nm.MAX_TEXT_LENGTH, ok, refused };
  });
  assert.ok(r.max >= 8 * 1024 * 1024, 'the limit is at least 8 MB');
  assert.equal(r.ok, r.max, 'a text at the limit is annotated');
  assert.equal(r.refused?.name, 'RangeError');
  assert.equal(r.refused.code, 'NEWSMARK_TOO_LONG');
  assert.match(r.refused.message, /8,388,609 characters long; newsmark annotates up to 8,388,608 characters \(8 MB\)/);
  // the page says so before putting the text on screen
  await page.evaluate((n) => {
    const i = document.getElementById('input');
    i.value = 'x'.repeat(n);
    i.dispatchEvent(new Event('input', { bubbles: true }));
  }, r.max + 1);
  await page.click('#annotate');
  await page.waitForSelector('body[data-state="too-long"]');
  assert.match(await page.textContent('#status-text'), /Not annotated: the text is 8,388,609 characters long; newsmark annotates up to 8,388,608/);
  await page.close();
});

test('Chromium: after a call that grew wasm memory past 256 MB the Worker is replaced, so memory returns', async () => {
  const page = await openPage(env, 'index.html', { init: countWorkers });
  await pageReady(page);
  const r = await page.evaluate(async () => {
    const nm = await import('/newsmark.js');
    const before = nm.engineStats();
    // hostile: 8 MB of quote marks (one token each) grows wasm memory by ~350 MB
    const doc = await nm.annotate('"'.repeat(nm.MAX_TEXT_LENGTH));
    const after = nm.engineStats();
    const again = await nm.annotate('He said "yes".');
    return { length: doc.length.utf16, before, after, again: again.quotes.length, live: { ...window.__workers } };
  });
  assert.equal(r.length, 8 * 1024 * 1024);
  assert.equal(r.after.workersReplaced, r.before.workersReplaced + 1, 'the grown Worker was replaced');
  assert.equal(r.again, 1, 'the next call runs in a fresh Worker');
  assert.ok(r.live.max <= 1 && r.live.now <= 1, JSON.stringify(r.live));
  await page.close();
});

test('Chromium: a Worker that runs out of memory is restarted and the caller told', async () => {
  // a browser whose wasm memories may not pass 256 MB: 7 MB of quote marks then need more
  const { chromium } = await import('playwright-core');
  const { CHROMIUM } = await import('./helpers.mjs');
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--js-flags=--wasm-max-mem-pages=4096'],
  });
  try {
    const page = await browser.newPage();
    await page.addInitScript(countWorkers);
    await page.goto(new URL('index.html', env.url).href);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
    const r = await page.evaluate(async () => {
      const nm = await import('/newsmark.js');
      const failed = await nm.annotate('"'.repeat(7_000_000)).then(() => null, (e) => e.message);
      const again = await nm.annotate('He said "yes".');
      return { failed, again: again.quotes.length, stats: nm.engineStats(), live: { ...window.__workers } };
    });
    assert.match(r.failed ?? 'no error', /more memory than this browser tab allows/);
    assert.equal(r.again, 1, 'the next call works in a fresh Worker');
    assert.ok(r.stats.workersReplaced >= 1, JSON.stringify(r.stats));
    assert.ok(r.live.max <= 1 && r.live.now <= 1, JSON.stringify(r.live));
  } finally {
    await browser.close();
  }
});

test('Chromium: a browser without WebAssembly SIMD is told what newsmark needs, in words', async () => {
  // an older browser, as far as the page can tell: a module with a SIMD opcode (prefix 0xFD) is invalid
  const page = await openPage(env, 'index.html', {
    init: () => {
      const validate = WebAssembly.validate.bind(WebAssembly);
      WebAssembly.validate = (bytes) => !new Uint8Array(bytes.buffer ?? bytes).includes(0xfd) && validate(bytes);
    },
  });
  await pageReady(page);
  const status = await page.textContent('#status-text');
  assert.match(status, /needs WebAssembly SIMD, as in Chrome and Edge 96, Firefox 89, Safari 16\.4 and later/);
  assert.equal(await page.getAttribute('body', 'data-state'), 'error');
  assert.equal(await page.getAttribute('body', 'data-engine'), '', 'no engine was started');
  await page.close();
});
