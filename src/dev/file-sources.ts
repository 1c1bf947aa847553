import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CopyDir } from '../output/write-site.js';
import { isEditorJunk } from './editor-junk.js';
import type { FileSource, FoundFile } from './serve-static.js';

/**
 * A regular file at `rel` (a `/`-separated path of already validated
 * segments) inside `dir`, or null. The real path, symlinks resolved, must
 * stay inside the folder's real path: a link pointing out of it is not served.
 */
export async function findInside(dir: string, rel: string): Promise<{ abs: string; size: number; mtimeMs: number } | null> {
  try {
    const realDir = await realpath(dir);
    const real = await realpath(path.join(realDir, ...rel.split('/')));
    if (!real.startsWith(realDir + path.sep)) return null;
    const st = await stat(real);
    return st.isFile() ? { abs: real, size: st.size, mtimeMs: st.mtimeMs } : null;
  } catch {
    return null; // missing, unreadable or a broken link: all simply not there
  }
}

/** A built site folder, as `orgpress preview` serves it. */
export function folderSource(dir: string): FileSource {
  return {
    async find(sitePath) {
      const f = await findInside(dir, sitePath);
      return f && { kind: 'disk', path: sitePath, ...f };
    },
  };
}

/**
 * The dev server's site: generated files from memory, everything else read
 * from the folders `build` would copy, laid out as `writeSite` lays them:
 * generated files win over copies, and a later copy over an earlier one.
 */
export function outputSource(files: ReadonlyMap<string, string | Uint8Array>, copies: readonly CopyDir[]): FileSource {
  return {
    async find(sitePath): Promise<FoundFile | null> {
      const data = files.get(sitePath);
      if (data !== undefined) return { kind: 'memory', path: sitePath, data };
      if (sitePath.split('/').some(isEditorJunk)) return null;
      for (let i = copies.length - 1; i >= 0; i--) {
        const c = copies[i]!;
        let f: Awaited<ReturnType<typeof findInside>> = null;
        if (sitePath === c.to) f = await findInside(path.dirname(c.from), path.basename(c.from)); // a single file (media)
        else if (c.to === '') f = await findInside(c.from, sitePath);
        else if (sitePath.startsWith(c.to + '/')) f = await findInside(c.from, sitePath.slice(c.to.length + 1));
        if (f) return { kind: 'disk', path: sitePath, ...f };
      }
      return null;
    },
  };
}
