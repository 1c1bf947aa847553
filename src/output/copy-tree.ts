import { copyFile, lstat, mkdir, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** The fs calls that put bytes on disk; injectable so a test can make them fail (a full disk). */
export interface CopyFs {
  mkdir: (dir: string, opts: { recursive: true }) => Promise<unknown>;
  copyFile: (from: string, to: string) => Promise<void>;
}

export interface CopyTreeOptions {
  /**
   * Real paths a symbolic link may point into (the site root, and the copied
   * folder itself). A link whose target lies elsewhere is skipped with a
   * warning, so a stray link can never publish a file from outside the site.
   */
  linkRoots: readonly string[];
  /** Real paths a link must not point into (the output folder: copying it into itself). */
  forbidden: readonly string[];
  /**
   * Why a file or folder reached through a link must stay private although it
   * is inside the site (a draft's source, `.git`), or null. `copyRoot` is the
   * real path of the folder being copied.
   */
  refuseTarget?: (real: string, copyRoot: string) => string | null;
  /** Names to leave out (editor backups, .DS_Store). */
  skip: (name: string) => boolean;
  /** Destination files to leave alone (a generated page of the same name wins). */
  skipTarget?: (to: string) => boolean;
  /** A skipped link, with its path as the user should see it. */
  onSkippedLink: (link: string, reason: string) => void;
  /** Checked before each file, so an interrupted build stops promptly. */
  checkpoint: () => void;
  fs: CopyFs;
}

/**
 * Copies `from` (a file or a folder) to `to`, merging into folders already
 * there and overwriting files, like `cp -R`. Unlike `cp`, symbolic links are
 * never copied as links (a link in dist/ breaks on upload, or points into the
 * author's disk): a link that stays inside `linkRoots` is followed and its
 * target copied; one that leaves them, is broken, or loops is skipped.
 * `from` itself is taken as configured, link or not: the author chose it.
 */
export async function copyTree(from: string, to: string, opts: CopyTreeOptions): Promise<void> {
  const real = await realpath(from);
  const st = await stat(real);
  if (st.isDirectory()) await copyDir(real, to, { ancestors: new Set([real]), roots: [...opts.linkRoots, real], copyRoot: real, viaLink: false, shown: from }, opts);
  else if (st.isFile()) {
    if (opts.skipTarget?.(to)) return;
    opts.checkpoint();
    await opts.fs.mkdir(path.dirname(to), { recursive: true });
    await opts.fs.copyFile(real, to);
  }
}

interface Walk {
  /** Real paths of the folders on the way down: a link to one of them is a loop. */
  ancestors: ReadonlySet<string>;
  roots: readonly string[];
  copyRoot: string;
  /** Inside a folder reached through a link: its files are checked like link targets. */
  viaLink: boolean;
  /** The folder as the author sees it (through links), for warnings. */
  shown: string;
}

async function copyDir(dir: string, to: string, walk: Walk, opts: CopyTreeOptions): Promise<void> {
  await opts.fs.mkdir(to, { recursive: true });
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (opts.skip(e.name)) continue;
    const src = path.join(dir, e.name);
    const shown = path.join(walk.shown, e.name);
    const dest = path.join(to, e.name);
    let target = src;
    let kind: 'file' | 'dir' | 'other';
    const isLink = e.isSymbolicLink();
    if (isLink) {
      const followed = await followLink(src, shown, walk, opts);
      if (!followed) continue;
      target = followed.real;
      kind = followed.kind;
    } else kind = e.isDirectory() ? 'dir' : e.isFile() ? 'file' : 'other';

    // Below a followed link, every entry is checked as the link's target would be (one warning for a whole .git).
    const refused = walk.viaLink && !isLink && kind !== 'other' ? opts.refuseTarget?.(target, walk.copyRoot) : null;
    if (refused) {
      opts.onSkippedLink(shown, refused);
      continue;
    }
    if (kind === 'file') {
      if (opts.skipTarget?.(dest)) continue;
      opts.checkpoint();
      await opts.fs.copyFile(target, dest);
    } else if (kind === 'dir') {
      // A link back up the tree would copy forever.
      if (walk.ancestors.has(target)) {
        opts.onSkippedLink(shown, 'it points to a folder that contains it (a loop)');
        continue;
      }
      await copyDir(target, dest, { ...walk, ancestors: new Set([...walk.ancestors, target]), viaLink: walk.viaLink || isLink, shown }, opts);
    }
    // Sockets, FIFOs, devices: nothing a web host could serve.
  }
}

async function followLink(link: string, shown: string, walk: Walk, opts: CopyTreeOptions): Promise<{ real: string; kind: 'file' | 'dir' } | null> {
  let real: string;
  try {
    real = await realpath(link);
  } catch {
    opts.onSkippedLink(shown, 'it is broken (its target does not exist)');
    return null;
  }
  if (opts.forbidden.some((f) => isInside(f, real))) {
    opts.onSkippedLink(shown, 'it points into the output folder');
    return null;
  }
  if (!walk.roots.some((r) => isInside(r, real))) {
    opts.onSkippedLink(shown, `it points outside the site (to ${real})`);
    return null;
  }
  const refused = opts.refuseTarget?.(real, walk.copyRoot);
  if (refused) {
    opts.onSkippedLink(shown, refused);
    return null;
  }
  const st = await lstat(real);
  if (st.isDirectory()) return { real, kind: 'dir' };
  if (st.isFile()) return { real, kind: 'file' };
  return null;
}

/** `p` is `dir` or inside it (both real paths). */
export function isInside(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}
