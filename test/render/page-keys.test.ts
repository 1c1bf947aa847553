import { Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/schema.js';
import { bodyHash, type Document } from '../../src/content/document.js';
import { renderDocument } from '../../src/content/render-document.js';
import { ALL_FIELDS, PostHashes } from '../../src/render/page-cache.js';
import { postData } from '../../src/render/page-data.js';
import { PageKeys, PostReads } from '../../src/render/page-keys.js';
import type { PostData, SiteData } from '../../src/render/template-data.js';
import { urlBase } from '../../src/render/urls.js';
import { buildSite } from '../../src/site/build-site.js';
import type { SitePost } from '../../src/site/site-model.js';

/**
 * Page keys (src/render/page-keys.ts) cover, of each post's data a page
 * gets, the fields its templates read; what they read is noted through
 * views of the data (PostReads) while the page renders.
 */

const engine = new Liquid({ jsTruthy: true, outputEscape: 'escape' });

function post(over: Partial<PostData> = {}): PostData {
  return {
    title: 'A post',
    url: '/2020/01/a/',
    absoluteUrl: 'https://example.org/2020/01/a/',
    slug: 'a',
    date: { day: '2020-01-01', iso: '2020-01-01', display: 'January 1, 2020', year: '2020' },
    updated: null,
    tags: [{ name: 'x', slug: 'x', url: '/tags/x/', count: 1 }],
    author: 'Me',
    summary: 'The summary.',
    readingMinutes: 1,
    wordCount: 12,
    draft: false,
    contentHtml: '<p>The body.</p>',
    toc: [],
    showToc: false,
    newer: null,
    older: null,
    todos: [],
    extra: {},
    image: null,
    ...over,
  };
}

/** What rendering `template` read of the posts (given as `p` and in `posts`). */
function readsOf(template: string, data = post()): string {
  const reads = new PostReads();
  const view = reads.view(data);
  engine.parseAndRenderSync(template, { p: view, posts: [view] });
  return reads.signature();
}

/** The fields of PostData among them (LiquidJS also probes `toLiquid` and `next`, which no post has: noted all the same). */
const fieldsRead = (template: string, data = post()) => (JSON.parse(readsOf(template, data)) as string[]).filter((name) => name in data);

describe('what a template reads of a post', () => {
  it('notes the fields read, top level only', () => {
    expect(fieldsRead('{{ p.title }} {{ p.date.display }} {{ p.title }}')).toEqual(['date', 'title']);
    expect(fieldsRead('{% for t in p.tags %}{{ t.name }}{% endfor %}')).toEqual(['tags']);
    expect(fieldsRead('{{ posts | map: "url" | join: "," }}')).toEqual(['url']);
    expect(fieldsRead('{{ posts | where: "draft", false | size }}')).toEqual(['draft']);
    expect(readsOf('{{ p.nothing }}')).toContain('"nothing"');
  });

  it('notes only what the path taken reads', () => {
    expect(fieldsRead('{% if p.draft %}{{ p.contentHtml | raw }}{% endif %}')).toEqual(['draft']);
    expect(fieldsRead('{% if p.draft %}{{ p.contentHtml | raw }}{% endif %}', post({ draft: true }))).toEqual(['contentHtml', 'draft']);
  });

  it('takes anything that lists a post’s keys as reading all of it', () => {
    expect(readsOf('{{ p | json }}')).toBe(ALL_FIELDS);
    expect(readsOf('{{ posts | json }}')).toBe(ALL_FIELDS);
    expect(readsOf('{{ p.size }}')).toBe(ALL_FIELDS);
    expect(readsOf('{% for kv in p %}{{ kv[0] }}{% endfor %}')).toBe(ALL_FIELDS);
  });

  it('gives one view per post, so comparing posts works as without views', () => {
    const reads = new PostReads();
    const data = post();
    expect(reads.view(data)).toBe(reads.view(data));
    const template = '{% if p == posts[0] %}same{% else %}other{% endif %}';
    expect(engine.parseAndRenderSync(template, { p: reads.view(data), posts: [reads.view(data)] })).toBe(engine.parseAndRenderSync(template, { p: data, posts: [data] }));
  });

  it('renders through a view exactly as through the data', () => {
    const template = '{{ p.title }}|{{ p.date.iso }}|{{ p.tags.size }}|{{ p | json }}|{% for kv in p %}{{ kv[0] }}{% endfor %}|{{ p.missing }}';
    const data = post();
    expect(engine.parseAndRenderSync(template, { p: new PostReads().view(data) })).toBe(engine.parseAndRenderSync(template, { p: data }));
  });
});

function pageKeys(hashes: PostHashes): PageKeys {
  return new PageKeys({
    roots: [],
    base: urlBase('https://example.org/'),
    dev: true,
    strict: false,
    site: { title: 'T' } as SiteData,
    config: defaultConfig({ title: 'T' }),
    extra: '',
    posts: hashes,
  });
}

const sitePost = (path: string) => ({ doc: { source: { path } } }) as unknown as SitePost;

/** The archive-like key of one list page showing `data`, in a render of its own (as each rebuild is). */
function listKey(hashes: PostHashes, data: PostData, reads: string): string {
  const keys = pageKeys(hashes);
  keys.addPost(sitePost('drafts/a.org'), data);
  const key = keys.key('archive', '/archive/', 'archive/index.html', { page: { title: 'Archive' }, years: [{ year: '2020', posts: [data] }] }, reads);
  hashes.endRender();
  return key;
}

describe('page keys', () => {
  const TITLE_DATE = '["date","title","url"]';

  it('cover the fields a page read, and only those', () => {
    const hashes = new PostHashes();
    const before = listKey(hashes, post(), TITLE_DATE);
    expect(listKey(hashes, post({ contentHtml: '<p>Edited.</p>', wordCount: 13, summary: 'New.' }), TITLE_DATE)).toBe(before);
    expect(listKey(hashes, post({ title: 'Renamed' }), TITLE_DATE)).not.toBe(before);
    expect(listKey(hashes, post({ date: { ...post().date!, iso: '2020-01-01T10:00:00+00:00' } }), TITLE_DATE)).not.toBe(before);
    expect(listKey(hashes, post({ contentHtml: '<p>Edited.</p>' }), '["contentHtml","title"]')).not.toBe(listKey(hashes, post(), '["contentHtml","title"]'));
  });

  it('cover all of every post when the reads are unknown', () => {
    const hashes = new PostHashes();
    const before = listKey(hashes, post(), ALL_FIELDS);
    expect(listKey(hashes, post({ contentHtml: '<p>Edited.</p>' }), ALL_FIELDS)).not.toBe(before);
    expect(listKey(hashes, post({ extra: { mood: 'new' } }), ALL_FIELDS)).not.toBe(before);
    expect(listKey(hashes, post(), ALL_FIELDS)).toBe(before);
  });

  it('tell a field that is missing from one that is null or undefined', () => {
    const hashes = new PostHashes();
    const reads = '["image","title","x"]';
    const base = listKey(hashes, post(), reads);
    expect(listKey(hashes, post({ image: 'https://example.org/i.png' }), reads)).not.toBe(base);
    expect(listKey(hashes, { ...post(), x: null } as PostData, reads)).not.toBe(base);
    expect(listKey(hashes, post(), reads)).toBe(base);
  });

  it('are the same whether remembered from the last render or made afresh', () => {
    const remembering = new PostHashes();
    const variants = [post(), post(), post({ title: 'B' }), post({ contentHtml: 'x' }), post({ contentHtml: 'x' }), post(), post({ tags: [] })];
    for (const reads of [ALL_FIELDS, TITLE_DATE, '["contentHtml"]']) {
      for (const data of variants) expect(listKey(remembering, data, reads)).toBe(listKey(new PostHashes(), data, reads));
    }
  });
});

describe('post data across rebuilds', () => {
  const config = defaultConfig({ title: 'T', baseUrl: 'https://example.org/' });
  const base = urlBase(config.baseUrl);
  const doc = (name: string, title: string, tags: string) =>
    renderDocument({ path: `drafts/${name}.org`, text: `---\ntitle: ${title}\ndate: ${name}\ntags: ${tags}\n---\nBody of ${title}.\n` }, config);
  const dataOf = (docs: Document[]) => {
    const site = buildSite(docs, config, { includeDrafts: true, draftFiles: null });
    return new Map(site.posts.map((p) => [p.doc.meta.title, postData(p, config, base, true)]));
  };

  it('is the very same object while nothing it is made of changed, and new when something did', () => {
    const docs = [doc('2020-01-01', 'One', 'a'), doc('2020-01-02', 'Two', 'b'), doc('2020-01-03', 'Three', 'a'), doc('2020-01-04', 'Four', 'b')];
    const first = dataOf(docs);
    const again = dataOf(docs);
    for (const [title, data] of first) expect(again.get(title), title).toBe(data);

    // Two renamed: its neighbours show its title (One and Three); Four is unchanged.
    const renamed = dataOf([docs[0]!, doc('2020-01-02', 'Two renamed', 'b'), docs[2]!, docs[3]!]);
    expect(renamed.get('One')).not.toBe(first.get('One'));
    expect(renamed.get('One')!.newer?.title).toBe('Two renamed');
    expect(renamed.get('Three')!.older?.title).toBe('Two renamed');
    expect(renamed.get('Four')).toBe(first.get('Four'));

    // A third post tagged b: b's count changes on every post tagged b.
    const back = dataOf(docs);
    const counted = dataOf([...docs, doc('2019-12-01', 'Zero', 'b')]);
    expect(counted.get('Four')!.tags[0]!.count).toBe(3);
    expect(counted.get('Four')).not.toBe(back.get('Four'));
    expect(counted.get('Three')).toBe(back.get('Three'));

    // Another config object, another base URL, or build instead of dev: made afresh.
    const site = buildSite(docs, config, { includeDrafts: true, draftFiles: null });
    const three = site.posts.find((p) => p.doc.meta.title === 'Three')!;
    const now = postData(three, config, base, true);
    expect(postData(three, config, base, true)).toBe(now);
    expect(postData(three, { ...config }, base, true)).not.toBe(now);
    expect(postData(three, config, urlBase('https://example.org/blog/'), true).url).toBe(first.get('Three')!.url);
    expect(postData(three, config, urlBase('https://example.org/blog/'), true).absoluteUrl).toBe(`https://example.org/blog${now.url}`);
    expect(postData(three, config, base, false)).not.toBe(postData(three, config, base, true));
  });
});

describe('body hashes', () => {
  it('come from the content stage, cached with the body, and give the keys hashing the body here gives', () => {
    const config = defaultConfig({ title: 'T', baseUrl: 'https://example.org/' });
    const base = urlBase(config.baseUrl);
    const doc = renderDocument({ path: 'drafts/a.org', text: '---\ntitle: A\ndate: 2020-01-01\n---\nBody with *bold* and $x^2$.\n' }, config);
    expect(doc.htmlHash).toBe(bodyHash(doc.html));
    expect(doc.hasMath).toBe(true);
    const [sp] = buildSite([doc], config, { includeDrafts: true, draftFiles: null }).posts;
    const data = postData(sp!, config, base, false);
    const keyWith = (post: SitePost) => {
      const keys = pageKeys(new PostHashes());
      keys.addPost(post, data);
      return keys.key('post', data.url, 'a/index.html', { post: data });
    };
    // A Document without the hash of this body (its body is another string): hashed here.
    const hashedHere = keyWith({ ...sp!, doc: { ...doc, html: `${doc.html} `, htmlHash: 'unused' } });
    expect(keyWith(sp!)).toBe(hashedHere);
    // And the cached hash is what the key is made from.
    expect(keyWith({ ...sp!, doc: { ...doc, htmlHash: bodyHash('another body') } })).not.toBe(hashedHere);
  });
});
