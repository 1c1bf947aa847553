import { existsSync, renameSync, rmSync } from 'node:fs';
import type { OutputLock } from './output-lock.js';

/**
 * The site writes in progress in this process, so that a signal handler can
 * tell whether stopping needs a clean-up (and wait for `writeSite` to do it),
 * and can still clean up synchronously when it cannot wait (a second Ctrl-C).
 */
export interface PendingWrite {
  outDir: string;
  staging: string;
  old: string;
  lock: OutputLock | null;
  /** Between the two renames of the swap: `outDir` may briefly be missing. */
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
 * folders, puts the previous site back if the swap had moved it aside, and
 * releases the locks. Anything left over (a write still in flight) is
 * removed by the next build, since this pid will be dead by then.
 */
export function abandonWritesSync(): void {
  for (const w of pending) {
    try {
      if (w.swapping && !existsSync(w.outDir) && existsSync(w.old)) renameSync(w.old, w.outDir);
      rmSync(w.staging, { recursive: true, force: true });
    } catch {
      // Exiting anyway; the next build finishes the job.
    }
    w.lock?.releaseSync();
  }
  pending.clear();
}
