import type { SiteConfig } from '../config/schema.js';
import { error } from '../diagnostics/diagnostic.js';
import { formatOf } from '../source/read-drafts.js';
import { bodyHash, type Document, type SourceFile } from './document.js';
import { readFrontMatter } from './front-matter/read-front-matter.js';
import { slugFromPath } from './front-matter/slug.js';

/**
 * The Document of a draft the content stage failed on (a bug in orgpress or
 * a library, never the author's fault): no body, and one error at the file
 * that says so, so the build stops with a message instead of a stack trace
 * and the other drafts are still checked.
 */
export function internalErrorDocument(source: SourceFile, config: SiteConfig, err: unknown): Document {
  const format = formatOf(source.path) ?? 'org';
  const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  let meta: Document['meta'];
  try {
    meta = readFrontMatter(source, format, config).meta;
  } catch {
    meta = { title: '', date: null, updated: null, tags: [], slug: slugFromPath(source.path), draft: false, author: null, summary: null, extra: {} };
  }
  return {
    source,
    format,
    meta,
    html: '',
    devHtml: '',
    toc: [],
    tocShown: null,
    todos: [],
    links: [],
    assets: [],
    wordCount: 0,
    htmlHash: bodyHash(''),
    hasMath: false,
    diagnostics: [
      error(source.path, 0, 0, `orgpress failed on this draft (${reason.split('\n')[0]})`, {
        code: 'internal/content',
        hint: 'this is a bug in orgpress, not in the draft: please report it with the draft attached; removing parts of the draft finds the one that triggers it',
      }),
    ],
  };
}
