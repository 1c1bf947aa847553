import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, makeSite, runCli, snapshotDir } from '../helpers/fixture-site.js';

/**
 * The page cache of `build` (src/output/output-manifest.ts): pages whose
 * inputs did not change are hard-linked from the previous output instead
 * of being rendered again. A kept page keeps its inode, a rendered one gets
 * a new file: that tells, from outside, exactly which pages a build
 * rendered. And whatever changed, the output must equal a build from
 * scratch: a stale page never shows.
 */

const post = (n: number, title: string, tag: string, body = `Body of post ${n}.`) =>
  `---\ntitle: ${title}\ndate: 2020-01-0${n}\ntags: ${tag}\n---\nFirst paragraph of post ${n}.\n\n${body}\n`;

// Newest first: p5 p4 p3 p2 p1. Index pages: [p5 p4] [p3 p2] [p1]. Tag a: p5 p3 p1; tag b: p4 p2.
const FILES = {
  'site.yaml': 'title: Page cache test\nbaseUrl: https://example.org/\npostsPerPage: 2\n',
  'drafts/2020-01-01-p1.org': post(1, 'Post one', 'a'),
  'drafts/2020-01-02-p2.org': post(2, 'Post two', 'b'),
  'drafts/2020-01-03-p3.org': post(3, 'Post three', 'a'),
  'drafts/2020-01-04-p4.org': post(4, 'Post four', 'b'),
  'drafts/2020-01-05-p5.org': post(5, 'Post five', 'a'),
};

const P = (n: number) => `2020/01/p${n}/index.html`;
const LIST = ['index.html', 'page/2/index.html', 'page/3/index.html'] as const;
const ALL_PAGES = [
  '404.html',
  'archive/index.html',
  ...LIST,
  P(1),
  P(2),
  P(3),
  P(4),
  P(5),
  'tags/a/index.html',
  'tags/b/index.html',
  'tags/index.html',
].sort();

async function build(root: string, args: string[] = []): Promise<void> {
  const r = await runCli(['build', '--root', root, ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}

async function inodes(root: string): Promise<Map<string, number>> {
  const dist = path.join(root, 'dist');
  const out = new Map<string, number>();
  for (const f of await listFiles(dist)) if (f.endsWith('.html')) out.set(f, (await stat(path.join(dist, f))).ino);
  return out;
}

/** The pages the last build wrote afresh (the others are the previous build's files, linked). */
async function renderedSince(root: string, before: Map<string, number>): Promise<string[]> {
  const after = await inodes(root);
  return [...after].filter(([f, ino]) => before.get(f) !== ino).map(([f]) => f).sort();
}

/** The output equals a build of the same site from scratch, byte for byte (pages, feeds, everything). */
async function expectSameAsColdBuild(root: string): Promise<void> {
  await build(root, ['--no-cache', '--out', 'cold']);
  const [warm, cold] = [await snapshotDir(path.join(root, 'dist')), await snapshotDir(path.join(root, 'cold'))];
  expect([...warm.keys()]).toEqual([...cold.keys()]);
  for (const [f, text] of cold) expect(warm.get(f), f).toBe(text);
  await rm(path.join(root, 'cold'), { recursive: true });
}

const page = (root: string, rel: string) => readFile(path.join(root, 'dist', rel), 'utf8');

describe('the page cache of `build`', () => {
  it('a second build with nothing changed renders no page and gives the same site', async () => {
    const root = await makeSite(FILES);
    await build(root);
    expect([...(await inodes(root)).keys()].sort()).toEqual(ALL_PAGES);
    const before = await inodes(root);
    const files = await snapshotDir(path.join(root, 'dist'));
    await build(root);
    expect(await renderedSince(root, before)).toEqual([]);
    expect(await snapshotDir(path.join(root, 'dist'))).toEqual(files);
    expect(await readdir(path.join(root, '.cache', 'orgpress', 'pages'))).toHaveLength(1);
  });

  it('an edited body re-renders the post, and a list only when what it shows of the post changed', async () => {
    const root = await makeSite(FILES);
    await build(root);
    const before = await inodes(root);
    // Same first paragraph (the summary) and reading time: no list shows anything else of a post's body.
    await writeFile(path.join(root, 'drafts/2020-01-03-p3.org'), post(3, 'Post three', 'a', 'A *new* second paragraph.'));
    await build(root);
    expect(await renderedSince(root, before)).toEqual([P(3)]);
    expect(await page(root, P(3))).toContain('<strong>new</strong>');
    await expectSameAsColdBuild(root);
    // A new first paragraph is a new summary: the index page that shows it renders again, the archive and tags do not.
    const again = await inodes(root);
    await writeFile(path.join(root, 'drafts/2020-01-03-p3.org'), post(3, 'Post three', 'a').replace('First paragraph', 'Opening paragraph'));
    await build(root);
    expect(await renderedSince(root, again)).toEqual([P(3), 'page/2/index.html'].sort());
    expect(await page(root, 'page/2/index.html')).toContain('Opening paragraph of post 3');
    await expectSameAsColdBuild(root);
  });

  it('a list page whose template shows post bodies renders again when a body changes', async () => {
    const root = await makeSite({
      ...FILES,
      // The archive, overridden to show every post's body: it must now depend on the bodies.
      'templates/archive.liquid': "{%- layout 'base.liquid' -%}{%- block content %}{% for y in years %}{% for post in y.posts %}<section>{{ post.contentHtml | raw }}</section>{% endfor %}{% endfor %}{%- endblock %}\n",
    });
    await build(root);
    const before = await inodes(root);
    await writeFile(path.join(root, 'drafts/2020-01-03-p3.org'), post(3, 'Post three', 'a', 'A *new* second paragraph.'));
    await build(root);
    expect(await renderedSince(root, before)).toContain('archive/index.html');
    expect(await page(root, 'archive/index.html')).toContain('<strong>new</strong>');
    await expectSameAsColdBuild(root);
  });

  it('an edited title updates its neighbours and every list it shows in', async () => {
    const root = await makeSite(FILES);
    await build(root);
    const before = await inodes(root);
    await writeFile(path.join(root, 'drafts/2020-01-03-p3.org'), post(3, 'Post three renamed', 'a'));
    await build(root);
    // p4 and p2 link to it as their older and newer post; the lists that show p4 and p2 do not show their neighbours.
    expect(await renderedSince(root, before)).toEqual(['archive/index.html', P(2), P(3), P(4), 'page/2/index.html', 'tags/a/index.html'].sort());
    for (const rel of [P(2), P(4), 'page/2/index.html', 'tags/a/index.html', 'archive/index.html']) {
      expect(await page(root, rel), rel).toContain('Post three renamed');
    }
    await expectSameAsColdBuild(root);
  });

  it('a changed template re-renders every page', async () => {
    const root = await makeSite(FILES);
    await build(root);
    const before = await inodes(root);
    await mkdir(path.join(root, 'templates/partials'), { recursive: true });
    await writeFile(path.join(root, 'templates/partials/footer.liquid'), '<footer class="custom-footer">Made by hand</footer>\n');
    await build(root);
    expect(await renderedSince(root, before)).toEqual(ALL_PAGES);
    for (const rel of ALL_PAGES) expect(await page(root, rel), rel).toContain('custom-footer');
    await expectSameAsColdBuild(root);
    // And back: the built-in footer again everywhere.
    const again = await inodes(root);
    await rm(path.join(root, 'templates'), { recursive: true });
    await build(root);
    expect(await renderedSince(root, again)).toEqual(ALL_PAGES);
    for (const rel of ALL_PAGES) expect(await page(root, rel), rel).not.toContain('custom-footer');
  });

  it('a changed config re-renders every page', async () => {
    const root = await makeSite(FILES);
    await build(root);
    const before = await inodes(root);
    await writeFile(path.join(root, 'site.yaml'), 'title: Another title\nbaseUrl: https://example.org/\npostsPerPage: 2\n');
    await build(root);
    expect(await renderedSince(root, before)).toEqual(ALL_PAGES);
    for (const rel of ALL_PAGES) expect(await page(root, rel), rel).toContain('Another title');
    await expectSameAsColdBuild(root);
  });

  it('a changed stylesheet renames it, and every page links the new name', async () => {
    const root = await makeSite(FILES);
    await build(root);
    await mkdir(path.join(root, 'templates/assets'), { recursive: true });
    await writeFile(path.join(root, 'templates/assets/style.css'), 'body { color: teal; }\n');
    await build(root);
    const css = (await listFiles(path.join(root, 'dist/assets'))).find((f) => /^style\.[0-9a-f]+\.css$/.test(f))!;
    for (const rel of ALL_PAGES) expect(await page(root, rel), rel).toContain(css);
    await expectSameAsColdBuild(root);
  });

  it('a page changed by hand in dist/, or deleted, is rendered again', async () => {
    const root = await makeSite(FILES);
    await build(root);
    await writeFile(path.join(root, 'dist', P(5)), 'scribbled over');
    await rm(path.join(root, 'dist', P(1)));
    const before = await inodes(root);
    await build(root);
    expect(await renderedSince(root, before)).toEqual([P(1), P(5)]);
    await expectSameAsColdBuild(root);
    await rm(path.join(root, 'dist'), { recursive: true });
    await build(root);
    await expectSameAsColdBuild(root);
  });

  it('--no-cache renders everything and keeps no manifest; the next build is still right', async () => {
    const root = await makeSite(FILES);
    await build(root, ['--no-cache']);
    expect(existsSync(path.join(root, '.cache'))).toBe(false);
    await build(root);
    const before = await inodes(root);
    await build(root, ['--no-cache']);
    expect(await renderedSince(root, before)).toEqual(ALL_PAGES);
    await writeFile(path.join(root, 'drafts/2020-01-05-p5.org'), post(5, 'Post five renamed', 'a'));
    await build(root);
    await expectSameAsColdBuild(root);
  });

  it('a build with other options into another folder keeps its own manifest', async () => {
    const root = await makeSite(FILES);
    await build(root);
    await build(root, ['--out', 'other', '--base-url', 'https://elsewhere.example/sub/']);
    const before = await inodes(root);
    await build(root);
    expect(await renderedSince(root, before)).toEqual([]);
    expect(await page(root, P(1))).not.toContain('elsewhere.example');
    expect(await readFile(path.join(root, 'other', P(1)), 'utf8')).toContain('elsewhere.example');
  });

  it('a build that keeps pages updates dist/ in place: dropped posts, static files and stray files go, new ones come, nothing else is touched', async () => {
    // A post without tags: dropping it changes no tag count (which every page shows, so all would render).
    const untagged = (date: string) => `---\ntitle: Untagged ${date}\ndate: ${date}\n---\nNo tags here.\n`;
    const root = await makeSite({
      ...FILES,
      'drafts/2019-06-01-u1.org': untagged('2019-06-01'),
      'drafts/2019-05-01-u2.org': untagged('2019-05-01'),
      'static/old.txt': 'old static',
      'static/same.txt': 'same',
    });
    await build(root);
    const distIno = (await stat(path.join(root, 'dist'))).ino;
    const sameIno = (await stat(path.join(root, 'dist/same.txt'))).ino;
    const before = await inodes(root);
    // Index pages: [p5 p4] [p3 p2] [p1 u1] [u2]: the fourth one goes.
    await rm(path.join(root, 'drafts/2019-05-01-u2.org'));
    await rm(path.join(root, 'static/old.txt'));
    await writeFile(path.join(root, 'static/new.txt'), 'new static');
    await writeFile(path.join(root, 'dist/stray.html'), 'put there by hand');
    await build(root);
    // The folder itself stayed (a whole-tree swap would have replaced it), and so did the kept pages.
    expect((await stat(path.join(root, 'dist'))).ino).toBe(distIno);
    // The index pages (their page count changed) and the archive listed it; its neighbour linked to it.
    expect(await renderedSince(root, before)).toEqual(['2019/06/u1/index.html', 'archive/index.html', ...LIST].sort());
    expect(existsSync(path.join(root, 'dist/2019/05'))).toBe(false);
    expect(existsSync(path.join(root, 'dist/page/4'))).toBe(false);
    expect(existsSync(path.join(root, 'dist/old.txt'))).toBe(false);
    expect(existsSync(path.join(root, 'dist/stray.html'))).toBe(false);
    expect(await readFile(path.join(root, 'dist/new.txt'), 'utf8')).toBe('new static');
    // Static files are copied afresh every build.
    expect((await stat(path.join(root, 'dist/same.txt'))).ino).not.toBe(sameIno);
    expect((await readdir(root)).filter((n) => n.includes('orgpress-'))).toEqual([]);
    await expectSameAsColdBuild(root);
  });

  it('when a path turns from a file into a folder, kept pages are linked into a new tree that replaces dist/ whole', async () => {
    const root = await makeSite({ ...FILES, 'static/notes': 'a file first' });
    await build(root);
    const distIno = (await stat(path.join(root, 'dist'))).ino;
    const before = await inodes(root);
    await rm(path.join(root, 'static/notes'));
    await mkdir(path.join(root, 'static/notes'));
    await writeFile(path.join(root, 'static/notes/one.txt'), 'then a folder');
    await build(root);
    // Not in place (dist/ is a new folder), yet no page was rendered: each is a link to the previous file.
    expect((await stat(path.join(root, 'dist'))).ino).not.toBe(distIno);
    expect(await renderedSince(root, before)).toEqual([]);
    expect(await readFile(path.join(root, 'dist/notes/one.txt'), 'utf8')).toBe('then a folder');
    expect((await readdir(root)).filter((n) => n.includes('orgpress-'))).toEqual([]);
    await expectSameAsColdBuild(root);
  });
});
