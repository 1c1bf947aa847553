import { createHash } from 'node:crypto';
import { bodyHash } from '../content/document.js';
import type { OutputFile } from './render-pages.js';
import type { PostData } from './template-data.js';

/**
 * Pages rendered before, by a key that hashes everything a page's HTML is
 * made from (src/render/page-keys.ts): the template name, the data passed to
 * it (of posts' data, what its templates read, when the cache remembers
 * that), the site data every page gets, the files of the template folders,
 * the base URL and orgpress's own code. A page whose key is unchanged is not
 * rendered again; one whose inputs changed always gets a new key, so a
 * stale page is never served.
 *
 * Two kinds: `dev` keeps pages in memory between rebuilds (MemoryPageCache
 * below); `build` keeps, per output folder, the key each file of the
 * previous output was written from and links unchanged files from it
 * (src/output/output-manifest.ts).
 */
export interface PageCache {
  /** The page as it was rendered under `key`, or null: render it. */
  lookup(path: string, key: string): OutputFile | null;
  /** A page just rendered under `key`; `reads`: what it read of posts' data (below). */
  store(path: string, key: string, content: string | Uint8Array, reads?: string): void;
  /**
   * What the page's last render read of the posts' data it was given (a
   * PostReads signature), when the cache remembers it. A cache that has this
   * gets pages keyed on those fields only (src/render/page-keys.ts), so the
   * archive is not rendered again for an edit of a post's body it does not
   * show; one that has not (`build`'s manifest) gets keys on all of every
   * post's data.
   */
  readsOf?(path: string): string | undefined;
  /** The render is over: what it did not look up or store is gone from the site. */
  endRender(): void;
  /** Hashes of posts' template data and the keys of pages made of it, remembered across renders. */
  readonly posts: PostHashes;
}

/** One post's data as page keys see it. */
export interface PostEntry {
  readonly data: PostData;
  readonly bodyHash: string;
  /** Hashes of it (ALL_FIELDS) or of parts of it, by PostReads signature (src/render/page-keys.ts), made when first asked for. */
  readonly parts: Map<string, string>;
}

/** The PostReads signature of "every field" (a template that enumerated a post's keys, or a cache that does not remember reads). */
export const ALL_FIELDS = '*';

/** A page's key, with what it was made from. */
interface PageKeyEntry {
  /** Everything but `vars`, joined. */
  inputs: string;
  vars: Record<string, unknown>;
  key: string;
}

/**
 * Posts' template data is the bulk of what page keys hash, and most of it
 * is the same from one render to the next. A post's data that equals the
 * previous render's (a walk that mostly meets the very same objects and
 * strings, so it costs far less than serialising) keeps its hashes; a body
 * that is the same string keeps its hash even when the rest changed (a new
 * neighbour). Likewise a page whose data equals the previous render's keeps
 * its key: in dev most pages get the very same post data objects as last
 * time (postData), so that check is a few pointer comparisons where
 * serialising and hashing the data again was a tenth of an edit at 4,000
 * posts.
 */
export class PostHashes {
  private known = new Map<string, PostEntry>();
  private seen = new Map<string, PostEntry>();
  private knownKeys = new Map<string, PageKeyEntry>();
  private seenKeys = new Map<string, PageKeyEntry>();

  /** The key made for the page at `path` from the same `inputs` string and `vars` equal as data, if any. */
  pageKey(path: string, inputs: string, vars: Record<string, unknown>): string | undefined {
    const last = this.seenKeys.get(path) ?? this.knownKeys.get(path);
    if (!last || last.inputs !== inputs || !sameData(last.vars, vars)) return undefined;
    this.seenKeys.set(path, last);
    return last.key;
  }

  rememberPageKey(path: string, inputs: string, vars: Record<string, unknown>, key: string): void {
    this.seenKeys.set(path, { inputs, vars, key });
  }

  /** `id` names the post (its draft); `data` is what its templates get; `knownHash`, when given, is `bodyHash(data.contentHtml)`. */
  entry(id: string, data: PostData, knownHash?: string): PostEntry {
    const last = this.known.get(id) ?? this.seen.get(id);
    let entry: PostEntry;
    if (last && sameData(last.data, data)) entry = last;
    else {
      // `===` on the same string object is a pointer check; on equal copies, one memcmp: both far cheaper than hashing.
      const hash = knownHash ?? (last && last.data.contentHtml === data.contentHtml ? last.bodyHash : bodyHash(data.contentHtml));
      entry = { data, bodyHash: hash, parts: new Map() };
    }
    this.seen.set(id, entry);
    return entry;
  }

  /**
   * The hash of the fields of a post's data that `reads` names (a PostReads
   * signature; ALL_FIELDS: all of it). Two posts' data with the same hash
   * here look the same to a template that reads only those fields.
   */
  part(entry: PostEntry, reads: string): string {
    let hash = entry.parts.get(reads);
    if (hash === undefined) {
      hash =
        reads === ALL_FIELDS
          ? digest(JSON.stringify({ ...entry.data, contentHtml: null }), entry.bodyHash)
          : digest(reads, ...fieldNames(reads).map((name) => fieldHashInput(entry, name)));
      entry.parts.set(reads, hash);
    }
    return hash;
  }

  /** Forgets posts and pages the last render did not ask for (deleted drafts). */
  endRender(): void {
    this.known = this.seen;
    this.seen = new Map();
    this.knownKeys = this.seenKeys;
    this.seenKeys = new Map();
  }
}

/** What a field of a post's data adds to a hash: its JSON, its body's hash, or `-` when the data has no such field. */
function fieldHashInput(entry: PostEntry, name: string): string {
  if (name === 'contentHtml') return entry.bodyHash;
  const data = entry.data as unknown as Record<string, unknown>;
  // A name the data does not have (`toLiquid`, a typo in a template) reads as undefined whatever the post.
  if (!Object.prototype.hasOwnProperty.call(data, name)) return '-';
  return JSON.stringify(data[name]) ?? 'undefined';
}

const parsedReads = new Map<string, string[]>();

/** The field names of a PostReads signature (a JSON array of names), parsed once. */
function fieldNames(reads: string): string[] {
  let names = parsedReads.get(reads);
  if (!names) parsedReads.set(reads, (names = JSON.parse(reads) as string[]));
  return names;
}

/** Equal as JSON would write them (values are JSON data: front matter, strings, numbers, arrays, plain objects). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  // A Date, Map or class instance from front matter: compared as JSON writes them, or not at all.
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return JSON.stringify(a) === JSON.stringify(b);
  // Plain objects have no inherited enumerable keys: `for in` walks their own, without the arrays Object.keys makes.
  let count = 0;
  for (const k in a) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
    count++;
  }
  for (const _ in b) count--;
  return count === 0;
}

/** SHA-1: page keys need speed over thousands of bodies, not resistance to forgery (the author writes every input). */
export function digest(...parts: string[]): string {
  const h = createHash('sha1');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

/**
 * `orgpress dev`: the pages of the previous rebuild, in memory, with what
 * each read of its posts' data. An edit re-renders only the pages that
 * read what changed: the post, the index page that shows its summary when
 * that changed, the lists that show its title, date or tags when those
 * changed, its neighbours when its title or URL changed.
 */
export class MemoryPageCache implements PageCache {
  readonly posts = new PostHashes();
  private pages = new Map<string, MemoryPage>();
  private next = new Map<string, MemoryPage>();

  readsOf(path: string): string | undefined {
    return this.pages.get(path)?.reads;
  }

  lookup(path: string, key: string): OutputFile | null {
    const page = this.pages.get(path);
    if (!page || page.key !== key) return null;
    this.next.set(path, page);
    return { path, content: page.content };
  }

  store(path: string, key: string, content: string | Uint8Array, reads = ALL_FIELDS): void {
    this.next.set(path, { key, content, reads });
  }

  /** After a render: keep what it used, drop pages that are gone. */
  endRender(): void {
    this.pages = this.next;
    this.next = new Map();
    this.posts.endRender();
  }
}

interface MemoryPage {
  key: string;
  content: string | Uint8Array;
  reads: string;
}
