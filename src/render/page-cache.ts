import { createHash } from 'node:crypto';
import type { OutputFile } from './render-pages.js';
import type { PostData } from './template-data.js';

/**
 * Pages rendered before, by a key that hashes everything a page's HTML is
 * made from (src/render/page-keys.ts): the template name, the data passed to
 * it, the site data every page gets, the files of the template folders, the
 * base URL and orgpress's own code. A page whose key is unchanged is not
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
  /** A page just rendered under `key`. */
  store(path: string, key: string, content: string | Uint8Array): void;
  /** The render is over: what it did not look up or store is gone from the site. */
  endRender(): void;
  /** Hashes of posts' template data, remembered across renders. */
  readonly posts: PostHashes;
}

interface PostEntry {
  data: PostData;
  hash: string;
  bodyHash: string;
}

/**
 * Posts' template data is the bulk of what page keys hash, and most of it
 * is the same from one render to the next. A post's data that equals the
 * previous render's (a walk that mostly meets the very same objects and
 * strings, so it costs far less than serialising) keeps its hash; a body
 * that is the same string keeps its hash even when the rest changed (a new
 * neighbour).
 */
export class PostHashes {
  private known = new Map<string, PostEntry>();
  private seen = new Map<string, PostEntry>();

  /** `id` names the post (its draft); `data` is what its templates get. */
  hash(id: string, data: PostData): string {
    const last = this.known.get(id) ?? this.seen.get(id);
    let entry: PostEntry;
    if (last && sameData(last.data, data)) entry = last;
    else {
      // `===` on the same string object is a pointer check; on equal copies, one memcmp: both far cheaper than hashing.
      const bodyHash = last && last.data.contentHtml === data.contentHtml ? last.bodyHash : digest(data.contentHtml);
      entry = { data, bodyHash, hash: digest(JSON.stringify({ ...data, contentHtml: null }), bodyHash) };
    }
    this.seen.set(id, entry);
    return entry.hash;
  }

  /** Forgets posts the last render did not ask for (deleted drafts). */
  endRender(): void {
    this.known = this.seen;
    this.seen = new Map();
  }
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
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** SHA-1: page keys need speed over thousands of bodies, not resistance to forgery (the author writes every input). */
export function digest(...parts: string[]): string {
  const h = createHash('sha1');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

/**
 * `orgpress dev`: the pages of the previous rebuild, in memory. An edit
 * re-renders only the pages whose data changed: the post, the list, tag and
 * archive pages it shows on, and its neighbours when its title or URL
 * changed.
 */
export class MemoryPageCache implements PageCache {
  readonly posts = new PostHashes();
  private pages = new Map<string, { key: string; content: string | Uint8Array }>();
  private next = new Map<string, { key: string; content: string | Uint8Array }>();

  lookup(path: string, key: string): OutputFile | null {
    const page = this.pages.get(path);
    if (!page || page.key !== key) return null;
    this.next.set(path, page);
    return { path, content: page.content };
  }

  store(path: string, key: string, content: string | Uint8Array): void {
    this.next.set(path, { key, content });
  }

  /** After a render: keep what it used, drop pages that are gone. */
  endRender(): void {
    this.pages = this.next;
    this.next = new Map();
    this.posts.endRender();
  }
}
