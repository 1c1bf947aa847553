/**
 * A `#+BEGIN_SRC` (or any `#+BEGIN_…` / `#+BEGIN:`) without its `#+END_…`
 * is not a block in org: Emacs and uniorg read its lines as a paragraph.
 * We render it the same way, but the author almost always forgot the end
 * line, so each one is a warning at the `#+BEGIN` line.
 *
 * Found on the parsed tree rather than the text: a `#+BEGIN` line inside a
 * paragraph is exactly one the parser could not close (lines inside a real
 * src or example block are not paragraphs, so quoted org syntax there is
 * left alone).
 */
import type { OrgData } from 'uniorg';
import type { Node } from 'unist';
import { warning, type Diagnostic } from '../../diagnostics/diagnostic.js';

const BEGIN = /^([ \t]*)#\+begin(?:_(\S+)|:)/i;

export interface UnclosedBlocksContext {
  file: string;
  /** The org body as parsed, and the line of the file where it starts. */
  source: string;
  startLine: number;
}

export function findUnclosedBlocks(tree: OrgData, ctx: UnclosedBlocksContext): Diagnostic[] {
  const lines = ctx.source.split('\n');
  const diagnostics: Diagnostic[] = [];
  // An explicit stack: the tree can be nested deeper than the call stack allows.
  const stack: Node[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'paragraph') {
      const first = node.position?.start.line;
      const end = node.position?.end;
      if (first === undefined || end === undefined) continue;
      // A paragraph ends at the start of the next element's line: that line is not its own.
      const last = end.column === 1 && end.line > first ? end.line - 1 : end.line;
      for (let i = first; i <= last; i++) {
        const m = BEGIN.exec(lines[i - 1] ?? '');
        if (!m) continue;
        const name = m[2];
        const begin = name === undefined ? '#+BEGIN:' : `#+BEGIN_${name.toUpperCase()}`;
        const end = name === undefined ? '#+END:' : `#+END_${name.toUpperCase()}`;
        diagnostics.push(
          warning(ctx.file, i + ctx.startLine - 1, (m[1]?.length ?? 0) + 1, `\`${begin}\` is never closed: its lines are shown as plain text`, {
            code: 'org/unclosed-block',
            hint: `add a \`${end}\` line where the block ends`,
          }),
        );
      }
      continue;
    }
    const children = (node as { children?: unknown }).children;
    if (Array.isArray(children)) for (const child of children as Node[]) stack.push(child);
  }
  return diagnostics.sort((a, b) => a.line - b.line);
}
