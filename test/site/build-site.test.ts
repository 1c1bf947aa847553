import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/schema.js';
import { loadFormats, renderDocument } from '../../src/content/render-document.js';
import { buildSite } from '../../src/site/build-site.js';

const config = defaultConfig({ postsPerPage: 2 });
await loadFormats([{ path: 'drafts/c.md', text: '' }]);
const doc = (path: string, front: string, body = 'Text.') => renderDocument({ path, text: `---\n${front}\n---\n${body}\n` }, config);

const docs = [
  doc('drafts/a.org', 'title: Alpha\ndate: 2020-01-01\ntags: [x, y]'),
  doc('drafts/b.org', 'title: Beta\ndate: 2021-06-01\ntags: y'),
  doc('drafts/c.md', 'title: Gamma\ndate: 2021-06-01 08:00\ntags: [Y, z]'),
  doc('drafts/d.org', 'title: Delta\ndate: 2022-02-02'),
  doc('drafts/e.org', 'title: Draft\ndate: 2023-03-03\ndraft: true'),
];
const site = buildSite(docs, config, { includeDrafts: false, draftFiles: new Set() });

describe('site model', () => {
  it('orders posts newest first; a datetime sorts after a date-only post of the same day', () => {
    expect(site.diagnostics).toEqual([]);
    expect(site.posts.map((p) => p.doc.meta.title)).toEqual(['Delta', 'Gamma', 'Beta', 'Alpha']);
  });

  it('leaves drafts out unless asked', () => {
    const withDrafts = buildSite(docs, config, { includeDrafts: true, draftFiles: new Set() });
    expect(withDrafts.posts.map((p) => p.doc.meta.title)[0]).toBe('Draft');
  });

  it('links each post to its newer and older neighbours', () => {
    const [d, g, b, a] = site.posts;
    expect(d!.newer).toBeNull();
    expect(d!.older).toBe(g);
    expect(b!.newer).toBe(g);
    expect(b!.older).toBe(a);
    expect(a!.older).toBeNull();
  });

  it('groups tags case-insensitively, most used first, with their posts newest first', () => {
    expect(site.tags.map((t) => [t.name, t.slug, t.url, t.posts.map((p) => p.doc.meta.title)])).toEqual([
      ['y', 'y', '/tags/y/', ['Gamma', 'Beta', 'Alpha']],
      ['x', 'x', '/tags/x/', ['Alpha']],
      ['z', 'z', '/tags/z/', ['Gamma']],
    ]);
  });

  it('paginates the index', () => {
    expect(site.listPages.map((p) => [p.url, p.newerUrl, p.olderUrl, p.posts.length])).toEqual([
      ['/', null, '/page/2/', 2],
      ['/page/2/', '/', null, 2],
    ]);
  });

  it('groups the archive by year, newest first', () => {
    expect(site.years.map((y) => [y.year, y.posts.length])).toEqual([
      ['2022', 1],
      ['2021', 2],
      ['2020', 1],
    ]);
  });

  it('builds URLs from the permalink pattern', () => {
    expect(site.posts.map((p) => p.url)).toEqual(['/2022/02/d/', '/2021/06/c/', '/2021/06/b/', '/2020/01/a/']);
    const flat = buildSite(docs, { ...config, permalink: '/posts/:slug.html' }, { includeDrafts: false, draftFiles: new Set() });
    expect(flat.posts[0]).toMatchObject({ url: '/posts/d.html', outputPath: 'posts/d.html' });
  });

  it('an empty site still has one index page', () => {
    const empty = buildSite([], config, { includeDrafts: false, draftFiles: new Set() });
    expect(empty.listPages).toHaveLength(1);
    expect(empty.posts).toEqual([]);
  });

  it('a published post without any date is an error naming the file', () => {
    const undated = renderDocument({ path: 'drafts/undated.org', text: '---\ntitle: No date\n---\nx\n' }, config);
    const s = buildSite([undated], config, { includeDrafts: false, draftFiles: new Set() });
    expect(s.diagnostics).toMatchObject([{ file: 'drafts/undated.org', severity: 'error', code: 'site/no-date' }]);
  });
});
