// Painting highlights: the CSS Custom Highlight API, or an overlay of positioned boxes (from
// Range.getClientRects()) outside the article's DOM where that API is missing.

/** Highlight names, lowest priority first (a name inside a quote is painted over the quote). */
export const HIGHLIGHTS = Object.freeze([
  'nm-quote', 'nm-speaker', 'nm-cue', 'nm-number', 'nm-PERSON', 'nm-ORG', 'nm-PLACE', 'nm-MISC',
  'nm-mark', 'nm-focus',
]);

/** The highlight name of an item of a layer. */
export function highlightName(layer, item) {
  if (layer === 'entities') return `nm-${item.label}`;
  if (layer === 'numbers') return 'nm-number';
  return 'nm-quote';
}

// Colour is not the only channel: each name label also has its own line style over the words
// (Person solid, Organisation double, Place dashed, Other name dotted), drawn above the text so it
// stays visible where a name sits inside a quote, whose line is under the text.
const STYLE_TEXT = `
::highlight(nm-quote){background-color:var(--nm-quote,#fbe3f1);text-decoration:underline 2px var(--nm-quote-line,#a0306e)}
::highlight(nm-speaker){text-decoration:underline 2px dashed var(--nm-speaker,#a0306e)}
::highlight(nm-cue){text-decoration:underline 2px dotted var(--nm-cue,#5b4a8a)}
::highlight(nm-number){background-color:var(--nm-number,#fff07a);text-decoration:underline 2px var(--nm-number-line,#8a6d00)}
::highlight(nm-PERSON){background-color:var(--nm-person,#ffd0a1);text-decoration:overline 2px solid var(--nm-person-line,#9a4a00)}
::highlight(nm-ORG){background-color:var(--nm-org,#bfe0ff);text-decoration:overline 3px double var(--nm-org-line,#1f5fa8)}
::highlight(nm-PLACE){background-color:var(--nm-place,#bdeebd);text-decoration:overline 2px dashed var(--nm-place-line,#2e6b30)}
::highlight(nm-MISC){background-color:var(--nm-misc,#e3d7ff);text-decoration:overline 3px dotted var(--nm-misc-line,#6a4bb0)}
::highlight(nm-mark){background-color:var(--nm-mark,#ffb000);color:var(--nm-mark-text,#000)}
::highlight(nm-focus){background-color:var(--nm-focus,#1d3f91);color:var(--nm-focus-text,#fff)}
.nm-overlay{position:absolute;left:0;top:0;width:0;height:0;pointer-events:none;z-index:2147483000;mix-blend-mode:multiply}
.nm-box{position:absolute;pointer-events:none;border-radius:2px}
.nm-box-nm-quote{background-color:var(--nm-quote,#fbe3f1);border-bottom:2px solid var(--nm-quote-line,#a0306e)}
.nm-box-nm-speaker{border-bottom:2px dashed var(--nm-speaker,#a0306e)}
.nm-box-nm-cue{border-bottom:2px dotted var(--nm-cue,#5b4a8a)}
.nm-box-nm-number{background-color:var(--nm-number,#fff07a);border-bottom:2px solid var(--nm-number-line,#8a6d00)}
.nm-box-nm-PERSON{background-color:var(--nm-person,#ffd0a1);border-top:2px solid var(--nm-person-line,#9a4a00)}
.nm-box-nm-ORG{background-color:var(--nm-org,#bfe0ff);border-top:4px double var(--nm-org-line,#1f5fa8)}
.nm-box-nm-PLACE{background-color:var(--nm-place,#bdeebd);border-top:2px dashed var(--nm-place-line,#2e6b30)}
.nm-box-nm-MISC{background-color:var(--nm-misc,#e3d7ff);border-top:3px dotted var(--nm-misc-line,#6a4bb0)}
.nm-box-nm-mark{background-color:var(--nm-mark,#ffb000)}
.nm-box-nm-focus{outline:2px solid var(--nm-focus,#1d3f91);outline-offset:1px}
`;

// Each document is styled once. An article may sit in another document than this module's (an
// editor canvas in an iframe): its sheet and highlights must come from that document's window.
const styledDocs = new WeakSet();
export function ensureStyles(doc) {
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

/** Paints with the CSS Custom Highlight API of `view`, the window whose document holds the ranges. */
export class HighlightPainter {
  #own = new Map(); // name -> Range[]
  #view;

  constructor(view = globalThis) {
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

export class OverlayPainter {
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
