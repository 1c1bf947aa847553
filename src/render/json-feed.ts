import type { FeedModel } from './feed-model.js';

/**
 * JSON Feed 1.1. Its text fields are plain text by the spec and JSON
 * escapes them; `content_html` is the post.
 */
export function jsonFeed(feed: FeedModel): string {
  const authors = (name: string) => (name ? { authors: [{ name }] } : {});
  return (
    JSON.stringify(
      {
        version: 'https://jsonfeed.org/version/1.1',
        title: feed.title,
        home_page_url: feed.homeUrl,
        feed_url: feed.jsonUrl,
        ...(feed.description ? { description: feed.description } : {}),
        language: feed.language,
        ...authors(feed.author),
        items: feed.items.map((item) => ({
          id: item.url,
          url: item.url,
          title: item.title,
          content_html: item.contentHtml,
          ...(item.summary ? { summary: item.summary } : {}),
          date_published: item.published.toISOString(),
          date_modified: item.updated.toISOString(),
          ...authors(item.author),
          ...(item.tags.length ? { tags: item.tags.map((t) => t.name) } : {}),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
