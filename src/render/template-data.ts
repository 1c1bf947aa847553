/**
 * What templates see. This is the theme's contract: README.md ("Templates")
 * documents it for users who write their own `templates/`.
 *
 * All strings are plain text and are escaped on output (LiquidJS
 * `outputEscape: 'escape'`), except the `*Html` fields, which are rendered HTML
 * and must be printed with `| raw`.
 */

export interface SiteData {
  title: string;
  description: string;
  author: string;
  /** Absolute base URL with trailing slash, e.g. `https://user.github.io/blog/`. */
  baseUrl: string;
  /** Path part of baseUrl with trailing slash, e.g. `/blog/`. Use the `url` filter instead of joining by hand. */
  basePath: string;
  language: string;
  menu: { title: string; url: string }[];
  /** True in `orgpress dev`: drafts and TODO notes are shown. */
  dev: boolean;
  /** Feed URLs (site-relative; pass through `url`). */
  feeds: { atom: string; rss: string; json: string };
  /** `orgpress x.y.z`. */
  generator: string;
  /** Every tag with its count, most used first. */
  tags: TagData[];
}

export interface DateData {
  /** `2018-03-09` */
  day: string;
  /** Full ISO for `<time datetime>`: the day for calendar dates, else the instant. */
  iso: string;
  /** Human form in the site language, e.g. `March 9, 2018`. Never shifted by time zones. */
  display: string;
  year: string;
}

export interface TagData {
  name: string;
  slug: string;
  /** Site-relative URL, e.g. `/tags/python/`. */
  url: string;
  count: number;
}

export interface PostLink {
  title: string;
  url: string;
}

export interface PostData {
  title: string;
  /** Site-relative URL, e.g. `/2018/03/python-asyncio/`. */
  url: string;
  /** Absolute URL for canonical links and sharing. */
  absoluteUrl: string;
  slug: string;
  date: DateData | null;
  updated: DateData | null;
  tags: TagData[];
  author: string;
  summary: string;
  /** Reading time in whole minutes (at least 1). */
  readingMinutes: number;
  wordCount: number;
  draft: boolean;
  /** Post body, rendered. Print with `| raw`. In dev it includes TODO notes. */
  contentHtml: string;
  /** Table of contents entries (what the author asked for, else every heading). */
  toc: { depth: number; id: string; text: string }[];
  /** Whether to show it: the author's `toc:`/`#+TOC:` when given, else three or more headings. */
  showToc: boolean;
  /** Newer and older neighbours in date order, or null. */
  newer: PostLink | null;
  older: PostLink | null;
  /** Open TODO notes (only filled in dev). */
  todos: { line: number; column: number; text: string; anchor: string; keyword: string }[];
  /** Every other front-matter key, untouched. */
  extra: Record<string, unknown>;
  /** Absolute URL of the sharing image (front matter `image:`) for OpenGraph and Twitter cards, or null. */
  image: string | null;
}

export interface PaginationData {
  /** 1-based. */
  page: number;
  totalPages: number;
  /** Site-relative URLs or null. */
  newerUrl: string | null;
  olderUrl: string | null;
}

export interface ArchiveYear {
  year: string;
  posts: PostData[];
}

/** Variables for each template, besides `site`. */
export interface PageData {
  /** Which template rendered the page. */
  kind: 'post' | 'list' | 'tag' | 'tags' | 'archive' | '404';
  /** Page title for `<title>` (the site title is added by the layout). */
  title: string;
  /** Site-relative URL of this page. */
  url: string;
  /** Absolute URL (canonical). */
  absoluteUrl: string;
  description: string;
}
