import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import path from 'node:path';

/**
 * One writer at a time per output folder: `.dist.orgpress-lock` beside
 * `dist/`, holding the writer's pid. Creating it with `wx` is atomic, so two
 * builds can never both hold it; a lock whose pid is dead (a build killed
 * with SIGKILL, a crash) is taken over. The lock sits in the parent folder,
 * next to the staging folders it guards, because `dist/` itself is renamed
 * away during the swap.
 */
export interface OutputLock {
  readonly path: string;
  release(): Promise<void>;
  /** For a process about to exit from a signal handler, where nothing async runs any more. */
  releaseSync(): void;
}

export interface LockOptions {
  /** Called once, when another live process holds the lock and we start waiting. */
  onWait?: (holderPid: number) => void;
  /** Give up after this long (default 2 minutes): a stuck holder should not hang a build forever. */
  timeoutMs?: number;
  /** Poll interval while waiting (ms). */
  pollMs?: number;
  /** Stops waiting (Ctrl-C). */
  signal?: AbortSignal;
}

/** Thrown when the lock stays held for longer than `timeoutMs`. */
export class OutputLockedError extends Error {
  readonly code = 'ELOCKED';
  constructor(
    readonly lockPath: string,
    readonly holderPid: number,
  ) {
    super(`another orgpress process (pid ${holderPid}) is writing there and holds ${lockPath}`);
    this.name = 'OutputLockedError';
  }
}

export function lockPathFor(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.orgpress-lock`);
}

/** True when a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Waits for (or takes over) the lock of `outDir`'s parent folder; the parent must exist. */
export async function acquireOutputLock(outDir: string, opts: LockOptions = {}): Promise<OutputLock> {
  const lockPath = lockPathFor(outDir);
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  const pollMs = opts.pollMs ?? 100;
  let told = false;
  for (;;) {
    opts.signal?.throwIfAborted();
    if (await tryCreate(lockPath)) return heldLock(lockPath);
    const holder = await readHolder(lockPath);
    if (holder === 'gone') continue; // released between our attempt and the read: try again at once
    if (holder === 'dead') {
      await takeOverStale(lockPath);
      continue;
    }
    const pid = holder === 'writing' ? 0 : holder;
    if (!told && pid) opts.onWait?.(pid);
    told ||= pid > 0;
    if (Date.now() >= deadline) throw new OutputLockedError(lockPath, pid);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

async function tryCreate(lockPath: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(lockPath, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    await handle.writeFile(`${process.pid}\n`);
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * The holder's pid if it is alive; 'dead' when the lock is stale; 'gone' when
 * there is no lock any more; 'writing' for an empty lock file, which is one
 * being written right now (open and write are two steps), unless it is old.
 */
async function readHolder(lockPath: string): Promise<number | 'dead' | 'gone' | 'writing'> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw err;
  }
  const pid = Number.parseInt(text.trim(), 10);
  if (Number.isInteger(pid) && pid > 0) return isProcessAlive(pid) ? pid : 'dead';
  try {
    const age = Date.now() - (await stat(lockPath)).mtimeMs;
    return age > 5_000 ? 'dead' : 'writing';
  } catch {
    return 'gone';
  }
}

/**
 * Moves a stale lock aside (rename is atomic: of two processes taking over
 * the same stale lock, one moves it and the other gets ENOENT), then checks
 * what it moved: when a third process had meanwhile taken the lock, its lock
 * is put back with `link`, which never overwrites.
 */
async function takeOverStale(lockPath: string): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${Date.now()}`;
  try {
    await rename(lockPath, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const moved = await readHolder(aside);
  if (moved !== 'dead' && moved !== 'gone') await link(aside, lockPath).catch(() => {});
  await rm(aside, { force: true });
}

function heldLock(lockPath: string): OutputLock {
  let released = false;
  return {
    path: lockPath,
    async release() {
      if (released) return;
      released = true;
      await rm(lockPath, { force: true });
    },
    releaseSync() {
      if (released) return;
      released = true;
      rmSync(lockPath, { force: true });
    },
  };
}
