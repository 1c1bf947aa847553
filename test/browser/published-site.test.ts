import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../src/dev/preview-server.js';
import { LIVE_URL, makeBrowserSite, SEED_URL } from '../helpers/browser-fixture.js';
import { chromiumAvailable, collectErrors, launchChromium } from '../helpers/chromium.js';
import { runCli } from '../helpers/fixture-site.js';

const enabled = chromiumAvailable();

interface CellStyle {
  tag: string;
  head: boolean;
  continuation: boolean;
  beforeContinuation: boolean;
  background: string;
  sides: Record<'top' | 'right' | 'bottom' | 'left', { width: number; style: string; color: string }>;
}

/** Computed styles of every cell of the first table in the post body. */
function tableCells(page: Page): Promise<CellStyle[]> {
  return page.evaluate(() => {
    const sides = ['top', 'right', 'bottom', 'left'] as const;
    return [...document.querySelectorAll('.post-body table th, .post-body table td')].map((cell) => {
      const cs = getComputedStyle(cell);
      const row = cell.parentElement!;
      const side = (s: (typeof sides)[number]) => ({
        width: parseFloat(cs.getPropertyValue(`border-${s}-width`)),
        style: cs.getPropertyValue(`border-${s}-style`),
        color: cs.getPropertyValue(`border-${s}-color`),
      });
      return {
        tag: cell.tagName.toLowerCase(),
        head: row.parentElement!.tagName === 'THEAD',
        continuation: row.classList.contains('continuation'),
        beforeContinuation: row.nextElementSibling?.classList.contains('continuation') ?? false,
        background: cs.backgroundColor,
        sides: { top: side('top'), right: side('right'), bottom: side('bottom'), left: side('left') },
      };
    });
  });
}

const TRANSPARENT = /^(transparent|rgba\(\d+, \d+, \d+, 0\))$/;

/** What `orgpress build` writes, served by `orgpress preview`, in a real Chromium. */
describe.skipIf(!enabled)('the built site in the browser', () => {
  let preview: PreviewServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const root = await makeBrowserSite();
    const [built, b] = await Promise.all([runCli(['build', '--root', root]), launchChromium()]);
    browser = b;
    expect(built.stderr).toBe('');
    preview = await startPreviewServer({ outDir: path.join(root, 'dist'), host: '127.0.0.1', port: 0, basePath: '/' });
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it('has no TODO notes, no dev toolbar and no dev requests', async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    for (const url of [LIVE_URL, SEED_URL]) {
      await page.goto(preview.url + url);
      await expect(page.locator('.todo-note, .todo-summary, .orgpress-dev-bar').count()).resolves.toBe(0);
      const text = (await page.locator('body').textContent()) ?? '';
      expect(text).not.toContain('rewrite this paragraph');
      expect(text).not.toContain('Generators?');
    }
    expect(requests.filter((u) => u.includes('__orgpress'))).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`the seed post's table has visible cell borders and a distinct header row (${scheme})`, async () => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(preview.url + SEED_URL);
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
      await expect(page.locator('.post-body table thead tr th').count()).resolves.toBe(4);
      const cells = await tableCells(page);
      expect(cells.length).toBe(4 + 8 * 4);
      const pageBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      for (const [i, cell] of cells.entries()) {
        for (const [name, side] of Object.entries(cell.sides)) {
          // A continuation row reads as part of the row above: no rule between the two.
          const joined = (name === 'top' && cell.continuation) || (name === 'bottom' && cell.beforeContinuation);
          if (joined) continue;
          const where = `cell ${i} (${cell.tag}) ${name} border in ${scheme}`;
          expect(side.width, where).toBeGreaterThan(0);
          expect(['none', 'hidden'], where).not.toContain(side.style);
          expect(side.color, where).not.toMatch(TRANSPARENT);
          expect(side.color, where).not.toBe(pageBg);
        }
      }
      const head = cells.filter((c) => c.head);
      const body = cells.filter((c) => !c.head);
      expect(head.map((c) => c.tag)).toEqual(['th', 'th', 'th', 'th']);
      for (const h of head) for (const b of body) expect(h.background, `header vs body background in ${scheme}`).not.toBe(b.background);
    });
  }

  it('no console errors on any page', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    for (const url of ['', SEED_URL, LIVE_URL, 'tags/', 'tags/python/', 'archive/', 'no/such/page/']) {
      const p = await browser.newPage();
      const errors = collectErrors(p);
      const res = await p.goto(preview.url + url);
      expect(res?.status(), url).toBe(url.startsWith('no/') ? 404 : 200);
      await p.waitForLoadState('load');
      expect(errors.filter((e) => !(url.startsWith('no/') && e.includes('status of 404'))), url).toEqual([]);
      await p.close();
    }
  });
});
