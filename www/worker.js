// The newsmark Worker: loads the wasm core once and answers requests from newsmark.js.
// Protocol (structured-clone messages):
//   worker -> page  {type: "ready"} | {type: "init-error", message}
//   page -> worker  {id, op: "annotate" | "toWebAnnotation" | "toDisplacy" | "toCsv", args: [...]}
//   worker -> page  {id, type: "progress", done, total} | {id, type: "result", value} | {id, type: "error", message}
// The wasm core returns JSON text; it is passed on unchanged so that the bytes equal the CLI's.
import init, { Annotator, toWebAnnotation, toDisplacy, toCsv } from './pkg/newsmark.js';

let annotator = null;
let calls = 0;

const ops = {
  annotate(text) {
    calls += 1;
    return annotator.annotate(text);
  },
  toWebAnnotation(docJson, text, source) {
    return toWebAnnotation(docJson, text, source ?? undefined);
  },
  toDisplacy(docJson, text) {
    return toDisplacy(docJson, text);
  },
  toCsv(docJson, layer) {
    return toCsv(docJson, layer);
  },
  stats() {
    return { calls };
  },
};

function message(e) {
  return e instanceof Error ? e.message : String(e);
}

const ready = (async () => {
  try {
    await init({ module_or_path: new URL('./pkg/newsmark_bg.wasm', import.meta.url) });
    annotator = new Annotator();
    self.postMessage({ type: 'ready' });
  } catch (e) {
    self.postMessage({ type: 'init-error', message: message(e) });
    throw e;
  }
})();

self.onmessage = async (ev) => {
  const { id, op, args } = ev.data ?? {};
  try {
    await ready;
    const fn = Object.hasOwn(ops, op) ? ops[op] : null;
    if (!fn) throw new Error(`unknown operation ${String(op)}`);
    const total = op === 'annotate' ? args[0].length : 1;
    self.postMessage({ id, type: 'progress', done: 0, total });
    const value = fn(...args);
    self.postMessage({ id, type: 'progress', done: total, total });
    self.postMessage({ id, type: 'result', value });
  } catch (e) {
    self.postMessage({ id, type: 'error', message: message(e) });
  }
};
