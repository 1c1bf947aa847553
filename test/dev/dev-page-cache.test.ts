import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDevServer } from '../../src/dev/dev-server.js';
import { DevSite } from '../../src/dev/site-state.js';
import { makeSite } from '../helpers/fixture-site.js';

/**
 * `orgpress dev` keeps rendered pages in memory (src/render/page-cache.ts):
 * an edit re-renders only the pages whose template data changed. Each case
 * counts the pages rendered and checks that what is served equals what a
 * fresh dev server renders from the same files: a stale page never shows.
 */

const post = (n: number, title: string, tag: string, body = `Body of post ${n}.`) =>
  `---\ntitle: ${title}\ndate: 2020-01-0${n}\ntags: ${tag}\n---\nFirst paragraph of post ${n}.\n\n${body}\n`;

// Newest first: p5 p4 p3 p2 p1. Index pages: [p5 p4] [p3 p2] [p1]. Tag a: p5 p3 p1; tag b: p4 p2.
const FILES = {
  'site.yaml': 'title: Dev cache test\nbaseUrl: https://example.org/\npostsPerPage: 2\n',
  'drafts/2020-01-01-p1.org': post(1, 'Post one', 'a'),
  'drafts/2020-01-02-p2.org': post(2, 'Post two', 'b'),
  'drafts/2020-01-03-p3.org': post(3, 'Post three', 'a', '# TODO: a note to self\nThe claim.'),
  'drafts/2020-01-04-p4.org': post(4, 'Post four', 'b'),
  'drafts/2020-01-05-p5.org': post(5, 'Post five', 'a'),
};
/** 5 posts, 3 index pages, 2 tag pages, the tags page, the archive, 404. */
const PAGES = 13;
const BASE = 'http://127.0.0.1:9/';
const ALL = new Set(['config', 'templates', 'drafts'] as const);
const DRAFTS = new Set(['drafts'] as const);

async function started(root: string): Promise<DevSite> {
  const site = new DevSite({ root, baseUrl: BASE });
  const first = await site.rebuild(ALL);
  expect(first.pages).toEqual({ rendered: PAGES, reused: 0 });
  return site;
}

/** What a dev server started now on the same files serves: the proof that nothing served is stale. */
async function expectSameAsFresh(site: DevSite, root: string): Promise<void> {
  const fresh = new DevSite({ root, baseUrl: BASE });
  await fresh.rebuild(ALL);
  expect([...site.output.files.keys()].sort()).toEqual([...fresh.output.files.keys()].sort());
  for (const [p, content] of fresh.output.files) expect(site.output.files.get(p), p).toEqual(content);
}

const served = (site: DevSite, rel: string) => String(site.output.files.get(rel));

describe('orgpress dev: pages kept in memory', () => {
  it('a save with no change renders nothing', async () => {
    const root = await makeSite(FILES);
    const site = await started(root);
    const again = await site.rebuild(DRAFTS);
    expect(again.noop).toBe(true);
    expect(again.pages.rendered).toBe(0);
  });

  it('an edited body re-renders the post and the pages that list it', async () => {
    const root = await makeSite(FILES);
    const site = await started(root);
    await writeFile(path.join(root, 'drafts/2020-01-03-p3.org'), post(3, 'Post three', 'a', '# TODO: a note to self\nThe *new* claim.'));
    const r = await site.rebuild(DRAFTS, ['drafts/2020-01-03-p3.org']);
    expect(r.rendered).toEqual(['drafts/2020-01-03-p3.org']);
    // The post, index page 2, tag a, the archive.
    expect(r.pages).toEqual({ rendered: 4, reused: PAGES - 4 });
    expect(r.changed).toContain('2020/01/p3/index.html');
    expect(served(site, '2020/01/p3/index.html')).toContain('<strong>new</strong>');
    await expectSameAsFresh(site, root);
  });

  it('an edited title re-renders its neighbours and every list it shows in', async () => {
    const root = await makeSite(FILES);
    const site = await started(root);
    await writeFile(path.join(root, 'drafts/2020-01-03-p3.org'), post(3, 'Post three renamed', 'a'));
    const r = await site.rebuild(DRAFTS);
    // p3, its neighbours p2 and p4, index pages 1 and 2, tags a and b, the archive.
    expect(r.pages).toEqual({ rendered: 8, reused: PAGES - 8 });
    for (const rel of ['2020/01/p2/index.html', '2020/01/p4/index.html', 'page/2/index.html', 'tags/a/index.html', 'archive/index.html']) {
      expect(served(site, rel), rel).toContain('Post three renamed');
    }
    await expectSameAsFresh(site, root);
  });

  it('a changed template or config re-renders every page', async () => {
    const root = await makeSite(FILES);
    const site = await started(root);
    await mkdir(path.join(root, 'templates/partials'), { recursive: true });
    await writeFile(path.join(root, 'templates/partials/footer.liquid'), '<footer class="custom-footer">mine</footer>\n');
    const t = await site.rebuild(new Set(['templates']));
    expect(t.pages).toEqual({ rendered: PAGES, reused: 0 });
    for (const [p, content] of site.output.files) if (p.endsWith('.html') && !p.startsWith('__orgpress')) expect(String(content), p).toContain('custom-footer');
    await expectSameAsFresh(site, root);

    await writeFile(path.join(root, 'site.yaml'), 'title: Renamed blog\nbaseUrl: https://example.org/\npostsPerPage: 2\n');
    const c = await site.rebuild(new Set(['config']));
    expect(c.pages).toEqual({ rendered: PAGES, reused: 0 });
    expect(served(site, '2020/01/p1/index.html')).toContain('Renamed blog');
    await expectSameAsFresh(site, root);

    await rm(path.join(root, 'templates'), { recursive: true });
    const back = await site.rebuild(new Set(['templates']));
    expect(back.pages.rendered).toBe(PAGES);
    expect(served(site, '2020/01/p1/index.html')).not.toContain('custom-footer');
  });

  it('a new post and a deleted one re-render what lists them, and drop the deleted page', async () => {
    const root = await makeSite(FILES);
    const site = await started(root);
    // Without tags: a new tag count would change the `site.tags` every page gets, and re-render them all.
    await writeFile(path.join(root, 'drafts/2020-01-06-p6.org'), post(6, 'Post six', '[]'));
    const added = await site.rebuild(DRAFTS);
    expect(served(site, '2020/01/p6/index.html')).toContain('Post six');
    // p6, p5 (its older neighbour now) and tag a (which lists p5), the three index pages (every post moved), the archive.
    expect(added.pages).toEqual({ rendered: 7, reused: PAGES + 1 - 7 });
    await expectSameAsFresh(site, root);
    await rm(path.join(root, 'drafts/2020-01-06-p6.org'));
    const removed = await site.rebuild(DRAFTS);
    expect(removed.changed).toContain('2020/01/p6/index.html');
    expect(site.output.files.has('2020/01/p6/index.html')).toBe(false);
    await expectSameAsFresh(site, root);
  });

  it('a save the file system stamps like the previous one is still read when the watcher reports it', async () => {
    const root = await makeSite(FILES);
    const site = await started(root);
    const file = path.join(root, 'drafts/2020-01-04-p4.org');
    const text = await readFile(file, 'utf8');
    // Same length, so only the modification time could tell; the watcher's report does.
    await writeFile(file, text.replace('Post four', 'Post FOUR'));
    const r = await site.rebuild(DRAFTS, ['drafts/2020-01-04-p4.org']);
    expect(r.rendered).toEqual(['drafts/2020-01-04-p4.org']);
    expect(served(site, '2020/01/p4/index.html')).toContain('Post FOUR');
  });

  it('the verbose log says how many pages an edit rendered', async () => {
    const root = await makeSite(FILES);
    const lines: string[] = [];
    const dev = await startDevServer({ root, host: '127.0.0.1', port: 0, verbose: true, log: (l) => lines.push(l) });
    try {
      await dev.ready;
      const update = dev.nextUpdate();
      await writeFile(path.join(root, 'drafts/2020-01-03-p3.org'), post(3, 'Post three', 'a', 'Edited.'));
      await update;
      expect(lines.join('\n')).toMatch(/rendered 1 draft and 4 of 13 pages in \d+ ms/);
    } finally {
      await dev.close();
    }
  });
});
