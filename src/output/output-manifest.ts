import { createHash, randomBytes } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { CACHE_DIR } from '../pipeline/document-cache.js';
import { PostHashes, type PageCache } from '../render/page-cache.js';
import type { KeptFile, OutputFile } from '../render/render-pages.js';
import { isSafePath } from './commit-in-place.js';
import { isSameFile } from './write-site.js';

/** Bumped when the manifest layout changes, so an old one is never misread. */
const FORMAT = 1;

/** One page of the previous output: the key it was written from, and its file as written (a changed file is not reused). */
interface Entry {
  key: string;
  ino: number;
  size: number;
  mtimeMs: number;
  /** What the finish stage said about this page (a page it could not minify), said again when the page is kept. */
  warnings?: Diagnostic[];
  /** What the page read of the posts it lists (a PostReads signature), so its next key covers only that. */
  reads?: string;
}

interface Stored {
  format: number;
  outDir: string;
  files: Record<string, Entry>;
}

/**
 * `build`'s page cache: for each output folder, a manifest in
 * `.cache/orgpress/pages/` of the key every page of its last output was
 * written from. A page whose key is unchanged, and whose file in the output
 * folder is still the very file written then (same inode, size and
 * modification time), is not rendered, finished or written again: the new
 * output gets a hard link to it (src/output/write-site.ts). Measured at
 * N = 4000, linking the unchanged pages into the staging folder takes a
 * fraction of writing them, and rendering plus minifying them is skipped.
 *
 * Keys are the render keys (src/render/page-keys.ts), which include what
 * the finish stage applies to every page (src/output/page-finisher.ts): the
 * names of the fingerprinted theme assets, `minify`, the base URL. As in
 * dev, a page that lists posts is keyed on the fields of theirs it read when
 * last rendered (`readsOf`), so editing a post's body does not render the
 * archive and the tag pages again.
 */
export class OutputManifest implements PageCache {
  readonly posts = new PostHashes();
  private readonly next = new Map<string, Entry>();
  private readonly kept: Diagnostic[] = [];

  private constructor(
    private readonly file: string,
    private readonly outDir: string,
    private readonly previous: ReadonlyMap<string, Entry>,
  ) {}

  /** The manifest of `outDir`'s last build, each entry checked against the file there now; empty when there is none. */
  static async open(root: string, outDir: string): Promise<OutputManifest> {
    const abs = path.resolve(outDir);
    const file = manifestFile(root, abs);
    const previous = new Map<string, Entry>();
    let stored: Stored | null = null;
    try {
      stored = JSON.parse(await readFile(file, 'utf8')) as Stored;
    } catch {
      // No manifest yet, or an unreadable one: every page is rendered.
    }
    if (stored && stored.format === FORMAT && stored.outDir === abs && stored.files && typeof stored.files === 'object') {
      // Synchronous stats: thousands of them, with nothing else to do meanwhile (async ones cost a thread-pool round trip each).
      for (const [p, e] of Object.entries(stored.files)) {
        // The manifest is ours, but a hand-edited one must not reach outside the output.
        if (!isEntry(e) || !isSafePath(p)) continue;
        const st = lstatSync(path.join(abs, p), { throwIfNoEntry: false });
        if (st?.isFile() && isSameFile(e, st)) previous.set(p, e);
      }
    }
    return new OutputManifest(file, abs, previous);
  }

  /**
   * A manifest that keeps nothing from the previous output but records this
   * build's, for a build that starts over because a kept file changed under
   * it: the next build can then keep its pages.
   */
  static empty(root: string, outDir: string): OutputManifest {
    const abs = path.resolve(outDir);
    return new OutputManifest(manifestFile(root, abs), abs, new Map());
  }

  lookup(p: string, key: string): OutputFile | null {
    const e = this.previous.get(p);
    if (!e || e.key !== key) return null;
    this.next.set(p, e);
    if (e.warnings) this.kept.push(...e.warnings);
    const keep: KeptFile = { from: path.join(this.outDir, p), ino: e.ino, size: e.size, mtimeMs: e.mtimeMs };
    // Empty bytes, not a string: the finish stage passes it through untouched, and writeSite links `keep` instead.
    return { path: p, content: new Uint8Array(0), keep };
  }

  store(p: string, key: string, _content: string | Uint8Array, reads?: string): void {
    this.next.set(p, { key, ino: 0, size: 0, mtimeMs: 0, ...(reads !== undefined ? { reads } : {}) });
  }

  readsOf(p: string): string | undefined {
    return this.previous.get(p)?.reads;
  }

  endRender(): void {}

  /** Warnings the finish stage gave pages that were kept this time (it did not see them again). */
  keptDiagnostics(): Diagnostic[] {
    return this.kept;
  }

  /** The finish stage's warnings about freshly rendered pages (a page it could not minify), kept with their entries. */
  noteDiagnostics(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) {
      const e = d.code === 'output/minify' ? this.next.get(d.file) : undefined;
      if (e && e.ino === 0) (e.warnings ??= []).push(d);
    }
  }

  /**
   * Records every page of the new output: called by writeSite under the output
   * lock, once the new output is complete and before it is put in place. Pages
   * in the staging folder are recorded as they are there (moving them into the
   * output keeps their inodes); kept pages left in the output are the very
   * files the previous manifest recorded, checked just before. A manifest that
   * cannot be written only costs speed.
   */
  async save(staging: string): Promise<void> {
    const files: Record<string, Entry> = {};
    for (const [p, e] of this.next) {
      // A kept page is in the staging folder when the whole tree is swapped in: linked (the same
      // inode), or copied where links are refused (a new one, which is what must be recorded).
      const st = lstatSync(path.join(staging, p), { throwIfNoEntry: false });
      if (st) files[p] = { ...e, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
      // Not there: a kept page that stays in the output (an in-place update), or, for a page
      // rendered by this build, one not written after all (left out, rendered next time).
      else if (e.ino !== 0) files[p] = e;
    }
    const stored: Stored = { format: FORMAT, outDir: this.outDir, files };
    const tmp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFile(tmp, JSON.stringify(stored));
      await rename(tmp, this.file);
    } catch {
      await rm(tmp, { force: true });
    }
  }
}

/** Where the manifest of the output folder `abs` is kept. */
function manifestFile(root: string, abs: string): string {
  return path.join(root, CACHE_DIR, 'pages', `${createHash('sha256').update(abs).digest('hex').slice(0, 32)}.json`);
}

function isEntry(value: unknown): value is Entry {
  if (!value || typeof value !== 'object') return false;
  const e = value as Partial<Entry>;
  return (
    typeof e.key === 'string' &&
    typeof e.ino === 'number' &&
    typeof e.size === 'number' &&
    typeof e.mtimeMs === 'number' &&
    (e.reads === undefined || typeof e.reads === 'string')
  );
}
