/**
 * The one diagnostic type every stage reports through (DESIGN.md, "Errors").
 * Stages collect diagnostics instead of throwing, so a build can report all
 * problems at once.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path as the user should see it: relative to the site root where possible. */
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based; 0 when unknown. */
  column: number;
  severity: Severity;
  message: string;
  /** What to do about it. */
  hint?: string;
  /** Stable machine-readable code, e.g. `front-matter/yaml`. */
  code?: string;
  /** Where it happened, e.g. "while reading the front matter". */
  context?: string;
}

export function error(
  file: string,
  line: number,
  column: number,
  message: string,
  extra: Partial<Pick<Diagnostic, 'hint' | 'code' | 'context'>> = {},
): Diagnostic {
  return { file, line, column, severity: 'error', message, ...extra };
}

export function warning(
  file: string,
  line: number,
  column: number,
  message: string,
  extra: Partial<Pick<Diagnostic, 'hint' | 'code' | 'context'>> = {},
): Diagnostic {
  return { file, line, column, severity: 'warning', message, ...extra };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order: by file, then position, errors before warnings on the same spot. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}

/**
 * Thrown only to abort a stage that cannot go on (e.g. an unreadable config);
 * the CLI prints its diagnostics without a stack trace.
 */
export class DiagnosticError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('; '));
    this.name = 'DiagnosticError';
  }
}
