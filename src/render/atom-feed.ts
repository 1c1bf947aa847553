import type { FeedModel } from './feed-model.js';
import { xmlAttribute, xmlText } from './xml-escape.js';

/**
 * Atom 1.0 (RFC 4287). Titles and summaries are `type="text"`: they are
 * plain text, so a title like `</title><script>` is shown, never run;
 * the content is `type="html"`, escaped as XML text.
 */
export function atomFeed(feed: FeedModel): string {
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlAttribute(feed.language)}">`,
    `    <id>${xmlText(feed.homeUrl)}</id>`,
    `    <title type="text">${xmlText(feed.title)}</title>`,
    ...(feed.description ? [`    <subtitle type="text">${xmlText(feed.description)}</subtitle>`] : []),
    `    <updated>${feed.updated.toISOString()}</updated>`,
    `    <generator>${xmlText(feed.generator)}</generator>`,
    ...(feed.author ? [`    <author><name>${xmlText(feed.author)}</name><uri>${xmlText(feed.homeUrl)}</uri></author>`, `    <rights>${xmlText(`© ${feed.author}`)}</rights>`] : []),
    `    <link rel="alternate" href="${xmlAttribute(feed.homeUrl)}"/>`,
    `    <link rel="self" href="${xmlAttribute(feed.atomUrl)}"/>`,
  ];
  for (const item of feed.items) {
    out.push(
      '    <entry>',
      `        <title type="text">${xmlText(item.title)}</title>`,
      `        <id>${xmlText(item.url)}</id>`,
      `        <link href="${xmlAttribute(item.url)}"/>`,
      `        <published>${item.published.toISOString()}</published>`,
      `        <updated>${item.updated.toISOString()}</updated>`,
      ...(item.summary ? [`        <summary type="text">${xmlText(item.summary)}</summary>`] : []),
      `        <content type="html">${xmlText(item.contentHtml)}</content>`,
      ...(item.author ? [`        <author><name>${xmlText(item.author)}</name></author>`] : []),
      ...item.tags.map((t) => `        <category term="${xmlAttribute(t.name)}" label="${xmlAttribute(t.name)}" scheme="${xmlAttribute(t.url)}"/>`),
      '    </entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}
