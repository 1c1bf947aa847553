import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from '../config/schema.js';
import type { Document, SourceFile } from '../content/document.js';
import { contentFingerprint } from './content-fingerprint.js';

/** Where the caches live, relative to the site root (git-ignored; deleting it gives a cold build). */
export const CACHE_DIR = path.join('.cache', 'orgpress');

/** Bumped when the entry layout changes, so old entries are never misread (3: `htmlHash`, `hasMath`; 4: `devBytes`). */
const FORMAT = 4;

/** A cached Document without its source, which the key already pins down and the caller has, nor its dev body. */
type StoredDocument = Omit<Document, 'source' | 'devHtml'>;

interface Entry {
  format: number;
  key: string;
  /** Whether the dev body differs from `html` (the draft has TODO notes) and is in its own file. */
  devFile: boolean;
  /** The dev body file's size in bytes (0 without one): a reader tells a whole file from one being written. */
  devBytes: number;
  doc: StoredDocument;
}

/** File name endings: the entry, and the dev body when it differs from the published one. */
const ENTRY = '.json';
const DEV_BODY = '.dev.html';

export interface DocumentCacheStats {
  hits: number;
  misses: number;
  writes: number;
  pruned: number;
}

/**
 * The content stage's results on disk, one JSON file per Document, named
 * by a hash of everything the Document depends on: the draft's path and
 * text, the whole config, and the content-stage fingerprint (orgpress
 * version, compiled code, dependency versions). A key never maps to a stale
 * result, so nothing is ever invalidated by hand: what changed gets a new
 * key, and entries the current build did not use are pruned at its end.
 *
 * The dev body (`devHtml`, with TODO notes shown) is kept in a file of its
 * own when it differs from the published body: `build` never shows notes and
 * never reads it, which halves what a warm build reads and parses.
 *
 * Files are written in place, the dev body first: a reader tells a whole
 * entry from one being written, since a cut JSON text never parses and the
 * entry gives its dev body's size in bytes (a temp file renamed into place
 * made each entry cost two more file-system operations, 2-6 % of a first
 * build of 1000 posts). Two builds writing one key write the same bytes,
 * so the files end whole whatever the order. An unreadable, truncated or
 * foreign entry is a miss.
 */
export class DocumentCache {
  readonly dir: string;
  readonly stats: DocumentCacheStats = { hits: 0, misses: 0, writes: 0, pruned: 0 };
  private readonly salt: string;
  private readonly used = new Set<string>();

  constructor(root: string, config: SiteConfig) {
    this.dir = path.join(root, CACHE_DIR, 'documents');
    // The whole config: simpler and safer than tracking which keys the content stage reads.
    this.salt = createHash('sha256').update(`${FORMAT}\n${contentFingerprint()}\n${JSON.stringify(config)}`).digest('hex');
  }

  keyFor(source: SourceFile): string {
    return createHash('sha256').update(this.salt).update('\0').update(source.path).update('\0').update(source.text).digest('hex');
  }

  /**
   * The cached Document for `source`, or null (never cached, or an unreadable
   * entry). Without `devBody`, its `devHtml` is '' and the dev body is not read.
   * Read synchronously: a warm build reads thousands of entries and nothing
   * else meanwhile, and measured at 4000 entries, async reads (four thread-pool
   * round trips a file) took 3.4× as long.
   */
  get(key: string, source: SourceFile, { devBody = true }: { devBody?: boolean } = {}): Document | null {
    this.used.add(key);
    try {
      const entry = JSON.parse(readFileSync(this.fileFor(key, ENTRY), 'utf8')) as unknown;
      if (!isEntry(entry, key)) throw new Error('not an entry of this key and format');
      const devHtml = !devBody ? '' : entry.devFile ? readDevBody(this.fileFor(key, DEV_BODY), entry.devBytes) : entry.doc.html;
      this.stats.hits++;
      return { source, ...entry.doc, devHtml };
    } catch {
      this.stats.misses++;
      return null;
    }
  }

  /**
   * The keys that have an entry, from one listing of the folder (empty when
   * there is none yet): what a build will render is known before it reads
   * any entry. A listed entry may still be unreadable; `get` says so.
   */
  listKeys(): Set<string> {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return new Set();
    }
    return new Set(names.flatMap((n) => (n.endsWith(ENTRY) ? [n.slice(0, -ENTRY.length)] : [])));
  }

  put(key: string, doc: Document): void {
    if (writeCacheEntry(this.dir, key, doc)) this.written(key);
    else this.used.add(key);
  }

  /** Records an entry written by `writeCacheEntry` elsewhere (a worker thread), so it is counted and not pruned. */
  written(key: string): void {
    this.used.add(key);
    this.stats.writes++;
  }

  /** Removes every entry this build did not use (edited and deleted drafts, old configs). */
  async prune(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    const keyOf = (n: string): string | null =>
      n.endsWith(ENTRY) ? n.slice(0, -ENTRY.length) : n.endsWith(DEV_BODY) ? n.slice(0, -DEV_BODY.length) : null;
    const stale = names.filter((n) => {
      const key = keyOf(n);
      return key === null || !this.used.has(key);
    });
    await Promise.all(stale.map((n) => rm(path.join(this.dir, n), { force: true })));
    this.stats.pruned += stale.length;
  }

  private fileFor(key: string, ending: string): string {
    return path.join(this.dir, `${key}${ending}`);
  }
}

/** Cache folders made by this thread: made once, not once per entry. */
const madeDirs = new Set<string>();

/**
 * Writes one entry into the cache folder `dir`; false when it could not be
 * written (a read-only checkout, a full disk), which only costs speed. Worker
 * threads call it too, so their Documents are never copied to the main
 * thread only to be written from there. Synchronous: an entry is a few tens
 * of KiB, written between two drafts of the thread that rendered it, and
 * the async calls (mkdir, open, write, close) cost that thread ~0.8 ms an
 * entry in thread-pool round trips, a tenth of a draft's render.
 */
export function writeCacheEntry(dir: string, key: string, doc: Document): boolean {
  const { source: _source, devHtml, ...stored } = doc;
  const devFile = devHtml !== doc.html;
  const dev = devFile ? Buffer.from(devHtml, 'utf8') : null;
  const entry: Entry = { format: FORMAT, key, devFile, devBytes: dev?.length ?? 0, doc: stored };
  const file = (ending: string) => path.join(dir, `${key}${ending}`);
  try {
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    // The dev body first, so an entry is never read before its dev body is there (the size check catches a cut one).
    if (dev) writeFileSync(file(DEV_BODY), dev);
    writeFileSync(file(ENTRY), JSON.stringify(entry));
    return true;
  } catch {
    // The folder may have been deleted meanwhile (`rm -rf .cache`): made again next time.
    madeDirs.delete(dir);
    return false;
  }
}

/** The dev body, or a throw when the file is not the whole of it (still being written, or cut short). */
function readDevBody(file: string, bytes: number): string {
  const data = readFileSync(file);
  if (data.length !== bytes) throw new Error('the dev body is not whole');
  return data.toString('utf8');
}

function isEntry(value: unknown, key: string): value is Entry {
  if (!value || typeof value !== 'object') return false;
  const e = value as Partial<Entry>;
  return e.format === FORMAT && e.key === key && typeof e.devFile === 'boolean' && typeof e.devBytes === 'number' && !!e.doc && typeof e.doc === 'object' && typeof e.doc.html === 'string' && typeof e.doc.htmlHash === 'string' && typeof e.doc.hasMath === 'boolean';
}
