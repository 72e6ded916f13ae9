// The page under a 1 MB paste, in headless Chromium: time from "Annotate" to highlights drawn, and
// the longest main-thread task (the Worker does the annotating; the main thread only renders).
//   node bench/page.mjs        (after ./scripts/build-wasm.sh)   -> bench/page.md
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import assert from 'node:assert/strict';
import { setup, openPage, pageReady, instrumentMainThread, largeText, annotateLarge } from '../tests/js/helpers.mjs';

const env = await setup();
const runs = [];
try {
  const text = largeText();
  for (let i = 0; i < 3; i++) {
    const page = await openPage(env, 'index.html', { init: instrumentMainThread });
    await pageReady(page);
    const { ms, r } = await annotateLarge(page, text);
    assert.equal(r.engine, 'worker');
    assert.equal(r.mainThreadCalls, 0, 'the main thread never calls the wasm');
    assert.equal(r.length, text.length, 'the whole text is shown');
    runs.push({ ms, longest: Math.round(r.longest), status: r.status });
    await page.close();
  }
  const best = (k) => Math.min(...runs.map((r) => r[k]));
  const md = `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0].model.trim()}, headless Debian Chromium, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}.\n`
    + `A ${text.length.toLocaleString('en')}-character paste (the seed article repeated), 3 runs:\n\n`
    + '| run | Annotate → highlights drawn | longest main-thread task |\n|---|---|---|\n'
    + runs.map((r, i) => `| ${i + 1} | ${r.ms} ms | ${r.longest} ms |\n`).join('')
    + `\nBest: ${best('ms')} ms end to end; longest main-thread task ${best('longest')} ms. Last status: "${runs.at(-1).status}"\n`;
  writeFileSync(new URL('page.md', import.meta.url), md);
  console.log(md);
} finally {
  await env.close();
}
