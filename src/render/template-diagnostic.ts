import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';

/** A LiquidJS error as one of our diagnostics: the template's file, line and column, no stack. */
export function templateDiagnostic(
  err: unknown,
  root: string,
  fallbackFile: string,
  context: string,
  /** The engine's template folders, to find the file of an error whose token does not name it. */
  templateRoots: readonly string[] = [],
): Diagnostic {
  // liquidjs is loaded here only once a template has failed (it is loaded by then): start-up need not pay for it.
  const { LiquidError } = createRequire(import.meta.url)('liquidjs') as typeof import('liquidjs');
  if (LiquidError.is(err)) {
    const token = err.token;
    const tokenFile = token?.file ?? (token ? templateWithText(templateRoots, token.input) : undefined);
    const file = tokenFile ? path.relative(root, tokenFile).split(path.sep).join('/') : fallbackFile;
    // A token from no template file (a filter's argument parsed while rendering) has a position in that argument only.
    const placed = tokenFile !== undefined || templateRoots.length === 0;
    const [line = 0, column = 0] = token && placed ? token.getPosition() : [];
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

/**
 * LiquidJS leaves the file out of the tokens of `{{ output }}` expressions, so
 * an unknown variable in a partial would be blamed on the page's template; the
 * token still carries the whole text of its template, which names the file.
 */
function templateWithText(roots: readonly string[], text: string): string | undefined {
  for (const dir of roots) {
    let entries;
    try {
      entries = readdirSync(dir, { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (!e.isFile() || !e.name.endsWith('.liquid')) continue;
      const abs = path.join(e.parentPath, e.name);
      try {
        if (readFileSync(abs, 'utf8') === text) return abs;
      } catch {
        // unreadable: not this one
      }
    }
  }
  return undefined;
}
