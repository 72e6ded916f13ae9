/* newsmark's panel in the block editor (WordPress ≥ 6.1).
 *
 * What the annotations refer to: the post's text as the editor canvas shows it — the text of the
 * canvas's block list (`.is-root-container`), read by the library's readText() exactly as the embed
 * reads a published article (blocks separated by a blank line). The title is not part of it.
 * `text_sha256` in the document identifies that text, so a stored annotation whose hash differs from
 * the current text's is stale.
 *
 * The library (library/newsmark.js, from this plugin's URL) annotates in its Worker and re-annotates
 * as the author types (its MutationObserver, debounced). Highlights are drawn with the CSS Custom
 * Highlight API in the canvas's own document, which is an iframe in Tablet/Mobile preview (and in
 * every mode in recent WordPress): the panel watches for the canvas being replaced and follows it.
 * Nothing here writes to the post's blocks or content.
 */
(function (wp, config) {
  'use strict';
  if (!wp || !wp.plugins || !config) return;
  var el = wp.element.createElement;
  var Fragment = wp.element.Fragment;
  var useState = wp.element.useState;
  var useEffect = wp.element.useEffect;
  var __ = wp.i18n.__;
  var sprintf = wp.i18n.sprintf;
  var C = wp.components;
  var editPostApi = wp.editPost || {};
  var PluginSidebar = (wp.editor && wp.editor.PluginSidebar) || editPostApi.PluginSidebar;
  var PluginSidebarMoreMenuItem = (wp.editor && wp.editor.PluginSidebarMoreMenuItem) || editPostApi.PluginSidebarMoreMenuItem;
  if (!PluginSidebar) return;

  var LABEL_NAMES = { PERSON: __('People', 'newsmark'), ORG: __('Organisations', 'newsmark'), PLACE: __('Places', 'newsmark'), MISC: __('Other names', 'newsmark') };
  var LAYERS = config.layers && config.layers.length ? config.layers : ['entities', 'numbers', 'quotes'];

  // ------------------------------------------------------------------------------------------
  // State shared by the panel and the canvas watcher (outside React: the canvas outlives renders)

  // `show`: highlights are drawn once the panel has been opened (then the toggle decides), while
  // annotation itself starts with the editor, so that saving can store the annotations.
  var state = { status: 'idle', error: null, doc: null, handle: null, handleValue: null, root: null, show: false, opened: false, lib: null };
  var listeners = new Set();
  function emit() { listeners.forEach(function (f) { f(); }); }
  function set(patch) { Object.assign(state, patch); emit(); }

  var libPromise = null;
  function library() {
    if (!libPromise) libPromise = import(config.library).then(function (lib) { state.lib = lib; return lib; });
    return libPromise;
  }

  /** The element holding the post's blocks, in whichever document the canvas is now. */
  function canvasRoot() {
    var frame = document.querySelector('iframe[name="editor-canvas"]');
    var doc = frame && frame.contentDocument;
    var inFrame = doc && doc.querySelector('.is-root-container');
    if (inFrame) return inFrame;
    return document.querySelector('.edit-post-visual-editor .is-root-container, .editor-styles-wrapper .is-root-container');
  }

  function onAnnotated(ev) {
    set({ doc: ev.detail.doc, status: 'ready', error: null });
    maybeStore(ev.detail.doc);
  }

  /** Starts (or restarts) the library on the current canvas when it appears or is replaced. */
  function follow() {
    var root = canvasRoot();
    if (!root || root === state.root) return;
    if (state.handle) { state.handle.then(function (h) { h.clear(); }, function () {}); }
    if (state.root) state.root.removeEventListener('newsmark:annotated', onAnnotated);
    root.addEventListener('newsmark:annotated', onAnnotated);
    set({ root: root, status: 'annotating' });
    var handle = library().then(function (lib) {
      return lib.highlight(root, { layers: state.show ? LAYERS : [], observe: true, debounce: 600 });
    });
    handle.then(function (h) { if (state.handle === handle) state.handleValue = h; },
      function (e) { set({ status: 'error', error: String((e && e.message) || e) }); });
    state.handle = handle;
    state.handleValue = null;
  }

  var watching = false;
  function watch() {
    if (watching) return;
    watching = true;
    follow();
    // The canvas is replaced when the preview device or the editing mode changes: follow it.
    setInterval(function () { if (!state.root || !state.root.isConnected || canvasRoot() !== state.root) follow(); }, 700);
  }

  function setShow(show) {
    set({ show: show });
    if (state.handle) state.handle.then(function (h) { h.setLayers(show ? LAYERS : []); });
  }

  // ------------------------------------------------------------------------------------------
  // Storing the annotations with the post (REST field "newsmark", validated by the server)

  function maybeStore(doc) {
    if (!config.store) return;
    var editor = wp.data.select('core/editor');
    var stored = editor.getEditedPostAttribute('newsmark');
    if (stored && stored.text_sha256 === doc.text_sha256 && stored.generator === doc.generator) return;
    if (!stored && !doc.entities.length && !doc.numbers.length && !doc.quotes.length) return;
    wp.data.dispatch('core/editor').editPost({ newsmark: doc });
  }

  // ------------------------------------------------------------------------------------------
  // Selecting an item in the canvas

  function rangeOf(item) {
    var h = state.handleValue;
    if (!h) return null;
    var found = h.items.find(function (x) { return x.item.id === item.id; });
    return found ? found.range : h.rangeFor(item.start, item.end);
  }

  function select(item) {
    var range = rangeOf(item);
    if (!range) return;
    var node = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
    var editable = node && node.closest('[contenteditable="true"]');
    var win = node.ownerDocument.defaultView;
    if (editable) editable.focus({ preventScroll: true });
    var sel = win.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    node.scrollIntoView({ block: 'center' });
  }

  // ------------------------------------------------------------------------------------------
  // Exports

  function fileBase() {
    var title = wp.data.select('core/editor').getEditedPostAttribute('title') || 'post';
    var base = String(title).normalize('NFKC').replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 60);
    return base || 'post';
  }

  function download(name, type, body) {
    var url = URL.createObjectURL(new Blob([body], { type: type }));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function exportAs(format) {
    var lib = state.lib;
    var doc = state.doc;
    var h = state.handleValue;
    if (!lib || !doc || !h) return Promise.resolve();
    var base = fileBase();
    if (format === 'json') {
      download(base + '.newsmark.json', 'application/json', lib.serialize(doc) + '\n');
      return Promise.resolve();
    }
    if (format === 'w3c') {
      var link = wp.data.select('core/editor').getPermalink ? wp.data.select('core/editor').getPermalink() : null;
      return lib.toWebAnnotation(doc, { text: h.text, source: link || undefined }).then(function (w) {
        download(base + '.w3c.jsonld', 'application/ld+json', JSON.stringify(w, null, 2) + '\n');
      });
    }
    return lib.toCsv(doc, format).then(function (csv) {
      download(base + '.' + format + '.csv', 'text/csv', csv);
    });
  }

  // ------------------------------------------------------------------------------------------
  // The panel

  function groupEntities(doc) {
    var byLabel = {};
    doc.entities.forEach(function (e) {
      var label = byLabel[e.label] || (byLabel[e.label] = new Map());
      var c = label.get(e.cluster) || { name: e.canonical || e.text, mentions: [] };
      c.mentions.push(e);
      label.set(e.cluster, c);
    });
    return byLabel;
  }

  function itemButton(key, text, item, extra) {
    return el(C.Button, {
      key: key, variant: 'tertiary', className: 'newsmark-item',
      onClick: function () { select(item); },
    }, el('span', { className: 'newsmark-item-text' }, text), extra ? el('span', { className: 'newsmark-item-extra' }, extra) : null);
  }

  function EntitiesPanel(props) {
    var byLabel = groupEntities(props.doc);
    return el(Fragment, null, ['PERSON', 'ORG', 'PLACE', 'MISC'].map(function (label) {
      var clusters = byLabel[label];
      if (!clusters) return null;
      var list = Array.from(clusters.values()).sort(function (a, b) { return b.mentions.length - a.mentions.length || a.mentions[0].start - b.mentions[0].start; });
      return el(C.PanelBody, { key: label, title: LABEL_NAMES[label] + ' (' + list.length + ')', initialOpen: true, className: 'newsmark-' + label },
        list.map(function (c, i) {
          return el('div', { key: i, className: 'newsmark-cluster' },
            itemButton('m', c.name, c.mentions[0], c.mentions.length > 1 ? '×' + c.mentions.length : null));
        }));
    }));
  }

  function QuotesPanel(props) {
    var bySpeaker = new Map();
    props.doc.quotes.forEach(function (q) {
      var who = (q.speaker && (q.speaker.name || q.speaker.text)) || __('(no speaker)', 'newsmark');
      if (!bySpeaker.has(who)) bySpeaker.set(who, []);
      bySpeaker.get(who).push(q);
    });
    return el(C.PanelBody, { title: sprintf(__('Quotes by speaker (%d)', 'newsmark'), props.doc.quotes.length), initialOpen: true },
      Array.from(bySpeaker.entries()).map(function (entry, i) {
        return el('div', { key: i, className: 'newsmark-speaker' },
          el('div', { className: 'newsmark-speaker-name' }, entry[0]),
          entry[1].map(function (q) {
            var t = q.text.length > 90 ? q.text.slice(0, 88) + '…' : q.text;
            return itemButton(q.id, t, q);
          }));
      }));
  }

  function numberValue(n) {
    if (n.value === null || n.value === undefined) return n.iso || '';
    var v = String(n.value);
    if (n.to !== null && n.to !== undefined) v += '–' + n.to;
    if (n.currency) v = n.currency + ' ' + v;
    if (n.unit) v += ' ' + n.unit;
    if (n.kind === 'percent') v += ' %';
    return v;
  }

  function NumbersPanel(props) {
    return el(C.PanelBody, { title: sprintf(__('Numbers (%d)', 'newsmark'), props.doc.numbers.length), initialOpen: true },
      props.doc.numbers.map(function (n) { return itemButton(n.id, n.text, n, numberValue(n)); }));
  }

  function Panel() {
    var tick = useState(0);
    useEffect(function () {
      var f = function () { tick[1](function (x) { return x + 1; }); };
      listeners.add(f);
      if (!state.opened) { state.opened = true; setShow(true); }
      return function () { listeners.delete(f); };
    }, []);
    var doc = state.doc;
    var stored = wp.data.select('core/editor').getEditedPostAttribute('newsmark');
    var counts = doc ? sprintf(__('%1$d names · %2$d numbers · %3$d quotes', 'newsmark'),
      doc.entities.length, doc.numbers.length, doc.quotes.length) : '';
    return el('div', { className: 'newsmark-panel' },
      el(C.PanelBody, { title: __('Summary', 'newsmark'), initialOpen: true },
        el('p', { className: 'newsmark-status', 'aria-live': 'polite' },
          state.status === 'error' ? sprintf(__('newsmark could not annotate: %s', 'newsmark'), state.error)
            : state.status === 'annotating' && !doc ? __('Annotating…', 'newsmark') : counts),
        el(C.ToggleControl, { label: __('Highlight in the editor', 'newsmark'), checked: state.show, onChange: setShow }),
        config.store ? el('p', { className: 'newsmark-stored' },
          stored && doc && stored.text_sha256 === doc.text_sha256 ? __('Stored with the post when it is saved.', 'newsmark')
            : __('Annotations of the current text are stored when the post is saved.', 'newsmark')) : null,
        doc ? el('div', { className: 'newsmark-exports' },
          el('span', null, __('Download:', 'newsmark') + ' '),
          ['json', 'w3c', 'entities', 'numbers', 'quotes'].map(function (f) {
            var label = { json: 'JSON', w3c: 'W3C', entities: 'CSV names', numbers: 'CSV numbers', quotes: 'CSV quotes' }[f];
            return el(C.Button, { key: f, variant: 'secondary', className: 'newsmark-export-' + f, onClick: function () { exportAs(f); } }, label);
          })) : null),
      doc && LAYERS.indexOf('entities') >= 0 ? el(EntitiesPanel, { doc: doc }) : null,
      doc && LAYERS.indexOf('quotes') >= 0 ? el(QuotesPanel, { doc: doc }) : null,
      doc && LAYERS.indexOf('numbers') >= 0 ? el(NumbersPanel, { doc: doc }) : null);
  }

  /** Rendered with the editor whether or not the panel is open: starts annotating. */
  function Watcher() {
    useEffect(watch, []);
    return null;
  }

  var icon = el('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: '0 0 24 24', width: 24, height: 24, 'aria-hidden': true },
    el('path', { d: 'M4 5h16v2H4zm0 6h10v2H4zm0 6h16v2H4z' }), el('circle', { cx: 19, cy: 12, r: 2.5 }));

  wp.plugins.registerPlugin('newsmark', {
    icon: icon,
    render: function () {
      return el(Fragment, null, el(Watcher),
        PluginSidebarMoreMenuItem ? el(PluginSidebarMoreMenuItem, { target: 'newsmark-sidebar', icon: icon }, 'newsmark') : null,
        el(PluginSidebar, { name: 'newsmark-sidebar', title: 'newsmark', icon: icon }, el(Panel)));
    },
  });
})(window.wp, window.newsmarkConfig);
