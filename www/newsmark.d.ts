// Types of the newsmark JS API (www/newsmark.js) and of the `newsmark/2` wire format.
// The wire types match schema/newsmark-2.schema.json: every field is always present, unknown
// values are null. Offsets `start`/`end` are UTF-16 code units (half-open), so
// `text.slice(start, end) === item.text` (`.toWellFormed()` where the text held lone surrogates);
// `cp` is the same span in code points.

/** A half-open span of the annotated text. */
export interface NewsmarkSpan {
  /** UTF-16 code units, inclusive. */
  start: number;
  /** UTF-16 code units, exclusive. */
  end: number;
  /** The same span in code points: [start, end). */
  cp: [number, number];
  /** The exact covered text. */
  text: string;
}

/** Present only on items an editor changed or added in the page before exporting. */
export type NewsmarkSource = 'edited';

export type EntityLabel = 'PERSON' | 'ORG' | 'PLACE' | 'MISC';

export interface NewsmarkEntity extends NewsmarkSpan {
  /** `e0`, `e1`, … in order of `start`. */
  id: string;
  label: EntityLabel;
  /** The model's confidence in [0, 1]. */
  score: number;
  /** Mentions of one entity share a cluster id (`c0`, …). */
  cluster: string;
  /** The most complete name of the entity in the document. */
  canonical: string;
  source?: NewsmarkSource;
}

export type NumberKind =
  | 'cardinal' | 'ordinal' | 'percent' | 'money' | 'quantity' | 'date' | 'time'
  /** newsmark/2: a length of time ("three months") and an age ("60 years old"). */
  | 'duration' | 'age';
/** The unit of a duration or an age. */
export type TimeUnit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second';
export type NumberModifier =
  | 'about' | 'at_least' | 'at_most' | 'more_than' | 'less_than' | 'up_to' | 'nearly' | 'over' | 'under';

export interface NewsmarkNumber extends NewsmarkSpan {
  /** `n0`, `n1`, … in order of `start`. */
  id: string;
  kind: NumberKind;
  /** The number in its own unit or currency (a duration's or age's count as written); the lower bound of a range; null for dates, times, vague amounts. */
  value: number | null;
  /** The upper bound of a range, or null. */
  to: number | null;
  /** The hedge inside the span ("some", "at least", …), or null. */
  modifier: NumberModifier | null;
  /** A normalised unit symbol (`km`, `kg`, `°C`, …); for a duration or an age a {@link TimeUnit}; or null. */
  unit: TimeUnit | string | null;
  /** ISO 4217 code, or null. */
  currency: string | null;
  /** ISO 8601 for dates and times as far as the text pins them down, a duration's ISO 8601 duration (`P3M`, `PT2H`), or null. */
  iso: string | null;
  source?: NewsmarkSource;
}

export interface NewsmarkSpeaker extends NewsmarkSpan {
  /** The person or organisation the speaker words refer to (most complete name), or null. */
  name: string | null;
  /** That entity's cluster, or null. */
  cluster: string | null;
}

export type NewsmarkCue = NewsmarkSpan;

export interface NewsmarkQuote extends NewsmarkSpan {
  /** `q0`, `q1`, … in order of `start`. */
  id: string;
  /** Quotes continuing over several paragraphs share a group id (`g0`, …); otherwise null. */
  group: string | null;
  /** The words naming the speaker as written, or null when the text names none. */
  speaker: NewsmarkSpeaker | null;
  /** The reporting word or phrase ("said", "according to"), or null. */
  cue: NewsmarkCue | null;
  source?: NewsmarkSource;
}

/** A `newsmark/2` document. */
export interface NewsmarkDoc {
  schema: 'newsmark/2';
  /** Name, version and model date of what produced the document. */
  generator: string;
  offset_unit: 'utf16';
  length: { utf16: number; cp: number };
  /** SHA-256 (hex) of the UTF-8 text annotated. */
  text_sha256: string;
  entities: NewsmarkEntity[];
  numbers: NewsmarkNumber[];
  quotes: NewsmarkQuote[];
  /** Only in the CLI's JSON Lines output: the input line's id. */
  id?: string | number | null;
}

export type Layer = 'entities' | 'numbers' | 'quotes';

export declare const LAYERS: readonly Layer[];
export declare const LABELS: readonly EntityLabel[];

/** Highlight names registered in `CSS.highlights` (style them with `::highlight(name)`), lowest priority first. */
export type HighlightName =
  | 'nm-quote' | 'nm-speaker' | 'nm-cue' | 'nm-number'
  | 'nm-PERSON' | 'nm-ORG' | 'nm-PLACE' | 'nm-MISC' | 'nm-mark' | 'nm-focus';
export declare const HIGHLIGHTS: readonly HighlightName[];

export interface AnnotateOptions {
  /** Aborting ends the Worker's current call (a fresh Worker serves later calls). */
  signal?: AbortSignal;
  /** Called with (0, total) when the work starts and (total, total) when it ends; total = text.length. */
  onProgress?: (done: number, total: number) => void;
}

/** Annotate `text` (in the Worker). */
export declare function annotate(text: string, opts?: AnnotateOptions): Promise<NewsmarkDoc>;

/** The core's exact JSON text for a document from annotate()/highlight() (byte-identical to the CLI's, without its final newline); JSON.stringify otherwise. */
export declare function serialize(doc: NewsmarkDoc): string;
/** The text a document was annotated from, if known. */
export declare function textOf(doc: NewsmarkDoc): string | undefined;
/** Remember `text` as the source of `doc` (for documents built or edited in JS); returns `doc`. */
export declare function attachText<T extends NewsmarkDoc>(doc: T, text: string): T;

/** W3C Web Annotation JSON-LD: an AnnotationCollection (TextQuoteSelector + TextPositionSelector). */
export declare function toWebAnnotation(doc: NewsmarkDoc, opts?: { source?: string; text?: string }): Promise<WebAnnotationCollection>;
/** displaCy-style `{text, ents: [{start, end, label}]}` with code-point offsets. */
export declare function toDisplacy(doc: NewsmarkDoc, opts?: { text?: string }): Promise<DisplacyDoc>;
/** CSV (RFC 4180, CRLF) of one layer. */
export declare function toCsv(doc: NewsmarkDoc, layer: Layer): Promise<string>;

export interface WebAnnotationCollection {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'AnnotationCollection';
  label: string;
  generator: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: number; items: WebAnnotation[] };
}
export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: string;
  body: { type: 'TextualBody'; purpose: string; value: string }[];
  target: {
    source: string;
    selector: (
      | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
      | { type: 'TextPositionSelector'; start: number; end: number }
    )[];
  };
}
export interface DisplacyDoc {
  text: string;
  ents: { start: number; end: number; label: EntityLabel }[];
  title: null;
}

export interface HighlightOptions extends AnnotateOptions {
  /** Layers to draw (default: all three). */
  layers?: Layer[];
  /** Re-annotate when the element's text changes (MutationObserver, debounced). */
  observe?: boolean;
  /** Debounce for `observe`, in ms (default 400). */
  debounce?: number;
  /** Force the overlay (default: only where CSS.highlights is missing). */
  overlay?: boolean;
  /** Read every text node verbatim, with no separators between blocks (for a view that holds a text exactly). */
  exact?: boolean;
  /**
   * Skip asides, navigation, `aria-hidden="true"` and the usual ad, promo and related-link boxes
   * (default true; see EMBED.md for the list). `data-newsmark-skip` is always honoured.
   */
  skipAsides?: boolean;
  /** Adopt newsmark's default highlight styles (default true). Colours come from --nm-* custom properties. */
  styles?: boolean;
}

export interface HighlightedItem {
  layer: Layer;
  item: NewsmarkEntity | NewsmarkNumber | NewsmarkQuote;
  range: Range;
}

export interface HighlightHandle {
  /** The current document (updated when `observe` re-annotates). */
  readonly doc: NewsmarkDoc;
  /** The text annotated, as read from the DOM. */
  readonly text: string;
  /** Every item with the Range it is drawn on. */
  readonly items: HighlightedItem[];
  /** True when highlights are drawn as an overlay. */
  readonly overlay: boolean;
  /** A Range over the DOM for a UTF-16 span of `text`. */
  rangeFor(start: number, end: number): Range | null;
  /** Show only these layers. */
  setLayers(layers: Layer[]): void;
  /** Draw extra ranges under a name (e.g. "nm-mark", "nm-focus"); [] removes them. */
  paint(name: HighlightName, ranges: Range[]): void;
  /** Redraw overlay boxes after a layout change. */
  redraw(): void;
  /** Remove every highlight and stop observing. */
  clear(): void;
}

/**
 * Annotate the text of `root` (read from the live DOM: script, style and hidden elements skipped)
 * and highlight it without adding, removing or changing any node of `root`. Fires
 * `newsmark:annotated` on `root` with `{doc, json, text}`.
 */
export declare function highlight(root: Element, opts?: HighlightOptions): Promise<HighlightHandle>;

/** The text of `root` as highlight() reads it, and the mapping back onto its text nodes. */
export declare function readText(root: Element, opts?: { exact?: boolean; skipAsides?: boolean }): { text: string; segments: { node: Text; start: number; end: number }[] };
/** A Range for the UTF-16 span [start, end) of readText()'s text, or null. */
export declare function rangeFor(segments: { node: Text; start: number; end: number }[], start: number, end: number, doc?: Document): Range | null;
export declare function highlightName(layer: Layer, item: NewsmarkEntity | NewsmarkNumber | NewsmarkQuote): HighlightName;
/** True when the CSS Custom Highlight API is available. */
export declare function hasHighlightApi(): boolean;

/**
 * The longest text annotate() accepts, in UTF-16 code units (8 Mi: any text of up to 8 MiB of UTF-8).
 * Longer texts are rejected with a RangeError whose `code` is "NEWSMARK_TOO_LONG".
 */
export declare const MAX_TEXT_LENGTH: number;

/** Start the Worker and the wasm now. */
export declare function ready(): Promise<EngineStats>;
export interface EngineStats {
  /** Where the wasm runs: "worker", "main-thread", or null before it started. */
  mode: 'worker' | 'main-thread' | null;
  /** annotate() calls run on the main thread (0 while the Worker works). */
  mainThreadCalls: number;
  /** annotate() calls sent to the Worker. */
  workerCalls: number;
  /** Workers started (the first, and one after each abort of a running call, crash or replacement). */
  workersStarted: number;
  /** Workers replaced after a call whose wasm memory had grown past 256 MB or whose wasm trapped (out of memory). */
  workersReplaced: number;
  /** Workers that stopped by themselves (e.g. out of memory) and were restarted. */
  workersCrashed: number;
}
export declare function engineStats(): EngineStats;
/** `{worker: false}` forces the main-thread engine (for hosts where module Workers are not allowed). */
export declare function configure(opts: { worker?: boolean }): void;

export interface NewsmarkAnnotatedEvent extends CustomEvent<{ doc: NewsmarkDoc; json: string; text: string }> {
  type: 'newsmark:annotated';
}
declare global {
  interface ElementEventMap {
    'newsmark:annotated': NewsmarkAnnotatedEvent;
  }
}
