import { formatDiagnostic, summarizeDiagnostics } from '../diagnostics/format-diagnostic.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';

/** Prints every diagnostic like a compiler, with a code frame when the file's text is known, then a count. */
export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  stream: NodeJS.WriteStream = process.stderr,
): void {
  if (diagnostics.length === 0) return;
  const color = stream.isTTY === true && !process.env.NO_COLOR;
  for (const d of sortDiagnostics(diagnostics)) {
    const source = sources.get(d.file);
    stream.write(formatDiagnostic(d, { color, ...(source !== undefined ? { source } : {}) }) + '\n\n');
  }
  stream.write(summarizeDiagnostics(diagnostics) + '\n');
}
