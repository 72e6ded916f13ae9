// Speed and size of newsmark against its browser peers (compromise, wink-nlp), in one run on the
// same texts: single thread, Node, one call per article, as a user of each library would call it.
// Every answer is asserted before anything is timed (each tool on a known article; newsmark's spans
// on every benchmark text), and the run exits non-zero, writing nothing, when one is wrong.
//
//   node bench/peers.mjs            (after ./scripts/build-wasm.sh; needs ../shared for the texts)
//
// Two text sets: PolNeAR dev (US political news 2015-16, held apart: never trained on, never
// compiled in, read at run time only) and the Wikinews text the entity model was trained on (kept
// so figures stay comparable with earlier runs). Cold start (init, first call) is measured in fresh
// processes by bench/init.mjs. Writes bench/peers.json and bench/peers.md (committed; the README
// quotes them).
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import assert from 'node:assert/strict';
import { initSync, Annotator } from '../www/pkg/newsmark.js';
import { shippedSizes } from '../scripts/shipped-size.mjs';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';

const root = new URL('../', import.meta.url);
const shared = new URL('../shared/', root);
const SETS = {
  'PolNeAR dev (held apart)': 'data/polnear-quotes-dev.jsonl.gz',
  'Wikinews (entity training text)': 'data/news-text-wikinews.jsonl.gz',
};
for (const file of Object.values(SETS)) {
  if (!existsSync(new URL(file, shared))) {
    console.log(`skipped: ../shared/${file} is not beside the project`);
    process.exit(process.env.CI === 'true' ? 1 : 0);
  }
}

/** Articles of ~4 KB cut at paragraph breaks, as the design's speed column specifies, in file
 *  order, up to `maxChars` in all (so each set costs compromise about as long). */
function articlesOf(file, maxChars = 1_300_000) {
  const docs = gunzipSync(readFileSync(new URL(file, shared))).toString('utf8')
    .split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
  const articles = [];
  let total = 0;
  for (const text of docs) {
    let cur = '';
    const push = (a) => { if (total < maxChars) { articles.push(a); total += a.length; } };
    for (const para of text.split('\n\n')) {
      cur = cur ? cur + '\n\n' + para : para;
      if (cur.length >= 4000) { push(cur); cur = ''; }
    }
    if (cur.length >= 1000) push(cur);
  }
  return articles;
}
const sets = Object.fromEntries(Object.entries(SETS).map(([name, file]) => {
  const articles = articlesOf(file);
  return [name, { articles, chars: articles.reduce((n, a) => n + a.length, 0) }];
}));
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

// Answers first: a wrong answer fails the run before anything is timed.
const failures = [];
for (const [name, tool] of Object.entries(tools)) {
  try { tool.check(tool.run(seed)); } catch (e) { failures.push(`${name}: ${e.message}`); }
}
for (const [setName, { articles }] of Object.entries(sets)) {
  // newsmark's every span on every benchmark text is the text it says it covers
  for (const a of articles) {
    const doc = tools.newsmark.run(a);
    const spans = [...doc.entities, ...doc.numbers, ...doc.quotes,
      ...doc.quotes.flatMap((q) => [q.speaker, q.cue].filter(Boolean))];
    const bad = spans.find((s) => a.slice(s.start, s.end) !== s.text);
    if (bad) { failures.push(`newsmark on ${setName}: span ${bad.start}-${bad.end} is not ${JSON.stringify(bad.text)}`); break; }
  }
}
if (failures.length) {
  console.error(`wrong answers, nothing timed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}

// Cold start, each in a fresh process (median of 5): init = load code and data and build the
// annotator; first = the first call, on the seed article.
const coldStart = {};
for (const name of Object.keys(tools)) {
  const runs = Array.from({ length: 5 }, () => JSON.parse(execFileSync(process.execPath,
    [fileURLToPath(new URL('bench/init.mjs', root)), name, fileURLToPath(new URL('seed-article.txt', shared))],
    { encoding: 'utf8' })));
  const med = (k) => runs.map((r) => r[k]).sort((x, y) => x - y)[2];
  coldStart[name] = { init_ms: med('init_ms'), first_ms: med('first_ms') };
}

// Rounds interleave the tools and the sets (each set: newsmark, compromise, wink-nlp), so that a
// change in the machine's load falls on all of them alike: each tool's figure is its best round,
// and a ratio between two tools is the median of their ratios within a round. compromise, some
// 20× slower, runs in the first 3 rounds only.
const ROUNDS = 7;
const COMPROMISE_ROUNDS = 3;
const times = {};
for (const a of Object.values(sets)[0].articles.slice(0, 20)) for (const t of Object.values(tools)) t.run(a); // JIT warm-up
for (const s of Object.keys(sets)) times[s] = Object.fromEntries(Object.keys(tools).map((t) => [t, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [setName, { articles }] of Object.entries(sets)) {
    for (const [name, tool] of Object.entries(tools)) {
      if (name === 'compromise' && round >= COMPROMISE_ROUNDS) continue;
      const t0 = performance.now();
      for (const a of articles) tool.run(a);
      times[setName][name].push(performance.now() - t0);
    }
  }
}

const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const results = {};
for (const [setName, { articles, chars }] of Object.entries(sets)) {
  const r = { articles: articles.length, chars, tools: {} };
  for (const name of Object.keys(tools)) {
    const ms = Math.min(...times[setName][name]);
    r.tools[name] = { mchars_per_s: +(chars / ms / 1000).toFixed(3),
      rounds_mchars_per_s: times[setName][name].map((t) => +(chars / t / 1000).toFixed(3)) };
  }
  const ratios = (peer) => times[setName][peer].map((t, i) => t / times[setName].newsmark[i]);
  for (const peer of ['wink-nlp', 'compromise']) {
    const x = ratios(peer);
    r[`newsmark_over_${peer}`] = { median: +median(x).toFixed(3), min: +Math.min(...x).toFixed(3), max: +Math.max(...x).toFixed(3), rounds: x.length };
  }
  results[setName] = r;
}

// Shipped size, gzip -9: newsmark's runtime package files (as the size budget counts them).
const jsFiles = (dir) => readdirSync(new URL(dir, root), { recursive: true })
  .filter((f) => /\.(js|json)$/.test(f)).map((f) => dir + f);
const gz = (paths) => paths.reduce((n, p) => n + gzipSync(readFileSync(new URL(p, root)), { level: 9 }).length, 0);
const sizes = {
  newsmark: shippedSizes().total,
  compromise: gz(['node_modules/compromise/builds/compromise.js']),
  // wink ships unminified sources: counted as they are (every .js/.json of the runtime and model)
  'wink-nlp': gz([...jsFiles('node_modules/wink-nlp/src/'), ...jsFiles('node_modules/wink-eng-lite-web-model/dist/')]),
};

const pkg = (n) => JSON.parse(readFileSync(new URL(`node_modules/${n}/package.json`, root))).version;
const meta = {
  date: new Date().toISOString().slice(0, 10),
  // the machine is shared: its load says how far the absolute figures are from an idle machine's
  load_average_at_end: loadavg().map((x) => +x.toFixed(1)),
  machine: `${cpus().length} × ${cpus()[0].model.trim()}, Node ${process.version}`,
  method: `one call per ~4 KB article, best of ${ROUNDS} interleaved rounds (compromise: ${COMPROMISE_ROUNDS}); ratios are medians of per-round ratios`,
  versions: { compromise: pkg('compromise'), 'wink-nlp': pkg('wink-nlp'), 'wink-eng-lite-web-model': pkg('wink-eng-lite-web-model') },
};
writeFileSync(new URL('bench/peers.json', root), JSON.stringify({ meta, sets: results, cold_start: coldStart, gzip_bytes: sizes }, null, 2) + '\n');

const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
let md = `Measured ${meta.date} on ${meta.machine}, load average ${meta.load_average_at_end.join(' ')} at the end (2 cores: absolute figures are slower than on an idle machine; ratios within a round less so).\n${meta.method[0].toUpperCase()}${meta.method.slice(1)}. Every answer was asserted first.\n`;
for (const [setName, r] of Object.entries(results)) {
  md += `\n**${setName}**: ${r.articles} articles, ${r.chars.toLocaleString('en')} chars.\n\n| tool | M chars/s (best round) | rounds |\n|---|---|---|\n`;
  for (const [k, t] of Object.entries(r.tools)) md += `| ${k} | ${t.mchars_per_s} | ${t.rounds_mchars_per_s.join(' ')} |\n`;
  for (const peer of ['wink-nlp', 'compromise']) {
    const x = r[`newsmark_over_${peer}`];
    md += `\nnewsmark / ${peer} within a round: median **${x.median}×** (range ${x.min}–${x.max} over ${x.rounds} rounds).`;
  }
  md += '\n';
}
md += '\n**Cold start** (fresh Node process, median of 5): init = load code and data, build the annotator; first call = the seed article.\n\n| tool | init | first call | size (gzip -9) |\n|---|---|---|---|\n';
for (const [k, c] of Object.entries(coldStart)) md += `| ${k} | ${c.init_ms} ms | ${c.first_ms} ms | ${kib(sizes[k])} |\n`;
writeFileSync(new URL('bench/peers.md', root), md);
console.log(md);
