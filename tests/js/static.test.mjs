// Static checks of www/: the house rules that a review would otherwise have to catch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WWW } from './helpers.mjs';

const files = readdirSync(WWW).filter((f) => /\.(js|html|css)$/.test(f));
const read = (f) => readFileSync(join(WWW, f), 'utf8');

test('no HTML sinks, eval or inline handlers in the shipped JS', () => {
  const banned = /\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|\beval\s*\(|new Function\s*\(|setTimeout\s*\(\s*['"`]|\.on[a-z]+\s*=\s*['"`]/;
  for (const f of files.filter((x) => x.endsWith('.js'))) {
    const lines = read(f).split('\n');
    lines.forEach((line, i) => {
      if (/^\s*(\/\/|\*)/.test(line)) return; // comments
      assert.doesNotMatch(line, banned, `${f}:${i + 1}: ${line.trim()}`);
    });
  }
});

test('the pages have no inline script, inline style or inline handler (strict CSP), and a CSP of their own', () => {
  for (const f of files.filter((x) => x.endsWith('.html'))) {
    const html = read(f);
    // (a JSON-LD data block is not script and is allowed)
    assert.doesNotMatch(html, /<script(?![^>]*\b(src=|type="application\/ld\+json"))[^>]*>/i, `${f}: inline <script>`);
    assert.doesNotMatch(html, /<style[\s>]/i, `${f}: <style> element`);
    assert.doesNotMatch(html, /\sstyle\s*=/i, `${f}: style attribute`);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${f}: inline event handler`);
    assert.doesNotMatch(html, /javascript:/i, `${f}: javascript: URL`);
    assert.match(html, /http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/, `${f}: CSP`);
    assert.match(html, /<link rel="icon"/, `${f}: an icon (no favicon 404)`);
  }
});

// WCAG 2 contrast of the text on every highlight colour (AA: 4.5).
function luminance(hex) {
  const [r, g, b] = hex.match(/[0-9a-f]{2}/gi).map((x) => parseInt(x, 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

test('highlight colours are CSS custom properties with sufficient contrast for the text on them', () => {
  const css = read('style.css');
  const full = (h) => (h.length === 4 ? `#${[...h.slice(1)].map((c) => c + c).join('')}` : h);
  const vars = Object.fromEntries([...css.matchAll(/--(nm-[a-z-]+):\s*(#[0-9a-f]{6}|#[0-9a-f]{3})\b/gi)].map((m) => [m[1], full(m[2])]));
  const ink = css.match(/--ink:\s*(#[0-9a-f]{6})/i)[1];
  for (const bg of ['nm-person', 'nm-org', 'nm-place', 'nm-misc', 'nm-number', 'nm-quote', 'nm-mark']) {
    assert.ok(vars[bg], `--${bg} defined`);
    assert.ok(contrast(ink, vars[bg]) >= 4.5, `text on --${bg}: ${contrast(ink, vars[bg]).toFixed(2)}`);
  }
  assert.ok(contrast(vars['nm-focus-text'], vars['nm-focus']) >= 4.5, 'focused highlight');
  // the JS API's built-in defaults use the same properties, so a site can override them
  const js = read('newsmark.js');
  for (const v of ['nm-person', 'nm-org', 'nm-place', 'nm-misc', 'nm-number', 'nm-quote', 'nm-focus']) {
    assert.ok(js.includes(`var(--${v},`), `newsmark.js uses --${v}`);
  }
});
