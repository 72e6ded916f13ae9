// Playwright: the CMS embed (highlight() on live article HTML never changes a node), the
// data-newsmark attribute and the newsmark:annotated event, re-annotation on edits, the strict CSP,
// and the overlay fallback where CSS.highlights is missing.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { setup, openPage, pageReady, annotateInPage, seedOrNull, SCREENSHOTS, ensureDir } from './helpers.mjs';
import { assertDoc } from './schema.mjs';
import { articleShape, articleRange } from './page-dom.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

function noProblems(page) {
  assert.deepEqual(page.problems, [], 'no console error or warning, no page error');
  assert.deepEqual(page.dialogs, [], 'no dialog');
}

async function embedPage(opts) {
  const page = await openPage(env, 'embed-example.html', opts);
  await page.waitForSelector('body[data-annotated="1"]', { timeout: 30_000 });
  return page;
}

describe('CMS embed', () => {
  // The bug this prevents: annotators that inject spans into post HTML break CMS editors
  // (insideout10/wordlift-plugin#1737, WordPress/gutenberg#9029; anchors.md §5.11).
  test('highlight() never adds, removes or changes a node (wordlift#1737): innerHTML identical before, during and after clear()', async () => {
    const page = await embedPage();
    const r = await page.evaluate(async () => {
      const story = document.getElementById('story');
      const src = await (await fetch(location.href)).text();
      const pristine = new DOMParser().parseFromString(src, 'text/html').getElementById('story').innerHTML;
      const auto = story.innerHTML; // after the data-newsmark auto-highlight
      const nm = await import('./newsmark.js');
      const muts = [];
      const mo = new MutationObserver((ms) => { for (const m of ms) muts.push(`${m.type} ${m.target.nodeName}`); });
      mo.observe(story, { subtree: true, childList: true, characterData: true, attributes: true });
      (await story.newsmarkHandle).clear();
      const cleared = story.innerHTML;
      let event = null;
      story.addEventListener('newsmark:annotated', (e) => { event = e.detail; }, { once: true });
      const h = await nm.highlight(story);
      const during = story.innerHTML;
      const items = h.items.map(({ layer, item, range }) => ({ layer, label: item.label ?? null, value: item.value ?? null, text: item.text, drawn: range.toString() }));
      const drawnNames = nm.HIGHLIGHTS.filter((n) => CSS.highlights.get(n)?.size);
      h.clear();
      const after = story.innerHTML;
      const leftover = nm.HIGHLIGHTS.filter((n) => CSS.highlights.has(n));
      await new Promise((res) => setTimeout(res, 50));
      mo.disconnect();
      return {
        pristine, auto, cleared, during, after, items, drawnNames, leftover, muts, text: h.text,
        eventJson: event?.json, eventText: event?.text, serialized: nm.serialize(h.doc),
      };
    });
    assert.equal(r.auto, r.pristine, 'the auto-highlighted article is byte-identical to the served HTML');
    assert.equal(r.cleared, r.pristine, 'after clear()');
    assert.equal(r.during, r.pristine, 'while highlighted');
    assert.equal(r.after, r.pristine, 'after highlight() + clear()');
    assert.deepEqual(r.muts, [], 'no mutation of the article at all');
    assert.deepEqual(r.leftover, [], 'clear() removes every highlight');
    // the text read from the DOM: paragraphs separated, <br> a newline, &amp; decoded, script and hidden skipped
    assert.ok(r.text.includes('Elena Ward\nROTTERDAM, Tuesday'), '<br> is a newline');
    assert.ok(r.text.includes('Northgate & Partners Re'), '&amp; is "&"');
    assert.ok(r.text.includes('by nearly 1.5 metres'), '<em> is inline');
    assert.ok(!r.text.includes('schema.org') && !r.text.includes('Internal note'), 'script and hidden text skipped');
    assert.ok(/costs\n\nBy /.test(r.text), 'blocks separated by a blank line');
    // the event carries the JSON, and it is valid for the text
    assert.equal(r.eventText, r.text);
    assert.equal(r.eventJson, r.serialized);
    assertDoc(JSON.parse(r.eventJson), r.text, 'embed JSON');
    // every highlighted range's text equals its item's text (across <a>, <em>, <strong>, &amp;)
    for (const i of r.items) assert.equal(i.drawn, i.text, `range text of ${i.layer} ${JSON.stringify(i.text)}`);
    // what the product must find here
    const has = (layer, label, text) => r.items.some((i) => i.layer === layer && (label == null || i.label === label) && i.text === text);
    assert.ok(has('entities', 'PERSON', 'Marieke van Dalen'), 'PERSON inside a link');
    assert.ok(has('entities', 'PERSON', 'Tomas Whitford'), 'PERSON Tomas Whitford');
    assert.ok(has('entities', 'PLACE', 'London'), 'PLACE London');
    assert.ok(r.items.some((i) => i.layer === 'numbers' && i.text.includes('1.5 metres') && i.value === 1.5), 'a number across <em>');
    assert.ok(r.items.some((i) => i.layer === 'numbers' && i.text.includes('2,000')), 'a number inside <strong>');
    assert.ok(r.items.some((i) => i.layer === 'quotes' && i.text.startsWith('"We cannot wait')), 'a quote');
    assert.ok(r.drawnNames.length > 0, 'something is drawn');
    await page.evaluate(async () => { await (await import('./newsmark.js')).highlight(document.getElementById('story')); });
    await page.screenshot({ path: join(ensureDir(SCREENSHOTS), 'embed-example.png'), fullPage: true });
    noProblems(page);
    await page.close();
  });

  test('observe: an edit to the article is re-annotated (debounced), still without touching nodes', async () => {
    const page = await embedPage();
    const r = await page.evaluate(async () => {
      const story = document.getElementById('story');
      const nm = await import('./newsmark.js');
      (await story.newsmarkHandle).clear();
      const h = await nm.highlight(story, { observe: true, debounce: 50 });
      const next = new Promise((res) => story.addEventListener('newsmark:annotated', (e) => res(e.detail), { once: true }));
      // the CMS editor changes the text
      const p = document.createElement('p');
      p.textContent = 'Late addition: Jens Stoltenberg visited Ankara on Friday.';
      story.append(p);
      const detail = await next;
      const before = story.innerHTML;
      const ok = h.text === detail.text && detail.text.endsWith('Late addition: Jens Stoltenberg visited Ankara on Friday.');
      h.clear();
      return { ok, same: before === story.innerHTML };
    });
    assert.ok(r.ok, 'the new text was annotated');
    assert.ok(r.same);
    noProblems(page);
    await page.close();
  });
});

describe('strict Content-Security-Policy', () => {
  for (const path of ['index.html', 'embed-example.html']) {
    test(`${path} works under ${STRICT_CSP} (as a response header)`, async () => {
      const page = await env.ctx.newPage();
      await page.route(/\.html(\?|$)/, async (route) => {
        const res = await route.fetch();
        await route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': STRICT_CSP } });
      });
      page.problems = [];
      page.dialogs = [];
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') page.problems.push(`console.${m.type()}: ${m.text()}`); });
      page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
      await page.addInitScript(() => {
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const resp = await page.goto(new URL(path, env.url).href);
      assert.equal(resp.headers()['content-security-policy'], STRICT_CSP);
      if (path === 'index.html') {
        await pageReady(page);
        assert.equal(await page.getAttribute('body', 'data-state'), 'done');
        assert.equal(await page.getAttribute('body', 'data-engine'), 'worker');
      } else {
        await page.waitForSelector('body[data-annotated="1"]');
      }
      assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }
});

describe('overlay fallback (no CSS.highlights)', () => {
  const noHighlights = () => {
    delete CSS.highlights;
    delete window.Highlight;
  };

  test('the page draws the same highlights as positioned boxes, and the article stays text only', async (t) => {
    const text = seedOrNull() ?? readFileSync(new URL('../../www/sample-article.txt', import.meta.url), 'utf8');
    const page = await openPage(env, 'index.html', { init: noHighlights });
    await pageReady(page);
    assert.equal(await page.evaluate(() => typeof CSS.highlights), 'undefined');
    await annotateInPage(page, text);
    await page.selectOption('#export-format', 'newsmark');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const doc = JSON.parse(readFileSync(await dl.path(), 'utf8'));
    await page.waitForTimeout(100); // boxes are drawn on the next animation frame
    await page.evaluate(`window.__rangeAt = ${articleRange}; window.__shape = ${articleShape}`);
    const r = await page.evaluate((d) => {
      const name = (layer, it) => (layer === 'entities' ? `nm-${it.label}` : layer === 'numbers' ? 'nm-number' : 'nm-quote');
      const key = (n, q) => `${n} ${Math.round(q.left + scrollX)} ${Math.round(q.top + scrollY)} ${Math.round(q.width)} ${Math.round(q.height)}`;
      const expected = [];
      const span = (n, s) => {
        const rg = window.__rangeAt(s.start, s.end);
        for (const q of rg.getClientRects()) if (q.width && q.height) expected.push(key(n, q));
      };
      for (const layer of ['entities', 'numbers', 'quotes']) {
        for (const it of d[layer]) {
          span(name(layer, it), it);
          if (layer === 'quotes' && it.speaker) span('nm-speaker', it.speaker);
          if (layer === 'quotes' && it.cue) span('nm-cue', it.cue);
        }
      }
      const actual = [...document.querySelectorAll('.nm-overlay .nm-box')].map((b) => key(b.dataset.name, b.getBoundingClientRect()));
      return {
        expected: expected.sort(), actual: actual.sort(),
        overlayInArticle: !!document.querySelector('#article .nm-overlay'),
        // the boxes are multiplied onto the page, so the text under them stays readable
        blend: getComputedStyle(document.querySelector('.nm-overlay')).mixBlendMode,
        shape: window.__shape(),
      };
    }, doc);
    assert.ok(r.expected.length > 0, 'the seed article has highlights to draw');
    assert.deepEqual(r.actual, r.expected, 'one box per client rect of every highlighted item');
    await page.screenshot({ path: join(ensureDir(SCREENSHOTS), 'page-overlay-fallback.png') });
    assert.equal(r.overlayInArticle, false);
    assert.equal(r.blend, 'multiply');
    assert.equal(r.shape, 'text only');
    noProblems(page);
    await page.close();
  });

  test('the CMS embed with the overlay leaves the article byte-identical', async () => {
    const page = await embedPage({ init: noHighlights });
    const r = await page.evaluate(async () => {
      const story = document.getElementById('story');
      const src = await (await fetch(location.href)).text();
      const pristine = new DOMParser().parseFromString(src, 'text/html').getElementById('story').innerHTML;
      const h = await story.newsmarkHandle;
      await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
      const boxes = document.querySelectorAll('.nm-overlay .nm-box').length;
      const same = story.innerHTML === pristine;
      h.clear();
      return { overlay: h.overlay, boxes, same, after: story.innerHTML === pristine, left: document.querySelectorAll('.nm-overlay').length };
    });
    assert.equal(r.overlay, true);
    assert.ok(r.same && r.after, 'innerHTML unchanged with the overlay and after clear()');
    assert.equal(r.left, 0, 'clear() removes the overlay');
    assert.ok(r.boxes > 0, 'highlights are drawn as boxes');
    noProblems(page);
    await page.close();
  });
});

describe('CMS embed, property: random article markup', () => {
  test('highlight() on random trees of p/em/a/strong/br/span and text never changes the DOM, and every range reads as its item', async () => {
    const words = ['Jens Stoltenberg', 'NATO', 'said', '"Stop their offensive,"', '\u201cWe will stay\u201d', 'Ankara', 'some 3.6 million',
      'people', 'on Thursday', '$48.2 million', '12%', 'Mevlüt Cavusoglu', 'told reporters', '&', '<b>not a tag</b>', '\u{1F600}', 'e\u0301',
      '\u00a0', ', ', '. ', ' ', ' ', 'the', 'in', 'Idlib', 'according to the OSDH'];
    const text = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }).map((a) => ({ t: a.join(' ') }));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, text, tie('el')),
      el: fc.record({
        tag: fc.constantFrom('p', 'em', 'a', 'strong', 'span', 'br', 'div', 'blockquote'),
        kids: fc.array(tie('node'), { maxLength: 4 }),
      }),
    })).node;
    const samples = fc.sample(fc.array(tree, { minLength: 1, maxLength: 6 }), { numRuns: 25, seed: 20261125 });
    const page = await openPage(env, 'embed-example.html');
    await page.waitForSelector('body[data-annotated="1"]');
    const results = await page.evaluate(async (all) => {
      const nm = await import('./newsmark.js');
      const build = (n) => {
        if (n.t !== undefined) return document.createTextNode(n.t);
        const e = document.createElement(n.tag);
        if (n.tag === 'a') e.setAttribute('href', '#x');
        if (n.tag !== 'br') for (const k of n.kids) e.append(build(k));
        return e;
      };
      const out = [];
      for (const sample of all) {
        const root = document.createElement('article');
        for (const n of sample) root.append(build(n));
        document.body.append(root);
        const before = root.innerHTML;
        const h = await nm.highlight(root);
        const during = root.innerHTML;
        const bad = h.items.filter(({ item, range }) => !item.text.includes('\n') && range.toString() !== item.text)
          .map(({ item, range }) => [item.text, range.toString()]);
        const n = h.items.length;
        h.clear();
        out.push({ same: before === during && before === root.innerHTML, bad, n, text: h.text });
        root.remove();
      }
      return out;
    }, samples);
    for (const r of results) {
      assert.ok(r.same, `DOM unchanged for ${JSON.stringify(r.text)}`);
      assert.deepEqual(r.bad, [], `ranges read as their items in ${JSON.stringify(r.text)}`);
    }
    assert.ok(results.reduce((a, r) => a + r.n, 0) > 0, 'the samples have highlights');
    noProblems(page);
    await page.close();
  });
});

test('the example page: editing the article re-annotates it, and the HTML holds only what the editor typed', async () => {
  const page = await embedPage();
  await page.click('#edit');
  const before = await page.evaluate(() => document.getElementById('story').innerHTML);
  const n = Number(await page.getAttribute('body', 'data-annotated'));
  // type at the end of the last paragraph
  await page.evaluate(() => {
    const p = [...document.querySelectorAll('#story p')].at(-1);
    const r = document.createRange();
    r.selectNodeContents(p);
    r.collapse(false);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
  });
  await page.keyboard.type(' Rahmi Dogan said "no" in Ankara.');
  await page.waitForFunction((k) => Number(document.body.dataset.annotated) > k, n, { timeout: 10_000 });
  const r = await page.evaluate(async () => {
    const story = document.getElementById('story');
    const h = await story.newsmarkHandle;
    return { html: story.innerHTML, text: h.text, hasName: h.items.some(({ item }) => item.text === 'Rahmi Dogan') };
  });
  assert.ok(r.text.endsWith('Rahmi Dogan said "no" in Ankara.'), 'the typed text was annotated');
  assert.equal(r.html, before.replace('cooperative.</p>', 'cooperative. Rahmi Dogan said "no" in Ankara.</p>'), 'only the typed text changed the HTML');
  assert.ok(r.hasName, 'the new name is highlighted');
  noProblems(page);
  await page.close();
});

// A CMS article template written for these tests (tests/js/fixtures/): drop cap, soft hyphens,
// footnote marks, figure, blockquote, lists, an ad slot, related-link boxes, an aria-hidden aside
// and an editor's data-newsmark-skip. It is served from the page's origin through a route.
const FIXTURES = new URL('./fixtures/', import.meta.url);

async function cmsPage(opts = {}) {
  const page = await env.ctx.newPage();
  page.problems = [];
  page.dialogs = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') page.problems.push(`console.${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  for (const f of ['cms-template.html', 'cms-template.css']) {
    await page.route(new URL(f, env.url).href, (route) => route.fulfill({
      body: readFileSync(new URL(f, FIXTURES)), contentType: f.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/css',
    }));
  }
  if (opts.init) await page.addInitScript(opts.init);
  await page.goto(new URL('cms-template.html', env.url).href);
  await page.waitForFunction(() => !!document.getElementById('story').newsmarkHandle, null, { timeout: 30_000 });
  await page.evaluate(() => document.getElementById('story').newsmarkHandle);
  return page;
}

describe('CMS markup', () => {
  test('a CMS template: drop cap, soft hyphens and footnote marks give whole names with exact ranges; asides, ads, related boxes and data-newsmark-skip are skipped; the HTML stays byte-identical', async () => {
    const page = await cmsPage();
    const r = await page.evaluate(async () => {
      const story = document.getElementById('story');
      const src = await (await fetch(location.href)).text();
      const pristine = new DOMParser().parseFromString(src, 'text/html').getElementById('story').innerHTML;
      const auto = await story.newsmarkHandle;
      const afterAuto = story.innerHTML;
      const items = auto.items.map(({ layer, item, range }) => ({
        layer, label: item.label ?? null, text: item.text, start: item.start, end: item.end,
        drawn: range.toString(), startNode: range.startContainer.parentElement.className,
      }));
      const text = auto.text;
      auto.clear();
      const nm = await import('./newsmark.js');
      const h = await nm.highlight(story);
      const during = story.innerHTML;
      const same = h.text === text;
      const withAsides = (await nm.highlight(story, { skipAsides: false })).text;
      h.clear();
      return { pristine, afterAuto, during, after: story.innerHTML, items, text, same, withAsides, dropcapFloat: getComputedStyle(story.querySelector('.dropcap')).float };
    });
    assert.equal(r.dropcapFloat, 'left', 'the drop cap is floated (so its computed display is block)');
    assert.equal(r.afterAuto, r.pristine, 'byte-identical after the auto-highlight');
    assert.equal(r.during, r.pristine, 'byte-identical while highlighted');
    assert.equal(r.after, r.pristine, 'byte-identical after clear()');
    assert.ok(r.same, 'the same text each time');
    const find = (label, text) => r.items.find((i) => i.layer === 'entities' && i.text === text && (!label || i.label === label));
    // every item's range reads exactly as its text, which is the slice of the text at its offsets
    for (const i of r.items) {
      assert.equal(r.text.slice(i.start, i.end), i.text, `offsets of ${JSON.stringify(i.text)}`);
      if (!i.text.includes('\n')) assert.equal(i.drawn, i.text, `range of ${JSON.stringify(i.text)}`);
    }
    // drop cap: the floated "J" is part of the word
    assert.ok(r.text.includes('John Smith, the governor'), `drop cap read inline: ${JSON.stringify(r.text.slice(0, 160))}`);
    const john = find('PERSON', 'John Smith');
    assert.ok(john, `John Smith found whole; names: ${r.items.filter((i) => i.layer === 'entities').map((i) => i.text)}`);
    assert.equal(john.startNode, 'dropcap', 'its range starts in the drop cap');
    // soft hyphens: one name, the text keeps the U+00AD (never normalised)
    assert.ok(find('PERSON', 'Eliz\u00adabeth Warren'), 'Eliz&shy;abeth Warren is one PERSON');
    assert.ok(find('PLACE', 'Wash\u00adington'), 'Wash&shy;ington is one PLACE');
    // footnote mark: kept apart from the word
    assert.ok(r.text.includes('Paris 1 last year'), `footnote mark apart: ${JSON.stringify(r.text.match(/Paris.{0,12}/)?.[0])}`);
    assert.ok(find('PLACE', 'Paris'), 'Paris found');
    // figure caption, blockquote and list items are article text, each its own block
    assert.ok(r.text.includes('\n\nThe sea wall in Portland was built in 1978.\n\n'), 'figcaption');
    assert.ok(r.text.includes('\n\n"We have waited long enough," said Maria Lopez'), 'blockquote');
    assert.ok(r.text.includes('Portland: 1,200 homes\n\nBangor: 800 homes'), 'list items');
    assert.ok(find('PERSON', 'Maria Lopez'), 'the quote\'s speaker');
    // skipped: ad slot, related boxes, aria-hidden, data-newsmark-skip; the footnote list is text
    for (const gone of ['Advertisement', 'Walter Price', 'Thomas Reed', 'Clara Holt', 'Peter Quill', 'Victor Hale']) {
      assert.ok(!r.text.includes(gone), `${gone} skipped`);
      assert.ok(!r.items.some((i) => i.text.includes(gone)), `${gone} not highlighted`);
    }
    assert.ok(r.text.includes('A report by the Coastal Institute.'));
    // skipAsides: false reads the asides, but never what the editor opted out
    assert.ok(r.withAsides.includes('Thomas Reed') && r.withAsides.includes('Walter Price') && r.withAsides.includes('Peter Quill'));
    assert.ok(!r.withAsides.includes('Victor Hale'), 'data-newsmark-skip always skips');
    noProblems(page);
    await page.close();
  });

  test('the page\'s .html import reads the same template the same way (shared rules)', async () => {
    const page = await openPage(env);
    await pageReady(page);
    const html = readFileSync(new URL('cms-template.html', FIXTURES), 'utf8');
    const text = await page.evaluate(async (h) => (await import('./html-text.js')).htmlToText(h), html);
    for (const want of ['Senator Eliz\u00adabeth Warren', 'Paris 1 last year', 'The sea wall in Portland was built in 1978.', 'Bangor: 800 homes']) {
      assert.ok(text.includes(want), `${JSON.stringify(want)} in ${JSON.stringify(text)}`);
    }
    assert.ok(text.includes('John Smith, the governor'), 'the drop cap span is inline');
    for (const gone of ['Advertisement', 'Walter Price', 'Thomas Reed', 'Clara Holt', 'Peter Quill', 'Victor Hale']) {
      assert.ok(!text.includes(gone), `${gone} skipped`);
    }
    // unit powers are not footnotes
    const km = await page.evaluate(async () => (await import('./html-text.js')).htmlToText('<p>An area of 40 km<sup>2</sup> near Oslo<sup>3</sup>.</p>'));
    assert.equal(km, 'An area of 40 km2 near Oslo 3.');
    noProblems(page);
    await page.close();
  });
});
