// The newsmark Worker: loads the wasm core once and answers requests from lib/engine.js.
//   worker -> page  {type: "ready"} | {type: "init-error", message}
//   page -> worker  a request, answered as lib/ops.js describes; a result or an error also carries
//                   `memory`, the wasm memory's size in bytes (it never shrinks: lib/engine.js
//                   replaces a Worker whose memory grew far, so that the memory is returned)
import init, * as wasm from './pkg/newsmark.js';
import { createOps, runRequest } from './lib/ops.js';

let memory = null; // the wasm instance's WebAssembly.Memory

const ready = (async () => {
  try {
    ({ memory } = await init({ module_or_path: new URL('./pkg/newsmark_bg.wasm', import.meta.url) }));
    const ops = createOps(wasm);
    self.postMessage({ type: 'ready' });
    warmUp(ops);
    return ops;
  } catch (e) {
    self.postMessage({ type: 'init-error', message: e instanceof Error ? e.message : String(e) });
    throw e;
  }
})();

// V8 runs wasm first from a quick baseline compile and optimises a function only once it has run
// a while, in the background; the optimised code serves the function's next calls. The heavy loops
// sit in functions called once per text, so a first paste of 1 MB ran all the way in baseline code:
// 872 ms in Node against 250 ms once warm. Annotating a short invented article a few times after
// start gets the hot functions optimised by the time a reader pastes. One annotation per task, so
// that a request that arrives meanwhile (the page's first article) waits for one of them at most.
// It leaves no state behind: each annotation starts from scratch.
const WARM_UP_TEXT = 'Lakeview council backs $48 million bridge plan\n\nHARTWELL \u2014 The Lakeview Regional '
  + 'Council voted 7-2 on Thursday to replace the Orrin Street bridge, a project its engineers expect to '
  + 'cost about $48.5 million and to take three years. "We have patched this bridge for 20 years," said '
  + 'Dana Okafor, the council\'s head of transport. "It is time." Work would start in March 2027, she '
  + 'said, and about 300 people would be employed at its peak. Okafor said the county\'s share would be '
  + '12%, or roughly $5.8m. Critics at the Hartwell Business Forum called the plan "too slow", and Mayor '
  + 'Peter Lindqvist told the Lakeview Gazette on 4 June that a second crossing was needed by 2030.';
const WARM_UP_CALLS = 20;

function warmUp(ops, left = WARM_UP_CALLS) {
  if (left <= 0) return;
  setTimeout(() => {
    try {
      ops.annotate(WARM_UP_TEXT);
    } catch {
      return; // a failure here shows again, and is reported, on the first real request
    }
    warmUp(ops, left - 1);
  }, 0);
}

self.onmessage = async (ev) => {
  const reply = (m) => self.postMessage(m.type === 'progress' ? m : { ...m, memory: memory?.buffer.byteLength });
  let ops;
  try {
    ops = await ready;
  } catch (e) {
    reply({ id: ev.data?.id, type: 'error', message: e instanceof Error ? e.message : String(e) });
    return;
  }
  runRequest(ops, ev.data ?? {}, reply);
};
