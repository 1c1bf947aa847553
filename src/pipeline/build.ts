import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../config/load-config.js';
import type { SiteConfig } from '../config/schema.js';
import type { Document } from '../content/document.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { renderFeeds } from '../render/feeds.js';
import { renderPages, type OutputFile } from '../render/render-pages.js';
import { renderSitemap } from '../render/sitemap.js';
import { BUILTIN_TEMPLATES, createTemplateEngine } from '../render/template-engine.js';
import { urlBase } from '../render/urls.js';
import { buildSite } from '../site/build-site.js';
import type { Site } from '../site/site-model.js';
import { readDrafts } from '../source/read-drafts.js';
import { expandAllIncludes } from '../source/expand-all-includes.js';
import { remapPositions } from '../source/expand-includes.js';
import { removeStaleStaging, writeSite, type CopyDir } from '../output/write-site.js';
import { DocumentCache } from './document-cache.js';
import { renderDocuments } from './render-documents.js';
import { VERSION } from './version.js';

/** The installed KaTeX's `dist/` folder: the one whose version typesets the math. */
const KATEX_DIST = path.dirname(createRequire(import.meta.url).resolve('katex'));

export interface ProjectOptions {
  /** Site root: holds drafts/, templates/, static/, site.yaml. */
  root: string;
  /** Config file relative to root (default: site.yaml if present). */
  configFile?: string;
  /** Overrides `baseUrl` from the config (`--base-url`). */
  baseUrl?: string;
  /** false: neither read nor write the document cache in .cache/orgpress/ (`--no-cache`). */
  cache?: boolean;
}

export interface LoadedProject {
  root: string;
  config: SiteConfig;
  /** Absolute path of the site's own templates folder. */
  templatesDir: string;
  documents: Document[];
  /** Files under drafts/ that are not posts (images…). */
  draftAssets: string[];
  /** Original texts by path, for code frames. */
  sources: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** Reads the config and every draft, and runs the content stage on each. */
export async function loadProject(opts: ProjectOptions): Promise<LoadedProject> {
  const root = path.resolve(opts.root);
  const loaded = await loadConfig(root, opts.configFile);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  let config = loaded.config;
  if (opts.baseUrl) {
    try {
      new URL(opts.baseUrl);
      config = { ...config, baseUrl: opts.baseUrl.endsWith('/') ? opts.baseUrl : opts.baseUrl + '/' };
    } catch {
      diagnostics.push({ file: '--base-url', line: 0, column: 0, severity: 'error', message: `not an absolute URL: ${opts.baseUrl}`, hint: 'give one like https://example.com/ or https://user.github.io/blog/' });
    }
  }
  const drafts = await readDrafts(root, config.dirs.drafts);
  diagnostics.push(...drafts.diagnostics);
  const sources = new Map(drafts.files.map((f) => [f.path, f.text]));
  const expanded = await expandAllIncludes(drafts.files, root);
  for (const e of expanded) {
    diagnostics.push(...e.diagnostics);
    for (const [p, text] of e.included) sources.set(p, text);
  }
  // A file another draft includes is a part of that post, not a post of its own.
  const includedPaths = new Set(expanded.flatMap((e) => [...e.included.keys()]));
  const posts = expanded.filter((e) => !includedPaths.has(e.source.path));
  // Cached, or rendered on a worker pool (src/pipeline/render-documents.ts).
  const cache = opts.cache === false ? null : new DocumentCache(root, config);
  const rendered = await renderDocuments(posts.map((e) => e.source), config, { cache });
  const documents = posts.map((e, i) => remapPositions(rendered.documents[i]!, e));
  for (const d of documents) diagnostics.push(...d.diagnostics);
  return {
    root,
    config,
    templatesDir: path.resolve(root, config.dirs.templates),
    documents,
    draftAssets: drafts.assets,
    sources,
    diagnostics,
  };
}

export interface RenderedSite {
  site: Site;
  files: OutputFile[];
  copies: CopyDir[];
  diagnostics: Diagnostic[];
}

/** Site model + templates + feeds: everything that goes into the output folder. */
export async function renderProject(project: LoadedProject, opts: { includeDrafts: boolean; dev: boolean }): Promise<RenderedSite> {
  const { config, root } = project;
  // A draft with errors is left out of the site model: its problems are already reported.
  const usable = project.documents.filter((d) => !hasErrors(d.diagnostics));
  const site = buildSite(usable, config, { includeDrafts: opts.includeDrafts, draftFiles: new Set(project.draftAssets) });
  const base = urlBase(config.baseUrl);
  const engine = createTemplateEngine(project.templatesDir, base);
  const pages = await renderPages({ site, engine, base, version: VERSION, dev: opts.dev, root });
  const files = [...pages.files, ...renderFeeds(site, base, VERSION), ...renderSitemap(site, base)];
  const copies: CopyDir[] = [
    { from: path.join(BUILTIN_TEMPLATES, 'assets'), to: 'assets' },
    { from: path.join(project.templatesDir, 'assets'), to: 'assets' },
    { from: path.resolve(root, config.dirs.static), to: '' },
    ...site.media.map((m) => ({ from: path.resolve(root, m), to: 'media/' + path.posix.relative(config.dirs.drafts, m) })),
    // KaTeX's stylesheet and fonts (about 1 MB), served by the site itself, and only
    // when some post has math (base.liquid links them on those pages).
    ...(site.posts.some((p) => p.devHtml.includes('class="katex'))
      ? [
          { from: path.join(KATEX_DIST, 'katex.min.css'), to: 'assets/katex/katex.min.css' },
          { from: path.join(KATEX_DIST, 'fonts'), to: 'assets/katex/fonts' },
        ]
      : []),
  ];
  return { site, files, copies, diagnostics: [...site.diagnostics, ...pages.diagnostics] };
}

export interface BuildOptions extends ProjectOptions {
  /** Output folder (default from config: dist). */
  outDir?: string;
  includeDrafts?: boolean;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  outDir: string;
  stats: { posts: number; pages: number; files: number; ms: number };
}

/**
 * `orgpress build`: everything is rendered in memory first; only when no
 * stage reported an error is the output written (staged, then swapped in).
 */
export async function build(opts: BuildOptions): Promise<BuildResult> {
  const t0 = performance.now();
  const project = await loadProject(opts);
  const outDir = path.resolve(project.root, opts.outDir ?? project.config.dirs.out);
  const diagnostics = [...project.diagnostics];
  let stats = { posts: 0, pages: 0, files: 0, ms: 0 };
  // Render even when some drafts are broken, so site-wide problems (clashing URLs,
  // template errors) are reported in the same run; nothing is written unless all is well.
  const rendered = await renderProject(project, { includeDrafts: opts.includeDrafts ?? false, dev: false });
  diagnostics.push(...rendered.diagnostics);
  if (!hasErrors(diagnostics)) {
    await removeStaleStaging(outDir);
    await writeSite(outDir, rendered.files, rendered.copies);
    stats = {
      posts: rendered.site.posts.length,
      pages: rendered.files.filter((f) => f.path.endsWith('.html')).length,
      files: rendered.files.length,
      ms: 0,
    };
  }
  stats.ms = Math.round(performance.now() - t0);
  return { ok: !hasErrors(diagnostics), diagnostics, sources: project.sources, outDir, stats };
}
