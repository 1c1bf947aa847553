import { cp, mkdir, rename, rm, writeFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { OutputFile } from '../render/render-pages.js';

export interface CopyDir {
  /** Absolute source folder; skipped when missing. */
  from: string;
  /** Folder under the output, `''` for its root. */
  to: string;
}

/**
 * Writes the whole site into a staging folder next to `outDir`, then swaps it
 * in with renames, so the previous site stays intact until the new one is
 * complete, and a failed or interrupted build never leaves a half-written
 * `dist/`. The staging folder sits beside the target so the rename stays on
 * one file system.
 */
export async function writeSite(outDir: string, files: OutputFile[], copies: CopyDir[]): Promise<void> {
  const parent = path.dirname(outDir);
  const name = path.basename(outDir);
  await mkdir(parent, { recursive: true });
  const staging = path.join(parent, `.${name}.orgpress-staging-${process.pid}`);
  const old = path.join(parent, `.${name}.orgpress-old-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    await mkdir(staging, { recursive: true });
    // Copies first: generated files win over a static file of the same name.
    for (const c of copies) {
      if (!existsSync(c.from)) continue;
      await cp(c.from, path.join(staging, c.to), { recursive: true, filter: (src) => !isJunk(path.basename(src)) });
    }
    const dirs = new Set(files.map((f) => path.dirname(path.join(staging, f.path))));
    await Promise.all([...dirs].map((d) => mkdir(d, { recursive: true })));
    await Promise.all(files.map((f) => writeFile(path.join(staging, f.path), f.content)));
    await swapIn(staging, outDir, old);
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
}

async function swapIn(staging: string, outDir: string, old: string): Promise<void> {
  let hadPrevious = false;
  try {
    await rename(outDir, old);
    hadPrevious = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  try {
    await rename(staging, outDir);
  } catch (err) {
    if (hadPrevious) await rename(old, outDir); // put the previous site back
    throw err;
  }
  if (hadPrevious) await rm(old, { recursive: true, force: true });
}

/** Leftovers from earlier interrupted builds (another pid), removed before a new build. */
export async function removeStaleStaging(outDir: string): Promise<void> {
  const parent = path.dirname(outDir);
  const prefix = `.${path.basename(outDir)}.orgpress-`;
  let names: string[] = [];
  try {
    names = await readdir(parent);
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => n.startsWith(prefix)).map((n) => rm(path.join(parent, n), { recursive: true, force: true })));
}

function isJunk(name: string): boolean {
  return name === '.DS_Store' || name === 'Thumbs.db' || name.endsWith('~') || /^\.?#/.test(name) || name.endsWith('.swp');
}
