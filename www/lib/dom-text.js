// Reading an article's text from the live DOM (or a parsed document) and mapping spans of that
// text back onto DOM Ranges. Nothing in the DOM is ever changed.
//
// Security: article text is untrusted. This module never parses it as HTML; it only reads text
// nodes and builds Ranges over them.

import { footnoteGap, isAside, isInsideWord, isOptedOut } from './markup.js';

const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG', 'MATH',
  'AUDIO', 'VIDEO', 'SELECT', 'TEXTAREA', 'INPUT', 'BUTTON', 'HEAD', 'TITLE', 'META', 'LINK',
]);
const WS_ONLY = /^[ \t\n\r\f]*$/;

// For documents without a window (DOMParser, a loaded .html file): block elements by tag.
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL', 'CAPTION',
]);

function isBlock(el, view) {
  if (!view) return BLOCK_TAGS.has(el.tagName.toUpperCase());
  const d = view.getComputedStyle(el).display;
  return !(d.startsWith('inline') || d === 'contents' || d.startsWith('ruby') || d === 'none');
}

// A floated drop cap is display: block to the layout but part of the word that follows it.
function readsAsBlock(el, view) {
  if (!isBlock(el, view)) return false;
  if (!view || view.getComputedStyle(el).float === 'none') return true;
  return !isInsideWord(el.textContent, textAfter(el));
}

// The text right after an element, as far as its next sibling shows it.
function textAfter(el) {
  const n = el.nextSibling;
  if (!n) return '';
  return n.nodeType === 3 ? n.data : n.nodeType === 1 ? n.textContent : '';
}

function collapses(el, view) {
  if (!el) return true;
  if (!view) return !el.closest('pre, textarea');
  const ws = view.getComputedStyle(el).whiteSpace;
  return ws === 'normal' || ws === 'nowrap';
}

/**
 * The text of `root` as a reader sees it: its text nodes in order (script, style and hidden
 * elements skipped), blocks separated by a blank line and <br> by a newline. Returns the text and
 * the segments mapping it back onto the text nodes. Nothing in the DOM is changed.
 *
 * CMS markup (see markup.js): elements with `data-newsmark-skip` are skipped, and so are asides,
 * navigation, `aria-hidden="true"` and ad/related-link boxes unless `{skipAsides: false}`; a
 * floated drop cap is read as part of its word; a `<sup>` footnote mark right after a word is
 * kept apart from it by a space of the reader's own (mapped to no node, like block breaks).
 *
 * With `{exact: true}`, every text node is taken verbatim with no separators (for a view that
 * holds a text exactly, as the newsmark page does).
 * @returns {{text: string, segments: {node: Text, start: number, end: number}[]}}
 */
export function readText(root, { exact = false, skipAsides = true } = {}) {
  const view = root.ownerDocument?.defaultView ?? null;
  const segments = [];
  let text = '';
  if (exact) {
    // a view that holds the text verbatim (e.g. split into blocks for speed): no separators
    const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.data.length) continue;
      segments.push({ node: n, start: text.length, end: text.length + n.data.length });
      text += n.data;
    }
    return { text, segments };
  }
  let pendingBreak = '';
  let pendingWs = [];
  const push = (node) => {
    segments.push({ node, start: text.length, end: text.length + node.data.length });
    text += node.data;
  };
  const brk = (s) => {
    pendingWs = [];
    if (text.length && s.length > pendingBreak.length) pendingBreak = s;
  };
  const walk = (parent) => {
    for (let c = parent.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        if (!c.data.length) continue;
        if (WS_ONLY.test(c.data) && collapses(c.parentElement, view)) {
          // indentation between blocks is not part of the text; between inline words it is
          if (!pendingBreak && text.length) pendingWs.push(c);
          continue;
        }
        if (pendingBreak) {
          text += pendingBreak;
          pendingBreak = '';
        }
        for (const w of pendingWs) push(w);
        pendingWs = [];
        push(c);
      } else if (c.nodeType === 1) {
        const tag = c.tagName.toUpperCase();
        if (SKIP.has(tag) || c.hidden) continue;
        const attr = (name) => c.getAttribute(name);
        if (isOptedOut(attr) || (skipAsides && isAside(tag, attr))) continue;
        if (tag === 'BR') {
          brk('\n');
          continue;
        }
        if (view && c.checkVisibility && !c.checkVisibility({ visibilityProperty: true })) continue;
        const block = readsAsBlock(c, view);
        if (block) brk('\n\n');
        else if (tag === 'SUP' && !pendingBreak && !pendingWs.length && footnoteGap(text, c.textContent)) {
          pendingBreak = ' ';
        }
        walk(c);
        if (block) brk('\n\n');
      }
    }
  };
  walk(root);
  return { text, segments };
}

/** A Range over the DOM for the UTF-16 span [start, end) of readText()'s text, or null. */
export function rangeFor(segments, start, end, doc = segments[0]?.node.ownerDocument ?? document) {
  if (!(end > start) || !segments.length) return null;
  // first segment that ends after `start`
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].end > start) hi = mid;
    else lo = mid + 1;
  }
  if (lo === segments.length) return null;
  const a = segments[lo];
  // last segment that starts before `end`
  lo = 0;
  hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].start < end) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return null;
  const b = segments[lo - 1];
  const r = doc.createRange();
  r.setStart(a.node, Math.max(0, start - a.start));
  r.setEnd(b.node, Math.min(end, b.end) - b.start);
  return r.collapsed ? null : r;
}
