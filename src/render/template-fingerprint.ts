import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * A hash of every file under the template folders (the site's own, then the
 * built-in theme), by path and content, in search order. Any file counts,
 * not only `.liquid` ones, since a template may include any file; so a
 * change to a stylesheet under `templates/assets/` re-renders every page
 * once too. A few dozen small files: read on every render, so an edit is
 * seen whether or not a watcher reported it.
 */
export function templatesFingerprint(roots: readonly string[]): string {
  const hash = createHash('sha1');
  for (const root of roots) {
    hash.update(`root\0${root}\0`);
    for (const file of listFiles(root)) {
      hash.update(path.relative(root, file)).update('\0');
      try {
        hash.update(readFileSync(file));
      } catch {
        hash.update('\0unreadable');
      }
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

/** Files under `dir`, sorted, following symbolic links (LiquidJS reads through them) but never in a loop. */
function listFiles(dir: string, seen = new Set<string>()): string[] {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return [];
  }
  if (seen.has(real)) return [];
  seen.add(real);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    const abs = path.join(dir, name);
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      // A broken link: LiquidJS cannot read it either.
      continue;
    }
    if (isDir) out.push(...listFiles(abs, seen));
    else out.push(abs);
  }
  return out;
}
