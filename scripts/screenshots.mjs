#!/usr/bin/env node
// Regenerates the README screenshots in a real Chromium (Debian's /usr/bin/chromium):
//   docs/screenshot-seed-post.png  the seed post as published (orgpress build + preview), light scheme
//   docs/screenshot-dev.png        the same post in `orgpress dev`: TODO notes in place, the dev toolbar
// Run after `npm run compile`: `npm run screenshots`. Uses the compiled lib/, a temp copy of the seed draft,
// and servers on 127.0.0.1 only.
import { mkdtemp, mkdir, copyFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from '../lib/pipeline/build.js';
import { startDevServer } from '../lib/dev/dev-server.js';
import { startPreviewServer } from '../lib/dev/preview-server.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seedName = '2018-03-09-python-asyncio.org';
const postUrl = '2018/03/python-asyncio/';

const root = await mkdtemp(path.join(tmpdir(), 'orgpress-screenshots-'));
await mkdir(path.join(root, 'drafts'));
await copyFile(path.join(repo, 'drafts', seedName), path.join(root, 'drafts', seedName));
await writeFile(path.join(root, 'site.yaml'), 'title: My orgpress blog\n');

const result = await build({ root });
if (!result.ok) {
  console.error('screenshots: the build failed', result.diagnostics);
  process.exit(1);
}
const preview = await startPreviewServer({ outDir: result.outDir, host: '127.0.0.1', port: 0, basePath: '/' });
const dev = await startDevServer({ root, host: '127.0.0.1', port: 0, log: () => {} });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, colorScheme: 'light' });

  await page.goto(preview.url + postUrl, { waitUntil: 'networkidle' });
  const published = path.join(repo, 'docs/screenshot-seed-post.png');
  await page.screenshot({ path: published, fullPage: true, clip: { x: 0, y: 0, width: 1200, height: 2600 } });

  await page.goto(dev.url + postUrl, { waitUntil: 'load' });
  await page.locator('.orgpress-dev-status.is-live').waitFor();
  const devShot = path.join(repo, 'docs/screenshot-dev.png');
  await page.screenshot({ path: devShot });
  console.log(`wrote ${path.relative(process.cwd(), published)} and ${path.relative(process.cwd(), devShot)}`);
} finally {
  await browser.close();
  await dev.close();
  await preview.close();
}
