// The operations the wasm core answers, and the one function that runs a request. Both engines use
// it: the Worker (worker.js) for messages from the page, and the main-thread fallback (engine.js)
// for direct calls, so an operation is defined and dispatched in exactly one place.
//
//   request  {id, op: "annotate", args: [text]}
//   replies  {id, type: "progress", done, total} … then {id, type: "result", value}
//            | {id, type: "error", message, trapped}
// `trapped` says the wasm instance stopped (a RuntimeError such as `unreachable`, which is how running
// out of memory shows): it is unusable afterwards, and the engine replaces it.
//
// The wasm core returns JSON text; it is passed on unchanged so that the bytes equal the CLI's.

/** The operations over a loaded wasm-bindgen module (`pkg/newsmark.js` after init). */
export function createOps(wasm) {
  const annotator = new wasm.Annotator();
  return {
    annotate: (text) => annotator.annotate(text),
  };
}

function message(e) {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Run one request against `ops` and report through `reply` (progress, then result or error).
 * @param {Record<string, Function>} ops
 * @param {{id?: number, op: string, args: unknown[]}} request
 * @param {(m: object) => void} reply
 */
export function runRequest(ops, { id, op, args }, reply) {
  try {
    const fn = Object.prototype.hasOwnProperty.call(ops, op) ? ops[op] : null;
    if (!fn) throw new Error(`unknown operation ${String(op)}`);
    const total = op === 'annotate' ? args[0].length : 1;
    reply({ id, type: 'progress', done: 0, total });
    const value = fn(...args);
    reply({ id, type: 'progress', done: total, total });
    reply({ id, type: 'result', value });
  } catch (e) {
    const trapped = e instanceof WebAssembly.RuntimeError;
    const text = trapped ? `the text needed more memory than this browser tab allows (${message(e)})` : message(e);
    reply({ id, type: 'error', message: text, trapped });
  }
}
