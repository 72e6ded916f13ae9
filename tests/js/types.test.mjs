// www/newsmark.d.ts: it compiles under strict TypeScript, a typical use of the API type-checks, and
// real documents (the wire JSON of the seed and sample articles) are exactly of type NewsmarkDoc:
// no field missing, none extra (excess-property checks on the literal).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { initSync, Annotator } from '../../www/pkg/newsmark.js';
import { SEED_URL } from './helpers.mjs';

initSync({ module: readFileSync(new URL('../../www/pkg/newsmark_bg.wasm', import.meta.url)) });

const OPTIONS = {
  strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  exactOptionalPropertyTypes: true, skipLibCheck: false, types: [],
};

function check(files) {
  const program = ts.createProgram(files, OPTIONS);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName.split('/').slice(-2).join('/')}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

test('newsmark.d.ts compiles and the documents the core produces are exactly NewsmarkDoc', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsmark-types-'));
  try {
    const api = fileURLToPath(new URL('../../www/newsmark.js', import.meta.url));
    const texts = [readFileSync(new URL('../../www/sample-article.txt', import.meta.url), 'utf8'),
      'Jens Stoltenberg said: "Stop their offensive." Some 3.6 million people, $48.2 million, 12%, 5 km, on 27 February 2020.'];
    try { texts.push(readFileSync(SEED_URL, 'utf8')); } catch { /* ../shared absent */ }
    const a = new Annotator();
    const docs = texts.map((t) => a.annotate(t));
    const src = `import type { NewsmarkDoc } from ${JSON.stringify(api)};\n`
      + docs.map((j, i) => `export const d${i}: NewsmarkDoc = ${j};\n`).join('')
      + '// an edited item carries source: "edited"\n'
      + `export const edited: NewsmarkDoc['entities'][number] = { id: 'e0', start: 0, end: 1, cp: [0, 1], text: 'x', label: 'ORG', score: 1, cluster: 'c0', canonical: 'x', source: 'edited' };\n`;
    const docsFile = join(dir, 'docs.ts');
    writeFileSync(docsFile, src);
    const usage = fileURLToPath(new URL('./types/usage.ts', import.meta.url));
    assert.deepEqual(check([usage, docsFile]), []);
    // and the check has teeth: a missing field and an extra one are errors
    const bad = join(dir, 'bad.ts');
    const d = JSON.parse(docs[1]);
    delete d.length;
    d.extra = 1;
    writeFileSync(bad, `import type { NewsmarkDoc } from ${JSON.stringify(api)};\nexport const x: NewsmarkDoc = ${JSON.stringify(d)};\n`);
    assert.ok(check([bad]).length > 0, 'a wrong document does not type-check');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('newsmark.d.ts declares exactly the values newsmark.js exports', async () => {
  const dts = fileURLToPath(new URL('../../www/newsmark.d.ts', import.meta.url));
  const program = ts.createProgram([dts], OPTIONS);
  const checker = program.getTypeChecker();
  const sym = checker.getSymbolAtLocation(program.getSourceFile(dts));
  const declared = checker.getExportsOfModule(sym)
    .filter((s) => s.flags & (ts.SymbolFlags.Value))
    .map((s) => s.name).sort();
  const actual = Object.keys(await import('../../www/newsmark.js')).sort();
  assert.deepEqual(declared, actual);
});
