// Playwright (real headless Chromium) against the page: corrections by mouse, touch and keyboard
// (pin by click, a phone's tap, every mention of a name, a quote's speaker chosen among the
// article's names, undo/redo, corrections kept or asked about when the text is annotated again),
// the details panel, export file names, the CRLF note, label and speaker filters, the tables.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  setup, openPage, pageReady, annotateInPage, highlightTexts, CHROMIUM, SCREENSHOTS, ensureDir, pasteText,
} from './helpers.mjs';
import { assertDoc } from './schema.mjs';
import { articleRange } from './page-dom.mjs';
import { start } from '../../scripts/static-server.mjs';
import { WWW } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

function noProblems(page) {
  assert.deepEqual(page.problems, [], 'no console error or warning, no page error');
  assert.deepEqual(page.dialogs, [], 'no browser dialog (questions are asked in the page)');
}

async function downloadExport(page, format) {
  await page.selectOption('#export-format', format);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  return { name: dl.suggestedFilename(), body: readFileSync(await dl.path(), 'utf8') };
}

/** The viewport centre of the first line box of the span [start, end) of the article's text. */
async function spanPoint(page, start, end) {
  await page.evaluate(`window.__rangeAt = ${articleRange}`);
  return page.evaluate(([s, e]) => {
    const r = window.__rangeAt(s, e);
    const top = r.getBoundingClientRect().top;
    if (top < 80 || top > innerHeight - 120) window.scrollBy(0, top - innerHeight / 3);
    const q = r.getClientRects()[0];
    return { x: q.left + q.width / 2, y: q.top + q.height / 2 };
  }, [start, end]);
}

const edits = async (page) => Number(await page.getAttribute('body', 'data-edits') ?? 0);
const detailsText = (page) => page.textContent('#details');

const TEXT = 'Anna Berg met officials in Oslo on Monday. "The bridge will open in May," Tomas Lind said. '
  + 'Berg said 300 residents had signed a petition, and Anna Berg thanked them. The council of Oslo agreed.';

describe('corrections by mouse', () => {
  test('hover shows an item, a click pins it, the way to the panel crosses other highlights, and the label is changed with the mouse', async () => {
    const page = await openPage(env);
    await pageReady(page);
    await annotateInPage(page, TEXT);
    const doc = JSON.parse((await downloadExport(page, 'newsmark')).body);
    const anna = doc.entities.find((e) => e.text === 'Anna Berg');
    const num = doc.numbers.find((n) => n.text.includes('300'));
    assert.ok(anna && num, 'Anna Berg and 300 found');
    const p = await spanPoint(page, anna.start, anna.end);
    await page.mouse.move(p.x, p.y);
    await page.waitForFunction(() => document.getElementById('details').textContent.includes('Anna Berg'));
    // plain text does not reset the panel
    const plain = TEXT.indexOf('met officials');
    const q = await spanPoint(page, plain, plain + 3);
    await page.mouse.move(q.x, q.y, { steps: 4 });
    await page.waitForTimeout(100);
    assert.ok((await detailsText(page)).includes('Anna Berg'), 'moving over plain text keeps the details');
    // click pins; crossing another highlight on the way to the panel does not replace it
    const p2 = await spanPoint(page, anna.start, anna.end);
    await page.mouse.click(p2.x, p2.y);
    assert.match(await detailsText(page), /Pinned/);
    const n = await spanPoint(page, num.start, num.end);
    await page.mouse.move(n.x, n.y, { steps: 5 });
    await page.waitForTimeout(100);
    const t = await detailsText(page);
    assert.ok(t.includes('Anna Berg') && !t.includes('cardinal'), 'the pinned name stays');
    const select = page.locator('#details section.detail').first().locator('select.relabel');
    const box = await select.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
    await select.selectOption('ORG');
    assert.equal(await edits(page), 1);
    assert.ok((await highlightTexts(page, 'nm-ORG')).includes('Anna Berg'));
    // a click on plain text unpins
    const q2 = await spanPoint(page, plain, plain + 3);
    await page.mouse.click(q2.x, q2.y);
    assert.doesNotMatch(await detailsText(page), /Pinned/);
    noProblems(page);
    await page.close();
  });

  test('details show no internal ids and no empty rows; the add buttons appear only with a selection; a chip does not cover Download', async () => {
    const page = await openPage(env);
    await pageReady(page);
    await annotateInPage(page, TEXT);
    assert.equal(await page.isHidden('#add-tools'), true, 'no "add the selected words" without a selection');
    const doc = JSON.parse((await downloadExport(page, 'newsmark')).body);
    for (const item of [doc.entities[0], doc.numbers[0], doc.quotes[0]]) {
      const p = await spanPoint(page, item.start, item.start + 1);
      await page.mouse.click(p.x, p.y);
      const t = await detailsText(page);
      assert.doesNotMatch(t, /\b[ceqn]\d+\b/, `no internal id in ${JSON.stringify(t)}`);
      assert.doesNotMatch(t, /—\s*$|\s—\s/m, 'no row that says nothing');
    }
    await page.evaluate(`window.__rangeAt = ${articleRange}`);
    const s = TEXT.indexOf('council');
    await page.evaluate(([a, b]) => { getSelection().removeAllRanges(); getSelection().addRange(window.__rangeAt(a, b)); }, [s, s + 7]);
    await page.waitForSelector('#add-tools:not([hidden])');
    assert.match(await page.textContent('#add-tools'), /“council”/);
    // a side-list chip, then the export buttons are reachable, not covered
    await page.locator('#entity-list button.chip').first().click();
    await page.locator('#download').scrollIntoViewIfNeeded();
    const covered = await page.evaluate(() => {
      const b = document.getElementById('download').getBoundingClientRect();
      const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
      return hit?.id ?? hit?.outerHTML.slice(0, 60);
    });
    assert.equal(covered, 'download');
    noProblems(page);
    await page.close();
  });

  test('every mention of a name: relabel and delete by cluster, as one correction each, undone and redone', async () => {
    const page = await openPage(env);
    await pageReady(page);
    await annotateInPage(page, TEXT);
    const doc = JSON.parse((await downloadExport(page, 'newsmark')).body);
    const anna = doc.entities.find((e) => e.text === 'Anna Berg');
    const mentions = doc.entities.filter((e) => e.cluster === anna.cluster);
    assert.ok(mentions.length >= 2, `several mentions of Anna Berg: ${mentions.map((m) => m.text)}`);
    const p = await spanPoint(page, anna.start, anna.end);
    await page.mouse.click(p.x, p.y);
    const first = page.locator('#details section.detail').first();
    await first.locator('input.all-mentions').check();
    await first.locator('select.relabel').selectOption('ORG');
    assert.equal(await edits(page), 1, 'one correction');
    const out = JSON.parse((await downloadExport(page, 'newsmark')).body);
    assertDoc(out, TEXT, 'relabelled everywhere');
    const now = out.entities.filter((e) => e.cluster === anna.cluster);
    assert.equal(now.length, mentions.length);
    assert.ok(now.every((e) => e.label === 'ORG' && e.source === 'edited'), 'every mention relabelled');
    assert.deepEqual((await highlightTexts(page, 'nm-ORG')).filter((x) => mentions.some((m) => m.text === x)).length, mentions.length);
    // delete them all, then undo (button) and redo (keyboard)
    await page.locator('#details section.detail').first().locator('input.all-mentions').check();
    await page.locator('#details section.detail').first().locator('button.delete').click();
    assert.equal(await edits(page), 2);
    assert.equal((await highlightTexts(page, 'nm-ORG')).filter((x) => mentions.some((m) => m.text === x)).length, 0, 'all mentions deleted');
    await page.click('#undo');
    assert.equal(await edits(page), 1);
    assert.equal((await highlightTexts(page, 'nm-ORG')).filter((x) => mentions.some((m) => m.text === x)).length, mentions.length, 'undo brings them back');
    await page.click('#undo');
    assert.equal(await edits(page), 0);
    assert.equal((await highlightTexts(page, 'nm-ORG')).filter((x) => mentions.some((m) => m.text === x)).length, 0, 'undo again: the original labels');
    await page.focus('#article');
    await page.keyboard.press('Control+y');
    assert.equal(await edits(page), 1, 'Ctrl+Y redoes');
    await page.keyboard.press('Control+z');
    assert.equal(await edits(page), 0, 'Ctrl+Z undoes');
    noProblems(page);
    await page.close();
  });

  test('a quote\'s speaker is changed by choosing another name of the article', async () => {
    const page = await openPage(env);
    await pageReady(page);
    await annotateInPage(page, TEXT);
    const doc = JSON.parse((await downloadExport(page, 'newsmark')).body);
    const q = doc.quotes.find((x) => x.text.includes('bridge'));
    const anna = doc.entities.find((e) => e.text === 'Anna Berg');
    assert.ok(q && anna);
    assert.notEqual(q.speaker?.cluster, anna.cluster, 'the quote is not Anna Berg\'s yet');
    const p = await spanPoint(page, q.start + 3, q.start + 8);
    await page.mouse.click(p.x, p.y);
    const quote = page.locator('#details section.detail-quotes').first();
    await quote.locator('select.speaker-choice').selectOption(anna.cluster);
    const out = JSON.parse((await downloadExport(page, 'newsmark')).body);
    assertDoc(out, TEXT, 'speaker changed');
    const q2 = out.quotes.find((x) => x.start === q.start);
    assert.equal(q2.speaker.cluster, anna.cluster);
    assert.equal(q2.speaker.text, 'Anna Berg');
    assert.equal(q2.source, 'edited');
    assert.ok((await highlightTexts(page, 'nm-speaker')).includes('Anna Berg'));
    noProblems(page);
    await page.close();
  });
});

describe('corrections are never lost silently', () => {
  test('re-annotating the same text keeps them; a different text, the sample or a file asks in the page; a discard can be undone', async () => {
    const page = await openPage(env);
    await pageReady(page);
    await annotateInPage(page, TEXT);
    const doc = JSON.parse((await downloadExport(page, 'newsmark')).body);
    const oslo = doc.entities.find((e) => e.text === 'Oslo');
    const p = await spanPoint(page, oslo.start, oslo.end);
    await page.mouse.click(p.x, p.y);
    await page.locator('#details section.detail').first().locator('select.relabel').selectOption('MISC');
    assert.equal(await edits(page), 1);
    // the same text again: kept
    await annotateInPage(page, TEXT);
    assert.equal(await edits(page), 1, 'kept on re-annotation');
    assert.match(await page.textContent('#status-text'), /correction is kept|corrections are kept/);
    assert.ok((await highlightTexts(page, 'nm-MISC')).includes('Oslo'));
    // a different text: a question, "keep" keeps everything
    const other = 'Jens Stoltenberg visited Ankara on Friday.';
    await page.fill('#input', other);
    await page.click('#annotate');
    await page.waitForSelector('#discard-dialog[open]');
    assert.match(await page.textContent('#discard-dialog'), /1 correction/);
    await page.click('#discard-no');
    assert.equal(await page.evaluate(() => document.getElementById('article').textContent), TEXT);
    assert.equal(await edits(page), 1);
    // the sample: the same question
    await page.click('#sample');
    await page.waitForSelector('#discard-dialog[open]');
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.getElementById('discard-dialog').open), false);
    assert.equal(await edits(page), 1, 'Escape keeps them');
    // discard, then undo the discard
    await page.fill('#input', other);
    const runs = Number(await page.getAttribute('body', 'data-runs'));
    await page.click('#annotate');
    await page.waitForSelector('#discard-dialog[open]');
    await page.click('#discard-yes');
    await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs);
    assert.equal(await page.evaluate(() => document.getElementById('article').textContent), other);
    assert.equal(await edits(page), 0);
    await page.waitForSelector('#undo-discard:not([hidden])');
    const runs2 = Number(await page.getAttribute('body', 'data-runs'));
    await page.click('#undo-discard');
    await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs2);
    assert.equal(await page.evaluate(() => document.getElementById('article').textContent), TEXT);
    assert.equal(await edits(page), 1, 'the corrections are back');
    const back = JSON.parse((await downloadExport(page, 'newsmark')).body);
    assert.equal(back.entities.find((e) => e.text === 'Oslo' && e.start === oslo.start).label, 'MISC');
    noProblems(page);
    await page.close();
  });
});

describe('phone', () => {
  test('390×844: tapping a highlight shows its details on screen', async () => {
    const server = await start(WWW, 0);
    const profile = mkdtempSync(join(tmpdir(), 'newsmark-phone-'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
      const page = await ctx.newPage();
      const problems = [];
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(new URL('index.html', server.url).href);
      await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
      const sample = await page.evaluate(() => document.getElementById('article').textContent);
      // a name in the third paragraph
      const at = sample.indexOf('Marieke van Dalen');
      assert.ok(at > 0);
      await page.evaluate(`window.__rangeAt = ${articleRange}`);
      const pt = await page.evaluate(([s, e]) => {
        const r = window.__rangeAt(s, e);
        window.scrollBy(0, r.getBoundingClientRect().top - innerHeight / 3);
        const q = r.getClientRects()[0];
        return { x: q.left + Math.min(q.width / 2, 20), y: q.top + q.height / 2 };
      }, [at, at + 'Marieke van Dalen'.length]);
      await page.touchscreen.tap(pt.x, pt.y);
      await page.waitForFunction(() => document.getElementById('details').textContent.includes('Marieke van Dalen'));
      const rect = await page.evaluate(() => {
        const r = document.getElementById('details').getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, h: innerHeight };
      });
      assert.ok(rect.top >= 0 && rect.top < rect.h - 40, `the details start on screen (top ${Math.round(rect.top)} of ${rect.h})`);
      // the corrections are in reach of a thumb
      const sel = await page.locator('#details select.relabel').first().boundingBox();
      assert.ok(sel && sel.y + sel.height <= 844, 'the label menu is on screen');
      await page.screenshot({ path: join(ensureDir(SCREENSHOTS), 'page-phone-tap.png') });
      assert.deepEqual(problems, []);
      await ctx.close();
    } finally {
      await browser.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

describe('input and export', () => {
  test('pasting CRLF text says the text box keeps LF only', async () => {
    const page = await openPage(env);
    await pageReady(page);
    assert.equal(await page.isHidden('#crlf-note'), true);
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData('text/plain', 'NATO met in Ankara.\r\nJens Stoltenberg said so.\r\n');
      document.getElementById('input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    assert.equal(await page.isVisible('#crlf-note'), true);
    assert.match(await page.textContent('#crlf-note'), /CRLF.*load the file/s);
    noProblems(page);
    await page.close();
  });

  test('export file names come from the loaded file or the first line, sanitised', async () => {
    const page = await openPage(env);
    await pageReady(page);
    assert.equal((await downloadExport(page, 'newsmark')).name, 'sample-article.newsmark.json');
    const hostile = '\u202e../../Evil:<Headline>\u0007 "Quoted" | pipe\u200b?* and a very long rest of the line that goes on and on and on\nNATO met in Ankara.';
    await pasteText(page, hostile);
    const runs = Number(await page.getAttribute('body', 'data-runs'));
    await page.click('#annotate');
    await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs);
    const { name } = await downloadExport(page, 'csv-quotes');
    assert.match(name, /^[\p{L}\p{N}\p{M} ._,'()-]+\.quotes\.csv$/u, name);
    assert.doesNotMatch(name, /[\u202e\u200b\u0007/\\:<>|?*"]|\.\./u);
    assert.ok(name.startsWith('Evil-Headline-Quoted-pipe'), name);
    assert.ok([...name].length <= 60 + '.quotes.csv'.length, `short: ${name}`);
    const runs2 = Number(await page.getAttribute('body', 'data-runs'));
    await page.setInputFiles('#file', { name: 'Storm barrier (final).txt', mimeType: 'text/plain', buffer: Buffer.from('NATO met in Ankara.') });
    await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs2);
    assert.equal((await downloadExport(page, 'newsmark')).name, 'Storm-barrier-(final).newsmark.json');
    noProblems(page);
    await page.close();
  });
});

describe('filters and tables', () => {
  test('filter by label and by speaker; tables of quotes by speaker and of numbers, each exported as CSV', async () => {
    const page = await openPage(env);
    await pageReady(page);
    const doc = JSON.parse((await downloadExport(page, 'newsmark')).body);
    const persons = doc.entities.filter((e) => e.label === 'PERSON').length;
    assert.ok(persons > 0);
    assert.equal((await highlightTexts(page, 'nm-PERSON')).length, persons);
    await page.uncheck('.legend input.filter[data-label="PERSON"]');
    assert.deepEqual(await highlightTexts(page, 'nm-PERSON'), [], 'people hidden');
    assert.ok((await highlightTexts(page, 'nm-PLACE')).length > 0, 'places still shown');
    await page.check('.legend input.filter[data-label="PERSON"]');
    assert.equal((await highlightTexts(page, 'nm-PERSON')).length, persons);
    // quotes of one speaker
    const withSpeaker = doc.quotes.filter((q) => q.speaker?.cluster);
    const key = `c:${withSpeaker[0].speaker.cluster}`;
    const theirs = doc.quotes.filter((q) => q.speaker?.cluster === withSpeaker[0].speaker.cluster);
    assert.ok(theirs.length < doc.quotes.length, 'the sample has quotes by more than one speaker');
    await page.selectOption('#filter-speaker', key);
    assert.deepEqual((await highlightTexts(page, 'nm-quote')).sort(), theirs.map((q) => q.text).sort());
    await page.selectOption('#filter-speaker', '');
    assert.equal((await highlightTexts(page, 'nm-quote')).length, doc.quotes.length);
    // tables
    await page.click('#quote-table-box summary');
    await page.click('#number-table-box summary');
    const rows = await page.evaluate(() => ({
      quotes: [...document.querySelectorAll('#quote-table tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent)),
      numbers: [...document.querySelectorAll('#number-table tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent)),
    }));
    assert.equal(rows.quotes.length, doc.quotes.length);
    assert.equal(rows.numbers.length, doc.numbers.length);
    const q0 = theirs[0];
    assert.ok(rows.quotes.some((r) => r[0] === (q0.speaker.name ?? q0.speaker.text) && r[1] === q0.text), 'a quote under its speaker');
    // grouped: each speaker's rows are together
    const order = rows.quotes.map((r) => r[0]);
    assert.equal(new Set(order).size, order.filter((s, i) => i === 0 || order[i - 1] !== s).length, 'grouped by speaker');
    for (const [btn, fmt, layer] of [['#quote-table-csv', 'quotes.csv', 'quotes'], ['#number-table-csv', 'numbers.csv', 'numbers']]) {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click(btn)]);
      assert.ok(dl.suggestedFilename().endsWith(fmt));
      const body = readFileSync(await dl.path(), 'utf8');
      assert.equal(body.split('\r\n').filter(Boolean).length, doc[layer].length + 1, `${fmt}: header + one row per item`);
    }
    noProblems(page);
    await page.close();
  });
});
