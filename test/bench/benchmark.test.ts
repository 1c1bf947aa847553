/**
 * The benchmark itself (bench/, `npm run bench`): that its corpus is what
 * the README says, that the Hugo site it builds does the same work as
 * orgpress on it, and that the runner works end to end. Speed is never
 * asserted here: that is what the benchmark reports.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus/generate-corpus.mjs';
import { writeEleventySite } from '../../bench/peers/eleventy-site.mjs';
import { writeHugoSite } from '../../bench/peers/hugo-site.mjs';
import { listFiles, REPO, runCli } from '../helpers/fixture-site.js';

interface CorpusPost {
  name: string;
  org: string;
  markdown: string;
}

const corpus = (n: number) => [...(generateCorpus(n) as Iterable<CorpusPost>)];

const hugo = spawnSync('hugo', ['version'], { encoding: 'utf8' }).status === 0;
if (!hugo) console.warn('\n*** test/bench: no `hugo` on the PATH: the Hugo peer is not checked (Debian: apt-get install hugo) ***\n');

describe('the benchmark corpus (bench/corpus)', () => {
  const posts = corpus(200);

  it('is the same on every run', () => {
    expect(corpus(30)).toEqual(posts.slice(0, 30));
    expect(new Set(posts.map((p) => p.name)).size).toBe(200);
  });

  it('has posts of 5–8 KiB like the seed draft, each with front matter, headings, markup, links, a ruled table, a source block and a quote', () => {
    for (const { name, org } of posts) {
      const bytes = Buffer.byteLength(org);
      // A few run a little over 8 KiB (at most 8.3 KiB in the first 200).
      expect(bytes, name).toBeGreaterThanOrEqual(5 * 1024);
      expect(bytes, name).toBeLessThanOrEqual(8.5 * 1024);
      expect(org, name).toMatch(/^---\ntitle: .+\ndate: \d{4}-\d\d-\d\d\ntags: \[.+\]\n/);
      expect(org, name).toMatch(/^\*+ \S/m);
      expect(org, name).toMatch(/(^|\s)[*/~=][^\s*/~=][^\n]*?[*/~=](\s|$|[.,])/m);
      expect(org, name).toMatch(/\[\[https?:\/\/[^\]]+\](\[[^\]]+\])?\]/);
      expect(org, name).toMatch(/^\|-+(\+-+)+\|$/m);
      expect(org, name).toMatch(/^#\+BEGIN_SRC \S+/m);
      expect(org, name).toMatch(/^#\+BEGIN_QUOTE/m);
    }
  });

  it('has lists, footnotes and notes to self in most posts, as real drafts do', () => {
    const share = (re: RegExp) => posts.filter((p) => re.test(p.org)).length / posts.length;
    expect(share(/^\s*(- |\d+\. )\S/m)).toBeGreaterThan(0.8);
    expect(share(/\[fn:[^\]]+\]/)).toBeGreaterThan(0.8);
    expect(share(/^# (TODO|FIXME|XXX|NOTE)\b/m)).toBeGreaterThan(0.8);
  });

  it('has a markdown twin of every post for Eleventy, with the same front matter', async () => {
    const fields = (text: string) => {
      const head = text.slice(4, text.indexOf('\n---\n', 4));
      return Object.fromEntries(head.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim().replace(/^"(.*)"$/, '$1')]));
    };
    for (const { name, org, markdown } of posts) {
      expect(fields(markdown), name).toEqual(fields(org));
      expect(markdown, name).toMatch(/^#{1,6} \S/m);
      expect(markdown, name).toContain('```');
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'orgpress-eleventy-site-'));
    writeEleventySite(dir, posts.slice(0, 5));
    const written = (await readdir(path.join(dir, 'posts'))).filter((n) => n.endsWith('.md'));
    expect(written.sort()).toEqual(posts.slice(0, 5).map((p) => `${p.name}.md`).sort());
  });
});

describe.skipIf(!hugo)('the Hugo peer (bench/peers/hugo-site.mjs)', () => {
  it('builds the pages orgpress builds from the same drafts: posts, a paginated home, tag pages, the feed and the sitemap', async () => {
    const posts = corpus(25);
    const dir = await mkdtemp(path.join(tmpdir(), 'orgpress-hugo-peer-'));
    writeHugoSite(path.join(dir, 'hugo'), posts);
    const h = spawnSync('hugo', ['--quiet', '--source', path.join(dir, 'hugo'), '--destination', path.join(dir, 'public')], { encoding: 'utf8' });
    expect(h.status, h.stderr).toBe(0);
    const site = path.join(dir, 'orgpress');
    await mkdir(path.join(site, 'drafts'), { recursive: true });
    await writeFile(path.join(site, 'site.yaml'), 'title: Bench blog\nbaseUrl: https://example.org/blog/\npostsPerPage: 10\nfeedItems: 20\n');
    for (const p of posts) await writeFile(path.join(site, 'drafts', `${p.name}.org`), p.org);
    const o = await runCli(['build', '--root', site]);
    expect(o.code, o.stderr).toBe(0);

    const hugoFiles = await listFiles(path.join(dir, 'public'));
    const ours = await listFiles(path.join(site, 'dist'));
    const count = (files: string[], re: RegExp) => files.filter((f) => re.test(f)).length;
    // One page per post (Hugo under posts/<slug>/, orgpress under <year>/<month>/<slug>/).
    expect(count(hugoFiles, /^posts\/[^/]+\/index\.html$/)).toBe(25);
    expect(count(ours, /^\d{4}\/\d\d\/[^/]+\/index\.html$/)).toBe(25);
    // The home page and its older pages, ten posts a page (Hugo also writes page/1/, a redirect to the home page).
    const olderPages = /^page\/([2-9]|\d\d+)\/index\.html$/;
    expect(count(hugoFiles, olderPages)).toBe(2);
    expect(count(ours, olderPages)).toBe(2);
    // A page per tag, and the tags index.
    const tags = new Set(posts.flatMap((p) => /^tags: \[(.*)\]$/m.exec(p.org)![1]!.split(', ')));
    expect(count(hugoFiles, /^tags\/[^/]+\/index\.html$/)).toBe(tags.size);
    expect(count(ours, /^tags\/[^/]+\/index\.html$/)).toBe(tags.size);
    expect(hugoFiles).toContain('tags/index.html');
    // A feed of the latest 20 posts, and the sitemap.
    expect((await readFile(path.join(dir, 'public', 'index.xml'), 'utf8')).match(/<item>/g)).toHaveLength(20);
    expect((await readFile(path.join(site, 'dist', 'rss.xml'), 'utf8')).match(/<item>/g)).toHaveLength(20);
    expect(hugoFiles).toContain('sitemap.xml');
  });
});

describe('the runner (bench/run.mjs)', () => {
  it('measures orgpress at a given size and writes the table, the data and the chart where it is told', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'orgpress-bench-'));
    const committed = path.join(REPO, 'bench', 'results', 'results.json');
    const before = existsSync(committed) ? await readFile(committed, 'utf8') : null;
    const r = spawnSync(process.execPath, [path.join(REPO, 'bench', 'run.mjs'), '--sizes', '12', '--runs', '1', '--no-peers', '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const data = JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8')) as {
      startupMs: number;
      rows: { n: number; orgpress: Record<string, number | null> }[];
      notes: string[];
    };
    expect(data.startupMs).toBeGreaterThan(0);
    expect(data.rows.map((row) => row.n)).toEqual([12]);
    const m = data.rows[0]!.orgpress;
    for (const k of ['coldMs', 'warmMs', 'onePostMs', 'coldBuildMs', 'warmBuildMs', 'onePostBuildMs', 'devEditMs']) expect(m[k], k).toBeGreaterThan(0);
    expect(data.notes).toContain('Peers not run (--no-peers).');
    const table = await readFile(path.join(out, 'results.md'), 'utf8');
    expect(table).toMatch(/^\| 12 \| 1 \| [\d.]+ m?s \|/m);
    expect(await readFile(path.join(out, 'chart.svg'), 'utf8')).toMatch(/^<svg[^>]*>[^]*<\/svg>\s*$/);
    // The sites it built are gone, and the repository's results were left alone.
    expect(existsSync(path.join(out, 'tmp', '12'))).toBe(false);
    expect(existsSync(committed) ? await readFile(committed, 'utf8') : null).toBe(before);
  }, 120_000);
});
