import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/dev/dev-server.js';
import { LIVE_DRAFT, LIVE_URL, makeBrowserSite, post, SEED_URL } from '../helpers/browser-fixture.js';
import { chromiumAvailable, collectErrors, launchChromium } from '../helpers/chromium.js';

const enabled = chromiumAvailable();

/** `orgpress dev` in a real Chromium: the page follows the files on disk. */
describe.skipIf(!enabled)('orgpress dev in the browser', () => {
  let root: string;
  let dev: DevServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  const live = (p: Page) => p.locator('.orgpress-dev-status.is-live').waitFor();
  const open = async (url: string) => {
    await page.goto(dev.url + url);
    await live(page);
  };

  beforeAll(async () => {
    root = await makeBrowserSite();
    [dev, browser] = await Promise.all([startDevServer({ root, host: '127.0.0.1', port: 0, log: () => {} }), launchChromium()]);
    await dev.ready;
    page = await browser.newPage();
    errors = collectErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await dev?.close();
  });

  it('a saved draft updates the open page with no manual reload', async () => {
    await open(LIVE_URL);
    await expect(page.locator('.post-body').textContent()).resolves.toContain('Original words.');
    const t0 = performance.now();
    await writeFile(path.join(root, LIVE_DRAFT), post('Live post', '2020-01-01', 'tags: live, python\n', '# TODO: rewrite this paragraph\nEdited words.'));
    await page.getByText('Edited words.').waitFor();
    const ms = Math.round(performance.now() - t0);
    console.log(`edit-to-update in the browser (write → new page shown): ${ms} ms`);
    expect(ms).toBeLessThan(5000);
    expect(errors).toEqual([]);
  });

  it('broken front matter shows an overlay naming the file and line; the fix clears it', async () => {
    await open(LIVE_URL);
    await writeFile(path.join(root, LIVE_DRAFT), '---\ntitle: Live post\ndate: 2020-01-01\ntags: [live\n---\nBroken words.\n');
    const overlay = page.locator('.orgpress-overlay');
    await overlay.waitFor({ state: 'visible' });
    const error = dev.site.diagnostics.find((d) => d.severity === 'error')!;
    expect(error.file).toBe(LIVE_DRAFT);
    const text = (await overlay.textContent()) ?? '';
    expect(text).toContain(`${LIVE_DRAFT}:${error.line}:${error.column}`);
    expect(text).toContain(error.message);
    expect(text).toContain('tags: [live'); // the source lines around it
    expect(await page.locator('.orgpress-overlay-frame').textContent()).toMatch(/^>\s+\d+ \|/m);
    // The page behind it is the last good version.
    expect(await page.locator('.post-body').textContent()).toContain('Edited words.');

    await writeFile(path.join(root, LIVE_DRAFT), post('Live post', '2020-01-01', 'tags: live, python\n', '# TODO: rewrite this paragraph\nFixed words.'));
    await page.getByText('Fixed words.').waitFor();
    await expect(overlay.isVisible()).resolves.toBe(false);
    expect(errors).toEqual([]);
  });

  it('a stylesheet edit is swapped in without reloading the page', async () => {
    await open(LIVE_URL);
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));
    await appendFile(path.join(root, 'templates/assets/style.css'), '\n.post-title { color: rgb(1, 2, 3) !important; }\n');
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.post-title')!).color === 'rgb(1, 2, 3)');
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);
    expect(await page.locator('link[rel=stylesheet][href*="style.css"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('TODO notes show in place; the toolbar toggle hides them and is remembered', async () => {
    await open(SEED_URL);
    const note = page.locator('aside.todo-note').first();
    await expect(note.isVisible()).resolves.toBe(true);
    expect(await note.textContent()).toContain('TODO');
    const toggle = page.locator('.orgpress-dev-toggle');
    await toggle.click();
    await expect(note.isVisible()).resolves.toBe(false);
    await expect(toggle.textContent()).resolves.toBe('Show notes');
    await page.reload();
    await live(page);
    await expect(page.locator('aside.todo-note').first().isVisible()).resolves.toBe(false);
    await page.locator('.orgpress-dev-toggle').click();
    await expect(page.locator('aside.todo-note').first().isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it('the notes page lists every note with file:line:col and links to its spot', async () => {
    await open(LIVE_URL);
    const notes = dev.site.output.notes;
    expect(notes.length).toBeGreaterThanOrEqual(4);
    await expect(page.locator('.orgpress-dev-notes').textContent()).resolves.toBe(`All notes (${notes.length})`);
    await page.locator('.orgpress-dev-notes').click();
    await page.waitForURL(/__orgpress\/todos\/$/);
    await live(page);
    const rows = page.locator('table.orgpress-todos tbody tr');
    await expect(rows.count()).resolves.toBe(notes.length);
    const row = rows.filter({ hasText: `${LIVE_DRAFT}:6:1` });
    expect(await row.textContent()).toContain('rewrite this paragraph');
    expect(await row.textContent()).toContain('Live post');
    await row.locator('a').click();
    await page.waitForURL(new RegExp(`${LIVE_URL}#todo-1$`));
    await expect(page.locator('#todo-1').isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it('no console errors on any page', async () => {
    for (const url of ['', SEED_URL, 'tags/', 'tags/python/', 'archive/', '__orgpress/todos/', 'no/such/page/']) {
      const p = await browser.newPage();
      const pageErrors = collectErrors(p);
      const res = await p.goto(dev.url + url);
      expect(res?.status(), url).toBe(url.startsWith('no/') ? 404 : 200);
      await live(p);
      // Chromium reports the 404 status of the page itself; that is the point of that page.
      expect(pageErrors.filter((e) => !(url.startsWith('no/') && e.includes('status of 404'))), url).toEqual([]);
      await p.close();
    }
  });
});
