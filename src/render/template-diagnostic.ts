import path from 'node:path';
import { LiquidError } from 'liquidjs';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';

/** A LiquidJS error as one of our diagnostics: the template's file, line and column, no stack. */
export function templateDiagnostic(err: unknown, root: string, fallbackFile: string, context: string): Diagnostic {
  if (LiquidError.is(err)) {
    const token = err.token;
    const [line = 0, column = 0] = token ? token.getPosition() : [];
    const file = token?.file ? path.relative(root, token.file).split(path.sep).join('/') : fallbackFile;
    // LiquidJS appends ", file:…, line:…, col:…" and a code frame to the message; we print our own.
    const message = (err.originalError?.message ?? err.message).split(/, (?:file|line):/)[0]!.split('\n')[0]!;
    return error(file, line, column, `template error: ${message}`, {
      code: 'template/error',
      hint: 'fix the template; see README.md ("Templates") for the variables each template gets',
      context,
    });
  }
  const message = err instanceof Error ? err.message : String(err);
  return error(fallbackFile, 0, 0, `template error: ${message}`, { code: 'template/error', context });
}
