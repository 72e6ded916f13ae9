// Speed and size of newsmark against its browser peers (compromise, wink-nlp), in one run on the
// same texts: single thread, Node, one call per article, as a user of each library would call it.
// Each tool's answer on a known article is asserted first, so no tool is timed doing nothing.
//
//   node bench/peers.mjs            (after ./scripts/build-wasm.sh; needs ../shared for the texts)
//
// Writes bench/peers.json and bench/peers.md (committed; the README quotes them).
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import assert from 'node:assert/strict';
import { initSync, Annotator } from '../www/pkg/newsmark.js';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';

const root = new URL('../', import.meta.url);
const shared = new URL('../shared/', root);
if (!existsSync(new URL('data/news-text-wikinews.jsonl.gz', shared))) {
  console.log('skipped: ../shared/data/news-text-wikinews.jsonl.gz is not beside the project');
  process.exit(process.env.CI === 'true' ? 1 : 0);
}

// Texts: Wikinews articles (CC BY 2.5, read at run time, never shipped), cut into ~4 KB articles
// at paragraph breaks, as the design's speed column specifies.
const docs = gunzipSync(readFileSync(new URL('data/news-text-wikinews.jsonl.gz', shared)))
  .toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
const articles = [];
for (const text of docs) {
  let cur = '';
  for (const para of text.split('\n\n')) {
    cur = cur ? cur + '\n\n' + para : para;
    if (cur.length >= 4000) { articles.push(cur); cur = ''; }
  }
  if (cur.length >= 1000) articles.push(cur);
}
const totalChars = articles.reduce((n, a) => n + a.length, 0);
const seed = readFileSync(new URL('seed-article.txt', shared), 'utf8');

initSync({ module: readFileSync(new URL('www/pkg/newsmark_bg.wasm', root)) });
const annotator = new Annotator();
const wink = winkNLP(winkModel);
const its = wink.its;

const tools = {
  newsmark: {
    run: (t) => JSON.parse(annotator.annotate(t)),
    check(doc) {
      const has = (label, text) => doc.entities.some((e) => e.label === label && e.text === text);
      assert.ok(has('PERSON', 'Jens Stoltenberg'), 'newsmark finds Jens Stoltenberg');
      assert.ok(doc.numbers.some((n) => n.value === 3600000), 'newsmark reads 3.6 million');
      assert.ok(doc.quotes.some((q) => q.text.includes('Stop their offensive') && q.speaker), 'newsmark attributes a quote');
    },
  },
  compromise: {
    // everything compromise offers for the three layers
    run: (t) => {
      const d = nlp(t);
      return { people: d.people().out('array'), places: d.places().out('array'),
        orgs: d.organizations().out('array'), numbers: d.numbers().json(), quotes: d.quotations().out('array') };
    },
    check(out) {
      assert.ok(out.people.some((p) => p.includes('Stoltenberg')), 'compromise finds Stoltenberg');
      assert.ok(out.quotes.length > 0, 'compromise finds quotations');
    },
  },
  'wink-nlp': {
    run: (t) => {
      const d = wink.readDoc(t);
      return { entities: d.entities().out(its.detail), sentences: d.sentences().length() };
    },
    check(out) {
      assert.ok(out.entities.some((e) => e.type === 'CARDINAL' || e.type === 'DATE'), 'wink finds numbers/dates');
    },
  },
};

// Rounds interleave the tools (newsmark, compromise, wink-nlp, then again), so that a change in the
// machine's load during the run falls on all of them alike: each tool's figure is its best round,
// and the newsmark / wink-nlp ratio is the median of the ratios within a round. compromise, some 20×
// slower, runs in the first 3 rounds only.
const ROUNDS = 7;
const results = {};
const times = {};
for (const [name, tool] of Object.entries(tools)) {
  let answer = 'ok';
  try { tool.check(tool.run(seed)); } catch (e) { answer = `WRONG: ${e.message}`; }
  for (const a of articles.slice(0, 20)) tool.run(a); // warm up the JIT
  results[name] = { answer };
  times[name] = [];
}
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, tool] of Object.entries(tools)) {
    if (name === 'compromise' && round >= 3) continue;
    const t0 = performance.now();
    for (const a of articles) tool.run(a);
    times[name].push(performance.now() - t0);
  }
}
for (const name of Object.keys(tools)) {
  const ms = Math.min(...times[name]);
  Object.assign(results[name], { ms: +ms.toFixed(1), mchars_per_s: +(totalChars / ms / 1000).toFixed(3),
    rounds_mchars_per_s: times[name].map((t) => +(totalChars / t / 1000).toFixed(3)) });
  console.log(`${name}: ${results[name].mchars_per_s} M chars/s (${results[name].answer})`);
}
const ratios = times.newsmark.map((t, i) => times['wink-nlp'][i] / t).sort((x, y) => x - y);
const speedup = +ratios[Math.floor(ratios.length / 2)].toFixed(3);
console.log(`newsmark / wink-nlp, median of ${ROUNDS} rounds: ${speedup}× (range ${ratios[0].toFixed(2)}–${ratios.at(-1).toFixed(2)})`);

// Shipped size, gzip -9, of what a page loads.
const jsFiles = (dir) => readdirSync(new URL(dir, root), { recursive: true })
  .filter((f) => /\.(js|json)$/.test(f)).map((f) => dir + f);
const gz = (paths) => paths.reduce((n, p) => n + gzipSync(readFileSync(new URL(p, root)), { level: 9 }).length, 0);
const sizes = {
  newsmark: gz(['www/pkg/newsmark_bg.wasm', 'www/pkg/newsmark.js']),
  compromise: gz(['node_modules/compromise/builds/compromise.js']),
  // wink ships unminified sources: counted as they are (every .js/.json of the runtime and model)
  'wink-nlp': gz([...jsFiles('node_modules/wink-nlp/src/'), ...jsFiles('node_modules/wink-eng-lite-web-model/dist/')]),
};
for (const [k, v] of Object.entries(sizes)) results[k].gzip_bytes = v;

const pkg = (n) => JSON.parse(readFileSync(new URL(`node_modules/${n}/package.json`, root))).version;
const meta = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus().length} × ${cpus()[0].model.trim()}, Node ${process.version}`,
  texts: `${articles.length} Wikinews articles of ~4 KB (${totalChars} chars), one call each, best of ${ROUNDS} interleaved rounds (compromise: 3)`,
  versions: { compromise: pkg('compromise'), 'wink-nlp': pkg('wink-nlp'), 'wink-eng-lite-web-model': pkg('wink-eng-lite-web-model') },
};
const ratio = { median: speedup, min: +ratios[0].toFixed(3), max: +ratios.at(-1).toFixed(3) };
writeFileSync(new URL('bench/peers.json', root), JSON.stringify({ meta, results, newsmark_over_wink: ratio }, null, 2) + '\n');
let md = `Measured ${meta.date} on ${meta.machine}.\n${meta.texts}.\n\n| tool | M chars/s | answer on the seed article | size (gzip -9) |\n|---|---|---|---|\n`;
for (const [k, r] of Object.entries(results)) md += `| ${k} | ${r.mchars_per_s} | ${r.answer} | ${(r.gzip_bytes / 1000).toFixed(0)} KB |\n`;
md += `\nnewsmark / wink-nlp speed within a round: median ${ratio.median}× (range ${ratio.min}–${ratio.max} over ${ROUNDS} rounds).\n`;
writeFileSync(new URL('bench/peers.md', root), md);
console.log(md);
