import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toRel } from '../source/read-drafts.js';

/**
 * Updating the previous output in place, for a build that keeps most of its
 * pages (src/output/output-manifest.ts): only the files staged by this build
 * are moved in, and files the new site no longer has are moved out. Moving a
 * whole new tree in instead (`swapIn` in write-site.ts) means linking every
 * kept page into it and then deleting the old tree, which at N = 4000 was
 * most of a warm build's write (a folder per post to create and remove).
 *
 * It must not lose the previous site when it stops half-way, so every file it
 * replaces or removes is first moved into a backup folder beside the output,
 * and a journal names what it is about to do before it does any of it. All of
 * it is synchronous: renames on one file system, a few milliseconds for a
 * handful of files, and no signal handler can run in between. A process
 * killed outright (SIGKILL, power loss) leaves the journal, and the next
 * build rolls the output back with it before it writes anything
 * (`rollBackFromJournal`, called from `removeStaleStaging`).
 */

/** Bumped when the journal's layout changes. */
const FORMAT = 1;

/** What an update does, by relative path; written as the journal before it starts. */
export interface InPlacePlan {
  format: number;
  /** Staged files the previous output did not have. */
  added: string[];
  /** Staged files that replace one of the previous output's (moved to the backup first). */
  replaced: string[];
  /** Files of the previous output that the new site does not have (moved to the backup). */
  removed: string[];
}

export interface InPlaceUpdate extends InPlacePlan {
  /** Folders of the previous output that hold nothing of the new site: removed once emptied. */
  emptied: string[];
}

/**
 * What an in-place update of `outDir` would do, or null when it cannot be
 * done by moving files: the output is not a plain folder, a path changes
 * kind (a file where a folder was, or the other way round), or only the case
 * of a path changes.
 */
export function planInPlace(outDir: string, staged: readonly string[], kept: readonly string[]): InPlaceUpdate | null {
  // A link is replaced as a whole, as it always was: it is not ours to write through.
  if (!lstatSync(outDir, { throwIfNoEntry: false })?.isDirectory()) return null;
  let tree: ReturnType<typeof listTree>;
  try {
    tree = listTree(outDir);
  } catch {
    return null;
  }
  const files = new Set(tree.files);
  const dirs = new Set(tree.dirs);
  const next = new Set([...staged, ...kept]);
  const nextDirs = new Set<string>();
  for (const p of next) {
    if (dirs.has(p)) return null;
    for (let d = path.posix.dirname(p); d !== '.'; d = path.posix.dirname(d)) {
      if (files.has(d)) return null;
      nextDirs.add(d);
    }
  }
  // A path whose spelling changes only in case (`About/` to `about/`) is one path on the file systems
  // of macOS and Windows: moving the new one in would replace the old one, which would then be
  // "removed", new content and all. Swapping the whole tree has no such trap.
  const previous = new Map([...files, ...dirs].map((p) => [p.toLowerCase(), p]));
  for (const p of [...next, ...nextDirs]) {
    const was = previous.get(p.toLowerCase());
    if (was !== undefined && was !== p) return null;
  }
  return {
    format: FORMAT,
    added: staged.filter((f) => !files.has(f)),
    replaced: staged.filter((f) => files.has(f)),
    removed: [...files].filter((f) => !next.has(f)),
    // Deepest first, so a folder is removed after the ones inside it.
    emptied: [...dirs].filter((d) => !nextDirs.has(d)).sort((a, b) => b.split('/').length - a.split('/').length),
  };
}

export interface InPlaceFolders {
  outDir: string;
  staging: string;
  /** Where replaced and removed files wait until the update is complete. */
  backup: string;
  journal: string;
}

/**
 * Carries out `plan`. On an error part-way, the output is rolled back to the
 * previous site before the error is rethrown. `pause` (tests only) is called
 * half-way, when the output is a mix of old and new.
 */
export async function commitInPlace(update: InPlaceUpdate, at: InPlaceFolders, pause: () => Promise<void>): Promise<void> {
  const journal: InPlacePlan = { format: FORMAT, added: update.added, replaced: update.replaced, removed: update.removed };
  const tmp = `${at.journal}.tmp`;
  writeFileSync(tmp, JSON.stringify(journal));
  renameSync(tmp, at.journal);
  try {
    const staged = [...update.replaced, ...update.added];
    const replaced = new Set(update.replaced);
    const half = Math.ceil(staged.length / 2);
    for (const [i, rel] of staged.entries()) {
      if (i === half) await pause();
      if (replaced.has(rel)) moveToBackup(rel, at);
      moveIn(rel, at);
    }
    for (const rel of update.removed) moveToBackup(rel, at);
  } catch (err) {
    try {
      rollBack(journal, at);
    } catch {
      // The journal and the backup stay: the next build rolls back with them. The first error is the one to report.
    }
    throw err;
  }
  // The new site is complete: what is left is tidying, which cannot lose anything.
  rmSync(at.journal, { force: true });
  for (const d of update.emptied) removeEmptyDir(path.join(at.outDir, d));
  rmSync(at.backup, { recursive: true, force: true });
  rmSync(at.staging, { recursive: true, force: true });
}

function moveIn(rel: string, at: InPlaceFolders): void {
  const target = path.join(at.outDir, rel);
  mkdirSync(path.dirname(target), { recursive: true });
  renameSync(path.join(at.staging, rel), target);
}

function moveToBackup(rel: string, at: InPlaceFolders): void {
  const to = path.join(at.backup, rel);
  mkdirSync(path.dirname(to), { recursive: true });
  renameSync(path.join(at.outDir, rel), to);
}

/**
 * Puts the previous site back: files added are taken out (the previous site
 * had nothing there, so whatever is there came from this update), and files
 * replaced or removed come back from the backup (those not yet moved there
 * never left). The staging folder is not needed: it may already be gone.
 */
function rollBack(journal: InPlacePlan, at: InPlaceFolders): void {
  for (const rel of journal.added) {
    const target = path.join(at.outDir, rel);
    if (!existsSync(target)) continue;
    rmSync(target, { force: true });
    for (let d = path.dirname(target); d.startsWith(at.outDir + path.sep) && removeEmptyDir(d); d = path.dirname(d));
  }
  for (const rel of [...journal.replaced, ...journal.removed]) {
    const saved = path.join(at.backup, rel);
    if (existsSync(saved)) renameSync(saved, path.join(at.outDir, rel));
  }
  rmSync(at.journal, { force: true });
}

/**
 * After a process died during an in-place update: rolls the output back with
 * the journal it left, and removes the journal. The caller then removes that
 * process's staging and backup folders. False when the journal is unreadable
 * (then nothing is touched, and the backup folder is kept for the user).
 */
export function rollBackFromJournal(at: InPlaceFolders): boolean {
  let journal: InPlacePlan;
  try {
    journal = JSON.parse(readFileSync(at.journal, 'utf8')) as InPlacePlan;
  } catch {
    return false;
  }
  const lists = [journal.added, journal.replaced, journal.removed];
  const safe = (rel: unknown) => typeof rel === 'string' && isSafePath(rel);
  if (journal.format !== FORMAT || !lists.every((l) => Array.isArray(l) && l.every(safe))) return false;
  rollBack(journal, at);
  return true;
}

/** A relative path that stays inside the folder it is relative to (a journal or manifest read back must not reach outside). */
export function isSafePath(p: string): boolean {
  return p !== '' && !path.isAbsolute(p) && !p.split(/[\\/]/).some((s) => s === '..' || s === '');
}

/** Removes `dir` if it is empty; false when it is not (or is gone). */
function removeEmptyDir(dir: string): boolean {
  try {
    rmdirSync(dir);
    return true;
  } catch {
    return false;
  }
}

/** Everything below `dir` (links not followed), as `/`-separated paths relative to it: folders, and all else. */
export function listTree(dir: string): { files: string[]; dirs: string[] } {
  const files: string[] = [];
  const dirs: string[] = [];
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    (e.isDirectory() ? dirs : files).push(toRel(dir, path.join(e.parentPath, e.name)));
  }
  return { files, dirs };
}
