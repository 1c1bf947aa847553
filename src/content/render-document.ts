import type { Root } from 'hast';
import { unified } from 'unified';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import { remove } from 'unist-util-remove';
import type { SiteConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatOf } from '../source/read-drafts.js';
import { bodyHash, typesetsMath, type Document, type SourceFile, type TodoNote } from './document.js';
import { readFrontMatter } from './front-matter/read-front-matter.js';
import { orgToHast } from './org/org-to-hast.js';
import { orgStyleFootnotes } from './markdown/footnote-markup.js';
import { selectToc, type TocOptions } from './org/toc.js';
import { shiftHeadings } from './html/shift-headings.js';
import { containsRaw } from './html/contains-raw.js';
import { addHeadingIds } from './html/heading-ids.js';
import { countWords, firstParagraphText } from './html/text-stats.js';
import { serializeBothForms } from './todos/todo-aside.js';
import { resolveHeadingLinks } from './html/resolve-heading-links.js';
import { neutralizeUnsafeUrls } from './html/neutralize-unsafe-urls.js';
import { stripActiveContent } from './html/strip-active-content.js';
import { internalErrorDocument } from './internal-error-document.js';
import { stripControlCharacters } from './html/strip-control-characters.js';
import { dropUnwritableAttributes } from './html/drop-unwritable-attributes.js';
import { urlBase } from '../render/urls.js';
import type { ResolvedLinks } from './org/resolve-links.js';

/** Raw nodes were parsed (or dropped) above, so nothing unescaped can pass here. */
const stringify = unified().use(rehypeStringify, { allowDangerousHtml: false });

/** The markdown pipeline (remark, micromark, GFM, ~90 ms to import), once `loadFormats` has loaded it. */
let markdown: typeof import('./markdown/markdown-to-hast.js') | null = null;

/**
 * Loads what `renderDocument` needs for these drafts beyond org, whose
 * pipeline is always there: the markdown one when some draft is markdown.
 * A site of org drafts never loads it, so a build worker or a one-post
 * rebuild gets going ~90 ms sooner. Call it before rendering; a markdown
 * draft rendered without it is an internal error, reported at its file.
 */
export async function loadFormats(files: readonly SourceFile[]): Promise<void> {
  if (!markdown && files.some((f) => formatOf(f.path) === 'markdown')) markdown = await import('./markdown/markdown-to-hast.js');
}

/**
 * The content stage: one draft's text in, one Document out. A pure function
 * of (file text, config): no file system, no other posts. That is what makes
 * it cacheable and safe to run in worker threads.
 */
export function renderDocument(source: SourceFile, config: SiteConfig): Document {
  try {
    return renderDocumentUnguarded(source, config);
  } catch (err) {
    // A bug of ours must cost one post, reported at its file, not the whole build with a stack trace.
    return internalErrorDocument(source, config, err);
  }
}

function renderDocumentUnguarded(source: SourceFile, config: SiteConfig): Document {
  const format = formatOf(source.path) ?? 'org';
  const fm = readFrontMatter(source, format, config);
  const diagnostics: Diagnostic[] = [...fm.diagnostics];

  let tree: Root;
  let todos: TodoNote[];
  let links: ResolvedLinks = { links: [], assets: [], headingLinks: [] };
  let tocOptions: TocOptions | null = null;
  if (format === 'org') {
    const r = orgToHast({
      text: fm.body,
      file: source.path,
      startLine: fm.bodyStartLine,
      draftsDir: config.dirs.drafts.replace(/\/+$/, ''),
      basePath: urlBase(config.baseUrl).basePath,
      meta: fm.meta,
    });
    tree = r.tree;
    todos = r.todos;
    links = r.links;
    tocOptions = r.options;
    diagnostics.push(...r.diagnostics);
  } else {
    if (!markdown) throw new Error('the markdown pipeline was not loaded (loadFormats) before rendering this draft');
    const r = markdown.markdownToHast({ text: fm.body, file: source.path, startLine: fm.bodyStartLine }, { rawHtml: config.rawHtml });
    tree = r.tree;
    todos = r.todos;
    diagnostics.push(...r.diagnostics);
    orgStyleFootnotes(tree); // one footnote markup for both formats, styled by the theme
  }

  // Pasted terminal output brings ESC and friends, which no page may hold; taken out first,
  // so no URL check below sees `java\0script:` that becomes `javascript:` later.
  stripControlCharacters(tree, { file: source.path, source: source.text, diagnostics });

  // Before raw HTML is parsed: link syntax never publishes a javascript: URL, the author's own HTML may.
  const where = { file: source.path, startLine: fm.bodyStartLine, diagnostics };
  neutralizeUnsafeUrls(tree, { ...where, format });

  // Raw HTML (export blocks, `#+HTML:`, markdown HTML) becomes real nodes, so comments
  // inside it can be removed and later stages (links, ids) see it; turned off by `rawHtml: false`.
  if (config.rawHtml) {
    if (containsRaw(tree)) {
      tree = unified().use(rehypeRaw).runSync(tree) as Root;
      dropUnwritableAttributes(tree);
    }
  } else {
    remove(tree, 'raw');
    stripActiveContent(tree, where);
  }
  remove(tree, 'comment');

  shiftHeadings(tree);
  const toc = addHeadingIds(tree);
  diagnostics.push(...resolveHeadingLinks(tree, toc, links.headingLinks, source.path));

  const { devHtml, html } = serializeBothForms(tree, (fragment) => stringify.stringify(fragment));

  const meta = fm.meta;
  if (meta.summary === null) meta.summary = firstParagraphText(tree);

  return {
    source,
    format,
    meta,
    html,
    devHtml,
    toc,
    tocShown: tocOptions ? selectToc(tocOptions, toc) : null,
    todos,
    links: links.links,
    assets: links.assets,
    wordCount: countWords(tree),
    htmlHash: bodyHash(html),
    hasMath: typesetsMath(html),
    diagnostics,
  };
}
