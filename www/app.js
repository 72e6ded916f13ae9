// The newsmark page: paste or load an article, annotate it in the Worker, highlight, inspect, export.
// Article text is untrusted: it reaches the DOM only as text nodes (textContent) and Ranges.
import {
  highlight, serialize, toWebAnnotation, toDisplacy, toCsv, engineStats, attachText,
  LAYERS, LABELS,
} from './newsmark.js';
import { Corrections } from './corrections.js';
import { htmlToText } from './html-text.js';

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('aria-') || k.startsWith('data-')) e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
};

const LABEL_NAMES = { PERSON: 'Person', ORG: 'Organisation', PLACE: 'Place', MISC: 'Other name' };
const LAYER_NAMES = { entities: 'Entity', numbers: 'Number', quotes: 'Quote' };
const nf = new Intl.NumberFormat('en', { maximumFractionDigits: 6 });
const LIST_CAP = 50; // side-list entries built at once

const state = {
  source: { kind: 'sample', text: '', name: 'sample-article' }, // the exact text to annotate
  text: '',
  handle: null,
  doc: null,        // the document as annotated
  edits: null,      // Corrections over it (null until the first correction)
  selection: null,  // the last selection in the article ({start, end}, UTF-16)
  ctl: null,
  runs: 0,
  order: [],        // visible items in reading order, for keyboard navigation
  focus: -1,
  marked: null,     // cluster or speaker key marked from the side lists
  hover: false,     // the details show the items under the mouse
};

const article = $('article');
const input = $('input');

// ---------------------------------------------------------------------------------------------
// Annotation

function currentLayers() {
  return LAYERS.filter((l) => $(`layer-${l}`).checked);
}

function setStatus(text, kind = 'info') {
  $('status-text').textContent = text;
  $('status').dataset.kind = kind;
}

// The article view holds the text verbatim, as text nodes only, split after newlines into blocks
// of about CHUNK characters: with `content-visibility: auto` the browser lays out and paints only
// the blocks on screen, so a 1 MB article does not freeze the page. Offsets map 1:1 onto it.
const CHUNK = 4096;
const chunkStart = new WeakMap(); // text node -> its offset in the text

function setArticleText(text) {
  const blocks = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + CHUNK);
    if (end < text.length) {
      const nl = text.indexOf('\n', end);
      end = nl < 0 || nl - at > CHUNK * 4 ? Math.min(text.length, at + CHUNK * 4) : nl + 1;
      // never split a surrogate pair
      const c = text.charCodeAt(end - 1);
      if (end < text.length && c >= 0xd800 && c <= 0xdbff) end += 1;
    }
    const div = document.createElement('div');
    div.className = 'chunk';
    const node = document.createTextNode(text.slice(at, end));
    chunkStart.set(node, at);
    div.append(node);
    blocks.push(div);
    at = end;
  }
  article.replaceChildren(...blocks);
}

async function run(text) {
  state.ctl?.abort();
  const ctl = new AbortController();
  state.ctl = ctl;
  state.handle?.clear();
  state.handle = null;
  state.doc = null;
  state.edits = null;
  state.focus = -1;
  state.marked = null;
  state.selection = null;
  delete document.body.dataset.edits;
  setArticleText(text);
  document.body.dataset.state = 'busy';
  $('progress').hidden = false;
  $('progress').removeAttribute('value');
  $('cancel').hidden = false;
  const t0 = performance.now();
  const chars = nf.format(text.length);
  setStatus(`Annotating ${chars} characters in the background…`);
  const tick = setInterval(() => {
    setStatus(`Annotating ${chars} characters in the background… ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }, 250);
  try {
    const handle = await highlight(article, {
      exact: true,
      signal: ctl.signal,
      layers: currentLayers(),
      onProgress(done, total) {
        const p = $('progress');
        p.max = total || 1;
        if (done > 0) p.value = done;
        else p.removeAttribute('value');
      },
    });
    clearInterval(tick);
    if (state.ctl !== ctl) {
      handle.clear();
      return;
    }
    if (handle.text !== text) throw new Error('internal: the article view does not hold the exact text');
    state.handle = handle;
    state.text = text;
    state.doc = attachText(handle.doc, text);
    const ms = Math.round(performance.now() - t0);
    const d = state.doc;
    setStatus(`Annotated ${chars} characters in ${nf.format(ms)} ms: ${d.entities.length} entities, `
      + `${d.numbers.length} numbers, ${d.quotes.length} quotes.`);
    const r0 = performance.now();
    await renderSliced();
    if (state.ctl !== ctl) return;
    performance.measure('newsmark:render', { start: r0, end: performance.now() });
    document.body.dataset.state = 'done';
  } catch (e) {
    if (e?.name === 'AbortError') {
      if (state.ctl === ctl) {
        setStatus('Cancelled.');
        document.body.dataset.state = 'cancelled';
      }
      return;
    }
    setStatus(`Could not annotate: ${e?.message ?? e}`, 'error');
    document.body.dataset.state = 'error';
  } finally {
    clearInterval(tick);
    if (state.ctl === ctl) {
      $('progress').hidden = true;
      $('cancel').hidden = true;
      state.ctl = null;
      state.runs += 1;
      document.body.dataset.runs = String(state.runs);
      const st = engineStats();
      document.body.dataset.engine = st.mode ?? '';
      document.body.dataset.mainThreadCalls = String(st.mainThreadCalls);
      document.body.dataset.workerCalls = String(st.workerCalls);
    }
  }
}

/** The document to show and export: the annotation with the editor's corrections applied. */
function currentDoc() {
  return state.edits ? state.edits.doc : state.doc;
}

function currentJson() {
  return state.edits?.changed ? JSON.stringify(state.edits.doc) : serialize(state.doc);
}

// ---------------------------------------------------------------------------------------------
// Rendering (counts, legend, side lists, notice)

// The side panels, counts and keyboard order, as steps: a long article renders them with a pause
// between steps (renderSliced), so that no single task blocks the page for long.
function renderSteps() {
  const doc = currentDoc();
  if (!doc) return [];
  return [
    () => {
      for (const l of LAYERS) $(`count-${l}`).textContent = String(doc[l].length);
      const byLabel = Object.fromEntries(LABELS.map((k) => [k, 0]));
      for (const e of doc.entities) byLabel[e.label] = (byLabel[e.label] ?? 0) + 1;
      for (const k of LABELS) $(`count-${k}`).textContent = String(byLabel[k]);
      $('count-speakers').textContent = String(doc.quotes.filter((q) => q.speaker).length);
      $('count-cues').textContent = String(doc.quotes.filter((q) => q.cue).length);
      $('edits-count').textContent = state.edits?.changed ? `${state.edits.count} correction(s)` : '';
      renderNotice();
    },
    () => renderEntityList(doc),
    () => renderQuoteList(doc),
    () => {
      buildOrder();
      showDetails(null);
    },
  ];
}

function render() {
  for (const step of renderSteps()) step();
}

async function renderSliced() {
  for (const step of renderSteps()) {
    step();
    await new Promise((r) => setTimeout(r, 0));
  }
}

function repaint() {
  if (!state.handle) return;
  if (state.edits?.changed) paintEdited();
  else state.handle.setLayers(currentLayers());
  buildOrder();
}

// With corrections, the page paints the corrected document itself through the same handle.
function paintEdited() {
  const h = state.handle;
  const doc = currentDoc();
  const layers = new Set(currentLayers());
  h.setLayers([]);
  const names = new Map();
  const add = (name, r) => { if (r) (names.get(name) ?? names.set(name, []).get(name)).push(r); };
  if (layers.has('quotes')) {
    for (const q of doc.quotes) {
      add('nm-quote', h.rangeFor(q.start, q.end));
      if (q.speaker) add('nm-speaker', h.rangeFor(q.speaker.start, q.speaker.end));
      if (q.cue) add('nm-cue', h.rangeFor(q.cue.start, q.cue.end));
    }
  }
  if (layers.has('numbers')) for (const n of doc.numbers) add('nm-number', h.rangeFor(n.start, n.end));
  if (layers.has('entities')) for (const e of doc.entities) add(`nm-${e.label}`, h.rangeFor(e.start, e.end));
  for (const name of ['nm-quote', 'nm-speaker', 'nm-cue', 'nm-number', 'nm-PERSON', 'nm-ORG', 'nm-PLACE', 'nm-MISC']) {
    h.paint(name, names.get(name) ?? []);
  }
}

function clusterKey(e) {
  return e.cluster;
}

function renderEntityList(doc) {
  const groups = new Map();
  for (const e of doc.entities) {
    const k = clusterKey(e);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { key: k, name: e.canonical, items: [], labels: {} }));
    g.items.push(e);
    g.labels[e.label] = (g.labels[e.label] ?? 0) + 1;
  }
  const byLabel = new Map(LABELS.map((l) => [l, []]));
  for (const g of groups.values()) {
    g.label = Object.entries(g.labels).sort((a, b) => b[1] - a[1])[0][0];
    byLabel.get(g.label).push(g);
  }
  const box = $('entity-list');
  const parts = [];
  for (const [label, gs] of byLabel) {
    if (!gs.length) continue;
    gs.sort((a, b) => b.items.length - a.items.length || a.name.localeCompare(b.name));
    const list = el('ul', { class: 'chips', 'aria-label': `${LABEL_NAMES[label]}s` });
    for (const g of gs.slice(0, LIST_CAP * 4)) {
      const b = el('button', {
        type: 'button', class: `chip chip-${label}`, 'data-cluster': g.key,
        'aria-pressed': 'false',
        'aria-label': `${g.name}, ${LABEL_NAMES[label]}, ${g.items.length} mention${g.items.length === 1 ? '' : 's'}`,
      }, el('span', { class: 'chip-name', text: g.name }), el('span', { class: 'count', text: String(g.items.length) }));
      b.addEventListener('click', () => markGroup(`c:${g.key}`, g.items, 'entities', b));
      list.append(el('li', {}, b));
    }
    if (gs.length > LIST_CAP * 4) list.append(el('li', { class: 'muted', text: `and ${nf.format(gs.length - LIST_CAP * 4)} more with fewer mentions` }));
    parts.push(el('h3', { class: `list-h list-h-${label}`, text: `${LABEL_NAMES[label]}s (${gs.length})` }), list);
  }
  if (!parts.length) parts.push(el('p', { class: 'empty', text: 'No names found.' }));
  box.replaceChildren(...parts);
}

function speakerKey(q) {
  const s = q.speaker;
  if (!s) return { key: '-', name: 'No speaker named' };
  if (s.cluster) return { key: `c:${s.cluster}`, name: s.name ?? s.text };
  return { key: `n:${s.name ?? s.text}`, name: s.name ?? s.text };
}

function renderQuoteList(doc) {
  const groups = new Map();
  for (const q of doc.quotes) {
    const { key, name } = speakerKey(q);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, name, items: [] }));
    g.items.push(q);
  }
  const sorted = [...groups.values()].sort((a, b) => (a.key === '-') - (b.key === '-') || b.items.length - a.items.length || a.name.localeCompare(b.name));
  const parts = [];
  for (const g of sorted) {
    const head = el('button', {
      type: 'button', class: 'speaker', 'aria-pressed': 'false', 'data-speaker': g.key,
      'aria-label': `${g.name}: ${g.items.length} quote${g.items.length === 1 ? '' : 's'}`,
    }, el('span', { class: 'speaker-name', text: g.name }), el('span', { class: 'count', text: String(g.items.length) }));
    head.addEventListener('click', () => markGroup(`s:${g.key}`, g.items, 'quotes', head));
    const ol = el('ol', { class: 'quotes' });
    const group = el('div', { class: 'speaker-group' }, head, ol);
    const addQuotes = (from) => {
      const to = Math.min(g.items.length, from + LIST_CAP);
      for (const q of g.items.slice(from, to)) {
        const b = el('button', { type: 'button', class: 'quote-link' },
          el('span', { class: 'quote-text', text: clip(q.text, 140) }));
        if (q.cue) b.append(el('span', { class: 'cue', text: ` — ${q.cue.text}` }));
        b.addEventListener('click', () => focusItem('quotes', q));
        ol.append(el('li', {}, b));
      }
      if (to < g.items.length) {
        // long articles: the rest of the list is built on demand, not all at once
        const more = el('button', { type: 'button', class: 'more', text: `Show ${nf.format(Math.min(LIST_CAP, g.items.length - to))} more of ${nf.format(g.items.length - to)}` });
        more.addEventListener('click', () => {
          more.remove();
          addQuotes(to);
        });
        group.append(more);
      }
    };
    addQuotes(0);
    parts.push(group);
  }
  if (!parts.length) parts.push(el('p', { class: 'empty', text: 'No quotations found.' }));
  $('quote-list').replaceChildren(...parts);
}

function clip(s, n) {
  if (s.length <= n) return s;
  let cut = n - 1;
  const c = s.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut -= 1; // keep surrogate pairs whole
  return `${s.slice(0, cut)}…`;
}

// Text that does not look like English gets a notice (the product is built for English news).
const EN = new Set(('the of and to in a is that for on was with he she it as at by from said his her be '
  + 'has have are were will not but they this an or which who its their after been would had more than '
  + 'about we i you also there one new when what up out into over').split(' '));

export function looksEnglish(text) {
  // a sample is enough (and keeps a 1 MB text cheap)
  const words = text.slice(0, 20000).toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 12) return true;
  const latin = words.filter((w) => /^[a-z]+$/.test(w)).length / words.length;
  const common = words.filter((w) => EN.has(w)).length / words.length;
  return latin > 0.6 && common > 0.12;
}

function renderNotice() {
  const n = $('notice');
  if (state.text && !looksEnglish(state.text)) {
    n.textContent = 'This text does not look like English. newsmark is built for English news, so its '
      + 'highlights here may be missing or wrong.';
    n.hidden = false;
  } else {
    n.hidden = true;
    n.textContent = '';
  }
}

// ---------------------------------------------------------------------------------------------
// Details, focus and keyboard navigation

function itemsOf(doc, layers = new Set(currentLayers())) {
  const out = [];
  for (const layer of LAYERS) {
    if (!layers.has(layer)) continue;
    for (const item of doc[layer]) out.push({ layer, item });
  }
  return out;
}

function buildOrder() {
  const doc = currentDoc();
  state.order = doc ? itemsOf(doc).sort((a, b) => a.item.start - b.item.start || b.item.end - a.item.end) : [];
  state.focus = -1;
  state.handle?.paint('nm-focus', []);
}

function containing(start, end = start + 1) {
  const doc = currentDoc();
  if (!doc) return [];
  return itemsOf(doc).filter(({ item }) => item.start <= start && end <= item.end)
    .sort((a, b) => a.item.start - b.item.start || b.item.end - a.item.end);
}

function field(dl, name, value) {
  dl.append(el('dt', { text: name }), el('dd', { text: value == null ? '—' : String(value) }));
}

function describe({ layer, item }) {
  const box = el('section', { class: `detail detail-${layer}` });
  const kind = layer === 'entities' ? LABEL_NAMES[item.label] ?? item.label : LAYER_NAMES[layer];
  box.append(el('h3', {}, el('span', { class: `tag tag-${layer === 'entities' ? item.label : layer}`, text: kind }),
    el('span', { class: 'detail-text', text: ` ${clip(item.text, 200)}` })));
  const dl = el('dl');
  if (layer === 'entities') {
    field(dl, 'label', item.label);
    field(dl, 'confidence', typeof item.score === 'number' ? `${Math.round(item.score * 100)}%` : null);
    field(dl, 'canonical', item.canonical);
    const n = currentDoc().entities.filter((e) => e.cluster === item.cluster).length;
    field(dl, 'mentions', `${n} (${item.cluster})`);
  } else if (layer === 'numbers') {
    field(dl, 'kind', item.kind);
    field(dl, 'value', item.value == null ? null : nf.format(item.value));
    if (item.to != null) field(dl, 'to', nf.format(item.to));
    field(dl, 'modifier', item.modifier);
    field(dl, 'unit', item.unit);
    field(dl, 'currency', item.currency);
    if (item.kind === 'duration') field(dl, 'duration', item.iso);
    else if (item.iso != null || item.kind === 'date' || item.kind === 'time') field(dl, 'date/time', item.iso);
  } else {
    const s = item.speaker;
    field(dl, 'speaker', s ? (s.name && s.name !== s.text ? `${s.text} → ${s.name}` : s.text) : null);
    field(dl, 'cue', item.cue?.text ?? null);
    if (item.group) field(dl, 'continues', item.group);
  }
  if (item.source === 'edited') field(dl, 'source', 'edited (a correction)');
  box.append(dl, editTools(layer, item));
  return box;
}

function showDetails(entries, note) {
  const box = $('details');
  if (!entries || !entries.length) {
    box.replaceChildren(el('p', { class: 'hint', text: note ?? 'Hover over a highlight, or focus the article and press → / ← to move between highlights.' }));
    return;
  }
  const parts = entries.map(describe);
  if (entries.length > 1) parts.unshift(el('p', { class: 'nested', text: `${entries.length} items here (nested):` }));
  if (note) parts.unshift(el('p', { class: 'note', text: note }));
  box.replaceChildren(...parts);
}

function focusAt(index) {
  if (!state.order.length) return;
  state.focus = (index + state.order.length) % state.order.length;
  const { layer, item } = state.order[state.focus];
  const r = state.handle.rangeFor(item.start, item.end);
  state.handle.paint('nm-focus', r ? [r] : []);
  const inner = containing(item.start, item.end);
  const outer = containing(item.start).filter((x) => x.item !== item && x.item.start <= item.start && item.end <= x.item.end);
  const seen = new Set();
  const list = [{ layer, item }, ...outer, ...inner].filter((x) => !seen.has(x.item) && seen.add(x.item));
  showDetails(list, `${state.focus + 1} of ${state.order.length}`);
  if (r) scrollToRange(r);
}

function focusItem(layer, item) {
  const i = state.order.findIndex((x) => x.item === item);
  if (i >= 0) {
    focusAt(i);
    article.focus({ preventScroll: true });
  } else {
    showDetails([{ layer, item }]);
  }
}

function scrollToRange(r) {
  const rect = r.getBoundingClientRect();
  if (rect.top < 60 || rect.bottom > innerHeight - 20) {
    scrollBy({ top: rect.top - innerHeight / 3, behavior: 'instant' });
  }
  state.handle?.redraw();
}

/** Focus an item in the text (highlight and scroll) without changing the details panel. */
function jumpTo(item) {
  const i = state.order.findIndex((x) => x.item === item);
  if (i < 0) return;
  state.focus = i;
  const r = state.handle.rangeFor(item.start, item.end);
  state.handle.paint('nm-focus', r ? [r] : []);
  if (r) scrollToRange(r);
}

function markGroup(key, items, layer, button) {
  for (const b of document.querySelectorAll('[aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
  if (state.marked === key) {
    state.marked = null;
    state.handle.paint('nm-mark', []);
    showDetails(null);
    return;
  }
  state.marked = key;
  button.setAttribute('aria-pressed', 'true');
  const ranges = items.map((it) => state.handle.rangeFor(it.start, it.end)).filter(Boolean);
  state.handle.paint('nm-mark', ranges);
  jumpTo(items[0]);
  const who = layer === 'entities' ? items[0].canonical : (items[0].speaker?.name ?? items[0].speaker?.text ?? 'no speaker');
  // every mention, in context, each a button that jumps to it
  const ol = el('ol', { class: 'mentions' });
  for (const item of items.slice(0, 200)) {
    const before = state.text.slice(Math.max(0, item.start - 30), item.start).replace(/^\S*\s/, '');
    const after = state.text.slice(item.end, item.end + 30).replace(/\s\S*$/, '');
    const b = el('button', { type: 'button', class: 'mention' },
      el('span', { class: 'ctx', text: `…${before}` }), el('mark', { class: `m-${layer === 'entities' ? item.label : layer}`, text: clip(item.text, 80) }),
      el('span', { class: 'ctx', text: `${after}…` }));
    b.addEventListener('click', () => jumpTo(item));
    ol.append(el('li', {}, b));
  }
  $('details').replaceChildren(
    el('p', { class: 'note', text: `${who}: ${items.length} ${layer === 'entities' ? 'mention' : 'quote'}${items.length === 1 ? '' : 's'}, marked in the text.` }),
    ol,
  );
}

article.addEventListener('keydown', (ev) => {
  if (!state.order.length) return;
  const k = ev.key;
  if (k === 'ArrowRight' || k === 'ArrowDown' || k === 'n') focusAt(state.focus + 1);
  else if (k === 'ArrowLeft' || k === 'ArrowUp' || k === 'p') focusAt(state.focus < 0 ? -1 : state.focus - 1);
  else if (k === 'Home') focusAt(0);
  else if (k === 'End') focusAt(-1);
  else if (k === 'Escape') {
    state.focus = -1;
    state.handle.paint('nm-focus', []);
    showDetails(null);
  } else return;
  ev.preventDefault();
});

function offsetAtPoint(x, y) {
  let node;
  let offset;
  if (document.caretPositionFromPoint) {
    const p = document.caretPositionFromPoint(x, y);
    node = p?.offsetNode;
    offset = p?.offset;
  } else if (document.caretRangeFromPoint) {
    const r = document.caretRangeFromPoint(x, y);
    node = r?.startContainer;
    offset = r?.startOffset;
  }
  if (!node || node.nodeType !== 3 || !chunkStart.has(node)) return -1;
  return chunkStart.get(node) + offset;
}

function inRects(range, x, y) {
  for (const q of range.getClientRects()) {
    if (x >= q.left - 1 && x <= q.right + 1 && y >= q.top - 1 && y <= q.bottom + 1) return true;
  }
  return false;
}

let hoverFrame = 0;
article.addEventListener('mousemove', (ev) => {
  if (hoverFrame || !state.handle) return;
  const { clientX: x, clientY: y } = ev;
  hoverFrame = requestAnimationFrame(() => {
    hoverFrame = 0;
    const off = offsetAtPoint(x, y);
    if (off < 0) return;
    const hits = [off, off - 1].flatMap((o) => (o >= 0 ? containing(o) : []))
      .filter((h, i, a) => a.findIndex((z) => z.item === h.item) === i)
      .filter(({ item }) => {
        const r = state.handle.rangeFor(item.start, item.end);
        return r && inRects(r, x, y);
      });
    if (hits.length) {
      state.hover = true;
      showDetails(hits);
    } else if (state.hover) {
      state.hover = false;
      if (state.focus >= 0) focusAt(state.focus);
      else showDetails(null);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Input: paste, files, sample

async function readFile(file) {
  const bytes = await file.arrayBuffer();
  // ignoreBOM: keep a leading U+FEFF as part of the text (offsets count it, like the CLI does)
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  if (/\.html?$/i.test(file.name) || file.type === 'text/html') {
    // only the text is kept; the file's markup is never handed to the browser (see html-text.js)
    return htmlToText(text);
  }
  return text;
}

async function loadFile(file) {
  if (!file) return;
  try {
    const text = await readFile(file);
    state.source = { kind: 'file', text, name: file.name.replace(/\.[^.]*$/, '') || 'article' };
    input.value = text;
    $('source-name').textContent = `Loaded ${file.name} (${nf.format(text.length)} characters, exact text kept).`;
    await run(text);
  } catch (e) {
    setStatus(`Could not read ${file.name}: ${e?.message ?? e}`, 'error');
  }
}

$('file').addEventListener('change', (ev) => {
  loadFile(ev.target.files[0]);
  ev.target.value = '';
});

for (const target of [input, article]) {
  target.addEventListener('dragover', (ev) => {
    if (ev.dataTransfer?.types?.includes('Files')) {
      ev.preventDefault();
      target.classList.add('drop');
    }
  });
  target.addEventListener('dragleave', () => target.classList.remove('drop'));
  target.addEventListener('drop', (ev) => {
    target.classList.remove('drop');
    const f = ev.dataTransfer?.files?.[0];
    if (f) {
      ev.preventDefault();
      loadFile(f);
    }
  });
}

input.addEventListener('input', () => {
  state.source = { kind: 'typed', text: null, name: 'article' };
  $('source-name').textContent = '';
});

$('annotate').addEventListener('click', () => {
  const text = state.source.kind === 'typed' || state.source.text == null ? input.value : state.source.text;
  run(text);
});

$('cancel').addEventListener('click', () => state.ctl?.abort());

async function loadSample() {
  const res = await fetch(new URL('./sample-article.txt', import.meta.url));
  if (!res.ok) throw new Error(`sample article: HTTP ${res.status}`);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  state.source = { kind: 'sample', text, name: 'sample-article' };
  input.value = text;
  $('source-name').textContent = 'The sample article, written for newsmark.';
  await run(text);
}

$('sample').addEventListener('click', () => loadSample());

for (const l of LAYERS) $(`layer-${l}`).addEventListener('change', () => {
  repaint();
  showDetails(null);
});

// ---------------------------------------------------------------------------------------------
// Export

const FORMATS = {
  newsmark: { ext: 'newsmark.json', mime: 'application/json' },
  w3c: { ext: 'w3c.jsonld', mime: 'application/ld+json' },
  displacy: { ext: 'displacy.json', mime: 'application/json' },
  'csv-quotes': { ext: 'quotes.csv', mime: 'text/csv' },
  'csv-numbers': { ext: 'numbers.csv', mime: 'text/csv' },
  'csv-entities': { ext: 'entities.csv', mime: 'text/csv' },
};

async function exportText(format) {
  const doc = currentDoc();
  if (!doc) throw new Error('nothing annotated yet');
  const text = state.text;
  // Corrected documents go through the same converters as the original (in the Worker).
  const d = state.edits?.changed ? attachText(state.edits.doc, text) : doc;
  switch (format) {
    case 'newsmark': return `${currentJson()}\n`;
    case 'w3c': {
      const source = $('w3c-source').value.trim() || undefined;
      return `${JSON.stringify(await toWebAnnotation(d, { text, source }), null, 2)}\n`;
    }
    case 'displacy': return `${JSON.stringify(await toDisplacy(d, { text }))}\n`;
    default: return toCsv(d, format.slice(4));
  }
}

async function download() {
  const format = $('export-format').value;
  try {
    const body = await exportText(format);
    const f = FORMATS[format];
    const url = URL.createObjectURL(new Blob([body], { type: `${f.mime};charset=utf-8` }));
    const a = el('a', { href: url, download: `${state.source.name || 'article'}.${f.ext}` });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(`Downloaded ${a.download}.`);
  } catch (e) {
    setStatus(`Export failed: ${e?.message ?? e}`, 'error');
  }
}

async function copy() {
  const format = $('export-format').value;
  try {
    await navigator.clipboard.writeText(await exportText(format));
    setStatus(`Copied the ${$('export-format').selectedOptions[0].textContent} export to the clipboard.`);
  } catch (e) {
    setStatus(`Copy failed: ${e?.message ?? e}`, 'error');
  }
}

$('download').addEventListener('click', download);
$('copy').addEventListener('click', copy);

// ---------------------------------------------------------------------------------------------
// Corrections (label, speaker, delete, add). Exports carry them, marked "source": "edited".

// the last selection inside the article, as UTF-16 offsets of the text
document.addEventListener('selectionchange', () => {
  const sel = getSelection();
  if (!sel || sel.rangeCount === 0) return;
  const r = sel.getRangeAt(0);
  if (r.collapsed || !chunkStart.has(r.startContainer) || !chunkStart.has(r.endContainer)) return;
  state.selection = { start: chunkStart.get(r.startContainer) + r.startOffset, end: chunkStart.get(r.endContainer) + r.endOffset };
});

function edit(fn) {
  if (!state.doc) return;
  if (!state.edits) state.edits = new Corrections(state.doc, state.text);
  let result;
  try {
    result = fn(state.edits);
  } catch (e) {
    setStatus(`Correction not made: ${e?.message ?? e}`, 'error');
    return;
  }
  render();
  repaint();
  document.body.dataset.edits = String(state.edits.count);
  setStatus(`${state.edits.count} correction${state.edits.count === 1 ? '' : 's'}; every export includes `
    + 'them (marked "source": "edited" in the JSON).');
  if (result && typeof result === 'object') {
    const i = state.order.findIndex((x) => x.item === result);
    if (i >= 0) focusAt(i);
  }
}

function button(text, onClick, cls = '') {
  const b = el('button', { type: 'button', class: cls, text });
  b.addEventListener('click', onClick);
  return b;
}

function editTools(layer, item) {
  const box = el('div', { class: 'edit-tools', 'aria-label': 'Corrections' });
  if (layer === 'entities') {
    const sel = el('select', { 'aria-label': `Label of “${clip(item.text, 40)}”`, class: 'relabel' });
    for (const l of LABELS) {
      const o = el('option', { value: l, text: LABEL_NAMES[l] });
      if (l === item.label) o.selected = true;
      sel.append(o);
    }
    sel.addEventListener('change', () => edit((c) => c.relabel(item, sel.value)));
    box.append(sel);
  }
  if (layer === 'quotes') {
    box.append(button('Speaker = selected words', () => edit((c) => {
      if (!state.selection) throw new Error('select the speaker\'s words in the article first');
      return c.setSpeaker(item, state.selection);
    }), 'set-speaker'));
    if (item.speaker) box.append(button('Remove speaker', () => edit((c) => c.setSpeaker(item, null)), 'remove-speaker'));
  }
  box.append(button('Delete', () => edit((c) => c.remove(layer, item)), 'delete'));
  return box;
}

function addTools() {
  const box = $('add-tools');
  box.append(el('span', { class: 'muted', text: 'Add the selected words as:' }));
  for (const [label, text] of [['PERSON', 'Person'], ['ORG', 'Organisation'], ['PLACE', 'Place'], ['MISC', 'Other name']]) {
    box.append(button(text, () => edit((c) => {
      if (!state.selection) throw new Error('select the words in the article first');
      return c.add('entities', state.selection, { label });
    }), `add add-${label}`));
  }
  box.append(button('Number', () => edit((c) => {
    if (!state.selection) throw new Error('select the words in the article first');
    return c.add('numbers', state.selection);
  }), 'add add-number'));
  box.append(button('Quote', () => edit((c) => {
    if (!state.selection) throw new Error('select the words in the article first');
    return c.add('quotes', state.selection);
  }), 'add add-quote'));
}
addTools();

// ---------------------------------------------------------------------------------------------

async function boot() {
  try {
    await loadSample();
  } catch (e) {
    setStatus(`Could not load the sample article: ${e?.message ?? e}`, 'error');
  }
  document.body.dataset.ready = '1';
}
boot();
