// The other export formats of a newsmark/2 document: W3C Web Annotation, displaCy and CSV. They
// read the document object itself, so corrections made in the page (`source: "edited"`) carry over.
//
// Why in JS and not in the wasm: reading a document back in Rust (serde's Deserialize and
// serde_json's parser) with these converters cost 41.8 KB gzip of the download (bench/size.md),
// while here JSON.parse is free. The CLI's `--format w3c|displacy|csv` builds the same formats
// natively (src/export.rs); tests/js/convert.test.mjs holds the two equal, field for field and
// CSV byte for byte, on generated texts and on every data file.

/** Code points of context on each side of a W3C TextQuoteSelector. */
const CONTEXT_CP = 32;

/** A number as the Rust converters print it: integers without a fraction (`3600000`), other
 *  values in their shortest form and never with an exponent (`0.0000001`, not `1e-7`). */
export function formatNumber(v) {
  if (Number.isInteger(v) && Math.abs(v) < 2 ** 53) return String(v);
  const s = String(v);
  // JS writes 1e21 and up, and below 1e-6, with an exponent: move the point instead
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, rest = '', exp] = m;
  const digits = lead + rest;
  const point = 1 + Number(exp); // where the decimal point goes in `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The three item lists of `doc`, or a TypeError naming what is missing. */
function itemsOf(doc) {
  if (doc === null || typeof doc !== 'object') throw new TypeError('not a newsmark document: not an object');
  for (const layer of ['entities', 'numbers', 'quotes']) {
    if (!Array.isArray(doc[layer])) throw new TypeError(`not a newsmark document: no "${layer}" list`);
  }
  return doc;
}

/** `s` with each lone surrogate replaced by U+FFFD, as the core reads it (the wasm receives text as
 *  UTF-8). String.prototype.toWellFormed is newer than the browser floor (Chrome 111, Safari 16.4). */
export function wellFormed(s) {
  if (s.toWellFormed) return s.toWellFormed();
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** A field the document leaves out or sets to null. */
const absent = (v) => v === null || v === undefined;
const text = (v) => (absent(v) ? '' : String(v));

/**
 * W3C Web Annotation (JSON-LD): an AnnotationCollection with one Annotation per item, each
 * targeting the text with a TextQuoteSelector (exact + 32 code points of prefix and suffix) and a
 * TextPositionSelector (code points), so anchors survive later edits of the article.
 */
export function webAnnotationOf(doc, articleText, source = 'urn:newsmark:text') {
  const { entities, numbers, quotes } = itemsOf(doc);
  const chars = Array.from(wellFormed(articleText)); // code points, as the selectors count
  const target = (s) => {
    const a = Math.min(s.cp[0], chars.length);
    const b = Math.max(a, Math.min(s.cp[1], chars.length));
    return {
      source,
      selector: [
        { type: 'TextQuoteSelector', exact: s.text, prefix: chars.slice(Math.max(0, a - CONTEXT_CP), a).join(''), suffix: chars.slice(b, b + CONTEXT_CP).join('') },
        { type: 'TextPositionSelector', start: s.cp[0], end: s.cp[1] },
      ],
    };
  };
  const tag = (purpose, value) => ({ type: 'TextualBody', purpose, value });
  // an editor's correction is said in a body of its own, so the annotation stays one object
  const annotation = (item, body) => {
    if (!absent(item.source)) body.push(tag('editing', item.source));
    return { id: `${source}#${item.id}`, type: 'Annotation', motivation: 'tagging', body, target: target(item) };
  };
  const items = [
    ...entities.map((e) => annotation(e, [tag('tagging', e.label), tag('identifying', e.canonical)])),
    ...numbers.map((n) => annotation(n, [
      tag('tagging', n.kind),
      ...(absent(n.value) ? [] : [tag('describing', formatNumber(n.value))]),
      ...(absent(n.iso) ? [] : [tag('describing', n.iso)]),
    ])),
    ...quotes.map((q) => annotation(q, [
      tag('tagging', 'QUOTE'),
      ...(q.speaker ? [tag('identifying', q.speaker.name ?? q.speaker.text)] : []),
    ])),
  ];
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${source}#newsmark`,
    type: 'AnnotationCollection',
    label: 'newsmark annotations',
    generator: doc.generator,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** displaCy's manual format, `{text, ents: [{start, end, label}], title: null}`, offsets in code
 *  points (Python `str` indices), for spaCy users. */
export function displacyOf(doc, articleText) {
  const ents = itemsOf(doc).entities.map((e) => ({ start: e.cp[0], end: e.cp[1], label: e.label }));
  return { text: wellFormed(articleText), ents, title: null };
}

/** The CSV columns of each layer, and how an item fills them. */
const CSV = {
  quotes: {
    header: ['id', 'start', 'end', 'speaker', 'speaker_name', 'quote', 'cue', 'group', 'source'],
    row: (q) => [q.id, q.start, q.end, q.speaker?.text, q.speaker?.name, q.text, q.cue?.text, q.group, q.source],
  },
  numbers: {
    header: ['id', 'start', 'end', 'text', 'kind', 'value', 'to', 'modifier', 'unit', 'currency', 'iso', 'source'],
    row: (n) => [n.id, n.start, n.end, n.text, n.kind, number(n.value), number(n.to), n.modifier, n.unit, n.currency, n.iso, n.source],
  },
  entities: {
    header: ['id', 'start', 'end', 'text', 'label', 'score', 'cluster', 'canonical', 'source'],
    row: (e) => [e.id, e.start, e.end, e.text, e.label, number(e.score), e.cluster, e.canonical, e.source],
  },
};

const number = (v) => (absent(v) ? '' : formatNumber(v));

/** One CSV field, quoted. A leading = + - @ (or tab, CR) would run as a formula in a spreadsheet:
 *  an apostrophe, which spreadsheets hide, neutralises it; a leading apostrophe of the text itself
 *  gets one too, so the escape is reversible ("'Tis" -> "''Tis"). */
function field(v) {
  const s = text(v);
  return `"${/^[=+\-@\t\r']/.test(s) ? "'" : ''}${s.replaceAll('"', '""')}"`;
}

/** CSV (RFC 4180, CRLF line ends, every field quoted) of one layer, for spreadsheets. */
export function csvOf(doc, layer) {
  if (!Object.prototype.hasOwnProperty.call(CSV, layer)) throw new TypeError(`toCsv: unknown layer ${String(layer)}`);
  const { header, row } = CSV[layer];
  const lines = [header, ...itemsOf(doc)[layer].map(row)].map((fields) => `${fields.map(field).join(',')}\r\n`);
  return lines.join('');
}
