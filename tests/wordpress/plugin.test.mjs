// The newsmark WordPress plugin in a real WordPress 6.1 (Debian's package) with a real MariaDB,
// driven in Debian's Chromium. Run by ./scripts/test-wordpress.sh, which starts the site.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertDoc } from '../js/schema.mjs';
import { request } from 'playwright-core';
import {
  WP_URL, sql, sqlValue, browser, login, openPage, typePost, editorCanvas, saveDraft, setPluginActive,
} from './helpers.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = process.env.NEWSMARK_CLI ?? join(ROOT, 'target', 'release', 'newsmark');

// An invented article (written for this test): people, an organisation, numbers, attributed quotes.
const TITLE = 'Harbour authority approves new ferry terminal';
const PARAGRAPHS = [
  'The Port of Valmora Authority approved a $48 million ferry terminal on Tuesday, ending two years of debate in the city council.',
  '"This terminal will carry 1.2 million passengers a year," said Helena Marsh, the authority\'s chief executive.',
  'Critics led by councillor David Okafor said the plan ignored the fishing fleet. "We were never asked," Okafor said.',
  'Marsh said construction would start in March 2027 and employ about 350 people.',
];
const TEXT = PARAGRAPHS.join('\n\n'); // the canvas's blocks, read as the embed reads an article

let env;
let page;
let postId;
let expected;

/** The CLI's annotation of the text the editor shows: what the panel must show. */
function cliAnnotate(text) {
  const out = execFileSync(CLI, ['annotate'], { input: text, encoding: 'utf8' });
  return JSON.parse(out);
}

async function openPanel(p) {
  await p.evaluate(() => window.wp.data.dispatch('core/edit-post').openGeneralSidebar('newsmark/newsmark-sidebar'));
  await p.waitForSelector('.newsmark-panel');
}

/** The panel's count line once it shows `want` (re-annotation is debounced while typing). */
async function panelCounts(p, want) {
  await p.waitForFunction((w) => document.querySelector('.newsmark-status')?.textContent === w, want, { timeout: 30000 })
    .catch(() => {}); // the assertion below reports what it shows instead
  return p.locator('.newsmark-status').textContent();
}

/** Highlight names with their sizes in the document of the canvas (iframe or not). */
async function canvasHighlights(p) {
  const frame = await editorCanvas(p);
  return frame.evaluate(() => Object.fromEntries([...CSS.highlights.entries()].map(([k, h]) => [k, h.size])));
}

before(async () => {
  env = await browser();
  page = await openPage(env.ctx);
  await login(page);
  expected = cliAnnotate(TEXT);
});

after(async () => {
  await env?.close();
});

test('the panel counts and lists what the core finds in the post being typed', async () => {
  await typePost(page, TITLE, PARAGRAPHS);
  await openPanel(page);
  const want = `${expected.entities.length} names · ${expected.numbers.length} numbers · ${expected.quotes.length} quotes`;
  assert.equal(await panelCounts(page, want), want);
  assert.ok(expected.entities.length >= 3 && expected.numbers.length >= 3 && expected.quotes.length >= 2, JSON.stringify(expected).slice(0, 400));
  const panel = await page.locator('.newsmark-panel').innerText();
  for (const e of expected.entities) assert.ok(panel.includes(e.canonical), `panel lists ${e.canonical}`);
  for (const n of expected.numbers) assert.ok(panel.includes(n.text), `panel lists ${n.text}`);
  // quotes by speaker: the chief executive's quote under her name
  const marsh = expected.quotes.find((q) => q.text.includes('1.2 million passengers'));
  assert.equal(marsh?.speaker?.name, 'Helena Marsh', JSON.stringify(marsh));
  assert.ok(panel.includes(marsh.speaker.name));
  assert.deepEqual(page.problems, []);
});

test('clicking an item selects it in the editor', async () => {
  const frame = await editorCanvas(page);
  for (const name of ['David Okafor', '$48 million']) {
    await page.locator('.newsmark-item', { hasText: name }).first().click();
    const sel = await frame.evaluate(() => getSelection().toString());
    assert.equal(sel, name);
  }
});

test('highlights are drawn in the canvas and toggled from the panel', async () => {
  let h = await canvasHighlights(page);
  assert.ok(h['nm-PERSON'] >= 2 && h['nm-number'] >= 3 && h['nm-quote'] >= 2, JSON.stringify(h));
  await page.getByLabel('Highlight in the editor').click();
  await page.waitForFunction(() => true);
  h = await canvasHighlights(page);
  assert.ok(!h['nm-PERSON'] && !h['nm-number'] && !h['nm-quote'], JSON.stringify(h));
  await page.getByLabel('Highlight in the editor').click();
  h = await canvasHighlights(page);
  assert.ok(h['nm-PERSON'] >= 2, JSON.stringify(h));
});

test('in Tablet preview (an iframe canvas) the highlights are drawn in the iframe', async () => {
  await page.evaluate(() => window.wp.data.dispatch('core/edit-post').__experimentalSetPreviewDeviceType('Tablet'));
  await page.waitForSelector('iframe[name="editor-canvas"]');
  const frame = page.frame({ name: 'editor-canvas' });
  assert.ok(frame, 'the canvas is an iframe');
  await frame.waitForFunction(() => (CSS.highlights.get('nm-PERSON')?.size ?? 0) >= 2, null, { timeout: 20000 });
  const sizes = await frame.evaluate(() => Object.fromEntries([...CSS.highlights.entries()].map(([k, v]) => [k, v.size])));
  assert.ok(sizes['nm-quote'] >= 2, JSON.stringify(sizes));
  await page.locator('.newsmark-item', { hasText: 'Helena Marsh' }).first().click();
  assert.equal(await frame.evaluate(() => getSelection().toString()), 'Helena Marsh');
  await page.evaluate(() => window.wp.data.dispatch('core/edit-post').__experimentalSetPreviewDeviceType('Desktop'));
});

test('saving stores the same content as without the plugin, and annotations that validate', async () => {
  postId = await saveDraft(page);
  const withPlugin = sqlValue(`SELECT post_content FROM wp_posts WHERE ID=${postId}`);
  assert.ok(withPlugin.includes('Helena Marsh'));

  // the annotations: stored as post meta, exposed through the REST API, valid newsmark documents
  const stored = JSON.parse(sqlValue(`SELECT meta_value FROM wp_postmeta WHERE post_id=${postId} AND meta_key='_newsmark'`));
  assertDoc(stored, TEXT, 'stored annotations'); // the JSON Schema, and every span slices TEXT
  assert.deepEqual(stored, expected);
  const rest = await page.evaluate((id) => window.wp.apiFetch({ path: `/wp/v2/posts/${id}?context=edit` }), postId);
  assert.deepEqual(rest.newsmark, stored);

  // the same typing with the plugin deactivated
  await setPluginActive(page, false);
  await typePost(page, TITLE, PARAGRAPHS);
  const plainId = await saveDraft(page);
  const without = sqlValue(`SELECT post_content FROM wp_posts WHERE ID=${plainId}`);
  await setPluginActive(page, true);
  assert.equal(withPlugin, without);
  assert.equal(sql(`SELECT COUNT(*) FROM wp_postmeta WHERE post_id=${plainId} AND meta_key='_newsmark'`)[0][0], '0');
});

test('the REST field refuses invalid, oversized and unauthorised annotations', async () => {
  await page.goto(`${WP_URL}/wp-admin/post.php?post=${postId}&action=edit`);
  await page.waitForFunction(() => window.wp?.apiFetch && window.wp.data?.select('core/editor')?.getCurrentPostId());
  const put = (body) => page.evaluate(async ([id, b]) => {
    try {
      await window.wp.apiFetch({ path: `/wp/v2/posts/${id}`, method: 'POST', data: { newsmark: b } });
      return 200;
    } catch (e) { return e.data?.status ?? e.code; }
  }, [postId, body]);
  const good = JSON.parse(sqlValue(`SELECT meta_value FROM wp_postmeta WHERE post_id=${postId} AND meta_key='_newsmark'`));
  assert.equal(await put({ ...good, schema: 'other/1' }), 400);
  assert.equal(await put({ ...good, extra: 1 }), 400);
  assert.equal(await put({ ...good, entities: [{ ...good.entities[0], end: good.length.utf16 + 5 }] }), 400);
  assert.equal(await put({ ...good, generator: 'x'.repeat(3 * 1024 * 1024) }), 400);
  // the stored value is unchanged by refused requests
  const after = JSON.parse(sqlValue(`SELECT meta_value FROM wp_postmeta WHERE post_id=${postId} AND meta_key='_newsmark'`));
  assert.deepEqual(after, good);
  // a markup-looking value is stored as data and comes back as the same string
  const tricky = { ...good, generator: '<script>alert(1)</script> "\\u0000' };
  assert.equal(await put(tricky), 200);
  const back = await page.evaluate((id) => window.wp.apiFetch({ path: `/wp/v2/posts/${id}?context=edit` }), postId);
  assert.equal(back.newsmark.generator, tricky.generator);
  assert.equal(await put(good), 200);

  // a contributor (logged in, with a valid REST nonce) may not annotate the administrator's post
  const api = await request.newContext({ baseURL: WP_URL });
  try {
    await api.post('/wp-login.php', { form: { log: 'contributor', pwd: 'contributor-test-only', testcookie: '1' }, headers: { Cookie: 'wordpress_test_cookie=WP%20Cookie%20check' } });
    const nonce = (await (await api.get('/wp-admin/admin-ajax.php?action=rest-nonce')).text()).trim();
    assert.match(nonce, /^[0-9a-f]{10}$/, 'the contributor is logged in');
    const r = await api.post(`/?rest_route=/wp/v2/posts/${postId}`, { headers: { 'X-WP-Nonce': nonce }, data: { newsmark: good } });
    assert.equal(r.status(), 403);
  } finally {
    await api.dispose();
  }
});

test('settings save with a nonce and the administrator capability only', async () => {
  // without the form's nonce, options.php refuses
  const res = await page.request.post(`${WP_URL}/wp-admin/options.php`, {
    form: { option_page: 'newsmark', action: 'update', 'newsmark_settings[frontend]': '1' },
  });
  assert.notEqual(res.status(), 302);
  assert.equal(sqlValue("SELECT COUNT(*) FROM wp_options WHERE option_name='newsmark_settings' AND option_value LIKE '%\"frontend\";b:1%'"), '0');
  // through the settings page
  await page.goto(`${WP_URL}/wp-admin/options-general.php?page=newsmark`);
  await page.check('input[name="newsmark_settings[frontend]"]');
  await Promise.all([page.waitForURL(/settings-updated=true/), page.click('#submit')]);
  assert.ok(sqlValue("SELECT option_value FROM wp_options WHERE option_name='newsmark_settings'").includes('"frontend";b:1'));
});

test('readers see highlights on the published post, and its DOM is unchanged', async () => {
  await page.goto(`${WP_URL}/wp-admin/post.php?post=${postId}&action=edit`);
  await page.waitForFunction(() => window.wp?.data?.select('core/editor')?.getCurrentPostId());
  await page.evaluate(() => window.wp.data.dispatch('core/editor').editPost({ status: 'publish' }));
  await page.evaluate(() => window.wp.data.dispatch('core/editor').savePost());
  await page.waitForFunction(() => window.wp.data.select('core/editor').getCurrentPostAttribute('status') === 'publish');
  const link = await page.evaluate(() => window.wp.data.select('core/editor').getPermalink());

  const reader = await openPage(env.ctx);
  const before = env.requests.length;
  // the article's markup as the server sent it, captured before any script ran
  await reader.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__articleHtml = document.querySelector('.entry-content')?.innerHTML;
    });
  });
  await reader.goto(link);
  await reader.waitForFunction(() => (CSS.highlights.get('nm-PERSON')?.size ?? 0) >= 2, null, { timeout: 20000 });
  const sizes = await reader.evaluate(() => Object.fromEntries([...CSS.highlights.entries()].map(([k, v]) => [k, v.size])));
  assert.ok(sizes['nm-quote'] >= 2 && sizes['nm-number'] >= 3, JSON.stringify(sizes));
  const same = await reader.evaluate(() => document.querySelector('.entry-content').innerHTML === window.__articleHtml);
  assert.ok(same, 'the article DOM is unchanged by the highlights');
  assert.deepEqual(reader.problems, []);
  const origin = new URL(WP_URL).origin;
  const foreign = env.requests.slice(before).filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  await reader.close();
});

test('no request leaves the site, and the PHP log has nothing from the plugin', () => {
  const origin = new URL(WP_URL).origin;
  const foreign = env.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:') && !u.startsWith('about:'));
  assert.deepEqual(foreign, []);
  let log = '';
  try { log = readFileSync(process.env.WP_PHP_LOG, 'utf8'); } catch { /* no log: nothing was logged */ }
  const ours = log.split('\n').filter((l) => l.includes('/plugins/newsmark/'));
  assert.deepEqual(ours, []);
});

test('the zip holds only the plugin, the library, the Worker and the wasm', () => {
  const list = execFileSync('python3', ['-c', 'import sys,zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', process.env.WP_ZIP], { encoding: 'utf8' })
    .split('\n').filter((n) => n && !n.endsWith('/'));
  const allowed = /^newsmark\/(newsmark\.php|uninstall\.php|readme\.txt|LICENSE|includes\/[a-z-]+\.php|assets\/[a-z-]+\.(js|css)|library\/([a-z-]+\/)*[a-z_-]+\.(js|wasm))$/;
  assert.deepEqual(list.filter((n) => !allowed.test(n)), []);
  for (const must of ['newsmark/newsmark.php', 'newsmark/readme.txt', 'newsmark/uninstall.php', 'newsmark/library/newsmark.js', 'newsmark/library/worker.js', 'newsmark/library/pkg/newsmark_bg.wasm']) {
    assert.ok(list.includes(must), must);
  }
});

test('deleting the plugin removes its settings and every stored annotation (uninstall.php)', async () => {
  assert.ok(Number(sqlValue("SELECT COUNT(*) FROM wp_postmeta WHERE meta_key='_newsmark'")) >= 1);
  assert.equal(sqlValue("SELECT COUNT(*) FROM wp_options WHERE option_name='newsmark_settings'"), '1');
  await setPluginActive(page, false);
  page.once('dialog', (d) => d.accept()); // "Are you sure you want to delete newsmark?"
  await page.locator('tr[data-plugin="newsmark/newsmark.php"] .delete a').click();
  await page.waitForSelector('tr.plugin-deleted-tr[data-plugin="newsmark/newsmark.php"]', { timeout: 30000 }); // "newsmark was successfully deleted."
  assert.equal(sqlValue("SELECT COUNT(*) FROM wp_postmeta WHERE meta_key='_newsmark'"), '0');
  assert.equal(sqlValue("SELECT COUNT(*) FROM wp_options WHERE option_name='newsmark_settings'"), '0');
});
