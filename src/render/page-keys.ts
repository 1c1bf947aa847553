import type { SiteConfig } from '../config/schema.js';
import { codeFingerprint, compiledModule } from '../pipeline/content-fingerprint.js';
import type { SitePost } from '../site/site-model.js';
import { ALL_FIELDS, digest, type PostEntry, type PostHashes } from './page-cache.js';
import type { PostData, SiteData } from './template-data.js';
import { templatesFingerprint } from './template-fingerprint.js';
import type { UrlBase } from './urls.js';

/** Bumped when what keys cover changes, so no old key can match. */
const FORMAT = 2;

export interface PageKeyInputs {
  /** The template folders in use, in search order. */
  roots: readonly string[];
  base: UrlBase;
  dev: boolean;
  strict: boolean;
  /** What every page gets as `site`. */
  site: SiteData;
  /** The whole config: most of it reaches pages through their data already, but a config change re-rendering everything is simpler to trust. */
  config: SiteConfig;
  /** What else the cache mixes in (build: the finish stage's inputs). */
  extra: string;
  posts: PostHashes;
}

/**
 * Keys for pages: a hash of the template name, the page's URL and output
 * path, and the data passed to the template, salted with what every page
 * shares (the `site` data, the config, the template files, the base URL,
 * dev or not, the code of the render stage). Hashing stays cheap: each
 * post's data is hashed once, and again only when it changed (PostHashes),
 * a page that lists posts hashes their hashes, so the archive's key costs
 * one short string per post, not their HTML, and a page whose data equals
 * the previous render's keeps its key unhashed.
 *
 * Of the posts' data a page gets, its key covers either all of it, or only
 * the fields its templates read when it was last rendered (`reads`, a
 * PostReads signature, one for the page: a field read of one of its posts
 * counts for all; dev's page cache remembers them). The built-in
 * archive reads each post's title, URL, date and draft flag: an edit of a
 * post's body leaves its key alone, a new title changes it. That is exact,
 * not a guess: a page is a function of the template files, the `site` data
 * and the page's data (all in the key; templates cannot change data), so
 * the templates, run again on data whose read fields are all the same,
 * take the same path, read the same fields and write the same page. Which
 * fields a page reads is taken anew at each render of it: a template that
 * shows bodies only of some posts depends on theirs once it shows them. A
 * template that enumerates a post's fields (`| json`, `post.size`, a `for`
 * over it) reads them all.
 */
export class PageKeys {
  private readonly salt: string;
  private readonly posts = new Map<object, PostEntry>();

  constructor(private readonly inputs: PageKeyInputs) {
    this.salt = digest(
      `pages ${FORMAT}`,
      codeFingerprint([compiledModule('render/render-pages.js')]),
      templatesFingerprint(inputs.roots),
      JSON.stringify(inputs.base),
      String(inputs.dev),
      String(inputs.strict),
      JSON.stringify(inputs.site),
      JSON.stringify(inputs.config),
      inputs.extra,
    );
  }

  /** Hashes a post's data, which pages then refer to by that hash. */
  addPost(post: SitePost, data: PostData): void {
    // The content stage hashed the body already (cached with it); a body whose links to other posts were filled in is another string.
    const known = data.contentHtml === post.doc.html ? post.doc.htmlHash : undefined;
    this.posts.set(data, this.inputs.posts.entry(post.doc.source.path, data, known));
  }

  /** The page's key; of each post's data in `vars` (given to addPost), it covers the fields `reads` names. */
  key(template: string, url: string, outputPath: string, vars: Record<string, unknown>, reads: string = ALL_FIELDS): string {
    const hashes = this.inputs.posts;
    const inputs = [this.salt, template, url, outputPath, reads].join('\0');
    const known = hashes.pageKey(outputPath, inputs, vars);
    if (known !== undefined) return known;
    const data = JSON.stringify(vars, (_name, value: unknown) => {
      const post = value !== null && typeof value === 'object' ? this.posts.get(value) : undefined;
      return post ? hashes.part(post, reads) : value;
    });
    const key = digest(inputs, data);
    hashes.rememberPageKey(outputPath, inputs, vars, key);
    return key;
  }

  /** `vars` for the template, with each post's data in it (given to addPost) replaced by a view that notes what is read of it in `reads`. */
  tracked(vars: Record<string, unknown>, reads: PostReads): Record<string, unknown> {
    const walk = (value: unknown): unknown => {
      if (value === null || typeof value !== 'object') return value;
      if (this.posts.has(value)) return reads.view(value);
      if (Array.isArray(value)) return value.map(walk);
      if (Object.getPrototypeOf(value) !== Object.prototype) return value;
      const copy: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) copy[k] = walk(v);
      return copy;
    };
    return walk(vars) as Record<string, unknown>;
  }
}

/**
 * The fields of posts' data one render of a page read, through views
 * (Proxies) of that data. Only top-level fields are told apart: reading
 * `post.date.year` reads all of `date`. Anything that lists a post's keys
 * (JSON, `size`, a `for` over the object) reads every field.
 */
export class PostReads {
  private readonly names = new Set<string>();
  private all = false;
  private readonly handler: ProxyHandler<object>;
  private readonly views = new Map<object, object>();

  constructor() {
    const note = (key: string | symbol) => {
      // Symbols (Symbol.toPrimitive, Symbol.iterator) are looked up on the prototype: the same for every post.
      if (typeof key === 'string') this.names.add(key);
    };
    this.handler = {
      get: (target, key, receiver) => (note(key), Reflect.get(target, key, receiver)),
      has: (target, key) => (note(key), Reflect.has(target, key)),
      getOwnPropertyDescriptor: (target, key) => (note(key), Reflect.getOwnPropertyDescriptor(target, key)),
      ownKeys: (target) => ((this.all = true), Reflect.ownKeys(target)),
    };
  }

  /** A view of `data`: one per object, so a template comparing two posts (`p == post`) sees what it would without views. */
  view<T extends object>(data: T): T {
    let view = this.views.get(data);
    if (!view) this.views.set(data, (view = new Proxy(data, this.handler)));
    return view as T;
  }

  /** What was read, as page keys take it: ALL_FIELDS, or a JSON array of field names, sorted. */
  signature(): string {
    return this.all ? ALL_FIELDS : JSON.stringify([...this.names].sort());
  }
}
