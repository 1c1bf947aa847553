import { codeFingerprint, compiledModule } from '../pipeline/content-fingerprint.js';
import type { SitePost } from '../site/site-model.js';
import { digest, type PostHashes } from './page-cache.js';
import type { PostData, SiteData } from './template-data.js';
import { templatesFingerprint } from './template-fingerprint.js';
import type { UrlBase } from './urls.js';

/** Bumped when what keys cover changes, so no old key can match. */
const FORMAT = 1;

export interface PageKeyInputs {
  /** The template folders in use, in search order. */
  roots: readonly string[];
  base: UrlBase;
  dev: boolean;
  strict: boolean;
  /** What every page gets as `site`. */
  site: SiteData;
  /** What else the cache mixes in (build: the finish stage's inputs). */
  extra: string;
  posts: PostHashes;
}

/**
 * Keys for pages: a hash of the template name, the page's URL and output
 * path, and the data passed to the template, salted with what every page
 * shares (the `site` data, the template files, the base URL, dev or not,
 * the code of the render stage). Hashing stays cheap: each post's data is
 * hashed once, and again only when it changed (PostHashes), and a page that
 * lists posts hashes their hashes, so the archive's key costs one short
 * string per post, not their HTML.
 */
export class PageKeys {
  private readonly salt: string;
  private readonly posts = new Map<object, string>();

  constructor(private readonly inputs: PageKeyInputs) {
    this.salt = digest(
      `pages ${FORMAT}`,
      codeFingerprint([compiledModule('render/render-pages.js')]),
      templatesFingerprint(inputs.roots),
      JSON.stringify(inputs.base),
      String(inputs.dev),
      String(inputs.strict),
      JSON.stringify(inputs.site),
      inputs.extra,
    );
  }

  /** Hashes a post's data, which pages then refer to by that hash. */
  addPost(post: SitePost, data: PostData): void {
    this.posts.set(data, this.inputs.posts.hash(post.doc.source.path, data));
  }

  key(template: string, url: string, outputPath: string, vars: Record<string, unknown>): string {
    const data = JSON.stringify(vars, (_name, value: unknown) => (value !== null && typeof value === 'object' && this.posts.get(value)) || value);
    return digest(this.salt, template, url, outputPath, data);
  }
}
