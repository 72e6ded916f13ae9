// Shared helpers for the browser tests: the static server, headless Debian Chromium through
// playwright-core, console capture, and the paths of shared inputs. Not a test file itself.
import { mkdtempSync, rmSync, existsSync, readFileSync, mkdirSync, readdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { start } from '../../scripts/static-server.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WWW = join(ROOT, 'www');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'target', 'screenshots');
export const SEED_URL = new URL('../../../shared/seed-article.txt', import.meta.url);
export const SCHEMA_URL = new URL('../../schema/newsmark-2.schema.json', import.meta.url);
/** The version-1 schema, kept so that old exports still validate. */
export const SCHEMA_V1_URL = new URL('../../schema/newsmark-1.schema.json', import.meta.url);
export const CLI = join(ROOT, 'target', 'release', 'newsmark');
export const DATA_URL = new URL('../../../shared/data/', import.meta.url);

// Pieces of news text and of the hard cases for offsets (CRLF, NBSP, BOM, combining marks, astral
// emoji, CJK, Greek, curly quotes, control characters, markup).
const NEWS_PIECES = [
  'Jens Stoltenberg', 'NATO', 'the United Nations (UN)', 'Ankara', 'Mevlüt Çavuşoğlu', 'said', 'told reporters',
  'according to', 'He', 'some 3.6 million', 'at least 33', 'Thirty', '948,000', '$48.2 million', '12%', '5 km',
  'February 27th', 'Thursday', '2019', '€1.2 billion', '"', '\u201c', '\u201d', '\u2018', '\u2019', ', ', '. ',
  ': ', ' ', ' ', '\n', '\r\n', '\n\n', '\u00a0', '\ufeff', '\t', 'e\u0301', '\u{1F600}', '\u2014', '北京', 'Μόσχα',
  'U.S.', 'Mr.', '"Stop their offensive"', '\\', '\u0001', '</script>',
];

/** 300 news-like texts made of those pieces (fixed seed: the same texts on every run). */
export function newsLikeTexts() {
  const gen = fc.array(fc.constantFrom(...NEWS_PIECES), { minLength: 1, maxLength: 120 }).map((a) => a.join(''));
  return fc.sample(gen, { numRuns: 300, seed: 12 });
}

/**
 * The release CLI over `texts` as JSON Lines (`annotate --jsonl` plus `args`, on all cores): one
 * output line per text, with the `{"id":i,` the CLI puts first taken off (so each is the object the
 * format defines).
 */
export function cliObjects(texts, args = []) {
  assert.ok(existsSync(CLI), `${CLI} missing: build it with \`cargo build --release --bin newsmark\` (scripts/test.sh does)`);
  const input = texts.map((text, i) => JSON.stringify({ id: i, text })).join('\n') + '\n';
  const out = execFileSync(CLI, ['annotate', '--jsonl', ...args], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  const lines = out.split('\n').filter(Boolean);
  assert.equal(lines.length, texts.length, `one CLI line per document (${args.join(' ')})`);
  return lines.map((line, i) => `{${line.slice(`{"id":${i},`.length)}`);
}

/**
 * The texts of the data files in ../shared/data that `keep(name)` accepts, as [name, texts] pairs;
 * null after skipping `t` with a message when ../shared is absent (an error when CI=true).
 * @param {import('node:test').TestContext} t
 * @param {(name: string) => boolean} keep
 */
export function dataTexts(t, keep) {
  if (!existsSync(DATA_URL)) {
    if (process.env.CI === 'true') throw new Error('../shared/data is required when CI=true');
    t.skip('../shared/data not found: skipped');
    return null;
  }
  const names = readdirSync(DATA_URL).filter((f) => /\.jsonl(\.gz)?$/.test(f) && keep(f)).sort();
  return names.map((f) => {
    const raw = readFileSync(new URL(f, DATA_URL));
    const lines = (f.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8').split('\n').filter(Boolean);
    return [f, lines.map((l) => JSON.parse(l).text).filter((x) => typeof x === 'string')];
  });
}

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The seed article's text, or null after skipping `t` with a message (an error when CI=true).
 * @param {import('node:test').TestContext} [t]
 */
export function seedText(t) {
  if (existsSync(SEED_URL)) return readFileSync(SEED_URL, 'utf8');
  const msg = `../shared/seed-article.txt not found (${fileURLToPath(SEED_URL)})`;
  if (process.env.CI === 'true') throw new Error(`${msg}; it is required when CI=true`);
  t?.skip(`${msg}: skipped`);
  return null;
}

/** The seed article's text, or null when ../shared is absent (for tests that have a fallback). */
export function seedOrNull() {
  return existsSync(SEED_URL) ? readFileSync(SEED_URL, 'utf8') : null;
}

/** Start the static server on www/ and headless Chromium. Call `close()` in `after`. */
export async function setup() {
  const server = await start(WWW, 0);
  const profile = mkdtempSync(join(tmpdir(), 'newsmark-pw-'));
  let ctx;
  try {
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
  } catch (e) {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  return {
    url: server.url,
    ctx,
    async close() {
      await ctx.close().catch(() => {});
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A new page that records console errors and warnings, page errors and dialogs.
 * `page.problems` lists them; tests assert it stays empty.
 */
export async function openPage(env, path = 'index.html', { init } = {}) {
  const page = await env.ctx.newPage();
  page.problems = [];
  page.dialogs = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') page.problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    page.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('worker', (w) => {
    w.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') page.problems.push(`worker console.${m.type()}: ${m.text()}`);
    });
  });
  if (init) await page.addInitScript(init);
  await page.goto(new URL(path, env.url).href);
  return page;
}

/** Wait for the page's first annotation (the sample article). */
export async function pageReady(page) {
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
}

/** Put `text` in the text area, press Annotate, and wait for the result. */
export async function annotateInPage(page, text, { timeout = 60_000 } = {}) {
  const runs = Number(await page.getAttribute('body', 'data-runs'));
  await page.fill('#input', text);
  await page.click('#annotate');
  await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs, { timeout });
  const state = await page.getAttribute('body', 'data-state');
  if (state !== 'done') throw new Error(`annotation ended in state ${state}: ${await page.textContent('#status-text')}`);
}

/** Texts of the ranges of a CSS highlight (by name). */
export function highlightTexts(page, name) {
  return page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => r.toString()), name);
}

export function ensureDir(dir) {
  mkdirSync(dir, { recursive: true });
  return dir;
}

// Runs before the page's scripts: count every way the main thread could load or run wasm, record
// long tasks, and note when the progress indicator is shown.
export function instrumentMainThread() {
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

/** About 1 MB (2^20 UTF-16 units, cut at a line end) of news text: the seed article repeated, or
 * the sample article when ../shared is absent. */
export function largeText() {
  const unit = existsSync(SEED_URL) ? readFileSync(SEED_URL, 'utf8')
    : readFileSync(new URL('../../www/sample-article.txt', import.meta.url), 'utf8');
  let text = '';
  while (text.length < 1_000_000) text += `${unit}\n\n`;
  text = text.slice(0, 1_048_576);
  return text.slice(0, text.lastIndexOf('\n'));
}

/** Put `text` in the text area at once, without a keystroke per character (as a paste would). */
export function pasteText(page, text) {
  return page.evaluate((s) => {
    const i = document.getElementById('input');
    i.value = s;
    i.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/** Paste `text` into a page opened with `instrumentMainThread`, annotate it, and return the time
 * end to end (ms) and what the instrumentation saw. */
export async function annotateLarge(page, text) {
  await pasteText(page, text);
  const runs = Number(await page.getAttribute('body', 'data-runs'));
  await page.evaluate(() => { window.__longtasks.length = 0; });
  const t0 = Date.now();
  await page.click('#annotate');
  await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs, { timeout: 120_000 });
  const ms = Date.now() - t0;
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
  return { ms, r };
}
