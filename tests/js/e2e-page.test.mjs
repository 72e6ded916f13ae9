// Playwright (playwright-core + Debian Chromium, headless) against the page in www/:
// the seed article, hostile input, byte identity with the wasm API and the CLI, side lists,
// exports, keyboard details, screenshots. Every test fails on a console error or warning.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initSync, Annotator } from '../../www/pkg/newsmark.js';
import {
  setup, openPage, pageReady, annotateInPage, highlightTexts, seedText, seedOrNull, SEED_URL, CLI, SCREENSHOTS, ensureDir,
} from './helpers.mjs';
import { assertDoc, assertWebAnnotation } from './schema.mjs';
import { articleShape, articleRange } from './page-dom.mjs';

initSync({ module: readFileSync(new URL('../../www/pkg/newsmark_bg.wasm', import.meta.url)) });

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

async function downloadExport(page, format) {
  await page.selectOption('#export-format', format);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  return { name: dl.suggestedFilename(), body: readFileSync(await dl.path(), 'utf8') };
}

/** Byte equality with a short message: where the two first differ. */
function sameBytes(a, b, what) {
  if (a === b) return;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  assert.fail(`${what}: lengths ${a.length} vs ${b.length}, first difference at ${i}: `
    + `${JSON.stringify(a.slice(Math.max(0, i - 60), i + 60))} vs ${JSON.stringify(b.slice(Math.max(0, i - 60), i + 60))}`);
}

function noProblems(page) {
  assert.deepEqual(page.problems, [], 'no console error or warning, no page error');
  assert.deepEqual(page.dialogs, [], 'no dialog');
}

describe('the page', () => {
  test('opens with the sample article annotated, in the Worker, with no console noise', async () => {
    const page = await openPage(env);
    await pageReady(page);
    assert.equal(await page.getAttribute('body', 'data-state'), 'done');
    assert.equal(await page.getAttribute('body', 'data-engine'), 'worker');
    const sample = readFileSync(new URL('../../www/sample-article.txt', import.meta.url), 'utf8');
    assert.equal(await page.evaluate(() => document.getElementById('article').textContent), sample);
    // the article view holds text only: one text node, no elements
    assert.equal(await page.evaluate(articleShape), 'text only');
    const counts = await page.evaluate(() => ['entities', 'numbers', 'quotes'].map((l) => Number(document.getElementById(`count-${l}`).textContent)));
    assert.ok(counts[0] > 0 && counts[1] > 0 && counts[2] > 0, `the sample article shows all three layers (counts ${counts})`);
    noProblems(page);
    await page.close();
  });

  test('seed article: pasted, highlighted as expected, JSON downloaded and valid against the text and the schema', async (t) => {
    const text = seedText(t);
    if (text == null) return;
    const page = await openPage(env);
    await pageReady(page);
    await annotateInPage(page, text);
    // the JSON first: it is what the highlights are drawn from
    const { name, body } = await downloadExport(page, 'newsmark');
    assert.match(name, /\.newsmark\.json$/);
    const doc = JSON.parse(body);
    assertDoc(doc, text, 'downloaded JSON');

    const person = await highlightTexts(page, 'nm-PERSON');
    const org = await highlightTexts(page, 'nm-ORG');
    const place = await highlightTexts(page, 'nm-PLACE');
    const numbers = await highlightTexts(page, 'nm-number');
    const quotes = await highlightTexts(page, 'nm-quote');
    const speakers = await highlightTexts(page, 'nm-speaker');
    for (const n of ['Jens Stoltenberg', 'Fahrettin Altun']) assert.ok(person.includes(n), `PERSON highlight ${n}`);
    assert.ok(org.includes('NATO'), 'ORG highlight NATO');
    for (const n of ['Idlib', 'Ankara']) assert.ok(place.includes(n), `PLACE highlight ${n}`);
    const num = doc.numbers.find((x) => x.text === 'some 3.6 million' || x.text === '3.6 million');
    assert.ok(num, 'number "some 3.6 million" in the JSON');
    assert.equal(num.value, 3600000);
    assert.ok(numbers.includes(num.text), 'number highlight "some 3.6 million"');
    const q = doc.quotes.find((x) => x.text.includes('Stop their offensive'));
    assert.ok(q && quotes.includes(q.text), 'quote highlight "Stop their offensive"');
    assert.ok(q.speaker, 'the quote has a speaker');
    assert.ok(speakers.includes(q.speaker.text), 'its speaker is highlighted');
    // every highlight corresponds to an item of the JSON
    const all = [...doc.entities, ...doc.numbers, ...doc.quotes].map((x) => x.text).sort();
    const drawn = [...person, ...org, ...place, ...(await highlightTexts(page, 'nm-MISC')), ...numbers, ...quotes].sort();
    assert.deepEqual(drawn, all, 'one highlight per item, with the item\'s text');
    noProblems(page);
    await page.close();
  });

  // The bug this prevents: displaCy rendering unescaped text (explosion/spaCy#2361, #12816) and
  // compromise's .html() passing raw input through (anchors.md §5.8).
  test('hostile input stays text (spaCy#2361, spaCy#12816): no new element, no dialog, shown literally', async () => {
    const page = await openPage(env);
    await pageReady(page);
    const hostile = [
      'The minister said <img src=x onerror=alert(1)> was "<script>alert(1)</script>", officials said.',
      `"<img src=x onerror=alert(2)>" said Jens Stoltenberg. 'x" onmouseover="alert(3)' <b>bold</b> &amp; &lt;`,
      '<iframe src="javascript:alert(4)"></iframe> <svg onload=alert(5)> </textarea><script>alert(6)</script>',
      `NATO ${'['.repeat(10000)}x${']'.repeat(10000)} ${'('.repeat(2000)}"${'\u201c'.repeat(2000)}`,
    ].join('\n\n');
    const before = await page.evaluate(() => ({
      elements: document.getElementsByTagName('*').length,
      img: document.querySelectorAll('img, script:not([src]), iframe, svg, b').length,
    }));
    await page.evaluate(() => {
      window.__added = [];
      new MutationObserver((ms) => {
        for (const m of ms) for (const n of m.addedNodes) {
          // the view's own blocks (a plain div holding one text node) are expected; nothing else
          const block = n.nodeType === 1 && n.tagName === 'DIV' && n.className === 'chunk' && n.childNodes.length === 1 && n.firstChild.nodeType === 3;
          if (n.nodeType === 1 && !block) window.__added.push(n.outerHTML);
        }
      }).observe(document.getElementById('article'), { childList: true, subtree: true });
    });
    await page.evaluate(`window.__shape = ${articleShape}`);
    await annotateInPage(page, hostile);
    await page.waitForTimeout(300); // a late onerror would fire by now
    const after = await page.evaluate(() => ({
      img: document.querySelectorAll('img, script:not([src]), iframe, svg, b').length,
      article: document.getElementById('article').textContent,
      shape: window.__shape(),
      added: window.__added,
    }));
    assert.equal(after.img, before.img, 'no element made from the input');
    assert.equal(after.article, hostile, 'the text shows literally');
    assert.equal(after.shape, 'text only', 'the article view holds only its text nodes (in plain blocks)');
    assert.deepEqual(after.added, [], 'no element added to the article');
    // and the side lists / details hold it as text too
    const inLists = await page.evaluate(() => document.querySelectorAll('aside img, aside script, aside iframe, aside svg').length);
    assert.equal(inLists, 0);
    noProblems(page);
    await page.close();
  });

  test('byte identity: the page, the wasm API in Node and the CLI give the same JSON for the seed article', async (t) => {
    const text = seedText(t);
    if (text == null) return;
    const page = await openPage(env);
    await pageReady(page);
    const runs = Number(await page.getAttribute('body', 'data-runs'));
    await page.setInputFiles('#file', fileURLToPath(SEED_URL));
    await page.waitForFunction((n) => Number(document.body.dataset.runs) > n && document.body.dataset.state === 'done', runs);
    const { body } = await downloadExport(page, 'newsmark');
    const wasm = `${new Annotator().annotate(text)}\n`;
    sameBytes(body, wasm, 'page === wasm API (Node)');
    assert.ok(existsSync(CLI), `${CLI} missing: build it with \`cargo build --release --bin newsmark\` (scripts/test.sh does)`);
    const cli = execFileSync(CLI, ['annotate', fileURLToPath(SEED_URL)], { encoding: 'utf8' });
    sameBytes(body, cli, 'page === CLI (rebuild both from the same tree: scripts/test.sh does)');
    assertDoc(JSON.parse(body), text, 'seed JSON');
    noProblems(page);
    await page.close();
  });

  test('a loaded file keeps its exact text: BOM and CRLF', async () => {
    const page = await openPage(env);
    await pageReady(page);
    const text = '\ufeffNATO said on Thursday:\r\n"Stop their offensive," Jens Stoltenberg said.\r\nSome 3.6 million people.\r\n';
    const runs = Number(await page.getAttribute('body', 'data-runs'));
    await page.setInputFiles('#file', { name: 'crlf.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
    await page.waitForFunction((n) => Number(document.body.dataset.runs) > n && document.body.dataset.state === 'done', runs);
    assert.equal(await page.evaluate(() => document.getElementById('article').textContent), text);
    const { body } = await downloadExport(page, 'newsmark');
    const doc = JSON.parse(body);
    assertDoc(doc, text, 'CRLF+BOM file');
    sameBytes(body, `${new Annotator().annotate(text)}\n`, 'page === wasm API (Node)');
    noProblems(page);
    await page.close();
  });

  test('side lists, keyboard details, every export, copy', async (t) => {
    const text = seedText(t);
    if (text == null) return;
    const page = await openPage(env);
    await env.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url.replace(/\/$/, '') });
    await pageReady(page);
    await annotateInPage(page, text);
    const doc = JSON.parse((await downloadExport(page, 'newsmark')).body);

    // people by cluster, with counts; clicking one marks every mention
    const stolt = doc.entities.find((e) => e.text === 'Jens Stoltenberg');
    assert.ok(stolt, 'Jens Stoltenberg in the JSON');
    const mentions = doc.entities.filter((e) => e.cluster === stolt.cluster);
    const chip = page.locator(`#entity-list button[data-cluster="${stolt.cluster}"]`);
    assert.equal((await chip.locator('.count').textContent()).trim(), String(mentions.length));
    await chip.click();
    assert.equal(await chip.getAttribute('aria-pressed'), 'true');
    assert.deepEqual((await highlightTexts(page, 'nm-mark')).sort(), mentions.map((m) => m.text).sort(), 'every mention marked');

    // layer toggles with counts
    assert.equal(await page.textContent('#count-numbers'), String(doc.numbers.length));
    assert.equal(await page.textContent('#count-quotes'), String(doc.quotes.length));
    assert.equal(await page.textContent('#count-entities'), String(doc.entities.length));
    await page.uncheck('#layer-numbers');
    assert.deepEqual(await highlightTexts(page, 'nm-number'), [], 'numbers hidden');
    assert.ok((await highlightTexts(page, 'nm-PERSON')).length > 0, 'names still shown');
    await page.check('#layer-numbers');
    assert.equal((await highlightTexts(page, 'nm-number')).length, doc.numbers.length, 'numbers shown again');

    // quotes by speaker
    const q = doc.quotes.find((x) => x.text.includes('Stop their offensive'));
    assert.ok(q?.speaker, 'the quote and its speaker');
    const speakerName = q.speaker.name ?? q.speaker.text;
    const groups = await page.$$eval('#quote-list .speaker-group', (gs) => gs.map((g) => ({
      name: g.querySelector('.speaker-name').textContent,
      quotes: [...g.querySelectorAll('.quote-text')].map((x) => x.textContent),
    })));
    const g = groups.find((x) => x.name === speakerName);
    assert.ok(g, `a group for ${speakerName}`);
    assert.ok(g.quotes.some((x) => x.includes('Stop their offensive')), 'the quote is listed under its speaker');
    assert.equal(groups.reduce((n, x) => n + x.quotes.length, 0), doc.quotes.length, 'every quote listed once');

    // keyboard: focus the article and step to the first highlight
    await page.focus('#article');
    await page.keyboard.press('Home');
    assert.equal((await highlightTexts(page, 'nm-focus')).length, 1);
    const first = [...doc.entities, ...doc.numbers, ...doc.quotes].sort((a, b) => a.start - b.start || b.end - a.end)[0];
    assert.ok((await page.textContent('#details')).includes(first.text), 'details name the focused item');

    // hover over the number shows its value
    const n = doc.numbers.find((x) => x.value === 3600000);
    assert.ok(n, 'the 3.6 million number');
    await page.evaluate(`window.__rangeAt = ${articleRange}`);
    const box = await page.evaluate(([s, e]) => {
      const r = window.__rangeAt(s, e);
      window.scrollBy(0, r.getBoundingClientRect().top - innerHeight / 2);
      const rect = r.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }, [n.start + n.text.length - 2, n.end]);
    await page.mouse.move(box.x, box.y);
    await page.waitForFunction(() => document.getElementById('details').textContent.includes('3,600,000'));

    // every export, validated
    const wa = JSON.parse((await downloadExport(page, 'w3c')).body);
    assertWebAnnotation(wa, doc, [...text]);
    const dc = JSON.parse((await downloadExport(page, 'displacy')).body);
    assert.equal(dc.text, text);
    assert.deepEqual(dc.ents.map((e) => [...text].slice(e.start, e.end).join('')), doc.entities.map((e) => e.text));
    for (const [fmt, layer] of [['csv-quotes', 'quotes'], ['csv-numbers', 'numbers'], ['csv-entities', 'entities']]) {
      const { name, body } = await downloadExport(page, fmt);
      assert.match(name, /\.csv$/);
      assert.equal(body.split('\r\n').filter(Boolean).length, doc[layer].length + 1, `${fmt}: a header and one row per item`);
    }
    await page.fill('#w3c-source', 'https://example.org/news/1');
    const wa2 = JSON.parse((await downloadExport(page, 'w3c')).body);
    assert.ok(wa2.first.items.every((a) => a.target.source === 'https://example.org/news/1'), 'the W3C source is the one given');

    // copy
    await page.selectOption('#export-format', 'newsmark');
    await page.click('#copy');
    await page.waitForFunction(() => document.getElementById('status-text').textContent.startsWith('Copied'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${JSON.stringify(doc)}\n`);
    noProblems(page);
    await page.close();
  });

  test('corrections: add from a selection, relabel, set and remove a speaker, delete; every export carries them', async () => {
    const page = await openPage(env);
    await pageReady(page);
    const text = 'Mayor Anna Berg said: "The bridge will open in May." The council met in Oslo on Monday with 300 residents.';
    await annotateInPage(page, text);
    await page.evaluate(`window.__rangeAt = ${articleRange}`);
    const select = async (words) => {
      const s = text.indexOf(words);
      await page.evaluate(([a, b]) => {
        const sel = getSelection();
        sel.removeAllRanges();
        sel.addRange(window.__rangeAt(a, b));
      }, [s, s + words.length]);
      await page.waitForTimeout(50); // selectionchange is delivered asynchronously
    };
    const first = page.locator('#details section.detail').first();
    const edits = async () => Number(await page.getAttribute('body', 'data-edits'));

    await select('Anna Berg');
    await page.click('#add-tools .add-PERSON');
    assert.equal(await edits(), 1);
    await first.locator('select.relabel').selectOption('ORG');
    assert.equal(await edits(), 2);
    await select('"The bridge will open in May."');
    await page.click('#add-tools .add-quote');
    await select('Anna Berg');
    await first.locator('.set-speaker').click();
    await first.locator('.remove-speaker').click();
    await first.locator('.set-speaker').click();
    await select('300');
    await page.click('#add-tools .add-number');
    await first.locator('.delete').click();
    await select('Oslo');
    await page.click('#add-tools .add-PLACE');
    assert.equal(await edits(), 9);

    const doc = JSON.parse((await downloadExport(page, 'newsmark')).body);
    assertDoc(doc, text, 'corrected JSON');
    const anna = doc.entities.find((e) => e.text === 'Anna Berg');
    assert.equal(anna?.label, 'ORG');
    assert.equal(anna.source, 'edited');
    const oslo = doc.entities.find((e) => e.text === 'Oslo');
    assert.equal(oslo?.label, 'PLACE');
    assert.equal(oslo.source, 'edited');
    const q = doc.quotes.find((x) => x.text === '"The bridge will open in May."');
    assert.equal(q?.source, 'edited');
    assert.equal(q.speaker?.text, 'Anna Berg');
    assert.equal(q.speaker.name, 'Anna Berg');
    assert.equal(q.speaker.cluster, anna.cluster);
    assert.ok(!doc.numbers.some((n) => n.text === '300'), 'the deleted number is gone');
    // the other exports carry the same corrections
    const cps = [...text];
    const wa = JSON.parse((await downloadExport(page, 'w3c')).body);
    assertWebAnnotation(wa, doc, cps);
    const waQuote = wa.first.items.find((a) => a.target.selector[0].exact === q.text);
    assert.ok(waQuote.body.some((b) => b.purpose === 'identifying' && b.value === 'Anna Berg'), 'W3C: the corrected speaker');
    assert.ok(waQuote.body.some((b) => b.purpose === 'editing' && b.value === 'edited'), 'W3C: the correction is marked');
    const dc = JSON.parse((await downloadExport(page, 'displacy')).body);
    assert.ok(dc.ents.some((e) => cps.slice(e.start, e.end).join('') === 'Anna Berg' && e.label === 'ORG'), 'displaCy: the relabelled entity');
    const csv = (await downloadExport(page, 'csv-quotes')).body;
    assert.ok(csv.includes('"Anna Berg"') && csv.includes('"""The bridge will open in May."""'), 'CSV: the quote with its speaker');
    assert.ok(csv.split('\r\n')[0].endsWith('"source"') && csv.includes('"edited"\r\n'), 'CSV: the correction is marked');
    assert.ok(!(await downloadExport(page, 'csv-numbers')).body.includes('"300"'), 'CSV: the deleted number is gone');
    // the highlights follow the corrections
    assert.ok((await highlightTexts(page, 'nm-ORG')).includes('Anna Berg'));
    assert.ok((await highlightTexts(page, 'nm-speaker')).includes('Anna Berg'));
    noProblems(page);
    await page.close();
  });

  test('a dropped .html file is reduced to its text (no script runs, nothing loads)', async () => {
    const page = await openPage(env);
    await pageReady(page);
    const html = '<!doctype html><html><head><title>T</title><style>p{}</style><script>alert(1)</script></head><body>'
      + '<h1>Talks in Ankara</h1><p>NATO chief <a href="x">Jens Stoltenberg</a> said <em>"Stop"</em> &amp; left.</p>'
      + '<img src=x onerror=alert(2)><p hidden>secret</p><p>Some 3.6 million people.</p></body></html>';
    const runs = Number(await page.getAttribute('body', 'data-runs'));
    await page.setInputFiles('#file', { name: 'story.html', mimeType: 'text/html', buffer: Buffer.from(html, 'utf8') });
    await page.waitForFunction((n) => Number(document.body.dataset.runs) > n && document.body.dataset.state === 'done', runs);
    const text = await page.evaluate(() => document.getElementById('article').textContent);
    assert.equal(text, 'Talks in Ankara\n\nNATO chief Jens Stoltenberg said "Stop" & left.\n\nSome 3.6 million people.');
    assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
    const doc = JSON.parse((await downloadExport(page, 'newsmark')).body);
    assertDoc(doc, text, 'HTML file');
    noProblems(page);
    await page.close();
  });

  test('htmlToText: the text of HTML files, without handing their markup to the browser', async () => {
    const page = await openPage(env);
    await pageReady(page);
    const cases = [
      ['<p>a &amp; b &rsquo;c&#8221; &#x1F600; &nbsp;d</p>', 'a & b \u2019c\u201d \u{1F600} \u00a0d'],
      ['<head><title>x</title><meta charset=utf-8><body><p>one</p>\n  <p>two<br>three</p>', 'one\n\ntwo\nthree'],
      ['<div hidden><div>x</div><p>y</p></div><p>z</p>', 'z'],
      ['<p title="a > b" data-x=\'<p>\'>ok<!-- <b>no</b> --> yes</p>', 'ok yes'],
      ['<script>document.write("<p>x</p>")</script><style>p{color:red}</style><p>a<em>b</em> c</p>', 'ab c'],
      ['<pre>  x\n  y</pre><p>1 < 2 and 3 <b>4</b></p>', '  x\n  y\n\n1 < 2 and 3 4'],
      ['plain text, no tags', 'plain text, no tags'],
      ['<p>x</p><img src=x onerror=alert(1)><svg><text>no</text></svg><p>y</p>', 'x\n\ny'],
    ];
    const got = await page.evaluate(async (cs) => {
      const { htmlToText } = await import('./html-text.js');
      return cs.map(([h]) => htmlToText(h));
    }, cases);
    assert.deepEqual(got, cases.map((c) => c[1]));
    noProblems(page);
    await page.close();
  });

  test('a dropped .txt file is annotated with its exact text; every control has an accessible name', async () => {
    const page = await openPage(env);
    await pageReady(page);
    const text = '\ufeffNATO met in Ankara.\r\n"We stay," Jens Stoltenberg said.\r\n';
    const runs = Number(await page.getAttribute('body', 'data-runs'));
    await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new TextEncoder().encode(t)], 'dropped.txt', { type: 'text/plain' }));
      const target = document.getElementById('article');
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForFunction((n) => Number(document.body.dataset.runs) > n && document.body.dataset.state === 'done', runs);
    assert.equal(await page.evaluate(() => document.getElementById('article').textContent), text);
    assert.match(await page.textContent('#source-name'), /dropped\.txt/);
    // accessible names: buttons by text or aria-label, form controls by a <label> or aria-label
    const unnamed = await page.evaluate(() => {
      const name = (e) => (e.getAttribute('aria-label') || e.textContent || '').trim()
        || [...(e.labels ?? [])].map((l) => l.textContent.trim()).join('');
      return [...document.querySelectorAll('button, input, select, textarea, [tabindex="0"]')]
        .filter((e) => e.type !== 'file' || !e.closest('label'))
        .filter((e) => !name(e)).map((e) => e.outerHTML.slice(0, 80));
    });
    assert.deepEqual(unnamed, []);
    noProblems(page);
    await page.close();
  });

  test('text that does not look English gets a notice', async () => {
    const page = await openPage(env);
    await pageReady(page);
    assert.equal(await page.isHidden('#notice'), true, 'no notice for the English sample');
    await annotateInPage(page, 'Le gouvernement a annoncé mardi que les négociations avec les syndicats reprendraient la semaine prochaine à Paris, selon le ministre du Travail, qui a déclaré que « rien n’est décidé ».');
    assert.equal(await page.isVisible('#notice'), true);
    assert.match(await page.textContent('#notice'), /does not look like English/);
    await annotateInPage(page, readFileSync(new URL('../../www/sample-article.txt', import.meta.url), 'utf8'));
    assert.equal(await page.isHidden('#notice'), true);
    noProblems(page);
    await page.close();
  });

  test('where a Worker cannot start, the page annotates on the main thread', async () => {
    const page = await openPage(env, 'index.html', { init: () => { delete window.Worker; } });
    await pageReady(page);
    assert.equal(await page.getAttribute('body', 'data-state'), 'done');
    assert.equal(await page.getAttribute('body', 'data-engine'), 'main-thread');
    const sample = readFileSync(new URL('../../www/sample-article.txt', import.meta.url), 'utf8');
    const body = (await downloadExport(page, 'newsmark')).body;
    sameBytes(body, `${new Annotator().annotate(sample)}\n`, 'main-thread engine === wasm API (Node)');
    noProblems(page);
    await page.close();
  });

  test('screenshots of the page with the seed article (target/screenshots/)', async (t) => {
    const text = seedOrNull() ?? readFileSync(new URL('../../www/sample-article.txt', import.meta.url), 'utf8');
    const dir = ensureDir(SCREENSHOTS);
    const page = await openPage(env);
    await pageReady(page);
    await page.screenshot({ path: join(dir, 'page-sample.png'), fullPage: true });
    await annotateInPage(page, text);
    await page.screenshot({ path: join(dir, 'page-seed.png'), fullPage: true });
    await page.focus('#article');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.screenshot({ path: join(dir, 'page-seed-focus.png') });
    const chip = page.locator('#entity-list button').first();
    if (await chip.count()) {
      await chip.click();
      await page.screenshot({ path: join(dir, 'page-seed-marked.png') });
    }
    await page.setViewportSize({ width: 420, height: 900 });
    await page.screenshot({ path: join(dir, 'page-seed-narrow.png') });
    writeFileSync(join(dir, 'README.txt'), 'Written by tests/js/e2e-page.test.mjs for review.\n');
    noProblems(page);
    await page.close();
  });
});
