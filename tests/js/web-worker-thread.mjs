// Runs a module Web Worker script (www/worker.js) in a Node worker thread: `self`, postMessage and
// onmessage over the thread's port, and fetch() of file: URLs (wasm-bindgen loads the wasm with
// fetch). Used by web-worker-node.mjs; not a test file itself.
import { parentPort, workerData } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';

globalThis.self = globalThis;
self.postMessage = (m) => parentPort.postMessage(m);
parentPort.on('message', (data) => self.onmessage?.({ data }));
const netFetch = globalThis.fetch;
globalThis.fetch = async (url, opts) => {
  const u = new URL(url);
  if (u.protocol !== 'file:') return netFetch(url, opts);
  return new Response(await readFile(u), { headers: { 'content-type': 'application/wasm' } });
};
await import(workerData.url);
