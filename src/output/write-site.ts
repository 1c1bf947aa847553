import { copyFile, link, lstat, mkdir, rename, rm, writeFile, readdir, realpath } from 'node:fs/promises';
import { existsSync, lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { KeptFile, OutputFile } from '../render/render-pages.js';
import { CONFIG_FILES } from '../config/load-config.js';
import { formatOf } from '../source/read-drafts.js';
import { commitInPlace, listTree, planInPlace, rollBackFromJournal, type InPlaceFolders } from './commit-in-place.js';
import { copyTree, isInside, type CopyFs } from './copy-tree.js';
import { acquireOutputLock, isProcessAlive, type OutputLock } from './output-lock.js';
import { trackWrite, type PendingWrite } from './pending-writes.js';
import { pauseForTest } from './test-pause.js';

export interface CopyDir {
  /** Absolute source folder; skipped when missing. */
  from: string;
  /** Folder under the output, `''` for its root. */
  to: string;
}

/** The fs calls that put bytes on disk; a test injects failing ones (a full disk cannot be had without privileges). */
export interface WriteFs extends CopyFs {
  writeFile: (file: string, data: string | Uint8Array) => Promise<void>;
}

const realFs: WriteFs = { mkdir, copyFile, writeFile };

export interface WriteSiteOptions {
  /**
   * Site root: symbolic links in copied folders may point inside it (except at
   * what stays private: drafts' sources, the config, hidden files); without
   * it, only inside the copied folder.
   */
  siteRoot?: string;
  /** Aborting stops the write at the next file; the staging folder is removed and `dist/` is left as it was. */
  signal?: AbortSignal;
  /** Another process is writing the same output: we wait for it (called once with its pid). */
  onLockWait?: (holderPid: number) => void;
  /** How long to wait for another process's lock before giving up (ms). */
  lockTimeoutMs?: number;
  fs?: WriteFs;
  /** Called under the lock once the new site is complete in `staging`, before it is swapped in (the page manifest records it). */
  beforeSwap?: (staging: string) => Promise<void>;
}

export interface WriteSiteResult {
  /** Symbolic links that were skipped, as warnings. */
  warnings: Diagnostic[];
}

/** Files written at once: enough to keep the disk busy, few enough never to run out of file descriptors. */
const CONCURRENCY = 32;

/**
 * Writes the whole site into a staging folder next to `outDir`, then swaps it
 * in with renames, so the previous site stays intact until the new one is
 * complete, and a failed or interrupted build never leaves a half-written
 * `dist/`. The staging folder sits beside the target so the rename stays on
 * one file system.
 *
 * One writer at a time: the lock file `.dist.orgpress-lock` beside `dist/`
 * makes a second build wait until the first is done, so two builds never
 * interleave their files, and only the lock holder clears what dead builds
 * left behind.
 */
export async function writeSite(outDir: string, files: OutputFile[], copies: CopyDir[], opts: WriteSiteOptions = {}): Promise<WriteSiteResult> {
  const write = await SiteWrite.open(outDir, opts);
  return write.finish(files, copies);
}

/**
 * A write of the site in progress (see `writeSite`). `build` opens it before
 * rendering and hands each page over as soon as it is finished (`stage`), so
 * the rendered site is never held in memory whole; `finish` writes the rest
 * and puts the new site in place: by swapping the staging folder in, or, when
 * the build kept pages of the previous output, by moving only the staged
 * files into it (src/output/commit-in-place.ts). Either way the previous
 * site is intact until the new one is complete.
 */
export class SiteWrite {
  private readonly madeDirs = new Set<string>();
  private done = false;

  private constructor(
    private readonly outDir: string,
    private readonly opts: WriteSiteOptions,
    private readonly pending: PendingWrite,
    private readonly untrack: () => void,
  ) {}

  /** Takes the output's lock (waiting for another build's), clears dead builds' leftovers, and makes the staging folder. */
  static async open(outDir: string, opts: WriteSiteOptions = {}): Promise<SiteWrite> {
    const signal = opts.signal;
    signal?.throwIfAborted();
    const parent = path.dirname(outDir);
    const pending: PendingWrite = { ...writeFolders(outDir, process.pid), lock: null, swapping: false };
    const untrack = trackWrite(pending);
    try {
      await mkdir(parent, { recursive: true });
      pending.lock = await acquireOutputLock(outDir, {
        ...(opts.onLockWait ? { onWait: opts.onLockWait } : {}),
        ...(opts.lockTimeoutMs !== undefined ? { timeoutMs: opts.lockTimeoutMs } : {}),
        ...(signal ? { signal } : {}),
      });
      await removeStaleStaging(outDir);
      await pauseForTest('locked', signal);
      await rm(pending.staging, { recursive: true, force: true });
      signal?.throwIfAborted();
      await (opts.fs ?? realFs).mkdir(pending.staging, { recursive: true });
    } catch (err) {
      // The error that stopped us is the one to report, not one from tidying up after it.
      await rm(pending.staging, { recursive: true, force: true }).catch(() => {});
      await pending.lock?.release();
      untrack();
      throw err;
    }
    return new SiteWrite(outDir, opts, pending, untrack);
  }

  /**
   * Writes one finished page into the staging folder now; `finish` then leaves it out of what it writes.
   * Synchronously (unless a test injects `fs`): the main thread renders between pages anyway, and an
   * async mkdir and write cost it ~0.4 ms a page in thread-pool round trips against ~0.05 ms.
   */
  async stage(file: OutputFile): Promise<void> {
    this.opts.signal?.throwIfAborted();
    const to = path.join(this.pending.staging, file.path);
    const dir = path.dirname(to);
    const injected = this.opts.fs;
    if (!this.madeDirs.has(dir)) {
      if (injected) await injected.mkdir(dir, { recursive: true });
      else mkdirSync(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    if (injected) await injected.writeFile(to, file.content);
    else writeFileSync(to, file.content);
  }

  /**
   * Writes `files` (those not staged yet) and `copies`, and puts the new site
   * in place. Releases the lock, whatever happens; on an error or an abort,
   * the staging folder is removed and the previous site is left as it was.
   */
  async finish(files: OutputFile[], copies: CopyDir[]): Promise<WriteSiteResult> {
    const { outDir, opts, pending } = this;
    const { staging } = pending;
    const fs = opts.fs ?? realFs;
    const signal = opts.signal;
    const checkpoint = () => signal?.throwIfAborted();
    const warnings: Diagnostic[] = [];
    this.done = true;
    try {
      checkpoint();
      const parent = path.dirname(outDir);
      const linkRoots = opts.siteRoot ? [await realpath(opts.siteRoot)] : [];
      const shownRoot = opts.siteRoot ? path.resolve(opts.siteRoot) : undefined;
      const realParent = await realpath(parent);
      const forbidden = [path.join(realParent, path.basename(outDir)), path.join(realParent, path.basename(staging))];
      // Generated files win over a static file of the same name: the copies skip the
      // pages already staged and those kept, and the files written below replace theirs.
      const generated = new Set(files.filter((f) => f.keep || f.staged).map((f) => path.join(staging, f.path)));
      for (const c of copies) {
        if (!existsSync(c.from)) continue;
        await copyTree(c.from, path.join(staging, c.to), {
          linkRoots,
          forbidden,
          refuseTarget: (real, copyRoot) => privateReason(real, linkRoots[0], copyRoot),
          skip: isJunk,
          skipTarget: (to) => generated.has(to),
          checkpoint,
          fs,
          onSkippedLink: (link, reason) => warnings.push(skippedLinkWarning(link, reason, shownRoot)),
        });
      }
      await pauseForTest('copied', signal);
      // A staged page's `content` is only a placeholder: the page is in the staging folder already.
      const toWrite = files.filter((f) => !f.keep && !f.staged);
      const kept = files.flatMap((f) => (f.keep ? [{ path: f.path, keep: f.keep }] : []));
      /** Makes the staging folder's subfolders that the files at `paths` need and that are not there yet. */
      const makeDirs = async (paths: readonly string[]): Promise<void> => {
        const dirs = [...new Set(paths.map((p) => path.dirname(path.join(staging, p))))].filter((d) => !this.madeDirs.has(d));
        await forEachLimited(dirs, (d) => fs.mkdir(d, { recursive: true }), checkpoint);
        for (const d of dirs) this.madeDirs.add(d);
      };
      await makeDirs(toWrite.map((f) => f.path));
      const half = Math.ceil(toWrite.length / 2);
      const write = (f: OutputFile) => fs.writeFile(path.join(staging, f.path), f.content);
      await forEachLimited(toWrite.slice(0, half), write, checkpoint);
      await pauseForTest('half-written', signal);
      await forEachLimited(toWrite.slice(half), write, checkpoint);
      // Kept pages stay where they are when the previous output can be updated in place;
      // otherwise they are linked into the staging folder, which is then swapped in whole.
      const update = kept.length ? planInPlace(outDir, listTree(staging).files, kept.map((k) => k.path)) : null;
      if (update) {
        for (const k of kept) if (!isKeptFile(k.keep)) throw new KeptFileChangedError(k.keep.from);
      } else {
        await makeDirs(kept.map((k) => k.path));
        await forEachLimited(kept, (k) => keepFile(k.keep, path.join(staging, k.path), fs), checkpoint);
      }
      await pauseForTest('staged', signal);
      checkpoint();
      await opts.beforeSwap?.(staging);
      // From here on the new site is complete: an interrupt lets the update finish.
      pending.swapping = true;
      if (update) {
        await commitInPlace(update, pending, () => pauseForTest('swapped-out', signal));
      } else await swapIn(staging, outDir, pending.backup, signal);
    } catch (err) {
      await rm(staging, { recursive: true, force: true });
      throw err;
    } finally {
      await pending.lock?.release();
      this.untrack();
    }
    return { warnings };
  }

  /** Gives up before `finish` (the render failed or was interrupted): removes the staging folder and releases the lock. */
  async abandon(): Promise<void> {
    if (this.done) return;
    this.done = true;
    try {
      await rm(this.pending.staging, { recursive: true, force: true });
    } finally {
      await this.pending.lock?.release();
      this.untrack();
    }
  }
}

/** A kept file of the previous output is no longer the one its manifest describes (another build replaced it meanwhile). */
export class KeptFileChangedError extends Error {
  constructor(readonly file: string) {
    super(`${file} changed during the build`);
    this.name = 'KeptFileChangedError';
  }
}

/**
 * A page unchanged since the previous build: a hard link to the previous
 * output's file, which survives the removal of the old folder after the
 * swap. No bytes are read or written, and the file keeps its inode, so the
 * manifest still describes it. Where links are refused (another file
 * system, a file system without them), the file is copied. Either way it
 * must still be the file the manifest recorded, or the build starts over.
 */
async function keepFile(kept: KeptFile, to: string, fs: WriteFs): Promise<void> {
  try {
    await link(kept.from, to).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
      // A static file copied to the same path: replaced, as a written page would replace it.
      await rm(to, { force: true });
      await link(kept.from, to);
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new KeptFileChangedError(kept.from);
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK' && code !== 'EOPNOTSUPP') throw err;
    if (!isSameFile(kept, await lstat(kept.from))) throw new KeptFileChangedError(kept.from);
    await fs.copyFile(kept.from, to);
    return;
  }
  if (!isSameFile(kept, await lstat(to))) throw new KeptFileChangedError(kept.from);
}

/** The file as recorded (a kept page, a manifest entry) and the file found are one and the same, unchanged. */
export function isSameFile(kept: Pick<KeptFile, 'ino' | 'size' | 'mtimeMs'>, st: { ino: number; size: number; mtimeMs: number }): boolean {
  return st.ino === kept.ino && st.size === kept.size && st.mtimeMs === kept.mtimeMs;
}

/** The kept file is still in the previous output, as the manifest recorded it (checked under the lock, just before the update). */
function isKeptFile(kept: KeptFile): boolean {
  const st = lstatSync(kept.from, { throwIfNoEntry: false });
  return !!st && st.isFile() && isSameFile(kept, st);
}

async function swapIn(staging: string, outDir: string, old: string, signal: AbortSignal | undefined): Promise<void> {
  let hadPrevious = false;
  try {
    await rename(outDir, old);
    hadPrevious = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (hadPrevious) await pauseForTest('swapped-out', signal);
  try {
    await rename(staging, outDir);
  } catch (err) {
    if (hadPrevious) await rename(old, outDir); // put the previous site back
    throw err;
  }
  if (hadPrevious) await rm(old, { recursive: true, force: true });
}

/**
 * The folders a write of `outDir` by process `pid` uses beside it (git-ignored
 * as `.dist.orgpress-*`): `removeStaleStaging` finds a dead build's by these names.
 */
function writeFolders(outDir: string, pid: number): InPlaceFolders {
  const parent = path.dirname(outDir);
  const prefix = `.${path.basename(outDir)}.orgpress-`;
  return {
    outDir,
    staging: path.join(parent, `${prefix}staging-${pid}`),
    backup: path.join(parent, `${prefix}old-${pid}`),
    journal: path.join(parent, `${prefix}journal-${pid}`),
  };
}

/**
 * Leftovers of builds that died (their pid is gone): staging folders are
 * removed; a previous site moved aside by a swap that never finished is put
 * back when the output folder is missing. Folders of live processes are never
 * touched. `writeSite` calls this while it holds the output lock, so no
 * other orgpress is in the middle of writing.
 */
export async function removeStaleStaging(outDir: string): Promise<void> {
  const parent = path.dirname(outDir);
  const prefix = `.${path.basename(outDir)}.orgpress-`;
  let names: string[] = [];
  try {
    names = await readdir(parent);
  } catch {
    return;
  }
  const leftovers = names.flatMap((n) => {
    const m = /^(staging|old|journal)-(\d+)(\.tmp)?$/.exec(n.startsWith(prefix) ? n.slice(prefix.length) : '');
    const pid = Number(m?.[2]);
    return m && pid !== process.pid && !isProcessAlive(pid) ? [{ name: n, kind: m[3] ? 'tmp' : m[1]!, pid }] : [];
  });
  // An in-place update that died half-way is rolled back first: it needs that build's backup folder.
  const unrecovered = new Set<number>();
  for (const j of leftovers.filter((l) => l.kind === 'journal')) {
    // An unreadable journal: its backup folder may hold the only copy of some files, so it stays.
    if (!rollBackFromJournal(writeFolders(outDir, j.pid))) unrecovered.add(j.pid);
  }
  for (const l of leftovers) {
    if (unrecovered.has(l.pid) && l.kind !== 'staging') continue;
    const abs = path.join(parent, l.name);
    if (l.kind === 'old' && !existsSync(outDir)) await rename(abs, outDir);
    else await rm(abs, { recursive: true, force: true });
  }
}

/**
 * Runs `fn` over `items`, at most CONCURRENCY at a time, calling `checkpoint`
 * before each. After a failure no new item starts, and it rejects only once
 * the calls in flight have settled: the caller then removes the staging
 * folder, which a late write must not bring back.
 */
async function forEachLimited<T>(items: readonly T[], fn: (item: T) => Promise<unknown>, checkpoint: () => void): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < items.length && !failed) {
      try {
        checkpoint();
        await fn(items[next++]!);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
}

function skippedLinkWarning(link: string, reason: string, siteRoot: string | undefined): Diagnostic {
  const shown = siteRoot ? path.relative(siteRoot, link).split(path.sep).join('/') : link;
  return warning(shown, 0, 0, `symbolic link not published: ${reason}`, {
    code: 'output/symlink-skipped',
    hint: 'a link is followed when it points inside the site folder, at something that may be published; to publish this file, copy it in',
  });
}

/**
 * Files inside the site folder that a link must not publish: hidden ones
 * (`.git`, `.cache`, `.env`), the config, and draft sources (a draft's text
 * holds its notes to self, which are never published). Only targets outside
 * the copied folder are checked. Null when the target may be published.
 */
function privateReason(real: string, siteRoot: string | undefined, copyRoot: string): string | null {
  // What the copied folder holds is published anyway; outside the site, the link was already refused.
  if (!siteRoot || isInside(copyRoot, real) || !isInside(siteRoot, real)) return null;
  const rel = path.relative(siteRoot, real).split(path.sep);
  if (rel.some((s) => s.startsWith('.'))) return 'it points to a hidden file or folder of the site (.git, .cache…)';
  if (rel.length === 1 && (CONFIG_FILES as readonly string[]).includes(rel[0]!)) return "it points to the site's config file";
  if (formatOf(real)) return "it points to a draft's source (its notes to self would be published with it)";
  return null;
}

function isJunk(name: string): boolean {
  return name === '.DS_Store' || name === 'Thumbs.db' || name.endsWith('~') || /^\.?#/.test(name) || name.endsWith('.swp');
}
