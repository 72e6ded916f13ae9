// The engine that runs the wasm core: a Worker (worker.js) when one can start, the main thread
// otherwise (a CSP without worker-src, Node). Both answer requests through lib/ops.js.
//
// The Worker and the wasm (pkg/) are loaded relative to this module's URL (www/lib/), so they must
// be served from the page's own origin.

import { createOps, runRequest } from './ops.js';

const WORKER_URL = new URL('../worker.js', import.meta.url);
const PKG_URL = new URL('../pkg/newsmark.js', import.meta.url);
const WASM_URL = new URL('../pkg/newsmark_bg.wasm', import.meta.url);

const settings = { worker: true };
const stats = { mode: null, mainThreadCalls: 0, workerCalls: 0 };

/** Options for tests and special hosts: `{worker: false}` forces the main-thread engine. */
export function configure({ worker } = {}) {
  if (worker !== undefined) settings.worker = Boolean(worker);
  if (engine) {
    engine.then((e) => e.dispose?.(), () => {});
    engine = null;
  }
}

/** Which engine runs the wasm ("worker" or "main-thread") and how many calls each made. */
export function engineStats() {
  return { ...stats };
}

export function abortError(signal) {
  return signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

class WorkerEngine {
  #worker = null;
  #pending = new Map(); // id -> request
  #next = 1;

  start() {
    return new Promise((resolve, reject) => {
      let w;
      try {
        w = new Worker(WORKER_URL, { type: 'module', name: 'newsmark' });
      } catch (e) {
        reject(e);
        return;
      }
      const fail = (msg) => {
        w.terminate();
        reject(new Error(msg));
      };
      w.onmessage = (ev) => {
        const m = ev.data;
        if (m?.type === 'ready') {
          w.onmessage = (e) => this.#receive(e.data);
          w.onerror = (e) => {
            e.preventDefault();
            this.#crashed(e.message || 'the newsmark worker stopped');
          };
          this.#worker = w;
          resolve(this);
        } else if (m?.type === 'init-error') {
          fail(`the newsmark worker could not load the wasm: ${m.message}`);
        }
      };
      w.onerror = (ev) => {
        ev.preventDefault();
        fail(ev.message || 'the newsmark worker could not start');
      };
    });
  }

  call(op, args, { signal, onProgress } = {}) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError(signal));
        return;
      }
      const id = this.#next++;
      const req = { id, op, args, resolve, reject, onProgress, signal, onAbort: null };
      if (signal) {
        req.onAbort = () => this.#abort(id);
        signal.addEventListener('abort', req.onAbort, { once: true });
      }
      this.#pending.set(id, req);
      if (op === 'annotate') stats.workerCalls += 1;
      // while a fresh Worker starts (after an abort), requests wait and are sent once it is ready
      this.#worker?.postMessage({ id, op, args });
    });
  }

  #settle(req) {
    this.#pending.delete(req.id);
    if (req.onAbort) req.signal.removeEventListener('abort', req.onAbort);
  }

  #receive(m) {
    const req = this.#pending.get(m?.id);
    if (req) deliver(req, m, () => this.#settle(req));
  }

  // The wasm call cannot be interrupted inside the Worker, so an abort ends that Worker and starts
  // a fresh one for the other requests that were waiting.
  async #abort(id) {
    const req = this.#pending.get(id);
    if (!req) return;
    this.#settle(req);
    req.reject(abortError(req.signal));
    await this.#restart();
  }

  async #restart() {
    this.#worker?.terminate();
    this.#worker = null;
    try {
      await this.start();
      // everything still waiting: requests the old Worker had not answered, and new ones
      for (const r of this.#pending.values()) this.#worker.postMessage({ id: r.id, op: r.op, args: r.args });
    } catch (e) {
      for (const r of [...this.#pending.values()]) {
        this.#settle(r);
        r.reject(e);
      }
    }
  }

  #crashed(msg) {
    for (const r of [...this.#pending.values()]) {
      this.#settle(r);
      r.reject(new Error(msg));
    }
    this.#restart();
  }

  dispose() {
    this.#worker?.terminate();
    this.#worker = null;
  }
}

/**
 * The one place a reply (from the Worker or from the main-thread engine) reaches its caller:
 * progress goes to the callback, a result or an error settles the request.
 */
function deliver(req, m, settle) {
  if (m.type === 'progress') {
    try {
      req.onProgress?.(m.done, m.total);
    } catch {
      /* a failing callback must not break annotation */
    }
  } else if (m.type === 'result') {
    settle();
    req.resolve(m.value);
  } else if (m.type === 'error') {
    settle();
    req.reject(new Error(m.message));
  }
}

class MainThreadEngine {
  #ops = null;

  async start() {
    const wasm = await import(PKG_URL.href);
    if (WASM_URL.protocol === 'file:' && typeof process !== 'undefined' && process.versions?.node) {
      // Node (e.g. the npm package used from a script): fetch() cannot read file: URLs
      const { readFile } = await import('node:fs/promises');
      wasm.initSync({ module: await readFile(WASM_URL) });
    } else {
      await wasm.default({ module_or_path: WASM_URL });
    }
    this.#ops = createOps(wasm);
    return this;
  }

  async call(op, args, { signal, onProgress } = {}) {
    // let the page paint (e.g. a progress indicator) before the one long call
    await new Promise((r) => setTimeout(r, 0));
    if (signal?.aborted) throw abortError(signal);
    if (op === 'annotate') stats.mainThreadCalls += 1;
    return new Promise((resolve, reject) => {
      const req = { resolve, reject, onProgress };
      runRequest(this.#ops, { op, args }, (m) => deliver(req, m, () => {}));
    });
  }
}

let engine = null;

/** The engine, started on first use: the Worker if it can start, else the main thread. */
export function getEngine() {
  if (!engine) {
    engine = (async () => {
      if (settings.worker && typeof Worker !== 'undefined') {
        try {
          const e = await new WorkerEngine().start();
          stats.mode = 'worker';
          return e;
        } catch {
          // fall through to the main thread (e.g. a CSP without worker-src, or no module workers)
        }
      }
      const e = await new MainThreadEngine().start();
      stats.mode = 'main-thread';
      return e;
    })();
    engine.catch(() => {
      engine = null;
    });
  }
  return engine;
}

/** Start loading the Worker and the wasm now (otherwise the first call does it). */
export async function ready() {
  await getEngine();
  return engineStats();
}
