import type { Diagnostic } from './diagnostic.js';

export interface FormatOptions {
  /** The file's text, to print a code frame with a caret under the column. */
  source?: string;
  color?: boolean;
}

const RED = '\u001b[31m';
const YELLOW = '\u001b[33m';
const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

/** `drafts/x.org:3:7: error: message` + hint + code frame, like a compiler. */
export function formatDiagnostic(d: Diagnostic, opts: FormatOptions = {}): string {
  const paint = (code: string, s: string) => (opts.color ? `${code}${s}${RESET}` : s);
  const where = [d.file, d.line > 0 ? String(d.line) : null, d.line > 0 && d.column > 0 ? String(d.column) : null]
    .filter((x): x is string => x !== null)
    .join(':');
  const sev = d.severity === 'error' ? paint(RED + BOLD, 'error') : paint(YELLOW + BOLD, 'warning');
  // No file (a problem with the output folder, say): just `error: message`.
  let out = where ? `${paint(BOLD, where)}: ${sev}: ${d.message}` : `${sev}: ${d.message}`;
  if (d.context) out += paint(DIM, ` (${d.context})`);
  if (opts.source !== undefined && d.line > 0) out += '\n' + codeFrame(opts.source, d.line, d.column);
  if (d.hint) out += `\n  ${paint(DIM, 'hint:')} ${d.hint}`;
  return out;
}

/** Two lines of context either side and a caret under the column. */
export function codeFrame(source: string, line: number, column: number, around = 2): string {
  const lines = source.split(/\r?\n/);
  const first = Math.max(1, line - around);
  const last = Math.min(lines.length, line + around);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const mark = n === line ? '>' : ' ';
    out.push(`${mark} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
    if (n === line && column > 0) {
      out.push(`  ${' '.repeat(width)} | ${' '.repeat(column - 1)}^`);
    }
  }
  return out.join('\n');
}

/** "Found 1 error and 2 warnings." */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const parts: string[] = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.length ? `Found ${parts.join(' and ')}.` : 'No problems found.';
}
