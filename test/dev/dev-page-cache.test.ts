import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDevServer } from '../../src/dev/dev-server.js';
import { DevSite } from '../../src/dev/site-state.js';
import { loadProject, renderProject } from '../../src/pipeline/build.js';
import { makeSite } from '../helpers/fixture-site.js';

/**
 * `orgpress dev` keeps rendered pages in memory (src/render/page-cache.ts):
 * an edit re-renders only the pages whose template data changed, and of a
 * post's data a page's key covers only the fields its templates read
 * (src/render/page-keys.ts): the archive and tag pages show titles and
 * dates, not bodies. Each case counts the pages rendered and checks that
 * what is served equals what a fresh dev server renders from the same
 * files: a stale page never shows.
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

/**
 * What a dev server started now on the same files serves: the proof that
 * nothing served is stale. And its pages are what the same render without
 * a page cache makes (no read-tracking views of posts' data either).
 */
async function expectSameAsFresh(site: DevSite, root: string): Promise<void> {
  const fresh = new DevSite({ root, baseUrl: BASE });
  await fresh.rebuild(ALL);
  expect([...site.output.files.keys()].sort()).toEqual([...fresh.output.files.keys()].sort());
  for (const [p, content] of fresh.output.files) expect(site.output.files.get(p), p).toEqual(content);
  const uncached = await renderProject(await loadProject({ root, baseUrl: BASE, cache: false }), { includeDrafts: true, dev: true, pageCache: null });
  for (const f of uncached.files) expect(site.output.files.get(f.path), f.path).toEqual(f.content);
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

  it('an edited body re-renders the post alone: the lists show its title, date, tags and summary, not its body', async () => {
    const root = await makeSite(FILES);
    const site = await started(root);
    await writeFile(path.join(root, 'drafts/2020-01-03-p3.org'), post(3, 'Post three', 'a', '# TODO: a note to self\nThe *new* claim.'));
    const r = await site.rebuild(DRAFTS, ['drafts/2020-01-03-p3.org']);
    expect(r.rendered).toEqual(['drafts/2020-01-03-p3.org']);
    expect(r.pages).toEqual({ rendered: 1, reused: PAGES - 1 });
    expect(r.changed).toContain('2020/01/p3/index.html');
    expect(served(site, '2020/01/p3/index.html')).toContain('<strong>new</strong>');
    await expectSameAsFresh(site, root);
  });

  it('an edited summary (the first paragraph) also re-renders the index page that shows it, not the archive or tag pages', async () => {
    const root = await makeSite(FILES);
    const site = await started(root);
    const text = post(3, 'Post three', 'a', '# TODO: a note to self\nThe claim.').replace('First paragraph of post 3.', 'A new opening for post 3.');
    await writeFile(path.join(root, 'drafts/2020-01-03-p3.org'), text);
    const r = await site.rebuild(DRAFTS);
    // The post (its description) and index page 2, which shows the summary; the two pages that changed are the two rendered.
    expect(r.pages).toEqual({ rendered: 2, reused: PAGES - 2 });
    expect(r.changed).toEqual(expect.arrayContaining(['2020/01/p3/index.html', 'page/2/index.html']));
    expect(served(site, 'page/2/index.html')).toContain('A new opening for post 3.');
    expect(served(site, 'archive/index.html')).not.toContain('A new opening');
    await expectSameAsFresh(site, root);
  });

  it('an edited title re-renders its neighbours and every list it shows in', async () => {
    const root = await makeSite(FILES);
    const site = await started(root);
    await writeFile(path.join(root, 'drafts/2020-01-03-p3.org'), post(3, 'Post three renamed', 'a'));
    const r = await site.rebuild(DRAFTS);
    // p3, its neighbours p2 and p4, index page 2, tag a, the archive (not the lists that show p2 and p4 only:
    // they do not show neighbours' titles).
    expect(r.pages).toEqual({ rendered: 6, reused: PAGES - 6 });
    for (const rel of ['2020/01/p2/index.html', '2020/01/p4/index.html', 'page/2/index.html', 'tags/a/index.html', 'archive/index.html']) {
      expect(served(site, rel), rel).toContain('Post three renamed');
    }
    await expectSameAsFresh(site, root);
  });

  it('an edited date re-renders every list that shows it', async () => {
    const root = await makeSite(FILES);
    const site = await started(root);
    const p3 = path.join(root, 'drafts/2020-01-03-p3.org');
    // The same day and place, a new time: lists print it in `<time datetime>`.
    await writeFile(p3, post(3, 'Post three', 'a').replace('date: 2020-01-03', 'date: 2020-01-03T09:30:00Z'));
    const timed = await site.rebuild(DRAFTS);
    // p3, index page 2, tag a, the archive.
    expect(timed.pages).toEqual({ rendered: 4, reused: PAGES - 4 });
    for (const rel of ['2020/01/p3/index.html', 'page/2/index.html', 'tags/a/index.html', 'archive/index.html']) {
      expect(served(site, rel), rel).toContain('datetime="2020-01-03T09:30:00+00:00"');
    }
    await expectSameAsFresh(site, root);
    // A later day: p3 is the newest post now, and every list moves.
    await writeFile(p3, post(3, 'Post three', 'a').replace('date: 2020-01-03', 'date: 2020-01-09'));
    await site.rebuild(DRAFTS);
    expect(served(site, 'index.html')).toContain('Post three');
    expect(served(site, 'archive/index.html')).toContain('January 9, 2020');
    await expectSameAsFresh(site, root);
  });

  it('edited tags re-render the lists that show them, and everything when a count changes', async () => {
    const root = await makeSite(FILES);
    const site = await started(root);
    // p3 from a to b and p4 from b to a: the counts stay (a: 3, b: 2), so `site.tags` does too.
    await writeFile(path.join(root, 'drafts/2020-01-03-p3.org'), post(3, 'Post three', 'b', '# TODO: a note to self\nThe claim.'));
    await writeFile(path.join(root, 'drafts/2020-01-04-p4.org'), post(4, 'Post four', 'a'));
    const swapped = await site.rebuild(DRAFTS);
    // p3, p4, index pages 1 and 2 (their cards show tags), tags a and b; not the archive, which shows no tags.
    expect(swapped.pages).toEqual({ rendered: 6, reused: PAGES - 6 });
    expect(served(site, 'tags/b/index.html')).toContain('Post three');
    expect(served(site, 'tags/a/index.html')).not.toContain('Post three');
    await expectSameAsFresh(site, root);
    // A new tag: every page lists the tags with their counts (`site.tags`).
    await writeFile(path.join(root, 'drafts/2020-01-03-p3.org'), post(3, 'Post three', '[b, c]', '# TODO: a note to self\nThe claim.'));
    const added = await site.rebuild(DRAFTS);
    expect(added.pages).toEqual({ rendered: PAGES + 1, reused: 0 });
    expect(served(site, 'tags/c/index.html')).toContain('Post three');
    await expectSameAsFresh(site, root);
  });

  /** A site with `theme` over the built-in one, started, then p3's body edited: the rebuild's result. */
  async function afterBodyEdit(theme: Record<string, string>) {
    const root = await makeSite({ ...FILES, ...theme });
    const site = await started(root);
    await writeFile(path.join(root, 'drafts/2020-01-03-p3.org'), post(3, 'Post three', 'a', 'The *bold* claim.'));
    return { root, site, r: await site.rebuild(DRAFTS) };
  }

  it('a theme that shows bodies in lists gets those lists re-rendered when a body changes', async () => {
    const { root, site, r } = await afterBodyEdit({
      'templates/partials/post-list.liquid': '<ul>{% for p in list_posts %}<li>{{ p.title }}<div class="b">{{ p.contentHtml | raw }}</div></li>{% endfor %}</ul>\n',
    });
    // p3, tag a and the archive (they print its body); index page 2 shows the unchanged summary.
    expect(r.pages).toEqual({ rendered: 3, reused: PAGES - 3 });
    for (const rel of ['tags/a/index.html', 'archive/index.html']) expect(served(site, rel), rel).toContain('<strong>bold</strong>');
    await expectSameAsFresh(site, root);
  });

  it('a template that lists all of a post (json) depends on all of it', async () => {
    const { root, site, r } = await afterBodyEdit({
      'templates/archive.liquid': '{% for y in years %}<script type="application/json">{{ y.posts | json }}</script>{% endfor %}\n',
    });
    // p3 and the archive.
    expect(r.pages).toEqual({ rendered: 2, reused: PAGES - 2 });
    expect(served(site, 'archive/index.html')).toContain('bold');
    await expectSameAsFresh(site, root);
  });

  it('what a page reads can change with the data: each render records it anew', async () => {
    const root = await makeSite({
      ...FILES,
      // Bodies only of posts whose title says so: the archive reads bodies only once one does.
      'templates/partials/post-list.liquid':
        '<ul>{% for p in list_posts %}<li>{{ p.title }}{% if p.title contains "full" %}<div class="b">{{ p.contentHtml | raw }}</div>{% endif %}</li>{% endfor %}</ul>\n',
    });
    const site = await started(root);
    const p3 = path.join(root, 'drafts/2020-01-03-p3.org');
    await writeFile(p3, post(3, 'Post three', 'a', 'Claim one.'));
    expect((await site.rebuild(DRAFTS)).pages.rendered).toBe(1); // p3 alone
    await expectSameAsFresh(site, root);

    await writeFile(p3, post(3, 'Post three in full', 'a', 'Claim two.'));
    await site.rebuild(DRAFTS);
    expect(served(site, 'archive/index.html')).toContain('Claim two.');
    await expectSameAsFresh(site, root);

    // Now the archive and tag a read p3's body: a body edit alone re-renders them.
    await writeFile(p3, post(3, 'Post three in full', 'a', 'Claim three.'));
    const r = await site.rebuild(DRAFTS);
    expect(r.pages).toEqual({ rendered: 3, reused: PAGES - 3 });
    expect(served(site, 'archive/index.html')).toContain('Claim three.');
    await expectSameAsFresh(site, root);

    // And when no title asks for a body any more, they stop reading bodies.
    await writeFile(p3, post(3, 'Post three', 'a', 'Claim four.'));
    await site.rebuild(DRAFTS);
    await writeFile(p3, post(3, 'Post three', 'a', 'Claim five.'));
    expect((await site.rebuild(DRAFTS)).pages.rendered).toBe(1);
    await expectSameAsFresh(site, root);
  });

  it('a run of random edits never leaves a stale page, with the built-in theme or one that reads bodies on some lists', async () => {
    // A seeded generator (mulberry32): the same run every time.
    let seed = 20240501;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    interface Draft {
      title: string;
      day: number;
      tags: string;
      first: string;
      body: string;
    }
    const write = (root: string, n: number, d: Draft) =>
      writeFile(
        path.join(root, `drafts/p${n}.org`),
        `---\ntitle: ${d.title}\ndate: 2020-02-${String(d.day).padStart(2, '0')}\ntags: ${d.tags}\n---\n${d.first}\n\n${d.body}\n`,
      );
    const themes: Record<string, string>[] = [
      {},
      {
        'templates/partials/post-list.liquid':
          '<ul>{% for p in list_posts %}<li>{{ p.title }}{% if p.title contains "full" %}<div>{{ p.contentHtml | raw }}</div>{% endif %}</li>{% endfor %}</ul>\n',
      },
    ];
    for (const theme of themes) {
      const root = await makeSite({ 'site.yaml': 'title: Random edits\nbaseUrl: https://example.org/\npostsPerPage: 3\n', ...theme });
      await mkdir(path.join(root, 'drafts'));
      const drafts = new Map<number, Draft>();
      for (let n = 1; n <= 8; n++) {
        const d = { title: `Post ${n}`, day: n, tags: pick(['a', 'b', '[a, b]', '[]']), first: `Opening ${n}.`, body: `Body ${n}.` };
        drafts.set(n, d);
        await write(root, n, d);
      }
      const site = new DevSite({ root, baseUrl: BASE });
      await site.rebuild(ALL);
      for (let step = 0; step < 12; step++) {
        const n = pick([...drafts.keys()]);
        const d = drafts.get(n)!;
        const edit = pick(['body', 'first', 'title', 'full', 'day', 'tags', 'add', 'remove']);
        if (edit === 'body') d.body = `Body ${n}, edit ${step}.`;
        else if (edit === 'first') d.first = `Opening ${n}, edit ${step}.`;
        else if (edit === 'title') d.title = `Post ${n} edit ${step}`;
        else if (edit === 'full') d.title = `Post ${n} in full`;
        else if (edit === 'day') d.day = 1 + Math.floor(random() * 20);
        else if (edit === 'tags') d.tags = pick(['a', 'b', 'c', '[a, b]', '[]']);
        if (edit === 'add') {
          const m = Math.max(...drafts.keys()) + 1;
          const added = { title: `Post ${m}`, day: 1 + Math.floor(random() * 20), tags: 'a', first: `Opening ${m}.`, body: `Body ${m}.` };
          drafts.set(m, added);
          await write(root, m, added);
        } else if (edit === 'remove' && drafts.size > 2) {
          drafts.delete(n);
          await rm(path.join(root, `drafts/p${n}.org`));
        } else await write(root, n, d);
        await site.rebuild(DRAFTS);
        await expectSameAsFresh(site, root);
      }
    }
  }, 60_000);

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
    // p6, p5 (its older neighbour now), the three index pages (every post moved), the archive; not tag a,
    // which lists p5 but not its neighbours.
    expect(added.pages).toEqual({ rendered: 6, reused: PAGES + 1 - 6 });
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
      expect(lines.join('\n')).toMatch(/rendered 1 draft and 1 of 13 pages in \d+ ms/);
    } finally {
      await dev.close();
    }
  });
});
