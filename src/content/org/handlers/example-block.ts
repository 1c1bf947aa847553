/**
 * `#+BEGIN_EXAMPLE` → `<pre class="example">`, as ox-html: whitespace kept
 * exactly (common indentation removed unless `-i`, as Emacs does), comma
 * escapes (`,*`, `,#+`) removed, `-n`/`+n` line numbers, `#+NAME:` as id.
 *
 * uniorg-parse 3.2.2 drops an example block's switches (its source says
 * "TODO: parse switches"), so they are read from the `#+BEGIN_EXAMPLE` line
 * of the source text.
 */
import type { ElementContent, Properties } from 'hast';
import type { OrgHandlers } from './index.js';
import { LineNumbering, countLines, gutterDigits, numberLines, parseLineNumberSwitch } from '../line-numbers.js';

export type ExampleBlockHandler = NonNullable<OrgHandlers['example-block']>;

export interface ExampleBlockContext {
  /** The org text that was parsed (positions point into it). */
  source: string;
  /** The document's line counter, shared with src blocks. */
  lineNumbers: LineNumbering;
}

export function exampleBlockHandler(ctx: ExampleBlockContext): ExampleBlockHandler {
  const sourceLines = ctx.source.split('\n');
  return function (org) {
    const switches = blockSwitches(org, sourceLines);
    let value = unescapeCode(org.value);
    if (!/(?:^|\s)-i(?=\s|$)/.test(switches)) value = removeCommonIndent(value);
    const sw = parseLineNumberSwitch(switches);
    const code: ElementContent[] = [{ type: 'text', value: value.replace(/\n$/, '') }];
    if (!sw) return this.h(org, 'pre', { className: ['example'], ...nameId(org) }, code);
    const lines = countLines(value);
    const first = ctx.lineNumbers.start(sw, lines);
    return this.h(
      org,
      'pre',
      { className: ['example', 'numbered'], style: `--line-digits:${gutterDigits(first, lines)}`, ...nameId(org) },
      numberLines(code, first),
    );
  };
}

/** The switches written after `#+BEGIN_EXAMPLE` (empty when none or when the line cannot be found). */
export function blockSwitches(org: { position?: { start: { line: number } } }, sourceLines: readonly string[]): string {
  const start = org.position?.start.line;
  if (start === undefined) return '';
  // The node starts at its first affiliated keyword or at the begin line; look a few lines on.
  for (let i = start - 1; i < Math.min(sourceLines.length, start + 20); i++) {
    const m = /^[ \t]*#\+begin_example(.*)$/i.exec(sourceLines[i] ?? '');
    if (m) return (m[1] ?? '').trim();
  }
  return '';
}

/** `#+NAME:` as the element's id, so `[[name]]` links can reach it. */
export function nameId(org: { affiliated?: Record<string, unknown> }): Properties {
  const name = org.affiliated?.['NAME'];
  const value = Array.isArray(name) ? name[0] : name;
  return typeof value === 'string' && value.trim() !== '' ? { id: value.trim() } : {};
}

/** Org's `org-unescape-code-in-string`: a comma protecting `*`, `#+` or `,` at a line start is removed. */
export function unescapeCode(value: string): string {
  return value.replace(/^([ \t]*),([,*]|#\+)/gm, '$1$2');
}

/** Removes the indentation every non-blank line shares (Emacs' `org-remove-indentation`). */
export function removeCommonIndent(value: string): string {
  const lines = value.split('\n');
  let indent = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    indent = Math.min(indent, (/^[ \t]*/.exec(line)?.[0] ?? '').length);
  }
  if (indent === Infinity || indent === 0) return value;
  return lines.map((line) => line.slice(Math.min(indent, (/^[ \t]*/.exec(line)?.[0] ?? '').length))).join('\n');
}
