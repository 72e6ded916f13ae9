// Issue 15, item 8: the server sends the CSP (the Worker script included), frame protection,
// nosniff and the wasm type as headers; a page of another origin cannot frame the page.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { start, CSP } from '../../scripts/static-server.mjs';
import { setup, WWW } from './helpers.mjs';

const PKG = existsSync(new URL('../../www/pkg/newsmark_bg.wasm', import.meta.url));

describe('static server headers', () => {
  let server;
  before(async () => { server = await start(WWW, 0); });
  after(() => server.close());

  const files = ['index.html', 'embed-example.html', 'worker.js', 'newsmark.js', 'lib/engine.js', 'style.css',
    ...(PKG ? ['pkg/newsmark_bg.wasm'] : []), 'no-such-file'];
  for (const f of files) {
    test(`${f}: CSP with frame-ancestors and form-action, X-Frame-Options, nosniff`, async () => {
      const res = await fetch(new URL(f, server.url));
      await res.arrayBuffer();
      const h = res.headers;
      assert.equal(h.get('content-security-policy'), CSP);
      for (const d of ["frame-ancestors 'none'", "form-action 'none'", "default-src 'self'", "object-src 'none'"]) {
        assert.ok(CSP.includes(d), d);
      }
      assert.equal(h.get('x-frame-options'), 'DENY');
      assert.equal(h.get('x-content-type-options'), 'nosniff');
      if (f.endsWith('.wasm')) assert.equal(h.get('content-type'), 'application/wasm');
      if (f.endsWith('.js')) assert.match(h.get('content-type'), /^text\/javascript/);
    });
  }
});

describe('in Chromium', () => {
  let env;
  let other;
  before(async () => {
    env = await setup();
    // another origin (another port) that tries to frame the page
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'newsmark-framer-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>framer</title>'
      + `<iframe id="f" src="${env.url}index.html"></iframe><iframe id="g" src="${env.url}embed-example.html"></iframe>`);
    other = await start(dir, 0, { headers: { 'Content-Security-Policy': '', 'X-Frame-Options': '' } });
  });
  after(async () => { await other?.close(); await env?.close(); });

  test('a page of another origin cannot frame the page or the embed example', async () => {
    const page = await env.ctx.newPage();
    await page.goto(other.url);
    await page.waitForTimeout(1500);
    for (const f of page.frames().filter((x) => x !== page.mainFrame())) {
      // a blocked frame shows Chromium's error page, never the page's own document
      const title = await f.evaluate(() => document.title).catch(() => '');
      const ours = await f.evaluate(() => !!document.querySelector('script[src]')).catch(() => false);
      assert.ok(!ours, `framed ${f.url()} loaded (title ${title})`);
    }
    await page.close();
  });

  test('the Worker runs under the CSP (it cannot reach another origin)', { skip: !PKG && 'www/pkg not built' }, async () => {
    const page = await env.ctx.newPage();
    await page.goto(new URL('index.html', env.url).href);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
    const [w] = page.workers();
    assert.ok(w, 'the page runs a Worker');
    // no-cors: without a CSP this resolves (an opaque response); connect-src 'self' refuses it
    const r = await w.evaluate((url) => fetch(url, { mode: 'no-cors' }).then(() => 'fetched', (e) => e.name), other.url);
    assert.equal(r, 'TypeError');
    await page.close();
  });
});
