import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from '../config/schema.js';
import type { Document, SourceFile } from '../content/document.js';
import { contentFingerprint } from './content-fingerprint.js';

/** Where the caches live, relative to the site root (git-ignored; deleting it gives a cold build). */
export const CACHE_DIR = path.join('.cache', 'orgpress');

/** Bumped when the entry layout changes, so old entries are never misread. */
const FORMAT = 1;

/** A cached Document without its source, which the key already pins down and the caller has. */
type StoredDocument = Omit<Document, 'source'>;

interface Entry {
  format: number;
  key: string;
  doc: StoredDocument;
}

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
 * Entries are written to a temp file and renamed, so a reader sees a whole
 * entry or none; an unreadable, truncated or foreign entry is a miss.
 */
export class DocumentCache {
  readonly dir: string;
  readonly stats: DocumentCacheStats = { hits: 0, misses: 0, writes: 0, pruned: 0 };
  private readonly salt: string;
  private readonly used = new Set<string>();
  private madeDir = false;

  constructor(root: string, config: SiteConfig) {
    this.dir = path.join(root, CACHE_DIR, 'documents');
    // The whole config: simpler and safer than tracking which keys the content stage reads.
    this.salt = createHash('sha256').update(`${FORMAT}\n${contentFingerprint()}\n${JSON.stringify(config)}`).digest('hex');
  }

  keyFor(source: SourceFile): string {
    return createHash('sha256').update(this.salt).update('\0').update(source.path).update('\0').update(source.text).digest('hex');
  }

  /** The cached Document for `source`, or null (never cached, or an unreadable entry). */
  async get(key: string, source: SourceFile): Promise<Document | null> {
    this.used.add(key);
    let entry: Entry;
    try {
      entry = JSON.parse(await readFile(this.fileFor(key), 'utf8')) as Entry;
    } catch {
      this.stats.misses++;
      return null;
    }
    if (!isEntry(entry, key)) {
      this.stats.misses++;
      return null;
    }
    this.stats.hits++;
    return { source, ...entry.doc };
  }

  async put(key: string, doc: Document): Promise<void> {
    this.used.add(key);
    const { source: _source, ...stored } = doc;
    const entry: Entry = { format: FORMAT, key, doc: stored };
    if (!this.madeDir) {
      await mkdir(this.dir, { recursive: true });
      this.madeDir = true;
    }
    const file = this.fileFor(key);
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(tmp, JSON.stringify(entry));
      await rename(tmp, file);
      this.stats.writes++;
    } catch {
      // A cache that cannot be written (read-only checkout, full disk) only costs speed.
      await rm(tmp, { force: true });
    }
  }

  /** Removes every entry this build did not use (edited and deleted drafts, old configs). */
  async prune(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    const stale = names.filter((n) => !this.used.has(n.slice(0, -'.json'.length)) || !n.endsWith('.json'));
    await Promise.all(stale.map((n) => rm(path.join(this.dir, n), { force: true })));
    this.stats.pruned += stale.length;
  }

  private fileFor(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }
}

function isEntry(value: unknown, key: string): value is Entry {
  if (!value || typeof value !== 'object') return false;
  const e = value as Partial<Entry>;
  return e.format === FORMAT && e.key === key && !!e.doc && typeof e.doc === 'object' && typeof e.doc.html === 'string';
}
