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
export function orgToHast(body: OrgBody): OrgToHastResult {
  const options = readExportOptions(body.text);
  const keywords = readTodoKeywords(body.text);
  const parser = unified().use(uniorgParse, {
    trackPosition: true,
    useSubSuperscripts: options.subSuperscripts,
    todoKeywords: parserTodoKeywords(keywords),
  });
  const org = parser.parse(body.text) as OrgData;

  // uniorg-parse drops #+CAPTION/#+NAME/#+ATTR_HTML on org tables: put them back.
  restoreTableKeywords(org, body.text, { trackPosition: true, useSubSuperscripts: options.subSuperscripts });
  // uniorg turns the blank line after a comment into a whitespace-only paragraph.
  removeBlankParagraphs(org);
  unescapeMarkupCharacters(org);
  const links = resolveOrgLinks(org, body);

  const todos = collectOrgTodos(org, { file: body.file, bodyStartLine: body.startLine, keywords, source: body.text });

  const converter = unified().use(uniorgRehype, {
    handlers: orgHandlers({ file: body.file, startLine: body.startLine, options, todoLookup: todos.lookup }),
    footnotesSection: (footnotes) => footnotes,
  });
  const tree = converter.runSync(org) as Root;
  return { tree, todos: todos.notes, options, links, diagnostics: [] };
}
