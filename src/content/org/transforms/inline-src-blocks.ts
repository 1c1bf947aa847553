/**
 * Inline source blocks, `src_python{print(1)}` and
 * `src_sh[:exports code]{ls -l}`, which uniorg-parse 3.2.2 does not know: it
 * leaves them as text, or splits them into text and a subscript (`_python`)
 * when sub/superscripts are on.
 *
 * This finds them in the source text (with org's rules,
 * `org-element-inline-src-block-parser`: `src_` at a word start, a language
 * without spaces or brackets, optional `[header args]`, then `{code}`, the
 * brackets balanced and on one line) and replaces the objects they cover
 * with one `inline-src-block` node (org-element's name for it):
 *
 *   { type: 'inline-src-block', language, parameters, value, position }
 *
 * rendered by `inlineSrcBlockHandler` (handlers/src-block.ts). Run it right
 * after parsing, before transforms that rewrite text (special strings,
 * unescaping): it compares text nodes with the source they came from, and
 * code must not be touched by prose rules.
 */
import type { Node, Parent, Position } from 'unist';
import type { OrgData } from 'uniorg';

export interface InlineSrcBlock extends Node {
  type: 'inline-src-block';
  language: string;
  /** Header arguments, without brackets; null when none. */
  parameters: string | null;
  value: string;
}

/** Parents whose children are inline objects (where an inline src block can be). */
const OBJECT_CONTAINERS = new Set([
  'paragraph',
  'table-cell',
  'headline',
  'list-item-tag',
  'bold',
  'italic',
  'underline',
  'strike-through',
  'superscript',
  'subscript',
  'link',
  'footnote-reference',
  'verse-block',
]);

const START = /(?<![\p{L}\p{N}_])src_([^\s[\]{}]+)(?=[[{])/gu;

export function markInlineSrcBlocks(tree: OrgData, source: string): void {
  walk(tree, source);
}

function walk(node: Node, source: string): void {
  if (!('children' in node) || !Array.isArray((node as Parent).children)) return;
  const parent = node as Parent;
  if (OBJECT_CONTAINERS.has(node.type)) replaceIn(parent, source);
  for (const child of parent.children) walk(child, source);
}

interface Found {
  start: number;
  end: number;
  block: InlineSrcBlock;
}

function replaceIn(parent: Parent, source: string): void {
  const first = parent.children[0]?.position?.start.offset;
  const last = parent.children[parent.children.length - 1]?.position?.end.offset;
  if (first === undefined || last === undefined) return;
  const span = source.slice(first, last);
  if (!span.includes('src_')) return;

  const found: Found[] = [];
  for (const m of span.matchAll(START)) {
    const start = first + (m.index ?? 0);
    const parsed = parseAt(source, start + m[0].length);
    if (!parsed || parsed.end > last) continue;
    if (found.length > 0 && start < (found[found.length - 1]?.end ?? 0)) continue;
    found.push({
      start,
      end: parsed.end,
      block: {
        type: 'inline-src-block',
        language: m[1] ?? '',
        parameters: parsed.parameters,
        value: parsed.value,
        position: positionOf(source, start, parsed.end),
      },
    });
  }
  // Right to left, so earlier offsets stay valid while children change.
  for (const f of found.reverse()) splice(parent, source, f);
}

/** Header arguments and code after `src_LANG`, org's way; null when the brackets do not close on the line. */
function parseAt(source: string, at: number): { parameters: string | null; value: string; end: number } | null {
  let pos = at;
  let parameters: string | null = null;
  if (source[pos] === '[') {
    const close = matching(source, pos, '[', ']');
    if (close < 0) return null;
    parameters = source.slice(pos + 1, close).trim() || null;
    pos = close + 1;
  }
  if (source[pos] !== '{') return null;
  const close = matching(source, pos, '{', '}');
  if (close < 0) return null;
  return { parameters, value: source.slice(pos + 1, close), end: close + 1 };
}

/** Index of the bracket closing the one at `open`, nesting counted; -1 at a newline or the end. */
function matching(source: string, open: number, opening: string, closing: string): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\n') return -1;
    if (c === opening) depth++;
    else if (c === closing && --depth === 0) return i;
  }
  return -1;
}

/**
 * Replaces the children that [f.start, f.end) covers with the block. A text
 * node cut by either end is split; anything else cut by an end means the
 * source and tree disagree, and the match is left as it is.
 */
function splice(parent: Parent, source: string, f: Found): void {
  const kids = parent.children;
  let firstIdx = -1;
  let lastIdx = -1;
  for (let i = 0; i < kids.length; i++) {
    const p = kids[i]?.position;
    if (!p || p.start.offset === undefined || p.end.offset === undefined) return;
    if (p.end.offset > f.start && p.start.offset < f.end) {
      if (firstIdx < 0) firstIdx = i;
      lastIdx = i;
    }
  }
  if (firstIdx < 0) return;
  const head = kids[firstIdx];
  const tail = kids[lastIdx];
  const before = head ? cutText(head, source, undefined, f.start) : null;
  const after = tail ? cutText(tail, source, f.end, undefined) : null;
  if (before === undefined || after === undefined) return;
  const replacement: Node[] = [];
  if (before) replacement.push(before);
  replacement.push(f.block);
  if (after) replacement.push(after);
  kids.splice(firstIdx, lastIdx - firstIdx + 1, ...(replacement as typeof kids));
}

/**
 * The part of `node` before `to` (or from `from`) as a text node; null when
 * that part is empty; undefined when it cannot be cut (not a text node, or
 * its text is not the source's).
 */
function cutText(node: Node, source: string, from: number | undefined, to: number | undefined): Node | null | undefined {
  const p = node.position;
  const start = p?.start.offset;
  const end = p?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const a = from ?? start;
  const b = to ?? end;
  if (b <= a) return null;
  const value = (node as Node & { value?: unknown }).value;
  if (node.type !== 'text' || typeof value !== 'string' || value !== source.slice(start, end)) return undefined;
  return { type: 'text', value: source.slice(a, b), position: positionOf(source, a, b) } as Node;
}

function positionOf(source: string, start: number, end: number): Position {
  return { start: pointAt(source, start), end: pointAt(source, end) };
}

function pointAt(source: string, offset: number): Position['start'] {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n'), offset };
}
