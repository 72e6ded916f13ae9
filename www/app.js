// The newsmark page: paste or load an article, annotate it in the Worker, highlight, inspect,
// correct (mouse, touch, keyboard; undo/redo), filter, tabulate, export.
// Article text is untrusted: it reaches the DOM only as text nodes (textContent) and Ranges.
import {
  MAX_TEXT_LENGTH, highlight, serialize, toWebAnnotation, toDisplacy, toCsv, engineStats, attachText,
  LAYERS, LABELS,
} from './newsmark.js';
import { Corrections } from './corrections.js';
import { htmlToText } from './html-text.js';
import { fileStem, stemFromText } from './file-name.js';

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
const TABLE_CAP = 500; // table rows shown (the CSV has them all)

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
  pinned: null,     // the items pinned by a click or tap: the details keep showing them
  hidden: new Set(), // entity labels filtered out
  speaker: '',      // only the quotes of this speaker key ('' = everyone)
  discarded: null,  // what the last run replaced, for "Undo" ({text, source, edits})
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
  $('undo-discard').hidden = true;
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

/**
 * Annotate `text` from `source`, keeping the editor's corrections: re-annotating the same text
 * keeps them; a different text asks first (in the page, not a browser dialog), and a discard can
 * be undone from the status line.
 */
async function requestRun(text, source) {
  if (state.edits?.changed && text !== state.text) {
    const ok = await askDiscard(state.edits.count);
    if (!ok) {
      setStatus(`Kept the current text and its ${plural(state.edits.count, 'correction')}.`);
      return;
    }
    state.discarded = { text: state.text, source: state.source, edits: state.edits };
  } else {
    state.discarded = null;
  }
  const keep = state.edits?.changed && text === state.text ? state.edits : null;
  state.source = source;
  await run(text, { edits: keep });
  if (state.discarded && document.body.dataset.state === 'done') {
    setStatus(`Annotated the new text; ${plural(state.discarded.edits.count, 'correction')} of the previous text discarded.`);
    $('undo-discard').hidden = false;
  }
}

function askDiscard(n) {
  const d = $('discard-dialog');
  $('discard-text').textContent = `You made ${plural(n, 'correction')} to the current text. The new text is `
    + 'different, so they cannot be carried over. Export them first if you need them.';
  $('discard-yes').textContent = `Annotate the new text, discard ${plural(n, 'correction')}`;
  return new Promise((resolve) => {
    const done = (v) => {
      $('discard-yes').onclick = null;
      $('discard-no').onclick = null;
      d.onclose = null;
      if (d.open) d.close();
      resolve(v);
    };
    $('discard-yes').onclick = () => done(true);
    $('discard-no').onclick = () => done(false);
    d.onclose = () => done(false); // Escape keeps the corrections
    d.showModal();
    $('discard-no').focus();
  });
}

async function undoDiscard() {
  const prev = state.discarded;
  if (!prev) return;
  state.discarded = null;
  state.source = prev.source;
  input.value = prev.text;
  await run(prev.text, { edits: prev.edits });
  if (document.body.dataset.state === 'done') setStatus(`Restored the previous text and its ${plural(prev.edits.count, 'correction')}.`);
}

function plural(n, word) {
  return `${nf.format(n)} ${word}${n === 1 ? '' : 's'}`;
}

async function run(text, { edits = null } = {}) {
  state.ctl?.abort();
  if (text.length > MAX_TEXT_LENGTH) {
    // refused before the text is put on screen; annotate() would refuse it with the same words
    state.ctl = null;
    setStatus(`Not annotated: the text is ${nf.format(text.length)} characters long; newsmark annotates up to `
      + `${nf.format(MAX_TEXT_LENGTH)} characters (8 MB) at a time. Split it into parts and annotate each.`, 'error');
    document.body.dataset.state = 'too-long';
    return;
  }
  const ctl = new AbortController();
  state.ctl = ctl;
  state.handle?.clear();
  state.handle = null;
  state.doc = null;
  state.edits = null;
  state.focus = -1;
  state.marked = null;
  state.pinned = null;
  state.selection = null;
  state.speaker = '';
  delete document.body.dataset.edits;
  delete document.body.dataset.sheet;
  setArticleText(text);
  showAddTools();
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
    // the same text gives the same document, so corrections made on it still apply
    if (edits && serialize(edits.base) === serialize(state.doc)) state.edits = edits;
    const ms = Math.round(performance.now() - t0);
    const d = state.doc;
    setStatus(`Annotated ${chars} characters (${nf.format(ms)} ms): ${d.entities.length} names, `
      + `${d.numbers.length} numbers, ${d.quotes.length} quotes.`
      + (state.edits ? ` Your ${plural(state.edits.count, 'correction')} ${state.edits.count === 1 ? 'is' : 'are'} kept.` : ''));
    if (state.edits) document.body.dataset.edits = String(state.edits.count);
    if (filtered()) repaint();
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
      updateUndo();
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
// Filters: layers (check boxes), entity labels (the legend's check boxes), one speaker's quotes

function speakerKey(q) {
  const s = q.speaker;
  if (!s) return { key: '-', name: 'No speaker named' };
  if (s.cluster) return { key: `c:${s.cluster}`, name: s.name ?? s.text };
  return { key: `n:${s.name ?? s.text}`, name: s.name ?? s.text };
}

function shown(layer, item, layers) {
  if (!layers.has(layer)) return false;
  if (layer === 'entities') return !state.hidden.has(item.label);
  if (layer === 'quotes' && state.speaker) return speakerKey(item).key === state.speaker;
  return true;
}

function itemsOf(doc, layers = new Set(currentLayers())) {
  const out = [];
  for (const layer of LAYERS) {
    for (const item of doc[layer]) if (shown(layer, item, layers)) out.push({ layer, item });
  }
  return out;
}

function filtered() {
  return state.edits?.changed || state.hidden.size > 0 || state.speaker !== '';
}

// ---------------------------------------------------------------------------------------------
// Rendering (counts, legend, side lists, tables, notice)

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
      renderNotice();
      updateUndo();
    },
    () => renderEntityList(doc),
    () => renderQuoteList(doc),
    () => renderTables(doc),
    () => {
      buildOrder();
      if (state.pinned) refreshPinned();
      else showDetails(null);
    },
  ];
}

function render() {
  for (const step of renderSteps()) step();
}

// Steps run back to back until a slice has taken SLICE_MS (a frame at 60 Hz), then the page gets a
// frame: short tasks keep the page responsive, and fewer frames save time, since each one lays out
// the whole article (a 1 MB paste: render 225-245 -> 170-195 ms against a frame after every step).
const SLICE_MS = 16;

async function renderSliced() {
  let t0 = performance.now();
  for (const step of renderSteps()) {
    if (performance.now() - t0 > SLICE_MS) {
      await new Promise((r) => setTimeout(r, 0));
      t0 = performance.now();
    }
    step();
  }
}

function repaint() {
  if (!state.handle) return;
  if (filtered()) {
    paintFiltered();
  } else {
    // back to the handle's own painting of the document: drop what paintFiltered() drew
    for (const name of PAINTED) state.handle.paint(name, []);
    state.handle.setLayers(currentLayers());
  }
  buildOrder();
}

const PAINTED = ['nm-quote', 'nm-speaker', 'nm-cue', 'nm-number', 'nm-PERSON', 'nm-ORG', 'nm-PLACE', 'nm-MISC'];

// With corrections or filters, the page paints the document itself through the same handle.
function paintFiltered() {
  const h = state.handle;
  const layers = new Set(currentLayers());
  h.setLayers([]);
  const names = new Map();
  const add = (name, r) => { if (r) (names.get(name) ?? names.set(name, []).get(name)).push(r); };
  for (const { layer, item } of itemsOf(currentDoc(), layers)) {
    if (layer === 'quotes') {
      add('nm-quote', h.rangeFor(item.start, item.end));
      if (item.speaker) add('nm-speaker', h.rangeFor(item.speaker.start, item.speaker.end));
      if (item.cue) add('nm-cue', h.rangeFor(item.cue.start, item.cue.end));
    } else if (layer === 'numbers') {
      add('nm-number', h.rangeFor(item.start, item.end));
    } else {
      add(`nm-${item.label}`, h.rangeFor(item.start, item.end));
    }
  }
  for (const name of PAINTED) h.paint(name, names.get(name) ?? []);
}

function groupsOf(doc) {
  const groups = new Map();
  for (const e of doc.entities) {
    let g = groups.get(e.cluster);
    if (!g) groups.set(e.cluster, (g = { key: e.cluster, name: e.canonical, items: [], labels: {} }));
    g.items.push(e);
    g.labels[e.label] = (g.labels[e.label] ?? 0) + 1;
  }
  for (const g of groups.values()) g.label = Object.entries(g.labels).sort((a, b) => b[1] - a[1])[0][0];
  return groups;
}

function renderEntityList(doc) {
  const byLabel = new Map(LABELS.map((l) => [l, []]));
  for (const g of groupsOf(doc).values()) byLabel.get(g.label).push(g);
  const parts = [];
  for (const [label, gs] of byLabel) {
    if (!gs.length) continue;
    gs.sort((a, b) => b.items.length - a.items.length || a.name.localeCompare(b.name));
    const list = el('ul', { class: 'chips', 'aria-label': `${LABEL_NAMES[label]}s` });
    for (const g of gs.slice(0, LIST_CAP * 4)) {
      const b = el('button', {
        type: 'button', class: `chip chip-${label}`, 'data-cluster': g.key,
        'aria-pressed': 'false',
        'aria-label': `${g.name}, ${LABEL_NAMES[label]}, ${plural(g.items.length, 'mention')}`,
      }, el('span', { class: 'chip-name', text: g.name }), el('span', { class: 'count', text: String(g.items.length) }));
      b.addEventListener('click', () => markGroup(`c:${g.key}`, g.items, 'entities', b));
      list.append(el('li', {}, b));
    }
    if (gs.length > LIST_CAP * 4) list.append(el('li', { class: 'muted', text: `and ${nf.format(gs.length - LIST_CAP * 4)} more with fewer mentions` }));
    parts.push(el('h3', { class: `list-h list-h-${label}`, text: `${LABEL_NAMES[label]}s (${gs.length})` }), list);
  }
  if (!parts.length) parts.push(el('p', { class: 'empty', text: 'No names found.' }));
  $('entity-list').replaceChildren(...parts);
}

function speakerGroups(doc) {
  const groups = new Map();
  for (const q of doc.quotes) {
    const { key, name } = speakerKey(q);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, name, items: [] }));
    g.items.push(q);
  }
  return [...groups.values()].sort((a, b) => (a.key === '-') - (b.key === '-') || b.items.length - a.items.length || a.name.localeCompare(b.name));
}

function renderQuoteList(doc) {
  const sorted = speakerGroups(doc);
  const parts = [];
  for (const g of sorted) {
    const head = el('button', {
      type: 'button', class: 'speaker', 'aria-pressed': 'false', 'data-speaker': g.key,
      'aria-label': `${g.name}: ${plural(g.items.length, 'quote')}`,
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
  // the speaker filter lists the same groups
  const sel = $('filter-speaker');
  const keep = state.speaker;
  sel.replaceChildren(el('option', { value: '', text: 'everyone' }),
    ...sorted.map((g) => el('option', { value: g.key, text: `${g.name} (${g.items.length})` })));
  sel.value = sorted.some((g) => g.key === keep) ? keep : '';
  state.speaker = sel.value;
}

function cell(text) {
  return el('td', { text: text == null ? '' : String(text) });
}

function renderTables(doc) {
  // only the rows shown are built (a 1 MB paste has thousands; all of them are in the CSV)
  const quotes = speakerGroups(doc).flatMap((g) => g.items.map((q) => [g.name, q]));
  const qrows = quotes.slice(0, TABLE_CAP)
    .map(([name, q]) => el('tr', {}, cell(name), cell(clip(q.text, 300)), cell(q.cue?.text)));
  const nrows = doc.numbers.slice(0, TABLE_CAP).map((n) => el('tr', {}, cell(n.text), cell(n.kind),
    cell(n.value == null ? null : nf.format(n.value) + (n.to != null ? `–${nf.format(n.to)}` : '')),
    cell(n.currency ?? n.unit), cell(n.iso)));
  const more = (total, what) => (total > TABLE_CAP
    ? el('tr', {}, el('td', { colSpan: 5, class: 'muted', text: `and ${nf.format(total - TABLE_CAP)} more ${what} (all of them are in the CSV)` }))
    : null);
  $('quote-table').tBodies[0].replaceChildren(...qrows, ...[more(quotes.length, 'quotes')].filter(Boolean));
  $('number-table').tBodies[0].replaceChildren(...nrows, ...[more(doc.numbers.length, 'numbers')].filter(Boolean));
  $('quote-table-count').textContent = String(doc.quotes.length);
  $('number-table-count').textContent = String(doc.numbers.length);
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
// Details: hover shows, a click or tap pins, the keyboard steps through

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
  if (value == null || value === '') return; // no rows that say nothing
  dl.append(el('dt', { text: name }), el('dd', { text: String(value) }));
}

function describe({ layer, item }) {
  const box = el('section', { class: `detail detail-${layer}` });
  const kind = layer === 'entities' ? LABEL_NAMES[item.label] ?? item.label : LAYER_NAMES[layer];
  box.append(el('h3', {}, el('span', { class: `tag tag-${layer === 'entities' ? item.label : layer}`, text: kind }),
    el('span', { class: 'detail-text', text: ` ${clip(item.text, 200)}` })));
  const dl = el('dl');
  if (layer === 'entities') {
    field(dl, 'confidence', typeof item.score === 'number' && item.source !== 'edited' ? `${Math.round(item.score * 100)}%` : null);
    if (item.canonical !== item.text) field(dl, 'name', item.canonical);
    const n = currentDoc().entities.filter((e) => e.cluster === item.cluster).length;
    field(dl, 'mentions', `${nf.format(n)} in this article`);
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
    field(dl, 'speaker', s ? (s.name && s.name !== s.text ? `${s.text} → ${s.name}` : s.text) : 'not named');
    field(dl, 'cue', item.cue?.text);
    if (item.group) field(dl, 'continues', 'an earlier quote by the same speaker');
  }
  if (item.source === 'edited') field(dl, 'source', 'edited (a correction)');
  box.append(dl, editTools(layer, item));
  return box;
}

function showDetails(entries, note) {
  const box = $('details');
  $('unpin').hidden = !state.pinned;
  if (!entries || !entries.length) {
    box.replaceChildren(el('p', { class: 'hint', text: note ?? 'Point at a highlight to see it here; click or tap it to pin it and correct it. Keyboard: focus the article, then → / ←.' }));
    return;
  }
  const parts = entries.map(describe);
  if (entries.length > 1) parts.unshift(el('p', { class: 'nested', text: `${entries.length} items here (nested):` }));
  if (note) parts.unshift(el('p', { class: 'note', text: note }));
  box.replaceChildren(...parts);
}

/** Pin items (a click, a tap, a correction): the details keep them until unpinned. */
function pin(outerFirst) {
  // the innermost item (the one under the pointer) first, the quote around it after
  const list = outerFirst.slice().reverse();
  state.pinned = outerFirst;
  const inner = list[0].item;
  const r = state.handle.rangeFor(inner.start, inner.end);
  state.handle.paint('nm-focus', r ? [r] : []);
  document.body.dataset.sheet = '1';
  showDetails(list, 'Pinned. Click elsewhere in the text or press Esc to unpin.');
}

function unpin() {
  if (!state.pinned) return;
  state.pinned = null;
  delete document.body.dataset.sheet;
  state.handle?.paint('nm-focus', []);
  showDetails(null);
}

// After a correction the pinned items are looked up again in the corrected document.
function refreshPinned() {
  const doc = currentDoc();
  const again = state.pinned.map(({ layer, item }) => ({ layer, item: doc[layer].find((x) => x.start === item.start && x.end === item.end) }))
    .filter((x) => x.item);
  if (again.length) pin(again);
  else unpin();
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
  if (state.pinned) state.pinned = list;
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
  state.pinned = null;
  if (state.marked === key) {
    state.marked = null;
    state.handle.paint('nm-mark', []);
    showDetails(null);
    return;
  }
  state.marked = key;
  delete document.body.dataset.sheet;
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
  $('unpin').hidden = true;
  $('details').replaceChildren(
    el('p', { class: 'note', text: `${who}: ${plural(items.length, layer === 'entities' ? 'mention' : 'quote')}, marked in the text.` }),
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
  else if (k === 'Enter' && state.focus >= 0) {
    const { item } = state.order[state.focus];
    pin(containing(item.start, item.end).length ? containing(item.start, item.end) : [state.order[state.focus]]);
  } else if (k === 'Escape') {
    state.focus = -1;
    state.pinned = null;
    delete document.body.dataset.sheet;
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

/** The items drawn under the point (outermost first). */
function hitsAt(x, y) {
  const off = offsetAtPoint(x, y);
  if (off < 0) return [];
  return [off, off - 1].flatMap((o) => (o >= 0 ? containing(o) : []))
    .filter((h, i, a) => a.findIndex((z) => z.item === h.item) === i)
    .filter(({ item }) => {
      const r = state.handle.rangeFor(item.start, item.end);
      return r && inRects(r, x, y);
    });
}

// Hover shows what is under the pointer and keeps it when the pointer leaves the highlights, so
// the way to the Details panel may cross plain text; a pinned item is not replaced by hovering.
let hoverFrame = 0;
article.addEventListener('mousemove', (ev) => {
  if (hoverFrame || !state.handle || state.pinned) return;
  const { clientX: x, clientY: y } = ev;
  hoverFrame = requestAnimationFrame(() => {
    hoverFrame = 0;
    if (state.pinned || !state.handle) return;
    const hits = hitsAt(x, y);
    if (hits.length) showDetails(hits);
  });
});

// A click or tap on a highlight pins it; on plain text it unpins (a drag that selects words does
// neither: the selection is for "Add the selected words").
article.addEventListener('click', (ev) => {
  if (!state.handle) return;
  const sel = getSelection();
  if (sel && !sel.isCollapsed && article.contains(sel.anchorNode)) return;
  const hits = hitsAt(ev.clientX, ev.clientY);
  if (hits.length) pin(hits);
  else unpin();
});

$('unpin').addEventListener('click', () => unpin());

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
    input.value = text;
    $('crlf-note').hidden = true;
    $('source-name').textContent = `Loaded ${file.name} (${nf.format(text.length)} characters, exact text kept).`;
    await requestRun(text, { kind: 'file', text, name: fileStem(file.name.replace(/\.[^.]*$/, '')) });
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
  state.source = { kind: 'typed', text: null, name: null };
  $('source-name').textContent = '';
});

// A text box turns CRLF into LF, so offsets then refer to the LF text: the page says so, and
// points to loading the file, which keeps the exact text.
input.addEventListener('paste', (ev) => {
  const t = ev.clipboardData?.getData('text/plain') ?? '';
  $('crlf-note').hidden = !/\r/.test(t);
});

$('annotate').addEventListener('click', () => {
  const typed = state.source.kind === 'typed' || state.source.text == null;
  const text = typed ? input.value : state.source.text;
  requestRun(text, typed ? { kind: 'typed', text: null, name: stemFromText(text) } : state.source);
});

$('cancel').addEventListener('click', () => state.ctl?.abort());
$('undo-discard').addEventListener('click', () => undoDiscard());

async function loadSample() {
  const res = await fetch(new URL('./sample-article.txt', import.meta.url));
  if (!res.ok) throw new Error(`sample article: HTTP ${res.status}`);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  input.value = text;
  $('crlf-note').hidden = true;
  $('source-name').textContent = '';
  await requestRun(text, { kind: 'sample', text, name: 'sample-article' });
}

$('sample').addEventListener('click', () => loadSample());

for (const l of LAYERS) $(`layer-${l}`).addEventListener('change', () => {
  repaint();
  if (state.pinned) refreshPinned();
  else showDetails(null);
});

// the legend's entity labels are filters
for (const box of document.querySelectorAll('.legend input.filter')) {
  box.addEventListener('change', () => {
    if (box.checked) state.hidden.delete(box.dataset.label);
    else state.hidden.add(box.dataset.label);
    repaint();
    showDetails(null);
  });
}

$('filter-speaker').addEventListener('change', (ev) => {
  state.speaker = ev.target.value;
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

/** The exported file's name: the loaded file's, else the article's first line (sanitised). */
function exportName(format) {
  const stem = state.source.name || stemFromText(state.text);
  return `${stem}.${FORMATS[format].ext}`;
}

async function download(format = $('export-format').value) {
  try {
    const body = await exportText(format);
    const f = FORMATS[format];
    const url = URL.createObjectURL(new Blob([body], { type: `${f.mime};charset=utf-8` }));
    const a = el('a', { href: url, download: exportName(format) });
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

$('download').addEventListener('click', () => download());
$('copy').addEventListener('click', copy);
$('quote-table-csv').addEventListener('click', () => download('csv-quotes'));
$('number-table-csv').addEventListener('click', () => download('csv-numbers'));

// ---------------------------------------------------------------------------------------------
// Corrections (label, speaker, delete, add; one mention or every mention; undo/redo). Exports
// carry them, marked "source": "edited".

// the selection inside the article, as UTF-16 offsets of the text; the add buttons show only
// while there is one
document.addEventListener('selectionchange', () => {
  const sel = getSelection();
  if (!sel || sel.rangeCount === 0) return;
  const r = sel.getRangeAt(0);
  if (!r.collapsed && chunkStart.has(r.startContainer) && chunkStart.has(r.endContainer)) {
    state.selection = { start: chunkStart.get(r.startContainer) + r.startOffset, end: chunkStart.get(r.endContainer) + r.endOffset };
  } else if (r.collapsed && article.contains(r.startContainer)) {
    state.selection = null;
  } else {
    return;
  }
  showAddTools();
});

function showAddTools() {
  const s = state.selection;
  $('add-tools').hidden = !s || !state.doc;
  if (s) $('add-what').textContent = `Add “${clip(state.text.slice(s.start, s.end).trim(), 40)}” as:`;
}

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
  afterEdit();
  setStatus(`${plural(state.edits.count, 'correction')}; every export includes them (marked "source": "edited" in the JSON). `
    + 'Undo: Ctrl+Z.');
  if (result && typeof result === 'object') {
    const layer = ['entities', 'numbers', 'quotes'].find((l) => currentDoc()[l].includes(result));
    if (layer) pin([{ layer, item: result }]);
  }
}

function afterEdit() {
  render();
  repaint();
  if (state.pinned) refreshPinned();
  document.body.dataset.edits = String(state.edits.count);
}

function undoRedo(which) {
  if (!state.edits || !state.edits[which]()) return;
  afterEdit();
  setStatus(`${which === 'undo' ? 'Undone' : 'Redone'}: ${plural(state.edits.count, 'correction')} now.`);
}

function updateUndo() {
  $('undo').disabled = !state.edits?.canUndo;
  $('redo').disabled = !state.edits?.canRedo;
  $('edits-count').textContent = state.edits?.changed ? plural(state.edits.count, 'correction') : '';
}

$('undo').addEventListener('click', () => undoRedo('undo'));
$('redo').addEventListener('click', () => undoRedo('redo'));
document.addEventListener('keydown', (ev) => {
  if (!(ev.ctrlKey || ev.metaKey) || ev.altKey) return;
  if (ev.target.closest?.('textarea, input, select')) return; // their own undo
  const k = ev.key.toLowerCase();
  if (k === 'z' && !ev.shiftKey) undoRedo('undo');
  else if (k === 'y' || (k === 'z' && ev.shiftKey)) undoRedo('redo');
  else return;
  ev.preventDefault();
});

function button(text, onClick, cls = '', label = null) {
  const b = el('button', { type: 'button', class: cls, text });
  if (label) b.setAttribute('aria-label', label);
  b.addEventListener('click', onClick);
  return b;
}

// The article's names a quote's speaker can be: people and organisations, in reading order.
function speakerChoices() {
  const doc = currentDoc();
  const seen = new Map();
  for (const e of doc.entities) {
    if ((e.label === 'PERSON' || e.label === 'ORG') && !seen.has(e.cluster)) seen.set(e.cluster, e.canonical);
  }
  return [...seen];
}

function editTools(layer, item) {
  const box = el('div', { class: 'edit-tools', role: 'group', 'aria-label': 'Corrections' });
  const name = clip(item.text, 40);
  if (layer === 'entities') {
    const n = currentDoc().entities.filter((e) => e.cluster === item.cluster).length;
    const all = el('input', { type: 'checkbox', className: 'all-mentions' });
    const sel = el('select', { 'aria-label': `Label of “${name}”`, class: 'relabel' });
    for (const l of LABELS) {
      const o = el('option', { value: l, text: LABEL_NAMES[l] });
      if (l === item.label) o.selected = true;
      sel.append(o);
    }
    sel.addEventListener('change', () => edit((c) => (all.checked ? c.relabelAll(item, sel.value) : c.relabel(item, sel.value))));
    box.append(sel, button('Delete', () => edit((c) => (all.checked ? c.removeAll(item) : c.remove(layer, item))), 'delete', `Delete “${name}”`));
    if (n > 1) box.append(el('label', { class: 'all-label' }, all, ` all ${n} mentions`));
  }
  if (layer === 'quotes') {
    const sel = el('select', { 'aria-label': 'Speaker of this quote', class: 'speaker-choice' });
    sel.append(el('option', { value: '', text: item.speaker ? `Speaker: ${clip(item.speaker.name ?? item.speaker.text, 30)}` : 'Choose the speaker…' }));
    for (const [cluster, canonical] of speakerChoices()) {
      if (cluster !== item.speaker?.cluster) sel.append(el('option', { value: cluster, text: clip(canonical, 40) }));
    }
    sel.addEventListener('change', () => { if (sel.value) edit((c) => c.setSpeakerName(item, sel.value)); });
    box.append(sel);
    box.append(button('Speaker = selected words', () => edit((c) => {
      if (!state.selection) throw new Error('select the speaker\'s words in the article first');
      return c.setSpeaker(item, state.selection);
    }), 'set-speaker'));
    if (item.speaker) box.append(button('Remove speaker', () => edit((c) => c.setSpeaker(item, null)), 'remove-speaker'));
  }
  if (layer !== 'entities') box.append(button('Delete', () => edit((c) => c.remove(layer, item)), 'delete', `Delete this ${LAYER_NAMES[layer].toLowerCase()}`));
  return box;
}

function addTools() {
  const box = $('add-tools');
  box.append(el('span', { id: 'add-what', class: 'muted' }));
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
