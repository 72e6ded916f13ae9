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
    return ops;
  } catch (e) {
    self.postMessage({ type: 'init-error', message: e instanceof Error ? e.message : String(e) });
    throw e;
  }
})();

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
