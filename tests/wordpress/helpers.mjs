// Shared helpers for the WordPress plugin tests (run by scripts/test-wordpress.sh, which starts a
// throw-away WordPress + MariaDB and passes their coordinates in the environment). Not a test file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const WP_URL = process.env.WP_URL;
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!WP_URL) throw new Error('WP_URL is not set: run these tests through ./scripts/test-wordpress.sh');

/** One SQL query against the test site's database; rows as arrays of raw strings. */
export function sql(query) {
  const out = execFileSync('mariadb', ['--no-defaults', `--socket=${process.env.WP_DB_SOCKET}`, '-uroot',
    '--batch', '--raw', '--skip-column-names', 'wp', '-e', query], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

/** A single value from the database (the first column of the first row), or null. */
export function sqlValue(query) {
  // --raw prints a value's newlines as they are: read it whole instead of by lines
  const out = execFileSync('mariadb', ['--no-defaults', `--socket=${process.env.WP_DB_SOCKET}`, '-uroot',
    '--batch', '--raw', '--skip-column-names', 'wp', '-e', query], { encoding: 'utf8' });
  return out === '' ? null : out.replace(/\n$/, '');
}

/** Headless Chromium with a fresh profile; every request the pages make is recorded. */
export async function browser() {
  const profile = mkdtempSync(join(tmpdir(), 'newsmark-wp-pw-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, acceptDownloads: true,
    viewport: { width: 1400, height: 1000 },
  });
  const requests = [];
  ctx.on('request', (r) => requests.push(r.url()));
  return {
    ctx, requests,
    async close() {
      await ctx.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function login(page, user = 'admin', password = 'admin-test-only') {
  await page.goto(`${WP_URL}/wp-login.php`);
  await page.fill('#user_login', user);
  await page.fill('#user_pass', password);
  await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
}

/** A page that records page errors and console errors. */
export async function openPage(ctx) {
  const page = await ctx.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console.error: ${m.text()}`); });
  return page;
}

/** Opens a new post in the block editor and types a title and paragraphs, as an author would. */
export async function typePost(page, title, paragraphs) {
  await page.goto(`${WP_URL}/wp-admin/post-new.php`);
  await page.waitForFunction(() => window.wp?.data?.select('core/editor')?.getCurrentPostId());
  await page.evaluate(() => {
    // no welcome guide, no fullscreen: the same for both runs that are compared
    const p = window.wp.data.select('core/edit-post');
    if (p.isFeatureActive('welcomeGuide')) window.wp.data.dispatch('core/edit-post').toggleFeature('welcomeGuide');
  });
  const canvas = await editorCanvas(page);
  await canvas.locator('.editor-post-title__input, [aria-label="Add title"]').first().click();
  await page.keyboard.type(title);
  await page.keyboard.press('Enter');
  for (let i = 0; i < paragraphs.length; i++) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(paragraphs[i]);
  }
}

/** The frame that holds the post's blocks (the page itself unless the canvas is an iframe). */
export async function editorCanvas(page) {
  const frame = page.frame({ name: 'editor-canvas' });
  return frame ?? page.mainFrame();
}

export async function saveDraft(page) {
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.waitForFunction(() => {
    const s = window.wp.data.select('core/editor');
    return !s.isSavingPost() && !s.isEditedPostDirty() && s.didPostSaveRequestSucceed();
  });
  return page.evaluate(() => window.wp.data.select('core/editor').getCurrentPostId());
}

/** Activates or deactivates the plugin through the Plugins screen (as an administrator would). */
export async function setPluginActive(page, active) {
  await page.goto(`${WP_URL}/wp-admin/plugins.php`);
  const row = page.locator('tr[data-plugin="newsmark/newsmark.php"]');
  const link = row.locator(active ? '.activate a' : '.deactivate a');
  if (await link.count()) await Promise.all([page.waitForLoadState('load'), link.click()]);
  await page.waitForSelector(`tr[data-plugin="newsmark/newsmark.php"]${active ? '.active' : '.inactive'}`);
}
