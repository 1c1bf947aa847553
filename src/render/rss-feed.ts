import type { FeedModel } from './feed-model.js';
import { htmlText, xmlAttribute, xmlText } from './xml-escape.js';

/**
 * RSS 2.0. `<title>` and `<category>` are plain text, escaped once for XML.
 * `<description>` is read as HTML by every reader, so the plain-text
 * summary is escaped as HTML first; `<content:encoded>` carries the post.
 */
export function rssFeed(feed: FeedModel): string {
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">',
    '    <channel>',
    `        <title>${xmlText(feed.title)}</title>`,
    `        <link>${xmlText(feed.homeUrl)}</link>`,
    `        <description>${xmlText(htmlText(feed.description))}</description>`,
    `        <language>${xmlText(feed.language)}</language>`,
    `        <lastBuildDate>${feed.updated.toUTCString()}</lastBuildDate>`,
    '        <docs>https://www.rssboard.org/rss-specification</docs>',
    `        <generator>${xmlText(feed.generator)}</generator>`,
    ...(feed.author ? [`        <copyright>${xmlText(`© ${feed.author}`)}</copyright>`] : []),
    `        <atom:link href="${xmlAttribute(feed.rssUrl)}" rel="self" type="application/rss+xml"/>`,
  ];
  for (const item of feed.items) {
    out.push(
      '        <item>',
      `            <title>${xmlText(item.title)}</title>`,
      `            <link>${xmlText(item.url)}</link>`,
      `            <guid isPermaLink="true">${xmlText(item.url)}</guid>`,
      `            <pubDate>${item.published.toUTCString()}</pubDate>`,
      ...(item.summary ? [`            <description>${xmlText(htmlText(item.summary))}</description>`] : []),
      `            <content:encoded>${xmlText(item.contentHtml)}</content:encoded>`,
      ...(item.author ? [`            <dc:creator>${xmlText(item.author)}</dc:creator>`] : []),
      ...item.tags.map((t) => `            <category domain="${xmlAttribute(t.url)}">${xmlText(t.name)}</category>`),
      '        </item>',
    );
  }
  out.push('    </channel>', '</rss>', '');
  return out.join('\n');
}
