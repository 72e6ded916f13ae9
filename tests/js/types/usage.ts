// Type-checked by tests/js/types.test.mjs: the JS API as a TypeScript user writes it.
import {
  annotate, highlight, serialize, toWebAnnotation, toDisplacy, toCsv, engineStats, LAYERS,
  type NewsmarkDoc, type NewsmarkEntity, type NewsmarkQuote, type HighlightHandle, type Layer,
} from '../../../www/newsmark.js';

export async function use(root: Element, signal: AbortSignal): Promise<string[]> {
  const doc: NewsmarkDoc = await annotate('text', { signal, onProgress: (done: number, total: number) => void (done / total) });
  const people: NewsmarkEntity[] = doc.entities.filter((e) => e.label === 'PERSON');
  const speakers = doc.quotes.map((q: NewsmarkQuote) => q.speaker?.name ?? q.speaker?.text ?? null);
  const values: (number | null)[] = doc.numbers.map((n) => n.value);
  const h: HighlightHandle = await highlight(root, { layers: ['entities', 'quotes'], observe: true });
  root.addEventListener('newsmark:annotated', (e) => console.log(e.detail.json.length, e.detail.doc.schema));
  h.setLayers(LAYERS.filter((l: Layer) => l !== 'numbers'));
  h.clear();
  const wa = await toWebAnnotation(doc, { source: 'https://example.org/a' });
  const dc = await toDisplacy(doc);
  const csv: string = await toCsv(doc, 'quotes');
  const mode: 'worker' | 'main-thread' | null = engineStats().mode;
  return [serialize(doc), wa.first.items[0]?.id ?? '', dc.text, csv, String(mode), String(people.length), String(speakers), String(values)];
}
