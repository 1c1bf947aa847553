import { Feed } from 'feed';
import type { Site } from '../site/site-model.js';
import { dateInstant } from './format-date.js';
import { FEED_URLS } from './page-data.js';
import { feedContent } from './feed-content.js';
import type { OutputFile } from './render-pages.js';
import { absoluteUrl, absolutizeHtml, type UrlBase } from './urls.js';

/**
 * Atom, RSS 2.0 and JSON Feed with full post content and absolute URLs
 * (the `feed` package writes and escapes the XML and JSON).
 */
export function renderFeeds(site: Site, base: UrlBase, version: string): OutputFile[] {
  const c = site.config;
  const posts = site.posts.slice(0, c.feedItems);
  const newest = posts[0]?.doc.meta;
  const updated = newest ? dateInstant(newest.updated ?? newest.date ?? { day: '1970-01-01', instant: null }) : new Date(0);
  const author = c.author ? { name: c.author, link: base.baseUrl } : undefined;
  const feed = new Feed({
    title: c.title,
    description: c.description || undefined,
    id: base.baseUrl,
    link: base.baseUrl,
    language: c.language,
    copyright: c.author ? `© ${c.author}` : '',
    updated,
    generator: `orgpress ${version}`,
    feedLinks: {
      atom: absoluteUrl(base, FEED_URLS.atom),
      rss: absoluteUrl(base, FEED_URLS.rss),
      json: absoluteUrl(base, FEED_URLS.json),
    },
    author,
  });
  for (const post of posts) {
    const m = post.doc.meta;
    const link = absoluteUrl(base, post.url);
    const date = dateInstant(m.updated ?? m.date ?? { day: '1970-01-01', instant: null });
    feed.addItem({
      title: m.title,
      id: link,
      link,
      date,
      published: m.date ? dateInstant(m.date) : date,
      description: m.summary ?? undefined,
      content: absolutizeHtml(base, feedContent(post.html), post.url),
      author: m.author ? [{ name: m.author }] : author ? [author] : undefined,
      category: post.tags.map((t) => ({ name: t.name, term: t.name, domain: absoluteUrl(base, t.url) })),
    });
  }
  return [
    { path: 'atom.xml', content: feed.atom1() },
    { path: 'rss.xml', content: feed.rss2() },
    { path: 'feed.json', content: feed.json1() },
  ];
}
