// Corrections an editor makes before export: change an entity's label (one mention or every mention
// of the name), set or remove a quote's speaker, delete a false item (or every mention of a name),
// add a missed one from a selection; undo and redo. The corrected document stays a valid newsmark/2
// document (ids renumbered in order, lists sorted, entities and numbers never overlapping); every
// changed or added item carries "source": "edited".

import { wellFormed } from './lib/convert.js';

// a newsmark document is JSON: copied as JSON (structuredClone is newer than the browser floor)
const copy = (doc) => JSON.parse(JSON.stringify(doc));
const LAYER_PREFIX = { entities: 'e', numbers: 'n', quotes: 'q' };
const NOOP = Symbol('no change');
const WS = /\s/u;

export class Corrections {
  /**
   * @param {object} doc the newsmark/2 document as annotated (not modified)
   * @param {string} text the exact text it was annotated from
   */
  constructor(doc, text) {
    this.base = doc;
    this.text = text;
    this.doc = copy(doc);
    this.#cpIndex = null;
  }

  #cpIndex;
  /** documents before each correction (undo) and after each undone one (redo) */
  #past = [];
  #future = [];

  /** How many corrections the document carries (undone ones not counted). */
  get count() {
    return this.#past.length;
  }

  get changed() {
    return this.#past.length > 0;
  }

  get canUndo() {
    return this.#past.length > 0;
  }

  get canRedo() {
    return this.#future.length > 0;
  }

  /** Undo the last correction. Returns false when there is none. */
  undo() {
    if (!this.#past.length) return false;
    this.#future.push(this.doc);
    this.doc = this.#past.pop();
    return true;
  }

  /** Redo the last undone correction. Returns false when there is none. */
  redo() {
    if (!this.#future.length) return false;
    this.#past.push(this.doc);
    this.doc = this.#future.pop();
    return true;
  }

  // One correction: `fn` changes this.doc and returns its result; NOOP means nothing changed.
  // The document before it is kept for undo (a copy: items are changed in place).
  #change(layers, fn) {
    const before = copy(this.doc);
    let result;
    try {
      result = fn();
    } catch (e) {
      this.doc = before;
      throw e;
    }
    if (result === NOOP) {
      this.doc = before;
      return null;
    }
    for (const layer of layers) this.#sort(layer);
    this.#past.push(before);
    this.#future = [];
    return result;
  }

  /** The code-point offset of a UTF-16 offset. */
  cp(offset) {
    if (!this.#cpIndex) {
      // code points before each UTF-16 offset
      const t = this.text;
      const idx = new Uint32Array(t.length + 1);
      let cps = 0;
      for (let i = 0; i < t.length; i++) {
        idx[i] = cps;
        if (isHigh(t.charCodeAt(i)) && i + 1 < t.length && isLow(t.charCodeAt(i + 1))) {
          idx[i + 1] = cps + 1;
          i += 1;
        }
        cps += 1;
      }
      idx[t.length] = cps;
      this.#cpIndex = idx;
    }
    return this.#cpIndex[offset];
  }

  /** A wire span for [start, end) with surrounding whitespace trimmed, or null if empty. */
  span(start, end) {
    const t = this.text;
    let s = Math.max(0, Math.min(start, end));
    let e = Math.min(t.length, Math.max(start, end));
    while (s < e && WS.test(t[s])) s++;
    while (e > s && WS.test(t[e - 1])) e--;
    // never cut a surrogate pair
    if (s > 0 && isLow(t.charCodeAt(s)) && isHigh(t.charCodeAt(s - 1))) s--;
    if (e < t.length && isLow(t.charCodeAt(e)) && isHigh(t.charCodeAt(e - 1))) e++;
    if (e <= s) return null;
    return { start: s, end: e, cp: [this.cp(s), this.cp(e)], text: wellFormed(t.slice(s, e)) };
  }

  /** This document's copy of `item` (an item of the base document or of this one). */
  find(layer, item) {
    const list = this.doc[layer];
    if (list.includes(item)) return item;
    return list.find((x) => x.start === item.start && x.end === item.end && x.text === item.text) ?? null;
  }

  #sort(layer) {
    const list = this.doc[layer];
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    list.forEach((x, i) => { x.id = `${LAYER_PREFIX[layer]}${i}`; });
  }

  /** Change an entity's label. */
  relabel(item, label) {
    return this.#change(['entities'], () => {
      const e = this.find('entities', item);
      if (!e || e.label === label) return NOOP;
      e.label = label;
      e.source = 'edited';
      return e;
    });
  }

  /** Change the label of every mention of the name `item` is a mention of (its cluster): one correction. */
  relabelAll(item, label) {
    return this.#change(['entities'], () => {
      const e = this.find('entities', item);
      if (!e) return NOOP;
      const all = this.doc.entities.filter((x) => x.cluster === e.cluster && x.label !== label);
      if (!all.length) return NOOP;
      for (const x of all) {
        x.label = label;
        x.source = 'edited';
      }
      return e;
    });
  }

  /** Delete an item (a false positive). */
  remove(layer, item) {
    return this.#change([layer], () => {
      const x = this.find(layer, item);
      if (!x) return NOOP;
      this.doc[layer].splice(this.doc[layer].indexOf(x), 1);
      return true;
    }) ?? false;
  }

  /** Delete every mention of the name `item` is a mention of (its cluster): one correction. */
  removeAll(item) {
    return this.#change(['entities'], () => {
      const e = this.find('entities', item);
      if (!e) return NOOP;
      this.doc.entities = this.doc.entities.filter((x) => x.cluster !== e.cluster);
      return true;
    }) ?? false;
  }

  /** Set a quote's speaker to the words at [start, end), or remove it (null). */
  setSpeaker(item, range) {
    return this.#change(['quotes'], () => {
      const q = this.find('quotes', item);
      if (!q) return NOOP;
      if (range == null) {
        q.speaker = null;
      } else {
        const s = this.span(range.start, range.end);
        // an empty or all-space selection is refused like add()'s, so the page says so
        if (!s) throw new Error('select some text first');
        if (s.start < q.end && q.start < s.end) throw new Error('the speaker cannot be inside the quote');
        const ent = this.#entityIn(s);
        q.speaker = { ...s, name: ent?.canonical ?? s.text, cluster: ent?.cluster ?? null };
      }
      q.source = 'edited';
      return q;
    });
  }

  /**
   * Set a quote's speaker to a name of the article (an entity cluster): the mention of that name
   * nearest before the quote (else nearest after it), outside the quote.
   */
  setSpeakerName(item, cluster) {
    const q = this.find('quotes', item);
    if (!q) return null;
    const mentions = this.doc.entities.filter((e) => e.cluster === cluster && (e.end <= q.start || e.start >= q.end));
    if (!mentions.length) throw new Error('that name is only mentioned inside the quote');
    const before = mentions.filter((e) => e.end <= q.start).at(-1);
    const m = before ?? mentions.find((e) => e.start >= q.end);
    return this.setSpeaker(q, { start: m.start, end: m.end });
  }

  #entityIn(s) {
    return this.doc.entities.find((e) => e.start >= s.start && e.end <= s.end && (e.label === 'PERSON' || e.label === 'ORG'))
      ?? this.doc.entities.find((e) => e.start < s.end && s.start < e.end) ?? null;
  }

  #newCluster() {
    let max = -1;
    for (const e of this.doc.entities) max = Math.max(max, Number(e.cluster.slice(1)));
    for (const q of this.doc.quotes) if (q.speaker?.cluster) max = Math.max(max, Number(q.speaker.cluster.slice(1)));
    return `c${max + 1}`;
  }

  /**
   * Add a missed item at [start, end). Entities and numbers it overlaps in its own layer are
   * replaced. Returns the new item.
   * @param {'entities'|'numbers'|'quotes'} layer
   * @param {{start: number, end: number}} range
   * @param {{label?: string}} [props]
   */
  add(layer, range, props = {}) {
    return this.#change([layer], () => this.#add(layer, range, props));
  }

  #add(layer, range, { label = 'PERSON' }) {
    const s = this.span(range.start, range.end);
    if (!s) throw new Error('select some text first');
    let item;
    if (layer === 'entities') {
      const same = this.doc.entities.find((e) => e.text === s.text);
      item = { id: '', ...s, label, score: 1, cluster: same?.cluster ?? this.#newCluster(), canonical: same?.canonical ?? s.text, source: 'edited' };
    } else if (layer === 'numbers') {
      const v = Number(s.text.replace(/[,\u00a0\u202f ]/g, ''));
      item = {
        id: '', ...s, kind: 'cardinal', value: Number.isFinite(v) ? v : null, to: null, modifier: null,
        unit: null, currency: null, iso: null, source: 'edited',
      };
    } else if (layer === 'quotes') {
      item = { id: '', ...s, group: null, speaker: null, cue: null, source: 'edited' };
    } else {
      throw new TypeError(`unknown layer ${layer}`);
    }
    const list = this.doc[layer];
    for (let i = list.length - 1; i >= 0; i--) {
      const x = list[i];
      // entities and numbers never overlap in their layer; a quote replaces one with the same span
      const clash = layer === 'quotes' ? x.start === s.start && x.end === s.end : x.start < s.end && s.start < x.end;
      if (clash) list.splice(i, 1);
    }
    list.push(item);
    return item;
  }
}

function isHigh(c) {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c) {
  return c >= 0xdc00 && c <= 0xdfff;
}
