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
const stats = {
  mode: null, mainThreadCalls: 0, workerCalls: 0, workersStarted: 0, workersReplaced: 0, workersCrashed: 0,
};

/** A Worker whose wasm memory grew past this is replaced after the call, to give the memory back. */
const REPLACE_ABOVE = 256 * 1024 * 1024;

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

// The one Worker, and the queue of requests for it.
//
// Invariants (tests/js/worker-leak.test.mjs checks them over random schedules of calls and aborts):
// - at most one Worker exists at any time: #spawn() terminates the previous one before it creates
//   the next, and nothing else creates Workers;
// - at most one request is in the Worker at a time (#busy); the others wait here, so aborting a
//   waiting request only drops it, and only aborting the running one ends the Worker;
// - a Worker that crashes (e.g. out of memory) or whose wasm memory grew past REPLACE_ABOVE is
//   replaced by a fresh one before the next request, so memory is returned to the system.
class WorkerEngine {
  #worker = null; // the current Worker (starting or ready), or null
  #ready = false;
  #gen = 0; // bumped by every #spawn(): messages and events of an older Worker are ignored
  #queue = []; // requests not yet sent, in order
  #busy = null; // the request the Worker is working on
  #next = 1;

  /** Starts the first Worker; resolves once it is ready (rejects if it cannot start). */
  start() {
    return this.#spawn();
  }

  #spawn() {
    this.#worker?.terminate();
    this.#worker = null;
    this.#ready = false;
    const gen = ++this.#gen;
    return new Promise((resolve, reject) => {
      let w;
      try {
        w = new Worker(WORKER_URL, { type: 'module', name: 'newsmark' });
      } catch (e) {
        reject(e);
        return;
      }
      this.#worker = w;
      stats.workersStarted += 1;
      const failStart = (msg) => {
        if (gen !== this.#gen) return;
        w.terminate();
        this.#worker = null;
        reject(new Error(msg));
      };
      w.onmessage = (ev) => {
        if (gen !== this.#gen) return;
        const m = ev.data;
        if (m?.type === 'ready') {
          w.onmessage = (e) => {
            if (gen === this.#gen) this.#receive(e.data);
          };
          w.onerror = (e) => {
            e.preventDefault();
            if (gen === this.#gen) this.#crashed(e.message || 'the newsmark worker stopped');
          };
          this.#ready = true;
          resolve(this);
          this.#pump();
        } else if (m?.type === 'init-error') {
          failStart(`the newsmark worker could not load the wasm: ${m.message}`);
        }
      };
      w.onerror = (ev) => {
        ev.preventDefault();
        failStart(ev.message || 'the newsmark worker could not start');
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
        req.onAbort = () => this.#abort(req);
        signal.addEventListener('abort', req.onAbort, { once: true });
      }
      this.#queue.push(req);
      if (op === 'annotate') stats.workerCalls += 1;
      this.#pump();
    });
  }

  // Sends the next waiting request when the Worker is ready and idle; starts a Worker if none.
  #pump() {
    if (this.#busy || !this.#queue.length) return;
    if (!this.#worker) {
      this.#respawn();
      return;
    }
    if (!this.#ready) return; // the ready message calls #pump again
    const req = this.#queue.shift();
    this.#busy = req;
    this.#worker.postMessage({ id: req.id, op: req.op, args: req.args });
  }

  #respawn() {
    this.#spawn().catch((e) => {
      // the Worker cannot start again: every waiting request fails with the reason
      for (const r of this.#queue.splice(0)) this.#finish(r, null, e);
    });
  }

  #finish(req, value, error) {
    if (req.onAbort) req.signal.removeEventListener('abort', req.onAbort);
    if (error) req.reject(error);
    else req.resolve(value);
  }

  #receive(m) {
    const req = this.#busy;
    if (!req || m?.id !== req.id) return;
    deliver(req, m, () => {
      this.#busy = null;
      if (req.onAbort) req.signal.removeEventListener('abort', req.onAbort);
    });
    if (this.#busy) return; // progress only
    if (m.trapped || m.memory > REPLACE_ABOVE) {
      // a trapped wasm instance is unusable, and wasm memory never shrinks: a fresh Worker
      // returns it (374 MB were kept after one 20 MB call before this)
      stats.workersReplaced += 1;
      this.#worker.terminate();
      this.#worker = null;
    }
    this.#pump();
  }

  // The wasm call cannot be interrupted inside the Worker, so aborting the running request ends
  // that Worker; a waiting request is only dropped.
  #abort(req) {
    const waiting = this.#queue.indexOf(req);
    if (waiting >= 0) {
      this.#queue.splice(waiting, 1);
    } else if (this.#busy === req) {
      this.#busy = null;
      this.#worker?.terminate();
      this.#worker = null;
    } else {
      return; // already settled
    }
    this.#finish(req, null, abortError(req.signal));
    this.#pump();
  }

  // The Worker died (e.g. out of memory): the running request fails with a clear message, and the
  // next request gets a fresh Worker.
  #crashed(msg) {
    stats.workersCrashed += 1;
    this.#worker?.terminate();
    this.#worker = null;
    const req = this.#busy;
    this.#busy = null;
    if (req) {
      this.#finish(req, null, new Error(`the newsmark worker stopped (${msg}); it has been restarted, `
        + 'so you can try again, perhaps with a shorter text'));
    }
    this.#pump();
  }

  dispose() {
    this.#gen += 1;
    this.#worker?.terminate();
    this.#worker = null;
    this.#ready = false;
    const gone = new Error('the newsmark engine was reconfigured');
    for (const r of [this.#busy, ...this.#queue.splice(0)]) if (r) this.#finish(r, null, gone);
    this.#busy = null;
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

// The core is built with WebAssembly SIMD (.cargo/config.toml) and reference types, so it needs
// Chrome/Edge 96, Firefox 89, Safari 16.4 or later (README, "Browser floor"). A browser without
// SIMD is told so in words, rather than with the compiler's error. The probe is the smallest module with a
// SIMD instruction: (func (result v128) (i32x4.splat (i32.const 0))).
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // types: () -> v128
  0x03, 0x02, 0x01, 0x00, // one function of that type
  0x0a, 0x08, 0x01, 0x06, 0x00, 0x41, 0x00, 0xfd, 0x11, 0x0b, // its body: i32.const 0, i32x4.splat
]);
export const NO_SIMD = 'this browser cannot run newsmark: it needs WebAssembly SIMD, as in Chrome and Edge 96, '
  + 'Firefox 89, Safari 16.4 and later';

function hasWasmSimd() {
  try {
    return WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

/** The engine, started on first use: the Worker if it can start, else the main thread. */
export function getEngine() {
  if (!engine) {
    engine = (async () => {
      if (typeof WebAssembly === 'undefined' || !hasWasmSimd()) throw new Error(NO_SIMD);
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
