// Playwright (real headless Chromium): what the page looks like, checked by numbers a test can
// assert — entity labels told apart without colour (and under colour-vision deficiency
// simulations), print media without controls, dark mode contrast, the first screen at 1366×768 —
// plus screenshots (desktop, phone, dark, print) in target/screenshots/ for review.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setup, openPage, pageReady, SCREENSHOTS, ensureDir } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const LABELS = ['PERSON', 'ORG', 'PLACE', 'MISC'];

function noProblems(page) {
  assert.deepEqual(page.problems, [], 'no console error or warning, no page error');
}

// sRGB <-> linear, CIE L*, and the Machado et al. (2009) simulation matrices (severity 1.0)
const lin = (c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const MACHADO = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
};
function lightness(rgb, sim) {
  let v = rgb.map((c) => lin(c / 255));
  if (sim) v = MACHADO[sim].map((row) => Math.min(1, Math.max(0, row[0] * v[0] + row[1] * v[1] + row[2] * v[2])));
  const y = 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}
function contrast(a, b) {
  const lum = (rgb) => { const v = rgb.map((c) => lin(c / 255)); return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

// In the page: a CSS colour (any syntax) as [r, g, b], through a canvas.
function colourParser() {
  const c = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  window.__rgb = (css) => {
    c.fillStyle = '#000';
    c.fillStyle = css;
    c.fillRect(0, 0, 1, 1);
    const d = c.getImageData(0, 0, 1, 1).data;
    c.clearRect(0, 0, 1, 1);
    return [d[0], d[1], d[2]];
  };
}

// In the page: each label's highlight style (the last matching ::highlight rule) with its
// custom properties resolved, and the legend swatch's border style.
function labelStyles(labels) {
  const rules = [...document.adoptedStyleSheets, ...document.styleSheets].flatMap((s) => [...s.cssRules]);
  const root = getComputedStyle(document.documentElement);
  const resolve = (v) => v.replace(/var\((--[\w-]+),\s*([^)]+)\)/g, (_, name, fb) => root.getPropertyValue(name).trim() || fb);
  return Object.fromEntries(labels.map((l) => {
    const r = rules.filter((x) => x.selectorText === `::highlight(nm-${l})`).at(-1);
    const sw = getComputedStyle(document.querySelector(`.sw-${l}`));
    // the shorthand holds var(), so its longhands are not resolved: read its words
    const deco = resolve(r.style.getPropertyValue('text-decoration'));
    return [l, {
      line: deco.match(/\b(underline|overline|line-through)\b/)?.[1] ?? 'none',
      style: deco.match(/\b(solid|double|dotted|dashed|wavy)\b/)?.[1] ?? 'solid',
      thickness: deco.match(/\b\d+(?:\.\d+)?px\b/)?.[0] ?? 'auto',
      bg: window.__rgb(resolve(r.style.getPropertyValue('background-color'))), swatch: sw.borderTopStyle,
    }];
  }));
}

describe('colour is not the only channel', () => {
  test('every pair of entity labels differs in line style or thickness, or by ≥ 20 L* under deuteranopia and protanopia; the legend shows the same style', async (t) => {
    const page = await openPage(env);
    await pageReady(page);
    await page.evaluate(colourParser);
    const st = await page.evaluate(labelStyles, LABELS);
    const report = [];
    for (let i = 0; i < LABELS.length; i++) {
      for (let j = i + 1; j < LABELS.length; j++) {
        const [a, b] = [st[LABELS[i]], st[LABELS[j]]];
        const deco = a.line !== 'none' && b.line !== 'none' && (a.style !== b.style || a.thickness !== b.thickness);
        const dl = Object.fromEntries(['deuteranopia', 'protanopia'].map((s) => [s, Math.abs(lightness(a.bg, s) - lightness(b.bg, s))]));
        report.push(`${LABELS[i]}/${LABELS[j]}: ${a.style} ${a.thickness} vs ${b.style} ${b.thickness}; ΔL* deut ${dl.deuteranopia.toFixed(1)}, prot ${dl.protanopia.toFixed(1)}`);
        assert.ok(deco || (dl.deuteranopia >= 20 && dl.protanopia >= 20), `${LABELS[i]} vs ${LABELS[j]} told apart: ${report.at(-1)}`);
      }
    }
    t.diagnostic(report.join('\n'));
    for (const l of LABELS) {
      assert.notEqual(st[l].line, 'none', `${l} has a line`);
      // the legend's swatch draws the same line style (the double line needs a thicker border)
      assert.equal(st[l].swatch, st[l].style, `legend swatch of ${l}`);
    }
    // the lines are drawn over the words, quotes' under them, so a name in a quote shows both
    const quote = await page.evaluate(() => [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules])
      .find((x) => x.selectorText === '::highlight(nm-quote)').style.getPropertyValue('text-decoration'));
    assert.match(quote, /^underline\b/);
    for (const l of LABELS) assert.equal(st[l].line, 'overline');
    noProblems(page);
    await page.close();
  });
});

describe('print and dark mode', () => {
  test('print media: no buttons or form controls, the article and the legend (with its colours) print', async () => {
    const page = await openPage(env);
    await pageReady(page);
    await page.emulateMedia({ media: 'print' });
    const r = await page.evaluate(() => {
      const vis = (e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true });
      return {
        controls: [...document.querySelectorAll('button, input, select, textarea, progress')].filter(vis).map((e) => e.id || e.className || e.tagName),
        article: vis(document.getElementById('article')) && document.getElementById('article').getBoundingClientRect().height > 100,
        legend: vis(document.querySelector('.legend')),
        swatch: getComputedStyle(document.querySelector('.sw-PERSON')).printColorAdjust,
        highlights: CSS.highlights.get('nm-PERSON')?.size ?? 0,
      };
    });
    assert.deepEqual(r.controls, [], 'no visible control in print');
    assert.ok(r.article, 'the article prints');
    assert.ok(r.legend, 'the legend prints');
    assert.equal(r.swatch, 'exact', 'legend swatches print their colours');
    assert.ok(r.highlights > 0);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 1 && pages <= 3, `the sample article prints on ${pages} page(s)`);
    await page.screenshot({ path: join(ensureDir(SCREENSHOTS), 'page-print.png'), fullPage: true });
    noProblems(page);
    await page.close();
  });

  test('dark mode: every text on its background, and on every highlight colour, has contrast ≥ 4.5:1', async () => {
    const page = await openPage(env);
    await page.emulateMedia({ colorScheme: 'dark' });
    await pageReady(page);
    await page.evaluate(colourParser);
    const r = await page.evaluate(() => {
      const bgOf = (e) => {
        for (let n = e; n; n = n.parentElement) {
          const c = getComputedStyle(n).backgroundColor;
          if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c;
        }
        return getComputedStyle(document.body).backgroundColor;
      };
      const pairs = [];
      const sel = 'h1, h2, h3, .tagline, .muted, .hint, label, legend, .legend li, button, select, textarea, .count, .chip, .speaker, .quote-link, #status-text, .article, summary, th, td';
      for (const e of document.querySelectorAll(sel)) {
        if (!e.checkVisibility() || !e.textContent.trim()) continue;
        if (e.disabled) continue; // WCAG exempts disabled controls
        pairs.push({ what: `${e.tagName.toLowerCase()}#${e.id}.${e.className}`, fg: window.__rgb(getComputedStyle(e).color), bg: window.__rgb(bgOf(e)) });
      }
      const root = getComputedStyle(document.documentElement);
      const v = (n) => window.__rgb(root.getPropertyValue(n).trim());
      const ink = window.__rgb(getComputedStyle(document.getElementById('article')).color);
      for (const n of ['--nm-person', '--nm-org', '--nm-place', '--nm-misc', '--nm-number', '--nm-quote']) pairs.push({ what: `article text on ${n}`, fg: ink, bg: v(n) });
      pairs.push({ what: 'focus', fg: v('--nm-focus-text'), bg: v('--nm-focus') });
      pairs.push({ what: 'mark', fg: v('--nm-mark-text'), bg: v('--nm-mark') });
      return { pairs, scheme: matchMedia('(prefers-color-scheme: dark)').matches, bg: window.__rgb(getComputedStyle(document.body).backgroundColor) };
    });
    assert.ok(r.scheme, 'dark scheme emulated');
    assert.ok(lightness(r.bg) < 20, `a dark background (L* ${lightness(r.bg).toFixed(1)})`);
    assert.ok(r.pairs.length > 20);
    const low = r.pairs.map((p) => ({ ...p, c: contrast(p.fg, p.bg) })).filter((p) => p.c < 4.5)
      .map((p) => `${p.what}: ${p.c.toFixed(2)} (${p.fg} on ${p.bg})`);
    assert.deepEqual(low, [], 'every pair ≥ 4.5:1');
    await page.screenshot({ path: join(ensureDir(SCREENSHOTS), 'page-dark.png') });
    noProblems(page);
    await page.close();
  });
});

describe('layout', () => {
  test('1366×768: the annotated text starts on the first screen, near the top', async (t) => {
    const page = await openPage(env);
    await page.setViewportSize({ width: 1366, height: 768 });
    await pageReady(page);
    const r = await page.evaluate(() => ({
      top: document.querySelector('#article .chunk').getBoundingClientRect().top,
      input: document.getElementById('input').getBoundingClientRect().height,
      shown: Math.min(innerHeight, document.getElementById('article').getBoundingClientRect().bottom) - document.getElementById('article').getBoundingClientRect().top,
    }));
    t.diagnostic(`article text starts ${Math.round(r.top)} px down; ${Math.round(r.shown)} px of it on the first screen; text box ${Math.round(r.input)} px`);
    assert.ok(r.top < 300, `the article text starts ${Math.round(r.top)} px down (was ~570)`);
    assert.ok(r.shown > 768 / 2, 'more than half of the first screen is the article');
    await page.screenshot({ path: join(ensureDir(SCREENSHOTS), 'page-desktop-1366.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ensureDir(SCREENSHOTS), 'page-phone.png') });
    noProblems(page);
    await page.close();
  });
});
