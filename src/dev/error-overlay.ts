import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { codeFrame } from '../diagnostics/format-diagnostic.js';

/** One problem as the browser shows it; plain text only (the client never parses it as HTML). */
export interface BrowserProblem {
  /** `drafts/x.org:3:7`, like the terminal prints it. */
  where: string;
  message: string;
  context: string | null;
  hint: string | null;
  /** Source lines around the spot with a caret, or null when the text or line is unknown. */
  frame: string | null;
}

/**
 * Errors for the overlay, with code frames, and warnings for the toolbar
 * badge (warnings never cover the page: they go to the terminal too).
 */
export function browserProblems(
  diagnostics: readonly Diagnostic[],
  sourceOf: (file: string) => string | undefined,
): { errors: BrowserProblem[]; warnings: BrowserProblem[] } {
  const errors: BrowserProblem[] = [];
  const warnings: BrowserProblem[] = [];
  for (const d of sortDiagnostics(diagnostics)) {
    const where = [d.file, d.line > 0 ? d.line : null, d.line > 0 && d.column > 0 ? d.column : null].filter((x) => x !== null).join(':');
    const source = d.severity === 'error' && d.line > 0 ? sourceOf(d.file) : undefined;
    const problem: BrowserProblem = {
      where,
      message: d.message,
      context: d.context ?? null,
      hint: d.hint ?? null,
      frame: source !== undefined ? codeFrame(source, d.line, d.column) : null,
    };
    (d.severity === 'error' ? errors : warnings).push(problem);
  }
  return { errors, warnings };
}
