import { preserveLineBreaks } from '../html/preserve-line-breaks.js';
import type { Root } from 'hast';
import { unified } from 'unified';
import uniorgParse from 'uniorg-parse';
import uniorgRehype from 'uniorg-rehype';
import type { OrgData } from 'uniorg';
import type { TodoNote } from '../document.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { readExportOptions, type OrgExportOptions } from './read-in-file-settings.js';
import { unescapeMarkupCharacters } from './unescape-text.js';
import { resolveOrgLinks, type ResolvedLinks } from './resolve-links.js';
import { restoreTableKeywords } from './handlers/table.js';
import { orgHandlers } from './handlers/index.js';
import { removeBlankParagraphs } from '../todos/comment-handlers.js';
import { parserTodoKeywords, readTodoKeywords } from '../todos/read-todo-keywords.js';
import { collectOrgTodos } from '../todos/collect-org-todos.js';
import { markDedicatedTargets } from './transforms/dedicated-targets.js';
import { parseImageDescriptions } from './transforms/image-descriptions.js';
import { convertSpecialStrings } from './transforms/special-strings.js';
import { addImageAttributes } from './transforms/image-attributes.js';
import { expandMacros } from './transforms/expand-macros.js';
import { excludeSubtrees } from './transforms/exclude-subtrees.js';
import { orgFootnotes } from './handlers/footnotes.js';
import { markInlineSrcBlocks } from './transforms/inline-src-blocks.js';
import { findUnclosedBlocks } from './unclosed-blocks.js';
import { mergeAttributeSpellings } from './merge-attribute-spellings.js';
import type { PostMeta } from '../document.js';

export interface OrgBody {
  /** The org text after the YAML front matter. */
  text: string;
  /** Path of the draft, relative to the site root. */
  file: string;
  /** 1-based line of the original file where `text` starts. */
  startLine: number;
  /** Drafts folder relative to the root, and the site's base path, for link URLs. */
  draftsDir: string;
  basePath: string;
  /** Front-matter title, author and date, for the `{{{title}}}`, `{{{author}}}`, `{{{date}}}` macros. */
  meta?: Partial<Pick<PostMeta, 'title' | 'author' | 'date'>>;
}

export interface OrgToHastResult {
  tree: Root;
  todos: TodoNote[];
  options: OrgExportOptions;
  links: ResolvedLinks;
  diagnostics: Diagnostic[];
}

/**
 * Org text → hast, with our handlers in place of uniorg-rehype's defaults
 * where org fidelity needs them. Pure: no file system.
 */
export function orgToHast(input: OrgBody): OrgToHastResult {
  // {{{macros}}} first, on the text: expansion keeps every line in place.
  const macros = expandMacros(input.text, { file: input.file, startLine: input.startLine, meta: input.meta });
  const body: OrgBody = { ...input, text: macros.text };
  const options = readExportOptions(body.text);
  const keywords = readTodoKeywords(body.text);
  const parser = unified().use(uniorgParse, {
    trackPosition: true,
    useSubSuperscripts: options.subSuperscripts,
    todoKeywords: parserTodoKeywords(keywords),
  });
  const org = parser.parse(body.text) as OrgData;
  // An unclosed #+BEGIN_… renders as text (as in Emacs), but the author meant a block.
  const unclosed = findUnclosedBlocks(org, { file: body.file, source: body.text, startLine: body.startLine });

  // uniorg-parse drops #+CAPTION/#+NAME/#+ATTR_HTML on org tables: put them back.
  restoreTableKeywords(org, body.text, { trackPosition: true, useSubSuperscripts: options.subSuperscripts });
  // uniorg turns the blank line after a comment into a whitespace-only paragraph.
  removeBlankParagraphs(org);
  // src_lang{code}, which uniorg leaves as text: found in the source, before any transform rewrites text.
  markInlineSrcBlocks(org, body.text);
  // Text nodes hold only text of the draft (macros are expanded above): two walks of the
  // tree are skipped where the draft has no backslash, or no `<<`, anywhere.
  if (body.text.includes('\\')) unescapeMarkupCharacters(org);
  const diagnostics: Diagnostic[] = [...macros.diagnostics, ...unclosed];
  // <<target>> → target nodes; [[url][file:thumb.png]] → an image link inside the link.
  if (body.text.includes('<<')) markDedicatedTargets(org);
  // A description that is an image link starts right after the link's `][`.
  if (/\]\[\s*(?:file|https?):/i.test(body.text)) parseImageDescriptions(org);
  // -- — ... \- (#+OPTIONS: -:), before links so heading titles read as on the page.
  if (options.specialStrings) convertSpecialStrings(org);
  // Notes are collected before excluded subtrees go, so `orgpress todos` still lists theirs.
  const todos = collectOrgTodos(org, { file: body.file, bodyStartLine: body.startLine, keywords, source: body.text });
  // noexport/COMMENT/select-tag/archive pruning, before links: excluded parts publish no media and report no broken links.
  excludeSubtrees(org, options);
  const links = resolveOrgLinks(org, body, { diagnostics, entities: options.entities });
  // alt, #+ATTR_HTML, loading/decoding of images (after links, which turn links leading nowhere into text).
  diagnostics.push(...addImageAttributes(org, { file: body.file, startLine: body.startLine, entities: options.entities }));

  const footnotes = orgFootnotes(org, { enabled: options.footnotes, file: body.file, startLine: body.startLine });
  const converter = unified().use(uniorgRehype, {
    handlers: orgHandlers({
      file: body.file,
      startLine: body.startLine,
      options,
      todoLookup: todos.lookup,
      source: body.text,
      todoKeywords: keywords,
      footnotes,
      diagnostics,
    }),
  });
  const tree = converter.runSync(org) as Root;
  // #+ATTR_HTML names as written (`class`) next to a handler's (`className`) would be written twice.
  mergeAttributeSpellings(tree);
  if (options.preserveBreaks) preserveLineBreaks(tree);
  footnotes.appendSection(tree);
  diagnostics.push(...footnotes.diagnostics);
  return { tree, todos: todos.notes, options, links, diagnostics };
}
