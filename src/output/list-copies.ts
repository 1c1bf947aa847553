import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isEditorJunk } from '../dev/editor-junk.js';
import type { CopyDir } from './write-site.js';

/** One file a copy will put in the output. */
export interface CopiedFile {
  /** `/`-separated path under the output folder. */
  path: string;
  /** Absolute source file. */
  from: string;
}

/**
 * Every file the copies put in the output, as `writeSite` lays them out (a
 * later copy wins over an earlier one; editor junk is skipped). Symlinks are
 * followed, as `cp` copies what they point at for files.
 */
export function listCopies(copies: readonly CopyDir[]): Map<string, CopiedFile> {
  const out = new Map<string, CopiedFile>();
  for (const c of copies) {
    if (!existsSync(c.from)) continue;
    if (statSync(c.from).isFile()) {
      out.set(c.to, { path: c.to, from: c.from });
      continue;
    }
    for (const e of readdirSync(c.from, { recursive: true, withFileTypes: true })) {
      const abs = path.join(e.parentPath, e.name);
      const rel = path.relative(c.from, abs).split(path.sep);
      if (rel.some(isEditorJunk)) continue;
      if (!(e.isFile() || (e.isSymbolicLink() && isFile(abs)))) continue;
      const to = [c.to, ...rel].filter((s) => s !== '').join('/');
      out.set(to, { path: to, from: abs });
    }
  }
  return out;
}

function isFile(abs: string): boolean {
  try {
    return statSync(abs).isFile();
  } catch {
    return false; // a broken link
  }
}
