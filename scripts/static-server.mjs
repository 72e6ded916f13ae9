#!/usr/bin/env node
// A small static file server for www/ (the page, the JS API, the Worker and the wasm).
// Explicit MIME map: .wasm must be application/wasm for WebAssembly.instantiateStreaming.
// Every response carries the security headers of SECURITY_HEADERS (www/EMBED.md, "Headers to send",
// tells CMS operators to send the same): the CSP as a header, not only as the pages' <meta> tag, so
// that it also covers the Worker script and forbids framing, which a <meta> CSP cannot.
//   import { start } from './static-server.mjs'; const { url, close } = await start(root, 0);
//   node scripts/static-server.mjs [port] [root]      (root defaults to www/, port to 8173)
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The Content-Security-Policy of every response. The Worker runs under the policy its script was
 * served with, so worker.js is covered too. `frame-ancestors` and `form-action` are honoured only in
 * a header; `'wasm-unsafe-eval'` lets the wasm compile without allowing eval().
 */
export const CSP = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'none'",
  "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every file. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  // for browsers without frame-ancestors
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Serve `root` on 127.0.0.1:`port` (0 = any free port). Resolves to { url, port, close() }. */
export function start(root, port = 0, { headers = {} } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
        return;
      }
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      const st = await stat(file).catch(() => null);
      if (!st || !st.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('not found\n');
        return;
      }
      res.writeHead(200, {
        'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': 'no-cache',
        ...SECURITY_HEADERS,
        ...headers,
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      if (!res.headersSent) res.writeHead(400);
      res.end();
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      ok({
        url: `http://127.0.0.1:${p}/`,
        port: p,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8173);
  const root = process.argv[3] ?? fileURLToPath(new URL('../www/', import.meta.url));
  const { url } = await start(root, port);
  console.log(url);
}
