/**
 * Org macros: `#+MACRO: name replacement with $1 and $2` and calls
 * `{{{name(a, b)}}}`, plus the built-ins `{{{title}}}`, `{{{author}}}`,
 * `{{{date}}}`, `{{{email}}}`, `{{{keyword(NAME)}}}` and
 * `{{{input-file}}}`.
 *
 * It works on the text before parsing. Macros are inline and a call never
 * spans lines here, so expansion keeps every line where it was: positions
 * of TODO notes and diagnostics stay right (columns after a call on the
 * same line move by the length difference).
 *
 * As in Emacs: names are case-insensitive; arguments are split on commas
 * (`\,` is a literal comma) and lose their leading whitespace; a missing
 * `$N` argument is empty; replacements are expanded again (a cycle stops
 * with a warning); calls in comments, `#+MACRO:` lines, fixed-width lines,
 * src/example/export/comment blocks and `=verbatim=`/`~code~` are left
 * alone. Unlike Emacs, which stops the export, an unknown macro or an
 * `(eval …)` one is a warning and is left as written.
 */
import { warning, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { PostMeta } from '../../document.js';

export interface MacroContext {
  /** Draft path (diagnostics, `{{{input-file}}}`). */
  file: string;
  /** 1-based line of the original file where `text` starts. */
  startLine: number;
  /** Front-matter values; `#+TITLE:`, `#+AUTHOR:`, `#+DATE:` are used when absent. */
  meta?: Partial<Pick<PostMeta, 'title' | 'author' | 'date'>>;
}

export interface ExpandedMacros {
  text: string;
  diagnostics: Diagnostic[];
}

const CALL = /\{\{\{([a-zA-Z][-\w]*)(?:\(([\s\S]*?)\))?\}\}\}/g;
const DEFINITION = /^[ \t]*#\+MACRO:[ \t]+([a-zA-Z][-\w]*)(?:[ \t]+(.*?))?[ \t]*$/i;
const KEYWORD = /^[ \t]*#\+([^:\s]+):[ \t]*(.*?)[ \t]*$/;
const BLOCK_BEGIN = /^[ \t]*#\+begin_(src|example|export|comment)\b/i;
/** Lines whose text is not prose: comments, keywords' own definitions, fixed-width. */
const LITERAL_LINE = /^[ \t]*(?:#(?:[ \t]|$)|#\+MACRO:|:(?:[ \t]|$))/i;
/** `=verbatim=` and `~code~` spans (Emacs' emphasis rules, simplified to one line). */
const VERBATIM_SPAN = /(?:^|(?<=[\s\-({'"]))([=~])(?:[^\s=~]|[^\s][^\n]*?[^\s])\1(?=[\s\-.,;:!?')}"\\[\]]|$)/g;
const MAX_DEPTH = 20;

export function expandMacros(text: string, ctx: MacroContext): ExpandedMacros {
  if (!text.includes('{{{')) return { text, diagnostics: [] };
  const lines = text.split('\n');
  const { prose, inBlock } = classifyLines(lines);
  const { macros, keywords } = readDefinitions(lines, prose, inBlock);
  const diagnostics: Diagnostic[] = [];
  const builtins = builtinValues(keywords, ctx);

  const expand = (value: string, depth: number, where: { line: number; column: number }): string =>
    value.replace(CALL, (call: string, rawName: string, rawArgs: string | undefined) => {
      const name = rawName.toLowerCase();
      const args = rawArgs === undefined ? [] : splitArguments(rawArgs);
      const report = (message: string, hint: string): string => {
        diagnostics.push(warning(ctx.file, where.line, where.column, message, { code: 'org/macro', hint }));
        return call;
      };
      if (depth >= MAX_DEPTH) return report(`macro {{{${rawName}}}} expands into itself`, 'check the #+MACRO: lines for a cycle');
      const template = macros.get(name);
      if (template !== undefined) {
        if (/^\(eval\b/.test(template.trim())) {
          return report(`macro {{{${rawName}}}} is Emacs Lisp ((eval …)), which orgpress cannot run`, 'write its result as text, or define the macro without (eval …)');
        }
        const replaced = template.replace(/\$(\d+)/g, (_m, n: string) => args[Number(n) - 1] ?? '');
        return expand(replaced, depth + 1, where);
      }
      const builtin = builtins(name, args);
      if (builtin !== undefined) return expand(builtin, depth + 1, where);
      return report(`unknown macro {{{${rawName}}}}`, `define it with "#+MACRO: ${rawName} replacement text"`);
    });

  const out = lines.map((line, i) => {
    if (!prose[i] || !line.includes('{{{')) return line;
    const spans = [...line.matchAll(VERBATIM_SPAN)].map((m) => [m.index, m.index + m[0].length] as const);
    return line.replace(CALL, (call: string, ...rest: unknown[]) => {
      const offset = rest[rest.length - 2] as number;
      if (spans.some(([from, to]) => offset >= from && offset < to)) return call;
      return expand(call, 0, { line: ctx.startLine + i, column: offset + 1 });
    });
  });
  return { text: out.join('\n'), diagnostics };
}

/**
 * `inBlock`: the line belongs to a src/example/export/comment block.
 * `prose`: it may hold macro calls (not in such a block, not a comment,
 * `#+MACRO:` or fixed-width line).
 */
function classifyLines(lines: readonly string[]): { prose: boolean[]; inBlock: boolean[] } {
  let block: string | null = null;
  const inBlock = lines.map((line) => {
    if (block !== null) {
      if (new RegExp(`^[ \\t]*#\\+end_${block}\\b`, 'i').test(line)) block = null;
      return true;
    }
    const begin = BLOCK_BEGIN.exec(line);
    if (begin) block = (begin[1] ?? '').toLowerCase();
    return begin !== null;
  });
  const prose = lines.map((line, i) => !inBlock[i] && !LITERAL_LINE.test(line));
  return { prose, inBlock };
}

function readDefinitions(
  lines: readonly string[],
  prose: readonly boolean[],
  inBlock: readonly boolean[],
): { macros: Map<string, string>; keywords: Map<string, string[]> } {
  const macros = new Map<string, string>();
  const keywords = new Map<string, string[]>();
  lines.forEach((line, i) => {
    if (inBlock[i]) return;
    const def = DEFINITION.exec(line);
    if (def) {
      macros.set((def[1] ?? '').toLowerCase(), def[2] ?? '');
      return;
    }
    if (!prose[i]) return;
    const kw = KEYWORD.exec(line);
    if (kw) {
      const key = (kw[1] ?? '').toUpperCase();
      keywords.set(key, [...(keywords.get(key) ?? []), kw[2] ?? '']);
    }
  });
  return { macros, keywords };
}

function builtinValues(keywords: Map<string, string[]>, ctx: MacroContext): (name: string, args: string[]) => string | undefined {
  const keyword = (key: string): string | undefined => keywords.get(key.toUpperCase())?.join(' ');
  return (name, args) => {
    switch (name) {
      case 'title':
        return ctx.meta?.title ?? keyword('TITLE') ?? '';
      case 'author':
        return ctx.meta?.author ?? keyword('AUTHOR') ?? '';
      case 'email':
        return keyword('EMAIL') ?? '';
      case 'date':
        // {{{date(FORMAT)}}}: the format is a Lisp time format; the date is given as written.
        return ctx.meta?.date?.day ?? keyword('DATE') ?? '';
      case 'keyword':
        return keyword(args[0] ?? '') ?? '';
      case 'input-file':
        return ctx.file.split('/').pop() ?? ctx.file;
      default:
        return undefined;
    }
  };
}

/** Emacs' `org-macro-extract-arguments`: commas split unless escaped, leading whitespace dropped. */
export function splitArguments(raw: string): string[] {
  const args: string[] = [];
  let current = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\\') {
      let run = 0;
      while (raw[i + run] === '\\') run++;
      const next = raw[i + run];
      if (next === ',') {
        current += '\\'.repeat(Math.floor(run / 2));
        if (run % 2 === 1) current += ',';
        else {
          args.push(current);
          current = '';
        }
        i += run;
        continue;
      }
      current += '\\'.repeat(run);
      i += run - 1;
      continue;
    }
    if (ch === ',') {
      args.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  args.push(current);
  return args.map((arg) => arg.replace(/^[ \t\n]+/, ''));
}
