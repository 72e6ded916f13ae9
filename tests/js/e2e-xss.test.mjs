// 123 XSS payloads from public lists (tests/data/xss-payloads.txt, credited in its README) through
// every way text enters newsmark: paste, file load (.txt and .html), every export (download and
// copy, the W3C source URL included), the details of every listed item, and the CMS embed (article
// text changed in place, re-annotated by data-newsmark-observe). Throughout: no script runs (no
// alert/prompt/confirm/print, no CSP violation), no element is made from the input, and no request
// leaves the page's origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { setup, openPage, pageReady, pasteText } from './helpers.mjs';

const PAYLOADS = readFileSync(new URL('../data/xss-payloads.txt', import.meta.url), 'utf8').split('\n').filter(Boolean);
// each payload in a sentence that makes it a quote, beside names and numbers, and alone on a line
const inContext = (p) => `NATO chief Jens Stoltenberg said "${p}" on Tuesday, and 3 officials agreed.\n\n${p}\n`;
const ALL = PAYLOADS.map(inContext).join('\n');

let env;
let tmp;
const offOrigin = [];
before(async () => {
  env = await setup();
  await env.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
  const origin = new URL(env.url).origin;
  env.ctx.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin !== origin) offOrigin.push(r.url());
  });
  tmp = mkdtempSync(join(tmpdir(), 'newsmark-xss-'));
});
after(async () => {
  await env?.close();
  rmSync(tmp, { recursive: true, force: true });
});

// Runs before the page's scripts: any way a payload could run is recorded, and every element
// added to the document is recorded with its attributes.
function watch() {
  window.__ran = [];
  for (const f of ['alert', 'prompt', 'confirm', 'print']) {
    window[f] = (...a) => { window.__ran.push(`${f}(${a.join(',')})`); };
  }
  document.addEventListener('securitypolicyviolation', (e) => window.__ran.push(`CSP ${e.violatedDirective} ${e.blockedURI}`));
  window.__added = [];
  new MutationObserver((ms) => {
    for (const m of ms) {
      for (const n of m.addedNodes) {
        if (n.nodeType !== 1) continue;
        for (const el of [n, ...n.querySelectorAll('*')]) {
          window.__added.push({ tag: el.tagName, attrs: [...el.attributes].map((a) => [a.name, a.value]) });
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

// Elements whose tag the page or embed never makes itself, or any attribute that could run code.
const PAGE_TAGS = new Set(['DIV', 'SPAN', 'LI', 'UL', 'OL', 'BUTTON', 'P', 'A', 'H3', 'STRONG', 'EM', 'SMALL',
  'DL', 'DT', 'DD', 'LABEL', 'SELECT', 'OPTION', 'TABLE', 'TR', 'TD', 'TH', 'TBODY', 'THEAD', 'MARK', 'CODE',
  'INPUT', 'SECTION', 'HEADER', 'FOOTER', 'FIGURE', 'BR']);
async function assertClean(page, where) {
  await page.waitForTimeout(200); // a late onerror/onload would have fired
  const r = await page.evaluate(() => {
    const added = window.__added.splice(0);
    return { ran: window.__ran.splice(0), added };
  });
  assert.deepEqual(r.ran, [], `${where}: script ran`);
  for (const { tag, attrs } of r.added) {
    assert.ok(PAGE_TAGS.has(tag), `${where}: a <${tag.toLowerCase()}> element was made (${JSON.stringify(attrs)})`);
    for (const [name, value] of attrs) {
      assert.ok(!/^on/i.test(name), `${where}: <${tag}> with ${name}=${value}`);
      assert.ok(!/^\s*(javascript|vbscript|data):/i.test(value) || (tag === 'A' && name === 'download'), `${where}: <${tag}> ${name}=${value}`);
    }
  }
  assert.deepEqual(offOrigin, [], `${where}: requests left the origin`);
  assert.deepEqual(page.problems, [], `${where}: console or page errors`);
  assert.deepEqual(page.dialogs, [], `${where}: dialogs`);
}

async function annotate(page, text) {
  const runs = Number(await page.getAttribute('body', 'data-runs'));
  await pasteText(page, text);
  await page.click('#annotate');
  await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs, { timeout: 60_000 });
  assert.equal(await page.getAttribute('body', 'data-state'), 'done');
}

test(`paste: ${PAYLOADS.length} payloads one by one, each shown literally`, async () => {
  assert.ok(PAYLOADS.length >= 100, `${PAYLOADS.length} payloads`);
  const page = await openPage(env, 'index.html', { init: watch });
  await pageReady(page);
  await page.evaluate(() => window.__added.splice(0)); // the page's own document
  for (const [i, p] of PAYLOADS.entries()) {
    const text = inContext(p);
    await annotate(page, text);
    assert.equal(await page.textContent('#article'), text, `payload ${i} shown literally`);
    await assertClean(page, `paste payload ${i} ${p.slice(0, 60)}`);
  }
  await page.close();
});

test('file load: all payloads as a .txt and as an .html file', async () => {
  const page = await openPage(env, 'index.html', { init: watch });
  await pageReady(page);
  await page.evaluate(() => window.__added.splice(0)); // the page's own document
  const txt = join(tmp, 'payloads.txt');
  writeFileSync(txt, ALL);
  // an .html file made of the payloads themselves: its markup must never reach the document
  const html = join(tmp, 'payloads.html');
  writeFileSync(html, `<!doctype html><html><head><title>x</title></head><body>${PAYLOADS.map((p) => `<p>${p}</p>`).join('\n')}</body></html>`);
  for (const f of [txt, html]) {
    const runs = Number(await page.getAttribute('body', 'data-runs'));
    await page.setInputFiles('#file', f);
    await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs, { timeout: 60_000 });
    assert.equal(await page.getAttribute('body', 'data-state'), 'done');
    if (f === txt) assert.equal(await page.textContent('#article'), ALL);
    await assertClean(page, `file ${f}`);
  }
  await page.close();
});

test('every export (download and copy) and every item\'s details, with all payloads in one article', async () => {
  const page = await openPage(env, 'index.html', { init: watch });
  await pageReady(page);
  await page.evaluate(() => window.__added.splice(0)); // the page's own document
  await annotate(page, ALL);
  // the W3C source URL is user input too
  await page.fill('#w3c-source', 'javascript:alert(document.domain)//"><img src=x onerror=alert(1)>');
  const formats = await page.$$eval('#export-format option', (os) => os.map((o) => o.value));
  assert.ok(formats.length >= 6);
  for (const f of formats) {
    await page.selectOption('#export-format', f);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const body = readFileSync(await dl.path(), 'utf8');
    if (!f.startsWith('csv')) JSON.parse(body); // the JSON exports stay JSON
    assert.ok(body.length > ALL.length / 4, `${f}: export holds the items`);
    await page.click('#copy');
    await page.waitForFunction(() => /Copied/.test(document.getElementById('status-text').textContent));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, body, `${f}: copy equals download`);
    await assertClean(page, `export ${f}`);
  }
  // open every listed item (their details render the payload text)
  const items = await page.$$('#entity-list button, #quote-list button');
  for (const b of items.slice(0, 150)) await b.evaluate((el) => el.click());
  await assertClean(page, `details of ${Math.min(items.length, 150)} listed items`);
  await page.close();
});

test('the CMS embed: each payload as the article text, re-annotated in place', async () => {
  const page = await openPage(env, 'embed-example.html', { init: watch });
  await page.waitForSelector('body[data-annotated="1"]', { timeout: 30_000 });
  await page.evaluate(() => window.__added.splice(0));
  for (const [i, p] of PAYLOADS.entries()) {
    const n = Number(await page.getAttribute('body', 'data-annotated'));
    // as a CMS shows text: a text node (the page never turns it into markup)
    await page.evaluate((t) => { document.querySelector('#story p').textContent = t; }, inContext(p));
    await page.waitForFunction((k) => Number(document.body.dataset.annotated) > k, n, { timeout: 30_000 });
    const added = await page.evaluate(() => window.__added.splice(0));
    // the text node the test itself put in is the only change
    assert.deepEqual(added, [], `embed payload ${i}: elements added`);
    await assertClean(page, `embed payload ${i} ${p.slice(0, 60)}`);
  }
  await page.close();
});
