import { readFile, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { XMLValidator, XMLParser } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles, makeSite, runCli, snapshotDir } from '../helpers/fixture-site.js';

const post = (title: string, date: string, tags: string, body = 'Some text.') =>
  `---\ntitle: ${title}\ndate: ${date}\ntags: ${tags}\n---\n${body}\n`;

const FILES = {
  'site.yaml': 'title: Test Blog\nauthor: Ada\nbaseUrl: https://user.github.io/blog/\npostsPerPage: 2\n',
  'drafts/2020-01-01-first.org': post('First post', '2020-01-01', 'alpha', '* Intro\nSee [[file:2021-05-05-second.org::*Part two][the second post]].\n\n#+ATTR_HTML: :alt A dot\n[[file:img/dot.svg]]'),
  'drafts/2021-05-05-second.org': post('Second post', '2021-05-05', 'alpha, beta', '* Part two\nHello /world/.'),
  'drafts/2022-07-07-third.md': post('Third post', '2022-07-07', '[beta]', '## Markdown\n\nA [link](https://example.com).'),
  'drafts/2023-03-03-secret.org': '---\ntitle: Secret\ndate: 2023-03-03\ndraft: true\n---\nNot yet.\n',
  'drafts/img/dot.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>',
  'static/favicon.ico': 'icon',
};

describe('orgpress build', () => {
  let root: string;
  let dist: string;
  let build: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    root = await makeSite(FILES);
    dist = path.join(root, 'dist');
    build = await runCli(['build', '--root', root]);
  });

  it('exits 0 and prints a one-line summary', () => {
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/^Built 3 posts, \d+ pages \(\d+ files\) into .*dist\/ in \d+ ms\.\n$/);
  });

  it('writes posts, paginated index, tags, archive, feeds, sitemap, robots, 404, theme and static files', async () => {
    const files = await listFiles(dist);
    for (const f of [
      'index.html',
      'page/2/index.html',
      '2020/01/first/index.html',
      '2021/05/second/index.html',
      '2022/07/third/index.html',
      'tags/index.html',
      'tags/alpha/index.html',
      'tags/beta/index.html',
      'archive/index.html',
      'atom.xml',
      'rss.xml',
      'feed.json',
      'sitemap.xml',
      'robots.txt',
      '404.html',
      'favicon.ico',
      'media/img/dot.svg',
    ]) {
      expect(files, f).toContain(f);
    }
    // The theme's stylesheet, named after its content (test/publish/fingerprint-assets.test.ts).
    expect(files.some((f) => /^assets\/style\.[0-9a-f]{8}\.css$/.test(f))).toBe(true);
  });

  it('ships KaTeX only to sites that have math', async () => {
    expect((await listFiles(dist)).some((f) => f.startsWith('assets/katex/'))).toBe(false);
    const math = await makeSite({ 'drafts/2020-01-01-m.org': post('M', '2020-01-01', 'x', 'Euler: \\(e^{i\\pi} + 1 = 0\\)') });
    expect((await runCli(['build', '--root', math])).code).toBe(0);
    const files = await listFiles(path.join(math, 'dist'));
    expect(files.some((f) => /^assets\/katex\/katex\.min\.[0-9a-f]{8}\.css$/.test(f))).toBe(true);
    expect(files.some((f) => f.startsWith('assets/katex/fonts/'))).toBe(true);
  });

  it('leaves drafts out unless --drafts is given', async () => {
    expect(await listFiles(dist)).not.toContain('2023/03/secret/index.html');
    const withDrafts = await runCli(['build', '--root', root, '--drafts', '--out', 'dist-drafts']);
    expect(withDrafts.code).toBe(0);
    expect(await listFiles(path.join(root, 'dist-drafts'))).toContain('2023/03/secret/index.html');
  });

  it('lists posts newest first and paginates the index', async () => {
    const page1 = await readFile(path.join(dist, 'index.html'), 'utf8');
    const page2 = await readFile(path.join(dist, 'page/2/index.html'), 'utf8');
    expect(page1.indexOf('Third post')).toBeGreaterThan(-1);
    expect(page1.indexOf('Third post')).toBeLessThan(page1.indexOf('Second post'));
    expect(page1).not.toContain('First post</a>');
    expect(page2).toContain('First post');
  });

  it('links previous and next posts', async () => {
    const second = await readFile(path.join(dist, '2021/05/second/index.html'), 'utf8');
    expect(second).toContain('href="../../../2022/07/third/"');
    expect(second).toContain('href="../../../2020/01/first/"');
  });

  it('resolves a link to another draft and its heading', async () => {
    const first = await readFile(path.join(dist, '2020/01/first/index.html'), 'utf8');
    expect(first).toContain('href="../../../2021/05/second/#part-two"');
    expect(first).toContain('src="../../../media/img/dot.svg"');
  });

  it('under a sub-path base URL every internal link and asset resolves to a file inside the site', async () => {
    const files = new Set(await listFiles(dist));
    let checked = 0;
    for (const f of [...files].filter((x) => x.endsWith('.html'))) {
      // Where a host serves this file: 2021/05/second/index.html is /blog/2021/05/second/.
      const pageUrl = new URL(f.replace(/index\.html$/, ''), 'https://user.github.io/blog/');
      const tree = fromHtml(await readFile(path.join(dist, f), 'utf8'));
      for (const el of selectAll('a[href], link[href], img[src], script[src]', tree)) {
        const raw = String(el.properties.href ?? el.properties.src);
        if (/^(mailto:|#)/.test(raw)) continue;
        const url = new URL(raw, pageUrl);
        if (url.origin !== pageUrl.origin) continue; // external link
        expect(url.pathname.startsWith('/blog/'), `${f}: ${raw} leaves the site`).toBe(true);
        const target = decodeURIComponent(url.pathname.slice('/blog/'.length));
        const file = target === '' || target.endsWith('/') ? `${target}index.html` : target;
        expect(files.has(file), `${f} links to ${raw}, which does not exist`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('uses page-relative URLs so dist/ also works opened from disk, except in 404.html', async () => {
    const second = await readFile(path.join(dist, '2021/05/second/index.html'), 'utf8');
    expect(second).toMatch(/href="\.\.\/\.\.\/\.\.\/assets\/style\.[0-9a-f]{8}\.css"/);
    const home = await readFile(path.join(dist, 'index.html'), 'utf8');
    expect(home).toMatch(/href="assets\/style\.[0-9a-f]{8}\.css"/);
    const notFound = await readFile(path.join(dist, '404.html'), 'utf8');
    expect(notFound).toMatch(/href="\/blog\/assets\/style\.[0-9a-f]{8}\.css"/);
  });

  it('writes valid Atom, RSS and sitemap XML with absolute links, and a JSON Feed', async () => {
    for (const f of ['atom.xml', 'rss.xml', 'sitemap.xml']) {
      const xml = await readFile(path.join(dist, f), 'utf8');
      expect(XMLValidator.validate(xml), f).toBe(true);
    }
    const atom = new XMLParser({ ignoreAttributes: false }).parse(await readFile(path.join(dist, 'atom.xml'), 'utf8'));
    const entries = atom.feed.entry as { link: { '@_href': string }; content: { '#text': string } }[];
    expect(entries).toHaveLength(3);
    for (const e of entries) expect(e.link['@_href']).toMatch(/^https:\/\/user\.github\.io\/blog\/\d{4}\/\d\d\/\w+\/$/);
    const first = entries.find((e) => e.link['@_href'].includes('/first/'))!;
    expect(first.content['#text']).toContain('https://user.github.io/blog/2021/05/second/#part-two');
    const json = JSON.parse(await readFile(path.join(dist, 'feed.json'), 'utf8')) as { items: { url: string; content_html: string }[] };
    expect(json.items).toHaveLength(3);
    expect(json.items[0]!.url).toBe('https://user.github.io/blog/2022/07/third/');
    const sitemap = await readFile(path.join(dist, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://user.github.io/blog/2020/01/first/</loc><lastmod>2020-01-01</lastmod>');
    expect(await readFile(path.join(dist, 'robots.txt'), 'utf8')).toContain('Sitemap: https://user.github.io/blog/sitemap.xml');
  });

  it('a failing build reports every error with file:line:col and leaves dist/ exactly as it was', async () => {
    const before = await snapshotDir(dist);
    const mtime = (await stat(path.join(dist, 'index.html'))).mtimeMs;
    await writeFile(path.join(root, 'drafts/2024-01-01-broken.org'), '---\ntitle: Broken\ndate: 2024-01-01\ntags: [a\n---\nx\n');
    await writeFile(path.join(root, 'drafts/2024-02-02-untitled.org'), '---\ndate: 2024-02-02\n---\nNo title.\n');
    await writeFile(path.join(root, 'drafts/2024-03-03-baddate.org'), '---\ntitle: Bad date\ndate: Smarch 45, 2024\n---\nx\n');
    const r = await runCli(['build', '--root', root]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/drafts\/2024-01-01-broken\.org:\d+:\d+: error: /);
    expect(r.stderr).toMatch(/drafts\/2024-02-02-untitled\.org:1:1: error: .*title/);
    expect(r.stderr).toMatch(/drafts\/2024-03-03-baddate\.org:3:\d+: error: .*date/);
    expect(r.stderr).toContain('hint:');
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack traces for user mistakes
    expect(r.stderr).toContain('nothing was written');
    expect(await snapshotDir(dist)).toEqual(before);
    expect((await stat(path.join(dist, 'index.html'))).mtimeMs).toBe(mtime);
  });
});

describe('orgpress build: site-wide problems', () => {
  it('two posts at one URL is an error naming both files', async () => {
    const root = await makeSite({
      'drafts/2020-01-01-same.org': post('One', '2020-01-01', 'x'),
      'drafts/sub/2020-01-01-same.org': post('Two', '2020-01-01', 'x'),
    });
    const r = await runCli(['build', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/drafts\/sub\/2020-01-01-same\.org:1:1: error: .*already used by drafts\/2020-01-01-same\.org/);
  });

  it('a link to a missing draft is an error at the link', async () => {
    const root = await makeSite({ 'drafts/2020-01-01-a.org': post('A', '2020-01-01', 'x', 'Text\nsee [[file:nope.org][this]]') });
    const r = await runCli(['build', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/drafts\/2020-01-01-a\.org:7:5: error: broken link: drafts\/nope\.org/);
  });

  it('an empty site with no config still builds', async () => {
    const root = await makeSite({ 'drafts/.keep': '' });
    const r = await runCli(['build', '--root', root]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await listFiles(path.join(root, 'dist'))).toContain('index.html');
  });
});

describe('orgpress CLI', () => {
  it('--version prints the package version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('--help lists the commands', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('build');
    expect(r.stdout).toContain('render');
  });

  it('an unknown option is a usage error with exit code 2', async () => {
    const r = await runCli(['build', '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option');
  });

  it('render prints one post body on stdout, and --page the whole page', async () => {
    const root = await makeSite({ 'drafts/2020-01-01-a.org': post('A title', '2020-01-01', 'x', '* Head\nBody /text/.') });
    const body = await runCli(['render', 'drafts/2020-01-01-a.org'], { cwd: root });
    expect(body.code).toBe(0);
    expect(body.stdout).toContain('<h2 id="head">');
    expect(body.stdout).toContain('<em>text</em>');
    expect(body.stdout).not.toContain('<html');
    const page = await runCli(['render', '--page', 'drafts/2020-01-01-a.org'], { cwd: root });
    expect(page.code).toBe(0);
    expect(page.stdout).toMatch(/^<!doctype html>/i);
    expect(page.stdout).toContain('A title');
  });

  it('render of a lone file links other drafts to their .html name, with a warning', async () => {
    const root = await makeSite({ 'drafts/2020-01-01-a.org': post('A', '2020-01-01', 'x', 'see [[file:other.org][other]]') });
    const r = await runCli(['render', 'drafts/2020-01-01-a.org'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('href="other.html"');
    expect(r.stderr).toContain('warning');
  });
});
