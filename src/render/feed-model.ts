/**
 * What the three feeds say, worked out once: plain values, not yet escaped
 * for any format. Text fields are plain text (a title with `<` in it is a
 * title with `<` in it); `contentHtml` is HTML with absolute URLs.
 */
export interface FeedModel {
  title: string;
  description: string;
  language: string;
  /** Absolute URLs. */
  homeUrl: string;
  atomUrl: string;
  rssUrl: string;
  jsonUrl: string;
  updated: Date;
  generator: string;
  /** Site author; '' for none. */
  author: string;
  items: FeedItem[];
}

export interface FeedItem {
  title: string;
  /** Absolute URL of the post, also its id. */
  url: string;
  published: Date;
  /** Last change (the published date when never updated). */
  updated: Date;
  summary: string | null;
  contentHtml: string;
  /** The post's own author, else the site's; '' for none. */
  author: string;
  tags: { name: string; url: string }[];
}
