// The npm package: `npm pack` gives a tarball with the wasm, the JS API and the TypeScript types;
// it is installed into a scratch project and used from Node and from a page in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, setup } from './helpers.mjs';
import { start } from '../../scripts/static-server.mjs';
import { assertDoc } from './schema.mjs';

let dir;
let tarball;
let files;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsmark-pack-'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const info = JSON.parse(out)[0];
  tarball = join(dir, info.filename);
  files = info.files.map((f) => f.path);
  const app = join(dir, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: app, stdio: 'ignore' });
});

after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

test('the tarball holds the JS API, the Worker, the wasm, the types and the schema, and nothing else of the repo', () => {
  for (const f of ['package.json', 'www/newsmark.js', 'www/worker.js', 'www/newsmark.d.ts', 'www/pkg/newsmark.js',
    'www/pkg/newsmark_bg.wasm', 'www/pkg/newsmark.d.ts', 'schema/newsmark-2.schema.json', 'schema/newsmark-1.schema.json']) {
    assert.ok(files.includes(f), `${f} in the package`);
  }
  assert.ok(!files.some((f) => f.startsWith('tests/') || f.startsWith('src/') || f.endsWith('index.html')), `only the library: ${files}`);
});

test('installed into a scratch project: annotate() and the raw wasm API work from Node', () => {
  const app = join(dir, 'app');
  const text = 'NATO Secretary General Jens Stoltenberg said: "Stop their offensive." Some 3.6 million people live there.';
  writeFileSync(join(app, 'use.mjs'), `
    import { annotate, serialize, toCsv, toDisplacy, engineStats } from 'newsmark';
    import { initSync, Annotator } from 'newsmark/wasm';
    import { readFileSync } from 'node:fs';
    import { createRequire } from 'node:module';
    const text = ${JSON.stringify(text)};
    const doc = await annotate(text);
    const csv = await toCsv(doc, 'quotes');
    const dc = await toDisplacy(doc);
    const wasmUrl = import.meta.resolve('newsmark/newsmark_bg.wasm');
    initSync({ module: readFileSync(new URL(wasmUrl)) });
    const raw = new Annotator().annotate(text);
    const schema = JSON.parse(readFileSync(new URL(import.meta.resolve('newsmark/schema.json')), 'utf8'));
    console.log(JSON.stringify({ json: serialize(doc), raw, csv, dc, mode: engineStats().mode, schemaId: schema.$id }));
  `);
  const out = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: app, encoding: 'utf8' }));
  assert.equal(out.mode, 'main-thread', 'no Worker in Node: the main-thread engine');
  assert.equal(out.json, out.raw, 'annotate() gives the core\'s exact JSON');
  assertDoc(JSON.parse(out.json), text, 'package annotate()');
  assert.ok(out.csv.startsWith('"id"'));
  assert.equal(out.dc.text, text);
  assert.match(out.schemaId, /newsmark-2/);
  assert.ok(existsSync(join(app, 'node_modules/newsmark/www/newsmark.d.ts')));
  const pkg = JSON.parse(readFileSync(join(app, 'node_modules/newsmark/package.json'), 'utf8'));
  assert.equal(pkg.types, './www/newsmark.d.ts');
});

test('installed into a scratch project: a page imports it and highlights an article in Chromium', async () => {
  const app = join(dir, 'app');
  writeFileSync(join(app, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'">
<link rel="icon" href="favicon.svg"><title>scratch</title>
<script type="module" src="main.js"></script></head>
<body><article id="a"><p>"We will not give up," said <em>Anna Berg</em>, the mayor of Oslo, on Monday.</p></article></body></html>`);
  writeFileSync(join(app, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
  writeFileSync(join(app, 'main.js'), `
    import { highlight, engineStats } from './node_modules/newsmark/www/newsmark.js';
    const a = document.getElementById('a');
    const before = a.innerHTML;
    const h = await highlight(a);
    document.body.dataset.result = JSON.stringify({ same: before === a.innerHTML, mode: engineStats().mode, text: h.text, n: h.items.length });
  `);
  const server = await start(app, 0);
  const env = await setup();
  try {
    const page = await env.ctx.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(server.url);
    await page.waitForSelector('body[data-result]');
    const r = JSON.parse(await page.getAttribute('body', 'data-result'));
    assert.equal(r.mode, 'worker');
    assert.equal(r.same, true);
    assert.equal(r.text, '"We will not give up," said Anna Berg, the mayor of Oslo, on Monday.');
    assert.deepEqual(problems, []);
  } finally {
    await env.close();
    await server.close();
  }
});
