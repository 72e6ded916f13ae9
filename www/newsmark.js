// newsmark — the one module users import (types: newsmark.d.ts, guide: EMBED.md).
//
//   import { annotate, highlight, toWebAnnotation, toDisplacy, toCsv, serialize } from './newsmark.js';
//   const doc = await annotate(text);                 // newsmark/2 object (see newsmark.d.ts)
//   const h = await highlight(articleElement);        // never adds, removes or changes a node
//   h.clear();
//
// The library lives in lib/, one module per concern:
//   lib/engine.js    the Worker (worker.js) or main-thread engine that runs the wasm (pkg/)
//   lib/ops.js       the operations of the wasm core and the one function that dispatches them
//   lib/document.js  annotate() and the converters of a newsmark/2 document
//   lib/convert.js   the W3C, displaCy and CSV formats, built in JS
//   lib/dom-text.js  the text of an article as a reader sees it, and Ranges back onto its nodes
//   lib/paint.js     highlights: CSS Custom Highlight API, or an overlay where it is missing
//   lib/highlight.js highlight(): annotate an element and paint it in place
//   lib/auto.js      the data-newsmark attribute
// Importing this module has one side effect: every element with a data-newsmark attribute is
// highlighted once the page has loaded (lib/auto.js). The lib/ modules have none.

import { autoHighlight } from './lib/auto.js';

export { configure, engineStats, ready } from './lib/engine.js';
export {
  LAYERS, LABELS, MAX_TEXT_LENGTH, annotate, serialize, textOf, attachText, toWebAnnotation, toDisplacy, toCsv,
} from './lib/document.js';
export { readText, rangeFor } from './lib/dom-text.js';
export { HIGHLIGHTS, hasHighlightApi, highlightName } from './lib/paint.js';
export { highlight } from './lib/highlight.js';

autoHighlight();
