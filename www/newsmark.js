// newsmark — the one module users import. It owns the Worker that runs the wasm core.
//
//   import { annotate, highlight, toWebAnnotation, toDisplacy, toCsv, serialize } from './newsmark.js';
//   const doc = await annotate(text);                 // newsmark/1 object (see newsmark.d.ts)
//   const h = await highlight(articleElement);        // never adds, removes or changes a node
//   h.clear();
//
// The Worker (worker.js) and the wasm (pkg/) are loaded relative to this module's URL, so they must
// be served from the page's own origin. Where a Worker cannot start, annotation runs on the main
// thread. Where the CSS Custom Highlight API is missing, highlights are drawn as an overlay of
// positioned boxes (from Range.getClientRects()) outside the article's DOM.
//
// Security: article text is untrusted. This module never parses it as HTML; it only reads text
// nodes and builds Ranges over them.

const WORKER_URL = new URL('./worker.js', import.meta.url);
const PKG_URL = new URL('./pkg/newsmark.js', import.meta.url);
const WASM_URL = new URL('./pkg/newsmark_bg.wasm', import.meta.url);

/** The three layers of a newsmark/1 document. */
export const LAYERS = Object.freeze(['entities', 'numbers', 'quotes']);
/** Entity labels. */
export const LABELS = Object.freeze(['PERSON', 'ORG', 'PLACE', 'MISC']);

const settings = { worker: true };
const stats = { mode: null, mainThreadCalls: 0, workerCalls: 0 };

/** Options for tests and special hosts: `{worker: false}` forces the main-thread engine. */
export function configure({ worker } = {}) {
  if (worker !== undefined) settings.worker = Boolean(worker);
  if (engine) {
    engine.then((e) => e.dispose?.(), () => {});
    engine = null;
  }
}

/** Which engine runs the wasm ("worker" or "main-thread") and how many calls each made. */
export function engineStats() {
  return { ...stats };
}

function abortError(signal) {
  return signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

// ---------------------------------------------------------------------------------------------
// Engines

class WorkerEngine {
  #worker = null;
  #pending = new Map(); // id -> request
  #next = 1;

  start() {
    return new Promise((resolve, reject) => {
      let w;
      try {
        w = new Worker(WORKER_URL, { type: 'module', name: 'newsmark' });
      } catch (e) {
        reject(e);
        return;
      }
      const fail = (msg) => {
        w.terminate();
        reject(new Error(msg));
      };
      w.onmessage = (ev) => {
        const m = ev.data;
        if (m?.type === 'ready') {
          w.onmessage = (e) => this.#receive(e.data);
          w.onerror = (e) => {
            e.preventDefault();
            this.#crashed(e.message || 'the newsmark worker stopped');
          };
          this.#worker = w;
          resolve(this);
        } else if (m?.type === 'init-error') {
          fail(`the newsmark worker could not load the wasm: ${m.message}`);
        }
      };
      w.onerror = (ev) => {
        ev.preventDefault();
        fail(ev.message || 'the newsmark worker could not start');
      };
    });
  }

  call(op, args, { signal, onProgress } = {}) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError(signal));
        return;
      }
      const id = this.#next++;
      const req = { id, op, args, resolve, reject, onProgress, signal, onAbort: null };
      if (signal) {
        req.onAbort = () => this.#abort(id);
        signal.addEventListener('abort', req.onAbort, { once: true });
      }
      this.#pending.set(id, req);
      if (op === 'annotate') stats.workerCalls += 1;
      // while a fresh Worker starts (after an abort), requests wait and are sent once it is ready
      this.#worker?.postMessage({ id, op, args });
    });
  }

  #settle(req) {
    this.#pending.delete(req.id);
    if (req.onAbort) req.signal.removeEventListener('abort', req.onAbort);
  }

  #receive(m) {
    const req = this.#pending.get(m?.id);
    if (!req) return;
    if (m.type === 'progress') {
      try {
        req.onProgress?.(m.done, m.total);
      } catch {
        /* a failing callback must not break annotation */
      }
    } else if (m.type === 'result') {
      this.#settle(req);
      req.resolve(m.value);
    } else if (m.type === 'error') {
      this.#settle(req);
      req.reject(new Error(m.message));
    }
  }

  // The wasm call cannot be interrupted inside the Worker, so an abort ends that Worker and starts
  // a fresh one for the other requests that were waiting.
  async #abort(id) {
    const req = this.#pending.get(id);
    if (!req) return;
    this.#settle(req);
    req.reject(abortError(req.signal));
    await this.#restart();
  }

  async #restart() {
    this.#worker?.terminate();
    this.#worker = null;
    try {
      await this.start();
      // everything still waiting: requests the old Worker had not answered, and new ones
      for (const r of this.#pending.values()) this.#worker.postMessage({ id: r.id, op: r.op, args: r.args });
    } catch (e) {
      for (const r of [...this.#pending.values()]) {
        this.#settle(r);
        r.reject(e);
      }
    }
  }

  #crashed(msg) {
    for (const r of [...this.#pending.values()]) {
      this.#settle(r);
      r.reject(new Error(msg));
    }
    this.#restart();
  }

  dispose() {
    this.#worker?.terminate();
    this.#worker = null;
  }
}

class MainThreadEngine {
  #wasm = null;
  #annotator = null;

  async start() {
    const wasm = await import(PKG_URL.href);
    if (WASM_URL.protocol === 'file:' && typeof process !== 'undefined' && process.versions?.node) {
      // Node (e.g. the npm package used from a script): fetch() cannot read file: URLs
      const { readFile } = await import('node:fs/promises');
      wasm.initSync({ module: await readFile(WASM_URL) });
    } else {
      await wasm.default({ module_or_path: WASM_URL });
    }
    this.#wasm = wasm;
    this.#annotator = new wasm.Annotator();
    return this;
  }

  async call(op, args, { signal, onProgress } = {}) {
    // let the page paint (e.g. a progress indicator) before the one long call
    await new Promise((r) => setTimeout(r, 0));
    if (signal?.aborted) throw abortError(signal);
    const total = op === 'annotate' ? args[0].length : 1;
    onProgress?.(0, total);
    let value;
    switch (op) {
      case 'annotate':
        stats.mainThreadCalls += 1;
        value = this.#annotator.annotate(args[0]);
        break;
      case 'toWebAnnotation':
        value = this.#wasm.toWebAnnotation(args[0], args[1], args[2] ?? undefined);
        break;
      case 'toDisplacy':
        value = this.#wasm.toDisplacy(args[0], args[1]);
        break;
      case 'toCsv':
        value = this.#wasm.toCsv(args[0], args[1]);
        break;
      default:
        throw new Error(`unknown operation ${op}`);
    }
    onProgress?.(total, total);
    return value;
  }
}

let engine = null;

function getEngine() {
  if (!engine) {
    engine = (async () => {
      if (settings.worker && typeof Worker !== 'undefined') {
        try {
          const e = await new WorkerEngine().start();
          stats.mode = 'worker';
          return e;
        } catch {
          // fall through to the main thread (e.g. a CSP without worker-src, or no module workers)
        }
      }
      const e = await new MainThreadEngine().start();
      stats.mode = 'main-thread';
      return e;
    })();
    engine.catch(() => {
      engine = null;
    });
  }
  return engine;
}

/** Start loading the Worker and the wasm now (otherwise the first call does it). */
export async function ready() {
  await getEngine();
  return engineStats();
}

// ---------------------------------------------------------------------------------------------
// The document API

// doc -> { json, text }: the core's exact JSON text and the text it annotated.
const META = new WeakMap();

/**
 * Annotate `text`. Resolves to a newsmark/1 document (a plain object). The work runs in the Worker.
 * @param {string} text
 * @param {{signal?: AbortSignal, onProgress?: (done: number, total: number) => void}} [opts]
 */
export async function annotate(text, { signal, onProgress } = {}) {
  if (typeof text !== 'string') throw new TypeError('annotate(text): text must be a string');
  if (signal?.aborted) throw abortError(signal);
  const e = await getEngine();
  const json = await e.call('annotate', [text], { signal, onProgress });
  const t0 = performance.now();
  const doc = JSON.parse(json);
  performance.measure?.('newsmark:parse', { start: t0, end: performance.now() });
  META.set(doc, { json, text });
  return doc;
}

/**
 * The JSON text of `doc`: for a document returned by annotate()/highlight(), the core's exact bytes
 * (identical to the CLI's output without its final newline); otherwise JSON.stringify(doc).
 */
export function serialize(doc) {
  return META.get(doc)?.json ?? JSON.stringify(doc);
}

/** The text a document was annotated from (undefined for documents not made by this module). */
export function textOf(doc) {
  return META.get(doc)?.text;
}

/** Remember `text` as the source of `doc` (for documents edited or built in JS). */
export function attachText(doc, text) {
  const m = META.get(doc);
  if (m) m.text = text;
  else META.set(doc, { json: undefined, text });
  return doc;
}

function sourceText(doc, text) {
  const t = text ?? META.get(doc)?.text;
  if (typeof t !== 'string') {
    throw new TypeError('the text of this document is unknown: pass {text}');
  }
  return t;
}

/** W3C Web Annotation JSON-LD (an AnnotationCollection). Runs in the Worker. */
export async function toWebAnnotation(doc, { source, text } = {}) {
  const e = await getEngine();
  return JSON.parse(await e.call('toWebAnnotation', [serialize(doc), sourceText(doc, text), source ?? null]));
}

/** displaCy-style `{text, ents: [{start, end, label}]}` (code points). Runs in the Worker. */
export async function toDisplacy(doc, { text } = {}) {
  const e = await getEngine();
  return JSON.parse(await e.call('toDisplacy', [serialize(doc), sourceText(doc, text)]));
}

/** CSV of one layer ("quotes", "numbers" or "entities"). Runs in the Worker. */
export async function toCsv(doc, layer) {
  if (!LAYERS.includes(layer)) throw new TypeError(`toCsv: unknown layer ${String(layer)}`);
  const e = await getEngine();
  return e.call('toCsv', [serialize(doc), layer]);
}

// ---------------------------------------------------------------------------------------------
// Reading text from the live DOM

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
 * With `{exact: true}`, every text node is taken verbatim with no separators (for a view that
 * holds a text exactly, as the newsmark page does).
 * @returns {{text: string, segments: {node: Text, start: number, end: number}[]}}
 */
export function readText(root, { exact = false } = {}) {
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
        if (tag === 'BR') {
          brk('\n');
          continue;
        }
        if (view && c.checkVisibility && !c.checkVisibility({ visibilityProperty: true })) continue;
        const block = isBlock(c, view);
        if (block) brk('\n\n');
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

// ---------------------------------------------------------------------------------------------
// Painting: the CSS Custom Highlight API, or an overlay where it is missing

/** Highlight names, lowest priority first (a name inside a quote is painted over the quote). */
export const HIGHLIGHTS = Object.freeze([
  'nm-quote', 'nm-speaker', 'nm-cue', 'nm-number', 'nm-PERSON', 'nm-ORG', 'nm-PLACE', 'nm-MISC',
  'nm-mark', 'nm-focus',
]);

const STYLE_TEXT = `
::highlight(nm-quote){background-color:var(--nm-quote,#fbe3f1);text-decoration:underline 2px var(--nm-quote-line,#a0306e)}
::highlight(nm-speaker){text-decoration:underline 3px double var(--nm-speaker,#a0306e)}
::highlight(nm-cue){text-decoration:underline 2px dotted var(--nm-cue,#5b4a8a)}
::highlight(nm-number){background-color:var(--nm-number,#fff07a);text-decoration:underline 2px var(--nm-number-line,#8a6d00)}
::highlight(nm-PERSON){background-color:var(--nm-person,#ffd0a1)}
::highlight(nm-ORG){background-color:var(--nm-org,#bfe0ff)}
::highlight(nm-PLACE){background-color:var(--nm-place,#bdeebd)}
::highlight(nm-MISC){background-color:var(--nm-misc,#e3d7ff)}
::highlight(nm-mark){background-color:var(--nm-mark,#ffb000);color:var(--nm-mark-text,#000)}
::highlight(nm-focus){background-color:var(--nm-focus,#1d3f91);color:var(--nm-focus-text,#fff)}
.nm-overlay{position:absolute;left:0;top:0;width:0;height:0;pointer-events:none;z-index:2147483000;mix-blend-mode:multiply}
.nm-box{position:absolute;pointer-events:none;border-radius:2px}
.nm-box-nm-quote{background-color:var(--nm-quote,#fbe3f1);border-bottom:2px solid var(--nm-quote-line,#a0306e)}
.nm-box-nm-speaker{border-bottom:3px double var(--nm-speaker,#a0306e)}
.nm-box-nm-cue{border-bottom:2px dotted var(--nm-cue,#5b4a8a)}
.nm-box-nm-number{background-color:var(--nm-number,#fff07a);border-bottom:2px solid var(--nm-number-line,#8a6d00)}
.nm-box-nm-PERSON{background-color:var(--nm-person,#ffd0a1)}
.nm-box-nm-ORG{background-color:var(--nm-org,#bfe0ff)}
.nm-box-nm-PLACE{background-color:var(--nm-place,#bdeebd)}
.nm-box-nm-MISC{background-color:var(--nm-misc,#e3d7ff)}
.nm-box-nm-mark{background-color:var(--nm-mark,#ffb000)}
.nm-box-nm-focus{outline:2px solid var(--nm-focus,#1d3f91);outline-offset:1px}
`;

// Each document is styled once. An article may sit in another document than this module's (an
// editor canvas in an iframe): its sheet and highlights must come from that document's window.
const styledDocs = new WeakSet();
function ensureStyles(doc) {
  const view = doc.defaultView;
  if (styledDocs.has(doc) || !view?.CSSStyleSheet || !doc.adoptedStyleSheets) return;
  // A constructed sheet: no <style> element in the page, and allowed under a strict CSP.
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(STYLE_TEXT);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  styledDocs.add(doc);
}

/** True when the CSS Custom Highlight API is available (in `view`, this window by default). */
export function hasHighlightApi(view = globalThis) {
  return !!view?.CSS?.highlights && typeof view.Highlight !== 'undefined';
}

class HighlightPainter {
  #own = new Map(); // name -> Range[]
  #view;

  /** @param {Window} view the window whose document holds the ranges */
  constructor(view) {
    this.#view = view;
  }

  set(name, ranges) {
    this.#remove(name);
    this.add(name, ranges);
  }

  add(name, ranges) {
    if (!ranges.length) return;
    const registry = this.#view.CSS.highlights;
    let h = registry.get(name);
    if (!h) {
      h = new this.#view.Highlight();
      h.priority = HIGHLIGHTS.indexOf(name);
      registry.set(name, h);
    }
    for (const r of ranges) h.add(r);
    const mine = this.#own.get(name);
    if (mine) mine.push(...ranges);
    else this.#own.set(name, ranges.slice());
  }

  #remove(name) {
    const mine = this.#own.get(name);
    if (!mine) return;
    const registry = this.#view.CSS.highlights;
    const h = registry.get(name);
    if (h) {
      for (const r of mine) h.delete(r);
      if (h.size === 0) registry.delete(name);
    }
    this.#own.delete(name);
  }

  clear() {
    for (const name of [...this.#own.keys()]) this.#remove(name);
  }
}

class OverlayPainter {
  #doc;
  #layer = null;
  #own = new Map();
  #frame = 0;
  #observer = null;
  #onChange = () => this.#schedule();

  constructor(root) {
    this.#doc = root.ownerDocument;
    this.root = root;
  }

  #ensureLayer() {
    if (this.#layer) return;
    const d = this.#doc;
    this.#layer = d.createElement('div');
    this.#layer.className = 'nm-overlay';
    this.#layer.setAttribute('aria-hidden', 'true');
    this.#layer.dataset.newsmarkOverlay = '';
    // outside the article: the article's own nodes are never touched
    d.body.append(this.#layer);
    const view = d.defaultView;
    view.addEventListener('resize', this.#onChange);
    d.addEventListener('scroll', this.#onChange, { capture: true, passive: true });
    if (typeof ResizeObserver !== 'undefined') {
      this.#observer = new ResizeObserver(this.#onChange);
      this.#observer.observe(this.root);
    }
  }

  set(name, ranges) {
    this.#own.set(name, ranges.slice());
    if (!ranges.length) this.#own.delete(name);
    if (this.#own.size) this.#ensureLayer();
    this.#schedule();
  }

  add(name, ranges) {
    if (!ranges.length) return;
    const mine = this.#own.get(name);
    if (mine) mine.push(...ranges);
    else this.#own.set(name, ranges.slice());
    this.#ensureLayer();
    this.#schedule();
  }

  #schedule() {
    if (this.#frame) return;
    this.#frame = this.#doc.defaultView.requestAnimationFrame(() => {
      this.#frame = 0;
      this.draw();
    });
  }

  /** Redraw every box now (also called on resize and scroll). */
  draw() {
    if (!this.#layer) return;
    const view = this.#doc.defaultView;
    const boxes = [];
    for (const name of HIGHLIGHTS) {
      for (const r of this.#own.get(name) ?? []) {
        for (const rect of r.getClientRects()) {
          if (!rect.width || !rect.height) continue;
          const b = this.#doc.createElement('div');
          b.className = `nm-box nm-box-${name}`;
          b.dataset.name = name;
          b.style.left = `${rect.left + view.scrollX}px`;
          b.style.top = `${rect.top + view.scrollY}px`;
          b.style.width = `${rect.width}px`;
          b.style.height = `${rect.height}px`;
          boxes.push(b);
        }
      }
    }
    this.#layer.replaceChildren(...boxes);
  }

  clear() {
    this.#own.clear();
    if (this.#frame) this.#doc.defaultView.cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    if (this.#layer) {
      this.#layer.remove();
      this.#layer = null;
      this.#doc.defaultView.removeEventListener('resize', this.#onChange);
      this.#doc.removeEventListener('scroll', this.#onChange, { capture: true });
      this.#observer?.disconnect();
      this.#observer = null;
    }
  }
}

/** Items painted per slice when a document is first drawn (a pause lets the page breathe). */
const PAINT_BATCH = 4000;

/** The highlight name of an item of a layer. */
export function highlightName(layer, item) {
  if (layer === 'entities') return `nm-${item.label}`;
  if (layer === 'numbers') return 'nm-number';
  return 'nm-quote';
}

/**
 * Annotate the text of `root` and highlight it, without adding, removing or changing a single node
 * of `root`. Fires `newsmark:annotated` on `root` ({detail: {doc, json, text}}).
 * @param {Element} root
 * @param {{layers?: string[], signal?: AbortSignal, onProgress?: Function, observe?: boolean,
 *          debounce?: number, overlay?: boolean, styles?: boolean}} [opts]
 */
export async function highlight(root, opts = {}) {
  if (!root || root.nodeType !== 1) throw new TypeError('highlight(root): root must be an Element');
  const docNode = root.ownerDocument;
  const view = docNode.defaultView ?? globalThis;
  const {
    signal, onProgress, observe = false, debounce = 400, styles = true, exact = false,
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
    const { text, segments } = readText(root, { exact });
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
    /** The current newsmark/1 document. */
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

// ---------------------------------------------------------------------------------------------
// The data-newsmark attribute: <article data-newsmark> … </article> + <script type="module"
// src="newsmark.js"> highlights every such container once the page has loaded.

function autoHighlight() {
  if (typeof document === 'undefined') return;
  const go = () => {
    for (const el of document.querySelectorAll('[data-newsmark]')) {
      if (el.newsmarkHandle) continue;
      const v = el.getAttribute('data-newsmark');
      const layers = v && v !== 'auto' ? v.split(/[\s,]+/).filter((l) => LAYERS.includes(l)) : undefined;
      el.newsmarkHandle = highlight(el, {
        layers: layers?.length ? layers : undefined,
        observe: el.hasAttribute('data-newsmark-observe'),
      });
      el.newsmarkHandle.catch((e) => {
        el.dispatchEvent(new CustomEvent('newsmark:error', { bubbles: true, detail: { message: String(e?.message ?? e) } }));
      });
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', go, { once: true });
  else queueMicrotask(go);
}
autoHighlight();
