// The document API: annotate a text (through the engine), and convert a newsmark/2 document (in JS,
// lib/convert.js).

import { getEngine, abortError } from './engine.js';
import { webAnnotationOf, displacyOf, csvOf } from './convert.js';

/** The three layers of a newsmark/2 document. */
export const LAYERS = Object.freeze(['entities', 'numbers', 'quotes']);
/** Entity labels. */
export const LABELS = Object.freeze(['PERSON', 'ORG', 'PLACE', 'MISC']);

/**
 * The longest text annotate() accepts, in UTF-16 code units (a JS string's length): 8 Mi, so any
 * text of up to 8 MiB of UTF-8 fits. Past it, hostile text could need more memory than a browser
 * tab grants (README, "Untrusted input"); the CLI has no limit.
 */
export const MAX_TEXT_LENGTH = 8 * 1024 * 1024;

/** The error annotate() throws for a text longer than MAX_TEXT_LENGTH (`code` NEWSMARK_TOO_LONG). */
export function tooLongError(length) {
  const nf = new Intl.NumberFormat('en');
  const e = new RangeError(`the text is ${nf.format(length)} characters long; newsmark annotates up to `
    + `${nf.format(MAX_TEXT_LENGTH)} characters (8 MB) at a time. Split it into parts and annotate each.`);
  e.code = 'NEWSMARK_TOO_LONG';
  return e;
}

// doc -> { json, text }: the core's exact JSON text and the text it annotated.
const META = new WeakMap();

/**
 * Annotate `text`. Resolves to a newsmark/2 document (a plain object). The work runs in the Worker.
 * @param {string} text
 * @param {{signal?: AbortSignal, onProgress?: (done: number, total: number) => void}} [opts]
 */
export async function annotate(text, { signal, onProgress } = {}) {
  if (typeof text !== 'string') throw new TypeError('annotate(text): text must be a string');
  if (text.length > MAX_TEXT_LENGTH) throw tooLongError(text.length);
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

/** W3C Web Annotation JSON-LD (an AnnotationCollection). */
export async function toWebAnnotation(doc, { source, text } = {}) {
  return webAnnotationOf(doc, sourceText(doc, text), source ?? undefined);
}

/** displaCy-style `{text, ents: [{start, end, label}]}` (code points). */
export async function toDisplacy(doc, { text } = {}) {
  return displacyOf(doc, sourceText(doc, text));
}

/** CSV of one layer ("quotes", "numbers" or "entities"). */
export async function toCsv(doc, layer) {
  return csvOf(doc, layer);
}
