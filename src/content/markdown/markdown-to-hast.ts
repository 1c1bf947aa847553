import type { Root } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import type { TodoNote } from '../document.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { collectMarkdownTodos } from '../todos/collect-markdown-todos.js';
import { renderMathElements } from '../html/render-math.js';
import { highlightCodeBlocks } from '../html/highlight-code.js';

export interface MarkdownBody {
  text: string;
  file: string;
  startLine: number;
}

export interface MarkdownToHastResult {
  tree: Root;
  todos: TodoNote[];
  diagnostics: Diagnostic[];
}

/**
 * Markdown (CommonMark + GFM tables, footnotes, task lists) → hast, joining
 * the org path at the shared rehype stage. Raw HTML is left as `raw` nodes
 * (or dropped when `rawHtml` is off): `render-document.ts` parses it for
 * both formats, after the link-syntax checks that must not see it.
 */
export function markdownToHast(body: MarkdownBody, opts: { rawHtml: boolean }): MarkdownToHastResult {
  // remark-math: $…$ and $$…$$ (typeset below with the org path's KaTeX options).
  const mdast = unified().use(remarkParse).use(remarkGfm).use(remarkMath).parse(body.text) as MdastRoot;
  const gfm = unified().use(remarkGfm);
  const transformed = gfm.runSync(mdast) as MdastRoot;
  const todos = collectMarkdownTodos(transformed, { file: body.file, bodyStartLine: body.startLine, source: body.text });
  const toHast = unified().use(remarkRehype, { allowDangerousHtml: opts.rawHtml, handlers: todos.handlers });
  const tree = toHast.runSync(transformed) as Root;
  const diagnostics: Diagnostic[] = [];
  // Math first: ```math blocks are math, not code to highlight.
  renderMathElements(tree, { file: body.file, startLine: body.startLine, diagnostics });
  highlightCodeBlocks(tree);
  return { tree, todos: todos.notes, diagnostics };
}
