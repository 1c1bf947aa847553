import type { Liquid } from 'liquidjs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Site } from '../site/site-model.js';
import { outputPathFor } from '../site/permalink.js';
import { pageData, postData, siteData, tagData } from './page-data.js';
import { templateDiagnostic } from './template-diagnostic.js';
import type { UrlBase } from './urls.js';
import { relativizeUrls } from './relative-urls.js';

/** One file of the built site. */
export interface OutputFile {
  /** Path under the output folder, `/`-separated. */
  path: string;
  content: string | Uint8Array;
}

export interface RenderContext {
  site: Site;
  engine: Liquid;
  base: UrlBase;
  version: string;
  /** Dev mode: TODO notes and drafts shown. */
  dev: boolean;
  /** Site root, to print template paths relative to it. */
  root: string;
}

/** Renders every HTML page of the site; a failing template is reported, the others still render. */
export async function renderPages(ctx: RenderContext): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[] }> {
  const { site, engine, base, dev } = ctx;
  const c = site.config;
  const sd = siteData(site, base, ctx.version, dev);
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();

  const render = async (template: string, url: string, vars: Record<string, unknown>, path = outputPathFor(url)) => {
    try {
      const html = await engine.renderFile(template, { site: sd, ...vars });
      files.push({ path, content: path === '404.html' ? html : relativizeUrls(html, url, base.basePath) });
    } catch (err) {
      const d = templateDiagnostic(err, ctx.root, `templates/${template}.liquid`, `while rendering ${url}`);
      const key = `${d.file}:${d.line}:${d.column}:${d.message}`;
      if (!seen.has(key)) diagnostics.push(d); // one broken partial should not be reported once per page
      seen.add(key);
    }
  };

  const postsData = new Map(site.posts.map((p) => [p, postData(p, c, base, dev)]));
  const data = (p: (typeof site.posts)[number]) => postsData.get(p)!;

  for (const post of site.posts) {
    const pd = data(post);
    await render('post', post.url, { page: pageData(base, 'post', pd.title, post.url, pd.summary), post: pd }, post.outputPath);
  }
  for (const lp of site.listPages) {
    const title = lp.page === 1 ? c.title : `${c.title} – page ${lp.page}`;
    await render('list', lp.url, {
      page: pageData(base, 'list', title, lp.url, c.description),
      posts: lp.posts.map(data),
      pagination: { page: lp.page, totalPages: lp.totalPages, newerUrl: lp.newerUrl, olderUrl: lp.olderUrl },
    });
  }
  for (const tag of site.tags) {
    await render('tag', tag.url, {
      page: pageData(base, 'tag', `Posts tagged “${tag.name}”`, tag.url, `Posts tagged ${tag.name}`),
      tag: tagData(tag),
      posts: tag.posts.map(data),
    });
  }
  await render('tags', '/tags/', { page: pageData(base, 'tags', 'Tags', '/tags/', `All tags of ${c.title}`), tags: sd.tags });
  await render('archive', '/archive/', {
    page: pageData(base, 'archive', 'Archive', '/archive/', `All posts of ${c.title}`),
    years: site.years.map((y) => ({ year: y.year, posts: y.posts.map(data) })),
  });
  await render('404', '/404.html', { page: pageData(base, '404', 'Page not found', '/404.html', '') }, '404.html');
  return { files, diagnostics };
}
