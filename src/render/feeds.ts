import type { Site } from '../site/site-model.js';
import { atomFeed } from './atom-feed.js';
import type { FeedModel } from './feed-model.js';
import { feedContent } from './feed-content.js';
import { dateInstant } from './format-date.js';
import { jsonFeed } from './json-feed.js';
import { FEED_URLS } from './page-data.js';
import type { OutputFile } from './render-pages.js';
import { rssFeed } from './rss-feed.js';
import { absoluteUrl, absolutizeHtml, type UrlBase } from './urls.js';

const EPOCH_DAY = { day: '1970-01-01', instant: null };

/**
 * Atom, RSS 2.0 and JSON Feed with full post content and absolute URLs.
 * Written by our own small serialisers (`atom-feed.ts`, `rss-feed.ts`,
 * `json-feed.ts`) rather than the `feed` package, which marks plain-text
 * titles as HTML, leaves `<` unescaped in attributes and splits only the
 * first `]]>` of a CDATA section: a title or tag could break the feed or
 * inject markup into readers.
 */
export function renderFeeds(site: Site, base: UrlBase, version: string): OutputFile[] {
  const model = feedModel(site, base, version);
  return [
    { path: 'atom.xml', content: atomFeed(model) },
    { path: 'rss.xml', content: rssFeed(model) },
    { path: 'feed.json', content: jsonFeed(model) },
  ];
}

function feedModel(site: Site, base: UrlBase, version: string): FeedModel {
  const c = site.config;
  const posts = site.posts.slice(0, c.feedItems);
  const newest = posts[0]?.doc.meta;
  return {
    title: c.title,
    description: c.description,
    language: c.language,
    homeUrl: base.baseUrl,
    atomUrl: absoluteUrl(base, FEED_URLS.atom),
    rssUrl: absoluteUrl(base, FEED_URLS.rss),
    jsonUrl: absoluteUrl(base, FEED_URLS.json),
    updated: dateInstant(newest ? (newest.updated ?? newest.date ?? EPOCH_DAY) : EPOCH_DAY),
    generator: `orgpress ${version}`,
    author: c.author,
    items: posts.map((post) => {
      const m = post.doc.meta;
      const published = dateInstant(m.date ?? EPOCH_DAY);
      return {
        title: m.title,
        url: absoluteUrl(base, post.url),
        published,
        updated: m.updated ? dateInstant(m.updated) : published,
        summary: m.summary,
        contentHtml: absolutizeHtml(base, feedContent(post.html), post.url),
        author: m.author ?? c.author,
        tags: post.tags.map((t) => ({ name: t.name, url: absoluteUrl(base, t.url) })),
      };
    }),
  };
}
