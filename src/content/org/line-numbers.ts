/**
 * Line numbers for example and src blocks (`-n`, `+n` switches), numbered
 * as ox-html numbers them, but drawn by the stylesheet (ox-html writes
 * `<span class="linenr">N: </span>` into the text, which copying picks up).
 *
 * Shared by the example-block and src-block handlers: one `LineNumbering`
 * per document, because `+n` continues from the previous numbered block of
 * either kind (Emacs' `org-export-get-loc`).
 */
import type { Element, ElementContent, Text } from 'hast';

/** A `-n [N]` or `+n [N]` switch. */
export interface LineNumberSwitch {
  /** `-n`: start again (at `value`, default 1); `+n`: continue (`value` after the last number, default 1). */
  mode: 'new' | 'continue';
  value: number | null;
}

/**
 * Reads the line-number switch from a block's switches (`-n`, `+n 10`,
 * `-i -n 5`); null when there is none.
 */
export function parseLineNumberSwitch(switches: string): LineNumberSwitch | null {
  const m = /(?:^|\s)([-+])n(?:\s+(-?\d+))?(?=\s|$)/.exec(switches);
  if (!m) return null;
  return { mode: m[1] === '+' ? 'continue' : 'new', value: m[2] === undefined ? null : Number(m[2]) };
}

/** Document-wide line counter for `+n`. */
export class LineNumbering {
  /** Number of the last line of the previous numbered block (0 before any). */
  private last = 0;

  /**
   * The first number of a numbered block of `lineCount` lines, and records
   * its last line for a following `+n`. Emacs: `-n` starts at N (default 1);
   * `+n` at last + N (default last + 1).
   */
  start(sw: LineNumberSwitch, lineCount: number): number {
    const first = sw.mode === 'new' ? (sw.value ?? 1) : this.last + (sw.value ?? 1);
    this.last = first + Math.max(0, lineCount) - 1;
    return first;
  }
}

/**
 * Numbers the lines of a block's content: each line wrapped in
 * `<span class="line" data-line="N">`, the markup src blocks use too. The
 * number is drawn by the stylesheet from `data-line`, so copying the text
 * never copies the numbers (ox-html writes them into the text). `content`
 * may be plain text or a highlighted tree (spans that cross line ends are
 * split, keeping their properties on each part). A final newline does not
 * start a line. Returns new nodes; `content` is not changed.
 */
export function numberLines(content: readonly ElementContent[], first: number): ElementContent[] {
  const lines = splitLines(content);
  if (lines.length > 0 && isEmptyLine(lines[lines.length - 1] ?? [])) lines.pop();
  const out: ElementContent[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push(text('\n'));
    out.push({
      type: 'element',
      tagName: 'span',
      properties: { className: ['line'], dataLine: String(first + i) },
      children: line,
    });
  });
  return out;
}

/** Width of the number gutter in digits, for the `--line-digits` style the stylesheet reads. */
export function gutterDigits(first: number, lineCount: number): number {
  return String(first + Math.max(0, lineCount - 1)).length;
}

/** How many lines `numberLines` would number in a text (a final newline does not start a line). */
export function countLines(value: string): number {
  if (value === '') return 0;
  return value.replace(/\n$/, '').split('\n').length;
}

/**
 * Splits inline content at newlines into lines (newlines dropped). An
 * element that spans several lines is cloned onto each of them.
 */
export function splitLines(content: readonly ElementContent[]): ElementContent[][] {
  const lines: ElementContent[][] = [[]];
  const current = (): ElementContent[] => lines[lines.length - 1] ?? [];
  for (const node of content) {
    if (node.type === 'text') {
      const parts = node.value.split('\n');
      parts.forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part !== '') current().push(text(part));
      });
    } else if (node.type === 'element') {
      const inner = splitLines(node.children);
      inner.forEach((children, i) => {
        if (i > 0) lines.push([]);
        if (children.length > 0 || inner.length === 1) current().push(cloneWith(node, children));
      });
    } else {
      current().push(node);
    }
  }
  return lines;
}

function cloneWith(node: Element, children: ElementContent[]): Element {
  return { ...node, properties: { ...node.properties }, children };
}

function isEmptyLine(line: readonly ElementContent[]): boolean {
  return line.every((n) => n.type === 'text' && n.value === '');
}

function text(value: string): Text {
  return { type: 'text', value };
}
