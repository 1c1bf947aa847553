/**
 * Finds an org post's notes to self (DESIGN.md, "TODO comments") in the
 * uniorg AST: `# TODO:` comment runs, `#+BEGIN_COMMENT` blocks that start
 * with a keyword, and headlines with an open TODO keyword.
 *
 * Also home of the rules shared with markdown comments: which words start
 * a note (`matchNoteKeyword`) and how a run of comment lines splits into
 * notes (`splitCommentNotes`).
 */
import type { Headline, OrgData, OrgNode } from 'uniorg';
import type { TodoNote } from '../document.js';
import type { TodoKeywordSets } from './read-todo-keywords.js';

/** Words that start a note in a comment. Case-sensitive, whole first word. */
export const COMMENT_NOTE_KEYWORDS = ['TODO', 'FIXME', 'XXX'] as const;

/** The notes placed at one AST node (a comment, comment block or headline); empty for most nodes. */
export type TodoNoteLookup = (node: object) => readonly TodoNote[];

export interface CollectOrgTodosOptions {
  /** Path of the draft relative to the site root (becomes `TodoNote.file`). */
  file: string;
  /** Line of the original file where the parsed body starts (1 without front matter). */
  bodyStartLine: number;
  /** From `readTodoKeywords(body)`: only `open` headline keywords make notes. */
  keywords: Pick<TodoKeywordSets, 'open'>;
  /**
   * The exact text that was parsed (the body). Recommended: uniorg drops the
   * indentation of a comment run's later lines, so the `#` column of a note
   * starting mid-run is read from here (without it: the run's first `#`
   * column), and so is whether a headline keyword really ends where uniorg
   * says (`* TODOS` is not `TODO`; without it, uniorg is trusted — pass
   * `parserTodoKeywords(...)` to uniorg-parse to make that safe).
   */
  source?: string;
}

export interface OrgTodos {
  /** In document order, anchors `todo-1`, `todo-2`, … */
  notes: TodoNote[];
  /** For the org→hast handlers (`commentHandlers`): the notes to show at a node. */
  lookup: TodoNoteLookup;
}

/** A comment line as seen by `splitCommentNotes`. */
export interface CommentLine {
  /** The line's comment text, without comment markers. */
  text: string;
  /** 1-based line in the original file. */
  line: number;
  /** Column to report when a note starts on this line. */
  column: number;
}

/** A note found by `splitCommentNotes`, before it gets a file, section, kind and anchor. */
export interface SplitNote {
  keyword: string;
  text: string;
  line: number;
  column: number;
}

const noteStart = new RegExp(`^[ \\t]*(${COMMENT_NOTE_KEYWORDS.join('|')})(?::|(?=\\s|$))(.*)$`);

/**
 * Whether a comment line starts a note: its first word is TODO, FIXME or
 * XXX, alone or followed by a colon (`TODO`, `TODO:`, `TODO: text`; not
 * `TODOS`, `todo` or `TODO-list`).
 */
export function matchNoteKeyword(text: string): { keyword: string; rest: string } | null {
  const m = noteStart.exec(text);
  if (!m) return null;
  return { keyword: m[1] ?? '', rest: m[2] ?? '' };
}

/**
 * Splits a run of consecutive comment lines into notes: each line that
 * starts with a keyword starts a note, which takes in the following lines
 * up to the next such line. Lines before the first keyword are not a note
 * (or, with `mustStartWithKeyword`, the whole run is not a note unless its
 * first non-blank line has a keyword: the rule for comment blocks and HTML
 * comments). A note's lines are joined with single spaces.
 */
export function splitCommentNotes(
  lines: readonly CommentLine[],
  { mustStartWithKeyword = false }: { mustStartWithKeyword?: boolean } = {},
): SplitNote[] {
  const notes: { keyword: string; parts: string[]; line: number; column: number }[] = [];
  let current: (typeof notes)[number] | null = null;
  let sawText = false;
  for (const line of lines) {
    const match = matchNoteKeyword(line.text);
    if (mustStartWithKeyword && !sawText && line.text.trim() !== '' && !match) return [];
    if (line.text.trim() !== '') sawText = true;
    if (match) {
      current = { keyword: match.keyword, parts: [match.rest], line: line.line, column: line.column };
      notes.push(current);
    } else if (current) {
      current.parts.push(line.text);
    }
  }
  return notes.map(({ keyword, parts, line, column }) => ({
    keyword,
    text: joinNoteText(parts),
    line,
    column,
  }));
}

/** Joins note lines into one text: single spaces, no leading or trailing space. */
export function joinNoteText(parts: readonly string[]): string {
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Collects the notes of an org post. The tree must come from uniorg-parse
 * with `trackPosition: true` (positions are required: a tree without them
 * is a wiring error and throws), and must be the same objects the org→hast
 * stage converts: `lookup` looks nodes up by identity.
 */
export function collectOrgTodos(tree: OrgData, options: CollectOrgTodosOptions): OrgTodos {
  const sourceLines =
    options.source === undefined ? [] : options.source.split('\n').map((line) => line.replace(/\r$/, ''));
  const lineOffset = options.bodyStartLine - 1;
  const notes: TodoNote[] = [];
  const byNode = new WeakMap<object, TodoNote[]>();

  const add = (node: OrgNode, found: SplitNote[], kind: TodoNote['kind'], section: string | null): void => {
    if (found.length === 0) return;
    const first = notes.length + 1;
    const placed = found.map(
      (note, i): TodoNote => ({
        file: options.file,
        line: note.line,
        column: note.column,
        keyword: note.keyword,
        text: note.text,
        section,
        kind,
        anchor: `todo-${first + i}`,
      }),
    );
    notes.push(...placed);
    byNode.set(node, placed);
  };

  const visit = (node: OrgNode, section: string | null): void => {
    switch (node.type) {
      case 'comment': {
        const start = startOf(node);
        const valueLines = node.value.split('\n');
        // Without the source: uniorg starts the run after `# ` (after `#` when the first line is empty).
        const firstHash = Math.max(1, start.column - (valueLines[0] === '' ? 1 : 2));
        const lines = valueLines.map((text, i): CommentLine => {
          const bodyLine = start.line + i;
          const hash = /^[ \t]*#/.exec(sourceLines[bodyLine - 1] ?? '');
          return { text, line: bodyLine + lineOffset, column: hash ? hash[0].length : firstHash };
        });
        add(node, splitCommentNotes(lines), 'comment', section);
        return;
      }
      case 'comment-block': {
        const start = startOf(node);
        const valueLines = node.value.split('\n');
        if (valueLines[valueLines.length - 1] === '') valueLines.pop();
        const lines = valueLines.map((text, i): CommentLine => ({
          text,
          // Contents start on the line after `#+BEGIN_COMMENT`.
          line: start.line + 1 + i + lineOffset,
          column: (/^[ \t]*/.exec(text)?.[0].length ?? 0) + 1,
        }));
        add(node, splitCommentNotes(lines, { mustStartWithKeyword: true }), 'comment-block', section);
        return;
      }
      case 'headline': {
        const note = headlineNote(node, options.keywords.open, sourceLines);
        if (note) {
          const start = startOf(node);
          add(node, [{ ...note, line: start.line + lineOffset, column: start.column }], 'headline', section);
        }
        return;
      }
      case 'section': {
        const headline = node.children[0];
        const title = headline?.type === 'headline' ? headlineText(headline) : section;
        for (const child of node.children) visit(child, child === headline ? section : title);
        return;
      }
      default:
        if ('children' in node && Array.isArray(node.children)) {
          for (const child of node.children as OrgNode[]) visit(child, section);
        }
    }
  };

  for (const child of tree.children) visit(child, null);

  return {
    notes,
    lookup: (node) => byNode.get(node) ?? [],
  };
}

/** The plain text of a headline's title: no keyword, priority or tags. */
export function headlineText(headline: Headline): string {
  return joinNoteText([plainText(headline.children)]);
}

function headlineNote(
  headline: Headline,
  open: readonly string[],
  sourceLines: readonly string[],
): { keyword: string; text: string } | null {
  const keyword = headline.todoKeyword;
  if (!keyword || !open.includes(keyword)) return null;
  // uniorg-parse needs no word end after the keyword (`* TODOS` gets `TODO`)
  // unless given `parserTodoKeywords(...)`; check the source line ourselves.
  const sourceLine = sourceLines[startOf(headline).line - 1];
  if (sourceLine !== undefined && !new RegExp(`^\\*+[ \\t]+${escapeRegExp(keyword)}(?=\\s|$)`).test(sourceLine)) {
    return null;
  }
  return { keyword, text: headlineText(headline) };
}

/** Plain text of inline org objects, as a reader sees it. */
function plainText(nodes: readonly OrgNode[]): string {
  let text = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'code':
      case 'verbatim':
      case 'statistics-cookie':
        text += node.value;
        break;
      case 'entity':
        text += node.utf8;
        break;
      case 'latex-fragment':
        text += node.value;
        break;
      case 'link':
        text += node.children.length > 0 ? plainText(node.children) : node.rawLink;
        break;
      case 'timestamp':
        text += node.rawValue;
        break;
      case 'line-break':
        text += ' ';
        break;
      default:
        if ('children' in node && Array.isArray(node.children)) text += plainText(node.children as OrgNode[]);
    }
  }
  return text;
}

function startOf(node: OrgNode): { line: number; column: number } {
  const start = node.position?.start;
  if (!start) {
    throw new Error(`collectOrgTodos: ${node.type} node has no position; parse with uniorg-parse { trackPosition: true }`);
  }
  return start;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
