import type { SiteConfig } from '../config/schema.js';
import type { Document } from '../content/document.js';
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

/** postData's last result for a Document, and what else it was made from. */
interface MadePostData {
  config: SiteConfig;
  baseUrl: string;
  basePath: string;
  dev: boolean;
  data: PostData;
}

const made = new WeakMap<Document, MadePostData>();

/**
 * What templates get of a post. The same object as last time when nothing
 * it is made of changed: the Document (dev keeps unchanged ones across
 * rebuilds, and Documents are never modified), the config object, the base
 * URL, dev or not, and what the site stage added (URL, body with resolved
 * links, tags and their counts, neighbours' titles and URLs). Page keys
 * then know it without walking it (PostHashes), and an edit does not
 * rebuild thousands of them.
 */
export function postData(post: SitePost, config: SiteConfig, base: UrlBase, dev: boolean): PostData {
  const last = made.get(post.doc);
  if (last && last.config === config && last.baseUrl === base.baseUrl && last.basePath === base.basePath && last.dev === dev && sameSiteParts(last.data, post, dev)) {
    return last.data;
  }
  const data = makePostData(post, config, base, dev);
  made.set(post.doc, { config, baseUrl: base.baseUrl, basePath: base.basePath, dev, data });
  return data;
}

/** Whether what the site stage gave `post` is what `data` was made from. */
function sameSiteParts(data: PostData, post: SitePost, dev: boolean): boolean {
  if (data.url !== post.url || data.contentHtml !== (dev ? post.devHtml : post.html)) return false;
  if (!sameLink(data.newer, post.newer) || !sameLink(data.older, post.older)) return false;
  if (data.tags.length !== post.tags.length) return false;
  return post.tags.every((t, i) => {
    const d = data.tags[i]!;
    return d.name === t.name && d.slug === t.slug && d.url === t.url && d.count === t.posts.length;
  });
}

function sameLink(link: PostData['newer'], post: SitePost | null): boolean {
  return link === null ? post === null : post !== null && link.title === post.doc.meta.title && link.url === post.url;
}

function makePostData(post: SitePost, config: SiteConfig, base: UrlBase, dev: boolean): PostData {
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

/** `page` of a post's own page (its absolute URL is the post's, already made). */
export function postPageData(post: PostData): PageData {
  return { kind: 'post', title: post.title, url: post.url, absoluteUrl: post.absoluteUrl, description: post.summary };
}
