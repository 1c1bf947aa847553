import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** A draft as read from disk. `path` is relative to the site root, with `/` separators. */
export interface SourceFile {
  path: string;
  text: string;
}

export type SourceFormat = 'org' | 'markdown';

/**
 * A post date. Date-only values are calendar dates (`2018-03-09`) and are
 * never turned into an instant, so no time zone can move them to another day.
 */
export interface PostDate {
  /** `YYYY-MM-DD` as written by the author (in the site's time zone for datetimes). */
  day: string;
  /**
   * ISO 8601 instant with offset when the author gave a time
   * (`2018-03-09T14:30:00+01:00`); null for a calendar date.
   */
  instant: string | null;
}

export interface PostMeta {
  title: string;
  date: PostDate | null;
  /** Date of the last update, when given (`updated:` / `lastmod:`). */
  updated: PostDate | null;
  tags: string[];
  slug: string;
  draft: boolean;
  author: string | null;
  /** Plain-text summary: `summary:`/`description:` or the first paragraph. */
  summary: string | null;
  /** Every other front-matter key, untouched, for templates. */
  extra: Record<string, unknown>;
}

export interface TocEntry {
  depth: number;
  id: string;
  text: string;
}

/** An author's note to self (DESIGN.md, "TODO comments"). */
export interface TodoNote {
  /** Path of the draft, relative to the site root. */
  file: string;
  /** 1-based line and column in the original file, front matter included. */
  line: number;
  column: number;
  /** TODO, FIXME, XXX, or the headline keyword. */
  keyword: string;
  /** The note's lines joined into one text, without the keyword. */
  text: string;
  /** Text of the nearest heading above the note, or null at the top of the post. */
  section: string | null;
  /** Where the note came from. */
  kind: 'comment' | 'comment-block' | 'headline' | 'html-comment';
  /** Id of the note's `<aside>` in `devHtml`, for links from the dev notes page. */
  anchor: string;
}

/** A link that points at another draft (`[[file:other.org::*Heading][...]]`). */
export interface CrossLink {
  /** Target path relative to the site root, normalised. */
  target: string;
  /** `#anchor` part, already resolved to an id where possible, or a heading text to resolve. */
  fragment: { kind: 'id'; id: string } | { kind: 'heading'; text: string } | null;
  /** The placeholder written into `html` (`orgpress-link:N`), replaced by the site stage. */
  placeholder: string;
  line: number;
  column: number;
}

/** An asset next to the draft that the post references (images). */
export interface AssetRef {
  /** Path relative to the site root. */
  source: string;
  /** Placeholder in html replaced with the final URL by the site stage. */
  placeholder: string;
  line: number;
  column: number;
}

/** The content stage's output: a pure function of (file text, config). */
export interface Document {
  source: SourceFile;
  format: SourceFormat;
  meta: PostMeta;
  /** Post body HTML as published: no TODO note or comment text in any form. */
  html: string;
  /** The same body with TODO notes shown in place as `<aside class="todo-note">`, for `dev`. */
  devHtml: string;
  /** Every heading with its id (links resolve against it). */
  toc: TocEntry[];
  /** The entries the author asked to show (`toc:`, `#+TOC:`); null when they did not say. */
  tocShown: TocEntry[] | null;
  todos: TodoNote[];
  links: CrossLink[];
  assets: AssetRef[];
  /** Words in the body, for reading time. */
  wordCount: number;
  /** A hash of `html` (bodyHash below), made with the body and cached with it: page keys need it for every post, on every build. */
  htmlHash: string;
  /** Whether `html` typesets math (KaTeX): the site then ships KaTeX's stylesheet and fonts. */
  hasMath: boolean;
  diagnostics: Diagnostic[];
}

/** What page keys take for a post body: the same body always gives the same hash (SHA-1: speed, not secrecy). */
export function bodyHash(html: string): string {
  return createHash('sha1').update(html).update('\0').digest('hex');
}

/** KaTeX's class on every formula it typesets (src/content/html/render-math.ts). */
export function typesetsMath(html: string): boolean {
  return html.includes('class="katex');
}

/**
 * The Document without its dev body (`devHtml` empty), as `build` keeps it:
 * it never shows TODO notes, and the dev body is a third of a Document's memory.
 */
export function withoutDevBody(doc: Document): Document {
  return doc.devHtml === '' ? doc : { ...doc, devHtml: '' };
}
