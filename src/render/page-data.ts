import type { SiteConfig } from '../config/schema.js';
import type { Site, SitePost, SiteTag } from '../site/site-model.js';
import { dateData } from './format-date.js';
import type { PageData, PostData, SiteData, TagData } from './template-data.js';
import { absoluteUrl, type UrlBase } from './urls.js';
import { postImage } from '../site/post-image.js';

export const FEED_URLS = { atom: '/atom.xml', rss: '/rss.xml', json: '/feed.json' } as const;

export function siteData(site: Site, base: UrlBase, version: string, dev: boolean): SiteData {
  const c = site.config;
  return {
    title: c.title,
    description: c.description,
    author: c.author,
    baseUrl: base.baseUrl,
    basePath: base.basePath,
    language: c.language,
    menu: c.menu,
    dev,
    feeds: { ...FEED_URLS },
    generator: `orgpress ${version}`,
    tags: site.tags.map(tagData),
  };
}

export function tagData(tag: SiteTag): TagData {
  return { name: tag.name, slug: tag.slug, url: tag.url, count: tag.posts.length };
}

/** Minutes at the configured pace, rounded, at least one. */
export function readingMinutes(words: number, wordsPerMinute: number): number {
  return Math.max(1, Math.round(words / wordsPerMinute));
}

export function postData(post: SitePost, config: SiteConfig, base: UrlBase, dev: boolean): PostData {
  const { meta } = post.doc;
  return {
    title: meta.title,
    url: post.url,
    absoluteUrl: absoluteUrl(base, post.url),
    slug: meta.slug,
    date: dateData(meta.date, config.language),
    updated: dateData(meta.updated, config.language),
    tags: post.tags.map(tagData),
    author: meta.author ?? config.author,
    summary: meta.summary ?? '',
    readingMinutes: readingMinutes(post.doc.wordCount, config.wordsPerMinute),
    wordCount: post.doc.wordCount,
    draft: meta.draft,
    contentHtml: dev ? post.devHtml : post.html,
    toc: post.doc.tocShown ?? post.doc.toc,
    showToc: post.doc.tocShown !== null ? post.doc.tocShown.length > 0 : post.doc.toc.length >= 3,
    newer: post.newer ? { title: post.newer.doc.meta.title, url: post.newer.url } : null,
    older: post.older ? { title: post.older.doc.meta.title, url: post.older.url } : null,
    todos: dev
      ? post.doc.todos.map((t) => ({ line: t.line, column: t.column, text: t.text, anchor: t.anchor, keyword: t.keyword }))
      : [],
    extra: meta.extra,
    image: sharingImage(post, config, base),
  };
}

function sharingImage(post: SitePost, config: SiteConfig, base: UrlBase): string | null {
  const image = postImage(post.doc, config.dirs.drafts);
  return image ? absoluteUrl(base, image.url) : null;
}

export function pageData(
  base: UrlBase,
  kind: PageData['kind'],
  title: string,
  url: string,
  description: string,
): PageData {
  return { kind, title, url, absoluteUrl: absoluteUrl(base, url), description };
}
