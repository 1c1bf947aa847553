import type { Liquid } from 'liquidjs';
import type { LazyTemplateEngine } from './template-engine.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Site } from '../site/site-model.js';
import { outputPathFor } from '../site/permalink.js';
import { pageData, postData, postPageData, siteData, tagData } from './page-data.js';
import { templateDiagnostic } from './template-diagnostic.js';
import type { UrlBase } from './urls.js';
import { relativizeUrls } from './relative-urls.js';
import { ALL_FIELDS, type PageCache } from './page-cache.js';
import type { PageFinisher } from '../output/page-finisher.js';
import { PageKeys, PostReads } from './page-keys.js';
import { Limiter } from '../pipeline/limiter.js';

/** What stands for a page's content once it is in the staging folder. */
const STAGED_CONTENT = new Uint8Array(0);

/** Pages being finished at once: enough to keep a core minifying, few enough to hold little memory. */
const FINISHING = 4;

/** One file of the built site. */
export interface OutputFile {
  /** Path under the output folder, `/`-separated. */
  path: string;
  content: string | Uint8Array;
  /**
   * `build` only: the previous output's file is still right (src/output/output-manifest.ts).
   * `content` is then empty bytes, which the finish stage passes through, and the write links this file.
   */
  keep?: KeptFile;
  /** `build` only: already written to the staging folder as it was finished; `content` is then empty bytes. */
  staged?: true;
}

/** A file of the previous output, as the manifest recorded it: the write refuses it if it was replaced since. */
export interface KeptFile {
  /** Absolute path. */
  from: string;
  ino: number;
  size: number;
  mtimeMs: number;
}

export interface RenderContext {
  site: Site;
  /** LiquidJS, or one made on first use (a build whose pages all come from the cache never loads it). */
  engine: Liquid | LazyTemplateEngine;
  base: UrlBase;
  version: string;
  /** Dev mode: TODO notes and drafts shown. */
  dev: boolean;
  /** Site root, to print template paths relative to it. */
  root: string;
  /** Pages rendered before: those whose key is unchanged are taken from it, not rendered. */
  cache?: PageCache | null;
  /** `build`: finishes each page as it is rendered (fingerprinted asset names, minified, as bytes). */
  finisher?: PageFinisher | null;
  /** `build`: takes each finished page to the output at once (src/output/write-site.ts), so pages are not held in memory until the write. */
  stage?: ((file: OutputFile) => Promise<void>) | null;
}

export interface RenderPagesResult {
  files: OutputFile[];
  diagnostics: Diagnostic[];
  /** Pages rendered through the templates, and pages taken from the cache. */
  stats: { rendered: number; reused: number };
}

/**
 * Renders every HTML page of the site; a failing template is reported, the
 * others still render. With a cache, a page whose key (template, data,
 * templates, code) is unchanged is taken from it instead.
 */
export async function renderPages(ctx: RenderContext): Promise<RenderPagesResult> {
  const { site, base, dev } = ctx;
  const given = ctx.engine;
  const templates: LazyTemplateEngine =
    'lazy' in given ? given : { lazy: true, roots: given.options.root, strict: given.options.strictVariables, get: () => given };
  const { roots } = templates;
  const c = site.config;
  const sd = siteData(site, base, ctx.version, dev);
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const cache = ctx.cache ?? null;
  const stats = { rendered: 0, reused: 0 };
  const keys = cache
    ? new PageKeys({
        roots,
        base,
        dev,
        strict: templates.strict,
        site: sd,
        config: c,
        extra: ctx.finisher?.salt ?? '',
        posts: cache.posts,
      })
    : null;

  // A cache that remembers what each page read of its posts' data gets keys on just that (src/render/page-keys.ts).
  const tracks = keys !== null && typeof cache?.readsOf === 'function';

  /** `lists`: the page lists posts, and is keyed on what it reads of them where the cache allows; else on all of their data. */
  const render = async (template: string, url: string, vars: Record<string, unknown>, lists: boolean, path = outputPathFor(url)) => {
    const tracking = tracks && lists;
    let key = '';
    let keyReads: string | undefined;
    if (keys && cache) {
      keyReads = tracking ? cache.readsOf!(path) : ALL_FIELDS;
      // A page the cache does not have (tracking: no reads known) is rendered without a lookup.
      if (keyReads !== undefined) {
        key = keys.key(template, url, path, vars, keyReads);
        const cached = cache.lookup(path, key);
        if (cached) {
          files.push(cached);
          stats.reused++;
          return;
        }
      }
    }
    const reads = tracking ? new PostReads() : null;
    let relative: string;
    try {
      // Synchronously: our filters are synchronous, and LiquidJS's async path allocated a promise per
      // tag and value (two thirds of the garbage of a dev rebuild, ~1.5x the time of a page).
      const html = templates.get().renderFileSync(template, { site: sd, ...(reads ? keys!.tracked(vars, reads) : vars) });
      relative = path === '404.html' ? html : relativizeUrls(html, url, base.basePath);
    } catch (err) {
      const d = templateDiagnostic(err, ctx.root, `templates/${template}.liquid`, `while rendering ${url}`, roots);
      const key = `${d.file}:${d.line}:${d.column}:${d.message}`;
      if (!seen.has(key)) diagnostics.push(d); // one broken partial should not be reported once per page
      seen.add(key);
      return;
    }
    stats.rendered++;
    // Keyed on what this render read: the same fields are what the next rebuild compares.
    const read = reads?.signature() ?? ALL_FIELDS;
    if (keys && read !== keyReads) key = keys.key(template, url, path, vars, read);
    const slot = files.push({ path, content: relative }) - 1;
    const stored = (file: OutputFile): void => {
      files[slot] = file;
      if (keys && cache) cache.store(path, key, file.content, read);
    };
    if (!ctx.finisher) return stored({ path, content: relative });
    // Finishing (minifying) runs off the main thread: a few pages at once, while the next ones render.
    await finishing.add(async () => {
      let content: Uint8Array;
      try {
        content = await ctx.finisher!.finish(path, relative);
      } catch (err) {
        diagnostics.push(templateDiagnostic(err, ctx.root, `templates/${template}.liquid`, `while finishing ${url}`, roots));
        return;
      }
      // A failed write (a full disk, an interrupt) fails the render: the build reports it.
      if (ctx.stage) await ctx.stage({ path, content });
      stored(ctx.stage ? { path, content: STAGED_CONTENT, staged: true } : { path, content });
    });
  };
  const finishing = new Limiter(FINISHING);

  const postsData = new Map(site.posts.map((p) => [p, postData(p, c, base, dev)]));
  const data = (p: (typeof site.posts)[number]) => postsData.get(p)!;
  if (keys) for (const [post, pd] of postsData) keys.addPost(post, pd);

  // A post's own page reads nearly all of its data (body, table of contents, notes): keyed on all of it,
  // it renders without the views that note reads (a tenth of the time of rendering every page).
  for (const post of site.posts) {
    const pd = data(post);
    await render('post', post.url, { page: postPageData(pd), post: pd }, false, post.outputPath);
  }
  for (const lp of site.listPages) {
    const title = lp.page === 1 ? c.title : `${c.title} – page ${lp.page}`;
    await render('list', lp.url, {
      page: pageData(base, 'list', title, lp.url, c.description),
      posts: lp.posts.map(data),
      pagination: { page: lp.page, totalPages: lp.totalPages, newerUrl: lp.newerUrl, olderUrl: lp.olderUrl },
    }, true);
  }
  for (const tag of site.tags) {
    await render('tag', tag.url, {
      page: pageData(base, 'tag', `Posts tagged “${tag.name}”`, tag.url, `Posts tagged ${tag.name}`),
      tag: tagData(tag),
      posts: tag.posts.map(data),
    }, true);
  }
  await render('tags', '/tags/', { page: pageData(base, 'tags', 'Tags', '/tags/', `All tags of ${c.title}`), tags: sd.tags }, false);
  await render('archive', '/archive/', {
    page: pageData(base, 'archive', 'Archive', '/archive/', `All posts of ${c.title}`),
    years: site.years.map((y) => ({ year: y.year, posts: y.posts.map(data) })),
  }, true);
  await render('404', '/404.html', { page: pageData(base, '404', 'Page not found', '/404.html', '') }, false, '404.html');
  await finishing.drain();
  cache?.endRender();
  return { files, diagnostics, stats };
}
