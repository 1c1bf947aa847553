import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Liquid } from 'liquidjs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { templateDiagnostic } from '../render/template-diagnostic.js';

/**
 * Parses every template of the site's own `templates/` folder, so a syntax
 * error or an unknown filter is found even in a partial no page uses yet
 * (rendering finds the rest: unknown variables, errors in what is used).
 * `assets/` holds stylesheets and images, not templates.
 */
export async function checkTemplates(engine: Liquid, templatesDir: string, root: string): Promise<Diagnostic[]> {
  let entries;
  try {
    entries = await readdir(templatesDir, { recursive: true, withFileTypes: true });
  } catch {
    return []; // no templates of its own: the built-in theme, checked by rendering
  }
  const diagnostics: Diagnostic[] = [];
  for (const e of entries) {
    if (!e.isFile() || !e.name.endsWith('.liquid')) continue;
    const abs = path.join(e.parentPath, e.name);
    const rel = path.relative(templatesDir, abs).split(path.sep);
    if (rel[0] === 'assets') continue;
    const shown = path.relative(root, abs).split(path.sep).join('/');
    try {
      engine.parse(await readFile(abs, 'utf8'), abs);
    } catch (err) {
      diagnostics.push(templateDiagnostic(err, root, shown, 'while checking the template'));
    }
  }
  return diagnostics;
}
