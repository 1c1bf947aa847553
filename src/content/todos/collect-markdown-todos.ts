/**
 * Finds a markdown post's notes to self: HTML comments whose text starts
 * with TODO, FIXME or XXX (`<!-- TODO: … -->`, possibly over several lines),
 * and provides remark-rehype handlers that show them in place and keep
 * every HTML comment out of the output (DESIGN.md, "TODO comments").
 *
 * Same rules as org comment blocks (`splitCommentNotes` with
 * `mustStartWithKeyword`): a comment is a note only if its text starts with
 * a keyword; a later line starting with a keyword starts another note.
 */
import type { Html, Nodes as MdastNodes, Parents as MdastParents, Root as MdastRoot } from 'mdast';
import type { ElementContent } from 'hast';
import { defaultHandlers, type Options as RemarkRehypeOptions } from 'remark-rehype';
import type { TodoNote } from '../document.js';
import { joinNoteText, splitCommentNotes, type CommentLine, type TodoNoteLookup } from './collect-org-todos.js';
import { todoAside } from './todo-aside.js';

export type MarkdownHandlers = NonNullable<RemarkRehypeOptions['handlers']>;
type MarkdownHandler = NonNullable<MarkdownHandlers['html']>;

export interface CollectMarkdownTodosOptions {
  /** Path of the draft relative to the site root (becomes `TodoNote.file`). */
  file: string;
  /** Line of the original file where the parsed body starts (1 without front matter). */
  bodyStartLine: number;
  /**
   * The parsed body text. Optional: only needed for the exact column of a
   * note that starts on a later line of an HTML node inside a blockquote or
   * list (remark strips the `> ` and indentation from such lines).
   */
  source?: string;
}

export interface MarkdownTodos {
  /** In document order, anchors `todo-1`, `todo-2`, … */
  notes: TodoNote[];
  /** The notes shown after a node: a flow `html` node, or the paragraph/heading/table holding an inline comment. */
  lookup: TodoNoteLookup;
  /** For remark-rehype's `handlers` option: `markdownTodoHandlers(lookup)`. */
  handlers: MarkdownHandlers;
}

/** Parents whose children are blocks: a note aside can stand among them. */
const flowParents = new Set<string>(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

const htmlComment = /<!--(?:>|->|([\s\S]*?)(?:-->|$))/g;

/**
 * Collects the notes of a markdown post from its mdast (remark-parse keeps
 * positions). Does not change the tree: the notes are placed by `handlers`
 * when the same tree goes through remark-rehype.
 */
export function collectMarkdownTodos(tree: MdastRoot, options: CollectMarkdownTodosOptions): MarkdownTodos {
  const sourceLines = options.source?.split('\n').map((line) => line.replace(/\r$/, ''));
  const lineOffset = options.bodyStartLine - 1;
  const notes: TodoNote[] = [];
  const byNode = new WeakMap<object, TodoNote[]>();
  let section: string | null = null;

  const visit = (node: MdastNodes, parent: MdastParents | null, block: MdastNodes | null): void => {
    if (node.type === 'heading') section = joinNoteText([plainText(node)]);
    if (node.type === 'html') {
      const found = notesInHtml(node, sourceLines).map(
        (note, i): TodoNote => ({
          file: options.file,
          line: note.line + lineOffset,
          column: note.column,
          keyword: note.keyword,
          text: note.text,
          section,
          kind: 'html-comment',
          anchor: `todo-${notes.length + i + 1}`,
        }),
      );
      if (found.length === 0) return;
      notes.push(...found);
      // Inline comments: the aside goes after the block holding them (an aside cannot sit in a <p>).
      const host = parent && flowParents.has(parent.type) ? node : (block ?? node);
      byNode.set(host, [...(byNode.get(host) ?? []), ...found]);
      return;
    }
    if ('children' in node) {
      // The outermost non-flow node below a flow parent is the block an inline note follows.
      const childBlock = flowParents.has(node.type) ? null : (block ?? node);
      for (const child of node.children) visit(child, node, childBlock);
    }
  };
  visit(tree, null, null);

  const lookup: TodoNoteLookup = (node) => byNode.get(node) ?? [];
  return { notes, lookup, handlers: markdownTodoHandlers(lookup) };
}

/**
 * remark-rehype handlers: `html` shows the node's note asides and drops its
 * comments (in `allowDangerousHtml` mode the rest of the HTML is kept as a
 * `raw` node, its comments removed, so rehype-raw or rehype-stringify never
 * see one); `paragraph`, `heading` and `table` (`base`'s or remark-rehype's
 * own) are followed by the asides of inline comments inside them.
 */
export function markdownTodoHandlers(lookup: TodoNoteLookup, base: MarkdownHandlers = {}): MarkdownHandlers {
  const followedByNotes = (type: 'paragraph' | 'heading' | 'table'): MarkdownHandler => {
    const inner: MarkdownHandler = base[type] ?? defaultHandlers[type];
    return (state, node, parent) => {
      const rendered = inner(state, node, parent);
      const notes = lookup(node as object);
      if (notes.length === 0) return rendered;
      const parts = rendered === undefined ? [] : Array.isArray(rendered) ? rendered : [rendered];
      return [...parts, ...notes.map(todoAside)];
    };
  };

  const html: MarkdownHandler = (state, node: Html) => {
    const out: ElementContent[] = [];
    if (state.options.allowDangerousHtml) {
      const rest = stripHtmlComments(node.value);
      if (rest.trim() !== '') {
        const raw: ElementContent = { type: 'raw', value: rest };
        state.patch(node, raw);
        out.push(raw);
      }
    }
    out.push(...lookup(node).map(todoAside));
    return out;
  };

  return {
    html,
    paragraph: followedByNotes('paragraph'),
    heading: followedByNotes('heading'),
    table: followedByNotes('table'),
  };
}

/** Removes every HTML comment (an unterminated one runs to the end). */
export function stripHtmlComments(html: string): string {
  return html.replace(htmlComment, '');
}

/** Notes in one html node, lines relative to the parsed body. */
function notesInHtml(node: Html, sourceLines: readonly string[] | undefined): ReturnType<typeof splitCommentNotes> {
  const start = node.position?.start;
  if (!start) return [];
  const valueLines = node.value.split('\n');
  const found: ReturnType<typeof splitCommentNotes> = [];

  /** Line and column in the body of an offset into `node.value`. */
  const pointAt = (offset: number): { line: number; column: number } => {
    const before = node.value.slice(0, offset);
    const lineIndex = before.split('\n').length - 1;
    const lineStart = before.lastIndexOf('\n') + 1;
    if (lineIndex === 0) return { line: start.line, column: start.column + offset };
    const line = start.line + lineIndex;
    const valueLine = valueLines[lineIndex] ?? '';
    const sourceLine = sourceLines?.[line - 1];
    // remark strips container prefixes (`> `, list indentation) from later lines.
    const prefix = sourceLine !== undefined && sourceLine.endsWith(valueLine) ? sourceLine.length - valueLine.length : 0;
    return { line, column: prefix + offset - lineStart + 1 };
  };

  for (const match of node.value.matchAll(htmlComment)) {
    const content = match[1];
    if (content === undefined) continue;
    const commentStart = pointAt(match.index);
    let offset = match.index + 4;
    const lines: CommentLine[] = content.split('\n').map((text, i) => {
      const lineStart = offset;
      offset += text.length + 1;
      if (i === 0) return { text, ...commentStart };
      const indent = /^[ \t]*/.exec(text)?.[0].length ?? 0;
      return { text, ...pointAt(lineStart + indent) };
    });
    found.push(...splitCommentNotes(lines, { mustStartWithKeyword: true }));
  }
  return found;
}

function plainText(node: MdastNodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return node.children.map((child) => plainText(child)).join('');
  return '';
}
