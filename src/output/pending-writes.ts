import { existsSync, renameSync, rmSync } from 'node:fs';
import { rollBackFromJournal, type InPlaceFolders } from './commit-in-place.js';
import type { OutputLock } from './output-lock.js';

/**
 * The site writes in progress in this process, so that a signal handler can
 * tell whether stopping needs a clean-up (and wait for `writeSite` to do it),
 * and can still clean up synchronously when it cannot wait (a second Ctrl-C).
 */
export interface PendingWrite extends InPlaceFolders {
  // `backup` also holds the previous site moved aside whole by a swap; `journal` exists while an in-place update runs.
  lock: OutputLock | null;
  /** Putting the new site in place: `outDir` may briefly be missing, or a mix of old and new files. */
  swapping: boolean;
}

const pending = new Set<PendingWrite>();

export function trackWrite(w: PendingWrite): () => void {
  pending.add(w);
  return () => pending.delete(w);
}

export function writesInProgress(): boolean {
  return pending.size > 0;
}

/**
 * Best-effort synchronous clean-up before an immediate exit: removes staging
 * folders, puts the previous site back if the swap had moved it aside or an
 * in-place update had begun, and releases the locks. Anything left over (a write still in flight) is
 * removed by the next build, since this pid will be dead by then.
 */
export function abandonWritesSync(): void {
  for (const w of pending) {
    try {
      if (w.swapping && existsSync(w.journal)) {
        if (rollBackFromJournal(w)) rmSync(w.backup, { recursive: true, force: true });
      } else if (w.swapping && !existsSync(w.outDir) && existsSync(w.backup)) renameSync(w.backup, w.outDir);
      rmSync(w.staging, { recursive: true, force: true });
    } catch {
      // Exiting anyway; the next build finishes the job.
    }
    w.lock?.releaseSync();
  }
  pending.clear();
}
