// The newsmark Worker: loads the wasm core once and answers requests from lib/engine.js.
//   worker -> page  {type: "ready"} | {type: "init-error", message}
//   page -> worker  a request, answered as lib/ops.js describes
import init, * as wasm from './pkg/newsmark.js';
import { createOps, runRequest } from './lib/ops.js';

const ready = (async () => {
  try {
    await init({ module_or_path: new URL('./pkg/newsmark_bg.wasm', import.meta.url) });
    const ops = createOps(wasm);
    self.postMessage({ type: 'ready' });
    return ops;
  } catch (e) {
    self.postMessage({ type: 'init-error', message: e instanceof Error ? e.message : String(e) });
    throw e;
  }
})();

self.onmessage = async (ev) => {
  const reply = (m) => self.postMessage(m);
  let ops;
  try {
    ops = await ready;
  } catch (e) {
    reply({ id: ev.data?.id, type: 'error', message: e instanceof Error ? e.message : String(e) });
    return;
  }
  runRequest(ops, ev.data ?? {}, reply);
};
