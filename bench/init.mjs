// Cold start of one tool, in a fresh Node process: what a page pays before its first answer.
//   node bench/init.mjs newsmark|compromise|wink-nlp SEED_FILE
// Prints {"init_ms", "first_ms"} as JSON: init = load the code (and the wasm: read, compile,
// instantiate) and build the annotator; first = the first call on the seed article, answer included.
// bench/peers.mjs runs it several times per tool and reports the medians.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const [tool, seedPath] = process.argv.slice(2);
const seed = readFileSync(seedPath, 'utf8');
const t0 = performance.now();
let run;
if (tool === 'newsmark') {
  const { initSync, Annotator } = await import('../www/pkg/newsmark.js');
  initSync({ module: readFileSync(new URL('../www/pkg/newsmark_bg.wasm', import.meta.url)) });
  const annotator = new Annotator();
  run = (t) => annotator.annotate(t).length;
} else if (tool === 'compromise') {
  const nlp = (await import('compromise')).default;
  run = (t) => nlp(t).people().out('array').length;
} else if (tool === 'wink-nlp') {
  const winkNLP = (await import('wink-nlp')).default;
  const model = (await import('wink-eng-lite-web-model')).default;
  const wink = winkNLP(model);
  run = (t) => wink.readDoc(t).entities().out(wink.its.detail).length;
} else {
  throw new Error(`unknown tool ${tool}`);
}
const t1 = performance.now();
if (!(run(seed) > 0)) throw new Error(`${tool} found nothing in the seed article`);
const t2 = performance.now();
console.log(JSON.stringify({ init_ms: +(t1 - t0).toFixed(2), first_ms: +(t2 - t1).toFixed(2) }));
