// The Web Worker API over Node worker threads, so that lib/engine.js can run its real Worker engine
// (the real worker.js and wasm, in a real thread) under `node --test`. It counts the Workers alive
// at every moment: created and not yet terminated. Not a test file itself.
import { Worker as ThreadWorker } from 'node:worker_threads';

export const live = { now: 0, max: 0, created: 0 };

const THREAD = new URL('./web-worker-thread.mjs', import.meta.url);

export class NodeWebWorker {
  #thread;
  #ended = false;
  onmessage = null;
  onerror = null;

  constructor(url) {
    this.#thread = new ThreadWorker(THREAD, { workerData: { url: String(url) } });
    live.created += 1;
    live.now += 1;
    live.max = Math.max(live.max, live.now);
    this.#thread.on('message', (data) => this.onmessage?.({ data }));
    this.#thread.on('error', (e) => this.onerror?.({ message: e.message, preventDefault() {} }));
    this.#thread.on('exit', () => this.#end());
  }

  postMessage(m) {
    if (!this.#ended) this.#thread.postMessage(m);
  }

  terminate() {
    this.#end();
    this.#thread.terminate();
  }

  #end() {
    if (this.#ended) return;
    this.#ended = true;
    live.now -= 1;
  }
}
