/**
 * uniorg-rehype `src-block` handler, and the handler for inline source
 * blocks (`src_python{print(1)}`, see transforms/inline-src-blocks.ts):
 * highlighted at build time, in the markup of `html/highlight-code.ts`
 * (shared with markdown's fenced code).
 *
 * Follows ox-html (`org-html-src-block`) where a static site can:
 *
 * - Header arguments (`:results output :exports both :session`) never reach
 *   the output. `:exports none` hides the block. Nothing is evaluated in a
 *   static build, so there are no results to show: `:exports code` (the
 *   default) and `both` show the code, `results` and `none` show nothing.
 * - `-n [N]` numbers the lines from N (default 1); `+n [N]` continues from
 *   the previous numbered block (example blocks included: the counter is the
 *   document's). Numbers are drawn by CSS, so copying never copies them.
 * - Coderefs: a `(ref:name)` label at the end of a line (or the `-l "fmt"`
 *   format) is taken out of the code; the line gets `id="coderef-name"`.
 *   Without `-r` the label is kept in the output as `(name)`, as ox-html
 *   does; `-r` removes it.
 * - Common indentation is removed unless `-i` (tabs are kept as tabs); a
 *   comma escaping `*` or `#+` at a line start was removed by the parser.
 * - `#+CAPTION:` makes a `<figure>` with a `figcaption.src-caption`;
 *   `#+NAME:` gives the block its id.
 * - An unknown language is shown as plain (escaped) text.
 */
import type { Element, ElementContent } from 'hast';
import type { SrcBlock } from 'uniorg';
import type { OrgHandlers } from './index.js';
import { captionObjects, keywordString } from '../affiliated-keywords.js';
import { parseLineNumberSwitch, type LineNumbering } from '../line-numbers.js';
import type { InlineSrcBlock } from '../transforms/inline-src-blocks.js';
import { sanitiseId } from './table/html-attributes.js';
import { codeBlock, inlineCode } from '../../html/highlight-code.js';
import { removeCommonIndent } from './example-block.js';

type SrcBlockHandler = NonNullable<OrgHandlers['src-block']>;
type Converter = ThisParameterType<SrcBlockHandler>;

/** uniorg-parse 3.2.2 gives these; its types leave them off. */
type SrcBlockNode = SrcBlock & { switches?: string | null; parameters?: string | null };

export interface SrcBlockContext {
  /** The document's line counter for `+n`, shared with example blocks. */
  lineNumbers: LineNumbering;
}

export function srcBlockHandler(ctx: SrcBlockContext): SrcBlockHandler {
  return function srcBlock(this: Converter, org: SrcBlock) {
    const node: SrcBlockNode = org;
    const switches = node.switches ?? '';
    if (!showsCode(node.parameters ?? null)) return [];

    let code = stripTrailingBlankLines(org.value);
    if (!hasSwitch(switches, 'i')) code = removeCommonIndent(code);
    const refs = extractCoderefs(code, switches);
    code = refs.code;
    const lineCount = code.split('\n').length;

    const sw = parseLineNumberSwitch(switches);
    const firstLine = sw ? ctx.lineNumbers.start(sw, lineCount) : null;

    const caption = captionObjects(org.affiliated);
    const name = keywordString(org.affiliated, 'NAME');
    const id = name === undefined ? undefined : sanitiseId(name);
    const block = codeBlock({
      code,
      language: org.language ?? null,
      firstLine,
      lineIds: refs.ids,
      lineLabels: refs.labels,
      caption: caption.length > 0 ? contents(this.toHast(caption, org)) : [],
      ...(id ? { id } : {}),
    });
    if (org.position) block.position = org.position;
    return block;
  };
}

/**
 * Handler for the `inline-src-block` nodes made by `markInlineSrcBlocks`.
 * uniorg has no such node type: register it with `inlineSrcBlockHandlers`
 * (uniorg-rehype looks handlers up by the node's `type` string).
 */
export function inlineSrcBlockHandler(this: Converter, org: InlineSrcBlock): Element | [] {
  if (!showsCode(org.parameters)) return [];
  const element = inlineCode(org.value, org.language);
  if (org.position) element.position = org.position;
  return element;
}

/** `{ 'inline-src-block' }`, to spread into uniorg-rehype's `handlers` (typed apart: see above). */
export const inlineSrcBlockHandlers: { 'inline-src-block': typeof inlineSrcBlockHandler } = {
  'inline-src-block': inlineSrcBlockHandler,
};

/**
 * Whether `:exports` lets the code through: `code` (the default for blocks)
 * and `both` do; `results` and `none` do not. Inline blocks default to
 * `results` in Emacs, which shows their evaluated result; without
 * evaluation we show their code unless `:exports` says otherwise.
 */
function showsCode(parameters: string | null): boolean {
  const exports = headerArgument(parameters, 'exports');
  if (exports === undefined) return true;
  const value = exports.split(/\s+/)[0]?.toLowerCase();
  return value !== 'none' && value !== 'results';
}

/** One header argument's value (`:exports both` → "both"); undefined when absent. */
export function headerArgument(parameters: string | null, key: string): string | undefined {
  if (!parameters) return undefined;
  // `:key value…` pairs; values run to the next ` :key` (babel's splitting).
  const parts = (' ' + parameters).split(/\s+:(?=[^\s:])/);
  let value: string | undefined;
  for (const part of parts.slice(1)) {
    const [k, ...rest] = part.split(/\s+/);
    if (k?.toLowerCase() === key) value = rest.join(' ').trim();
  }
  return value;
}

function hasSwitch(switches: string, letter: string): boolean {
  return new RegExp(`(?:^|\\s)-${letter}(?=\\s|$)`).test(switches);
}

/** The `-l "fmt"` label format; `(ref:%s)` by default (`org-coderef-label-format`). */
function labelFormat(switches: string): string {
  const m = /(?:^|\s)-l\s+"((?:[^"\\]|\\.)*)"/.exec(switches);
  return m?.[1]?.includes('%s') ? m[1] : '(ref:%s)';
}

/**
 * Coderef labels out of the code (`org-export-unravel-code`): each line
 * ending in a label loses it; the line gets the id `coderef-NAME`; the
 * label is shown as `(NAME)` unless `-r` (or `-r` with `-k` and numbers).
 */
function extractCoderefs(code: string, switches: string): { code: string; ids: Map<number, string>; labels: Map<number, string> } {
  const fmt = labelFormat(switches);
  const [before, after] = fmt.split('%s').map(escapeRegExp) as [string, string];
  const re = new RegExp(`[ \\t]*${before}([-a-zA-Z0-9_][-a-zA-Z0-9_ ]*)${after}[ \\t]*$`);
  const retain = !hasSwitch(switches, 'r') || (hasSwitch(switches, 'k') && parseLineNumberSwitch(switches) !== null);
  const ids = new Map<number, string>();
  const labels = new Map<number, string>();
  const lines = code.split('\n').map((line, i) => {
    const m = re.exec(line);
    if (!m || m[1] === undefined) return line;
    const name = m[1];
    const id = sanitiseId(`coderef-${name}`);
    if (id) ids.set(i, id);
    if (retain) labels.set(i, `(${name})`);
    return line.slice(0, m.index);
  });
  return { code: lines.join('\n'), ids, labels };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The block's final newline and any blank lines before `#+END_SRC` go. */
function stripTrailingBlankLines(value: string): string {
  return value.replace(/(?:\n[ \t]*)*\n?$/, '');
}

function contents(nodes: ReturnType<Converter['toHast']>): ElementContent[] {
  const list = Array.isArray(nodes) ? nodes : nodes === null ? [] : [nodes];
  return list.filter((n): n is ElementContent => n.type !== 'doctype');
}
