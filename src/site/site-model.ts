import type { Document } from '../content/document.js';
import type { SiteConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface SitePost {
  doc: Document;
  /** Site-relative URL, e.g. `/2018/03/python-asyncio/`. */
  url: string;
  /** File under the output folder, e.g. `2018/03/python-asyncio/index.html`. */
  outputPath: string;
  /** The body with links to other posts resolved: published and dev forms. */
  html: string;
  devHtml: string;
  tags: SiteTag[];
  newer: SitePost | null;
  older: SitePost | null;
}

export interface SiteTag {
  name: string;
  slug: string;
  url: string;
  posts: SitePost[];
}

export interface ListPage {
  /** 1-based. */
  page: number;
  totalPages: number;
  url: string;
  posts: SitePost[];
  newerUrl: string | null;
  olderUrl: string | null;
}

export interface Site {
  config: SiteConfig;
  /** Newest first. */
  posts: SitePost[];
  /** Most used first, then by name. */
  tags: SiteTag[];
  /** The paginated index. */
  listPages: ListPage[];
  /** Newest year first. */
  years: { year: string; posts: SitePost[] }[];
  includeDrafts: boolean;
  /** Files next to the drafts that published posts use (root-relative), copied under /media/. */
  media: string[];
  diagnostics: Diagnostic[];
}
