import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/check/check-links.js';
import { listFiles, makeSite, REPO, runCli } from '../helpers/fixture-site.js';

const attr = (el: Element, name: string) => (el.properties[name] === undefined ? undefined : String(el.properties[name]));

/**
 * What readers (and Lighthouse) get from the built sample blog: no
 * third-party requests, fingerprinted assets, minified pages with code
 * blocks untouched, sharing metadata and the accessibility basics.
 */
describe('the built sample blog, for readers', () => {
  let dist: string;
  let plain: string;
  let pages: string[];
  const baseUrl = 'http://localhost:8080/';

  beforeAll(async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'orgpress-sample-'));
    dist = path.join(out, 'dist');
    plain = path.join(out, 'plain');
    // The sample blog as it is, and once more unminified to compare against.
    const config = path.join(out, 'plain.yaml');
    await writeFile(config, (await readFile(path.join(REPO, 'site.yaml'), 'utf8')) + '\nminify: false\n');
    const [a, b] = await Promise.all([
      runCli(['build', '--root', REPO, '--out', dist, '--no-cache']),
      runCli(['build', '--root', REPO, '--out', plain, '--no-cache', '--config', config]),
    ]);
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    pages = (await listFiles(dist)).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
  });

  it('makes no third-party request: every <link>, <script>, <img> is the site’s own', async () => {
    let checked = 0;
    for (const f of pages) {
      const tree = fromHtml(await readFile(path.join(dist, f), 'utf8'));
      for (const el of selectAll('link[href], script[src], img[src], iframe[src], source[src], video[src], audio[src]', tree)) {
        const url = attr(el, 'href') ?? attr(el, 'src') ?? '';
        checked++;
        if (/^(?:https?:)?\/\//i.test(url)) expect(url.startsWith(baseUrl), `${f}: <${el.tagName}> loads ${url}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(pages.length * 5);
  });

  it('names theme assets after their content, and every page points at the renamed files', async () => {
    const files = await listFiles(dist);
    const assets = files.filter((f) => f.startsWith('assets/'));
    expect(assets.length).toBeGreaterThan(2);
    for (const f of assets) {
      const m = /\.([0-9a-f]{8})(\.[a-z0-9]+)?$/.exec(f);
      expect(m, f).not.toBeNull();
      if (!f.endsWith('.css')) {
        expect(createHash('sha256').update(await readFile(path.join(dist, f))).digest('hex').slice(0, 8), f).toBe(m![1]);
      }
    }
    for (const f of pages) {
      const html = await readFile(path.join(dist, f), 'utf8');
      expect(html, f).not.toMatch(/assets\/(style|code)\.css/);
    }
    // KaTeX's stylesheet points at its renamed fonts.
    const katex = assets.find((f) => /katex\.min\.[0-9a-f]{8}\.css$/.test(f))!;
    const css = await readFile(path.join(dist, katex), 'utf8');
    for (const [, font] of css.matchAll(/url\((fonts\/[^)]+)\)/g)) expect(files, font).toContain(`assets/katex/${font}`);
  });

  it('passes the link check as built (fingerprinted, minified): every internal link, anchor and asset resolves', async () => {
    const report = await checkLinks(dist, baseUrl);
    expect(report.problems).toEqual([]);
    expect(report.internal).toBeGreaterThan(100);
  });

  it('writes _headers: a year for fingerprinted files, revalidation for pages', async () => {
    const headers = await readFile(path.join(dist, '_headers'), 'utf8');
    expect(headers).toContain('/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n');
    expect(headers).toContain('/\n  Cache-Control: public, max-age=0, must-revalidate\n');
  });

  it('minifies pages and leaves every <pre> as it was: its markup, and its text character for character', async () => {
    let pre = 0;
    let before = 0;
    let after = 0;
    // As parsed: the minifier may write an escape its own way (`&lt;` for `&#x3C;`), never other text.
    const grab = (html: string) => selectAll('pre', fromHtml(html)).map((el) => toHtml(el));
    for (const f of pages) {
      const min = await readFile(path.join(dist, f), 'utf8');
      const raw = await readFile(path.join(plain, f), 'utf8');
      before += raw.length;
      after += min.length;
      expect(grab(min), f).toEqual(grab(raw));
      pre += grab(raw).length;
    }
    expect(pre).toBeGreaterThan(0);
    expect(after).toBeLessThan(before * 0.97);
  });

  it('has the accessibility basics on every page: lang, one h1, a main landmark, a working skip link, alt on images', async () => {
    for (const f of pages) {
      const tree = fromHtml(await readFile(path.join(dist, f), 'utf8'));
      expect(attr(select('html', tree)!, 'lang'), f).toBe('en');
      expect(selectAll('h1', tree), f).toHaveLength(1);
      expect(selectAll('main', tree), f).toHaveLength(1);
      const skip = select('a.skip-link', tree);
      expect(skip, f).toBeTruthy();
      const target = attr(skip!, 'href')!;
      expect(target.startsWith('#'), f).toBe(true);
      expect(select(`[id="${target.slice(1)}"]`, tree), f).toBeTruthy();
      for (const img of selectAll('img', tree)) expect(img.properties.alt, `${f}: ${attr(img, 'src')}`).toBeDefined();
    }
  });

  it('gives posts OpenGraph and Twitter card tags, a canonical link and the feeds', async () => {
    const tree = fromHtml(await readFile(path.join(dist, '2024/01/welcome-to-orgpress/index.html'), 'utf8'));
    const meta = (key: string) => attr(select(`meta[property="${key}"], meta[name="${key}"]`, tree) ?? ({ properties: {} } as Element), 'content');
    const url = `${baseUrl}2024/01/welcome-to-orgpress/`;
    expect(meta('og:title')).toBe('Welcome to orgpress');
    expect(meta('og:type')).toBe('article');
    expect(meta('og:url')).toBe(url);
    expect(meta('og:description')).toContain('What this blog is built with');
    expect(meta('twitter:card')).toBe('summary');
    expect(attr(select('link[rel=canonical]', tree)!, 'href')).toBe(url);
    expect(selectAll('link[rel=alternate]', tree).map((l) => attr(l, 'type'))).toEqual(['application/atom+xml', 'application/rss+xml', 'application/feed+json']);
  });
});

describe('sharing image (front matter `image:`)', () => {
  it('a file next to the draft is published and becomes og:image with a large Twitter card', async () => {
    const root = await makeSite({
      'site.yaml': 'baseUrl: https://example.com/blog/\n',
      'drafts/2020-01-01-a.org': '---\ntitle: A\ndate: 2020-01-01\nimage: img/cover.png\n---\nText.\n',
      'drafts/2020-01-02-b.org': '---\ntitle: B\ndate: 2020-01-02\nimage: https://cdn.example.org/b.png\n---\nText.\n',
      'drafts/2020-01-03-c.org': '---\ntitle: C\ndate: 2020-01-03\nimage: img/missing.png\n---\nText.\n',
      'drafts/img/cover.png': 'png',
    });
    const broken = await runCli(['build', '--root', root]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/drafts\/2020-01-03-c\.org:1:1: error: missing file: drafts\/img\/missing\.png \(the post's `image`\)/);
    await writeFile(path.join(root, 'drafts/2020-01-03-c.org'), '---\ntitle: C\ndate: 2020-01-03\n---\nText.\n');
    const r = await runCli(['build', '--root', root]);
    expect(r.stderr).toBe('');
    const a = fromHtml(await readFile(path.join(root, 'dist/2020/01/a/index.html'), 'utf8'));
    expect(attr(select('meta[property="og:image"]', a)!, 'content')).toBe('https://example.com/blog/media/img/cover.png');
    expect(attr(select('meta[name="twitter:card"]', a)!, 'content')).toBe('summary_large_image');
    expect(await listFiles(path.join(root, 'dist'))).toContain('media/img/cover.png');
    const b = fromHtml(await readFile(path.join(root, 'dist/2020/01/b/index.html'), 'utf8'));
    expect(attr(select('meta[property="og:image"]', b)!, 'content')).toBe('https://cdn.example.org/b.png');
    const home = fromHtml(await readFile(path.join(root, 'dist/index.html'), 'utf8'));
    expect(select('meta[property="og:image"]', home)).toBeFalsy();
    expect(attr(select('meta[name="twitter:card"]', home)!, 'content')).toBe('summary');
    expect(toString(select('title', home)!)).toBeTruthy();
  });
});
