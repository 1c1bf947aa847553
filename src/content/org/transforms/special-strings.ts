/**
 * Org's "special strings" (`#+OPTIONS: -:t`, on by default), as ox-html's
 * `org-html-special-string-regexps`, applied in the same order:
 *
 *   \-        → U+00AD soft hyphen
 *   ---x      → — (em dash) when followed by a character that is not `-`
 *   --x       → – (en dash) likewise
 *   ...       → … (ellipsis)
 *
 * Like Emacs, the dash rules need a character after the dashes within the
 * same run of text: `10--` right before `*bold*` stays as written, and
 * `a----b` gives `a-—b`. Quotes stay as typed (ox-html only converts them
 * with `org-export-with-smart-quotes`, off by default).
 *
 * It runs on `text` nodes of the org tree, which is where ox-html applies
 * it (plain text): code, verbatim, src/example/export blocks, LaTeX,
 * timestamps and link addresses are not text nodes, so they are never
 * touched. Link descriptions, headings, table cells and captions are.
 */
import type { Node, Parent } from 'unist';
import type { OrgData } from 'uniorg';

const RULES: readonly [RegExp, string][] = [
  [/\\-/g, '\u00ad'],
  [/---([^-])/g, '\u2014$1'],
  [/--([^-])/g, '\u2013$1'],
  [/\.\.\./g, '\u2026'],
];

/** Node types whose text is code or markup, never prose (defensive: uniorg gives them no text children). */
const VERBATIM = new Set(['code', 'verbatim', 'src-block', 'example-block', 'export-block', 'export-snippet', 'fixed-width', 'latex-fragment', 'latex-environment', 'comment', 'comment-block']);

export function convertSpecialStrings(tree: OrgData): void {
  walk(tree);
}

/** What every rule needs in the text: most text nodes have none of it, and are then checked once rather than four times. */
const ANY_RULE = /\\-|--|\.\.\./;

/** The conversion on one string, for callers that hold plain text. */
export function specialStrings(value: string): string {
  if (!ANY_RULE.test(value)) return value;
  let out = value;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

function walk(node: Node): void {
  if (VERBATIM.has(node.type)) return;
  if (node.type === 'text') {
    const text = node as Node & { value: string };
    if (typeof text.value === 'string') text.value = specialStrings(text.value);
    return;
  }
  const captions = (node as { affiliated?: Record<string, unknown> }).affiliated?.['CAPTION'];
  if (captions !== undefined) walkValue(captions);
  if ('children' in node && Array.isArray((node as Parent).children)) {
    for (const child of (node as Parent).children) walk(child);
  }
}

/** `#+CAPTION:` values: lists of org objects, nested for `#+CAPTION[short]: long`; raw strings are left alone. */
function walkValue(value: unknown): void {
  if (Array.isArray(value)) for (const item of value) walkValue(item);
  else if (typeof value === 'object' && value !== null && typeof (value as Node).type === 'string') walk(value as Node);
}
