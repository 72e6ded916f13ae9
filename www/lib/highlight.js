// highlight(): annotate the text of an element and highlight it in place, without adding, removing
// or changing a single node of it.

import { annotate, serialize, LAYERS } from './document.js';
import { readText, rangeFor } from './dom-text.js';
import {
  HIGHLIGHTS, HighlightPainter, OverlayPainter, ensureStyles, hasHighlightApi, highlightName,
} from './paint.js';

/** Items painted per slice when a document is first drawn (a pause lets the page breathe). */
const PAINT_BATCH = 4000;

/**
 * Annotate the text of `root` and highlight it, without adding, removing or changing a single node
 * of `root`. Fires `newsmark:annotated` on `root` ({detail: {doc, json, text}}).
 * @param {Element} root
 * @param {{layers?: string[], signal?: AbortSignal, onProgress?: Function, observe?: boolean,
 *          debounce?: number, overlay?: boolean, styles?: boolean, skipAsides?: boolean}} [opts]
 */
export async function highlight(root, opts = {}) {
  if (!root || root.nodeType !== 1) throw new TypeError('highlight(root): root must be an Element');
  const docNode = root.ownerDocument;
  const view = docNode.defaultView ?? globalThis; // an iframe's canvas paints in its own window
  const {
    signal, onProgress, observe = false, debounce = 400, styles = true, exact = false, skipAsides = true,
    overlay = !hasHighlightApi(view),
  } = opts;
  if (styles) ensureStyles(docNode);
  const painter = overlay ? new OverlayPainter(root) : new HighlightPainter(view);
  const st = {
    doc: null, text: '', segments: [], layers: new Set(opts.layers ?? LAYERS),
    items: [], extra: new Map(), observer: null, timer: 0, cleared: false, gen: 0,
  };

  // Paints the document's layers. With `batch`, the work is split into slices of that many items
  // with a pause between them, so that a long article never blocks the page for long.
  async function paintLayers(batch = Infinity) {
    const gen = st.gen;
    st.items = [];
    const pending = new Map();
    const push = (name, r) => {
      const a = pending.get(name);
      if (a) a.push(r);
      else pending.set(name, [r]);
    };
    const flush = () => {
      for (const [name, ranges] of pending) painter.add(name, ranges);
      pending.clear();
    };
    let n = 0;
    for (const layer of LAYERS) {
      for (const item of st.doc[layer]) {
        if (++n % batch === 0) {
          flush();
          await new Promise((r) => setTimeout(r, 0));
          if (gen !== st.gen || st.cleared) return;
        }
        const range = rangeFor(st.segments, item.start, item.end, docNode);
        if (!range) continue;
        st.items.push({ layer, item, range });
        if (!st.layers.has(layer)) continue;
        push(highlightName(layer, item), range);
        if (layer === 'quotes') {
          for (const [part, name] of [['speaker', 'nm-speaker'], ['cue', 'nm-cue']]) {
            const p = item[part];
            const pr = p && rangeFor(st.segments, p.start, p.end, docNode);
            if (pr) push(name, pr);
          }
        }
      }
    }
    flush();
    for (const [name, ranges] of st.extra) painter.set(name, ranges);
  }

  async function run(sig) {
    const { text, segments } = readText(root, { exact, skipAsides });
    const doc = await annotate(text, { signal: sig, onProgress });
    if (st.cleared) return;
    st.doc = doc;
    st.text = text;
    st.segments = segments;
    st.extra.clear();
    st.gen += 1;
    const p0 = performance.now();
    painter.clear();
    await paintLayers(PAINT_BATCH);
    if (st.cleared) return;
    performance.measure?.('newsmark:paint', { start: p0, end: performance.now() });
    root.dispatchEvent(new CustomEvent('newsmark:annotated', {
      bubbles: true,
      detail: { doc, json: serialize(doc), text },
    }));
  }

  await run(signal);

  if (observe && typeof MutationObserver !== 'undefined') {
    let ctl = null;
    st.observer = new MutationObserver(() => {
      clearTimeout(st.timer);
      st.timer = setTimeout(() => {
        ctl?.abort();
        ctl = new AbortController();
        run(ctl.signal).catch(() => {});
      }, debounce);
    });
    st.observer.observe(root, { childList: true, characterData: true, subtree: true });
  }

  return {
    /** The current newsmark/2 document. */
    get doc() { return st.doc; },
    /** The text that was annotated (as read from the DOM). */
    get text() { return st.text; },
    /** Every item with the Range it is drawn on: [{layer, item, range}]. */
    get items() { return st.items.slice(); },
    /** Whether highlights are drawn as an overlay (no CSS Custom Highlight API). */
    overlay,
    /** A Range for a UTF-16 span of `text`. */
    rangeFor(start, end) { return rangeFor(st.segments, start, end, docNode); },
    /** Show only these layers. */
    setLayers(layers) {
      st.layers = new Set(layers);
      st.gen += 1;
      painter.clear();
      paintLayers(); // synchronous: no batch, no pause
    },
    /** Draw extra ranges under a name ("nm-mark" or "nm-focus"); an empty list removes them. */
    paint(name, ranges) {
      if (!HIGHLIGHTS.includes(name)) throw new TypeError(`unknown highlight ${name}`);
      if (ranges.length) st.extra.set(name, ranges);
      else st.extra.delete(name);
      painter.set(name, ranges);
    },
    /** Redraw overlay boxes (after a layout change the page knows about). */
    redraw() { if (painter instanceof OverlayPainter) painter.draw(); },
    /** Remove every highlight and stop observing. The article is as it was. */
    clear() {
      st.cleared = true;
      clearTimeout(st.timer);
      st.observer?.disconnect();
      painter.clear();
      st.extra.clear();
    },
  };
}
