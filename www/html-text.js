// The text of an HTML file, as a reader would see it: tags dropped, script/style/head and hidden
// elements skipped, blocks separated by a blank line, <br> a newline, character references decoded.
//
// No markup of the file is ever parsed by the browser: a small tokenizer finds the tags, and only
// the text between them (with every "<" escaped, so it cannot form a tag) goes through DOMParser to
// decode references like &amp; or &rsquo;. So nothing in the file can run, load, or even trigger a
// Content-Security-Policy report.
//
// The CMS markup rules are the embed's (lib/markup.js): data-newsmark-skip, asides, aria-hidden,
// ad and related-link boxes are skipped; a <sup> footnote mark is kept apart from the word before it.

import { footnoteGap, isAside, isOptedOut } from './lib/markup.js';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul', 'html',
]);
// elements whose content is not article text
const SKIP = new Set([
  'head', 'script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math', 'textarea',
  'select', 'button', 'title', 'canvas', 'audio', 'video', 'noembed', 'noframes', 'xmp',
]);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
// raw-text elements: their content is not markup, it ends only at the matching end tag
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'iframe', 'noscript']);

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<\?[^>]*>?|<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>?/g;
const WS_ONLY = /^[ \t\n\r\f]*$/;
const ATTR = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** `attr(name)` over a tag's attribute text (values undecoded: enough for the rules used). */
function attrsOf(src) {
  const map = new Map();
  for (const m of src.matchAll(ATTR)) {
    const k = m[1].toLowerCase();
    if (!map.has(k)) map.set(k, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return (name) => (map.has(name) ? map.get(name) : null);
}

/** Decode character references in text runs (no "<" in them), all at once. */
function decode(runs) {
  if (!runs.length) return [];
  let sep = 0xe000;
  const joined = runs.join('');
  while (joined.includes(String.fromCharCode(sep))) sep += 1; // a private-use separator absent from the text
  const S = String.fromCharCode(sep);
  const src = S + runs.map((r) => r.replaceAll('<', '&lt;')).join(S);
  const out = new DOMParser().parseFromString(src, 'text/html').body.textContent;
  const parts = out.split(S);
  parts.shift();
  return parts;
}

/** @param {string} html @returns {string} */
export function htmlToText(html) {
  const items = []; // strings (raw text) or {brk}
  let skip = null; // {name, depth}
  let pre = 0;
  let last = 0;
  const text = (s) => {
    if (s && !skip) items.push({ raw: s, pre: pre > 0 });
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    text(html.slice(last, m.index));
    last = TOKEN.lastIndex;
    if (m[2] === undefined) continue; // comment, doctype, processing instruction
    const close = m[1] === '/';
    const name = m[2].toLowerCase();
    const attrs = m[3] ?? '';
    if (skip) {
      if (skip.name === 'head' && name === 'body' && !close) skip = null; // </head> may be omitted
      else if (name === skip.name) skip.depth += close ? -1 : (VOID.has(name) || /\/\s*$/.test(attrs) ? 0 : 1);
      if (skip && skip.depth <= 0) skip = null;
      if (skip || name !== 'body') continue;
    }
    if (!close && RAW.has(name)) {
      // jump to the matching end tag
      const end = html.toLowerCase().indexOf(`</${name}`, last);
      last = end < 0 ? html.length : end;
      TOKEN.lastIndex = last;
      continue;
    }
    if (!close && !VOID.has(name)) {
      const attr = attrsOf(attrs);
      if (SKIP.has(name) || attr('hidden') != null || isOptedOut(attr) || isAside(name, attr)) {
        skip = { name, depth: 1 };
        continue;
      }
    }
    if (name === 'sup' && !close) items.push({ gap: true });
    if (name === 'br') items.push({ brk: '\n' });
    else if (BLOCK.has(name)) items.push({ brk: '\n\n' });
    if (name === 'pre') pre += close ? -1 : 1;
  }
  text(html.slice(last));

  const runs = items.filter((x) => x.raw !== undefined);
  const decoded = decode(runs.map((x) => x.raw));
  runs.forEach((x, i) => { x.text = decoded[i]; });

  let out = '';
  let pendingBreak = '';
  let pendingWs = '';
  let gap = false;
  for (const x of items) {
    if (x.gap) {
      gap = !pendingBreak && !pendingWs;
      continue;
    }
    if (x.brk !== undefined) {
      gap = false;
      pendingWs = '';
      if (out.length && x.brk.length > pendingBreak.length) pendingBreak = x.brk;
      continue;
    }
    if (!x.text) continue;
    if (!x.pre && WS_ONLY.test(x.text)) {
      if (!pendingBreak && out.length) pendingWs += x.text;
      continue;
    }
    if (gap && footnoteGap(out, x.text)) out += ' ';
    gap = false;
    out += pendingBreak + pendingWs + x.text;
    pendingBreak = '';
    pendingWs = '';
  }
  return out;
}
