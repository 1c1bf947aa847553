import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../config/load-config.js';
import type { SiteConfig } from '../config/schema.js';
import type { Document } from '../content/document.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { renderFeeds } from '../render/feeds.js';
import { renderPages, type OutputFile } from '../render/render-pages.js';
import type { PageCache } from '../render/page-cache.js';
import { renderSitemap } from '../render/sitemap.js';
import { BUILTIN_TEMPLATES, lazyTemplateEngine } from '../render/template-engine.js';
import { urlBase } from '../render/urls.js';
import { buildSite } from '../site/build-site.js';
import type { Site } from '../site/site-model.js';
import { readDrafts } from '../source/read-drafts.js';
import { expandAllIncludes } from '../source/expand-all-includes.js';
import { remapPositions } from '../source/expand-includes.js';
import { KeptFileChangedError, SiteWrite, type CopyDir } from '../output/write-site.js';
import { OutputManifest } from '../output/output-manifest.js';
import { writeErrorDiagnostic } from '../output/write-error.js';
import { DocumentCache } from './document-cache.js';
import type { ContentMemo } from './content-memo.js';
import { renderDocuments, type RenderDocumentsStats } from './render-documents.js';
import { VERSION } from './version.js';
import { finishOutput, type FinishOptions } from '../output/finish-output.js';
import { pageFinisher } from '../output/page-finisher.js';
import { renderRedirects } from '../render/redirects.js';
import { StageClock, type Stage, type StageTimings } from './stage-timings.js';

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
  /** Times the stages (`build -v`, the progress bar). */
  clock?: StageClock;
  /** Dev: what the previous rebuild read and rendered, reused for unchanged drafts (no reading, no hashing, no cache). */
  memo?: ContentMemo;
  /** false: Documents without their dev body (`devHtml` empty), for `build`, which never shows TODO notes. */
  devBodies?: boolean;
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
  /** What the content stage did: drafts rendered, taken from the cache, worker threads (`build -v`); set by loadProject. */
  content?: RenderDocumentsStats;
}

/** Reads the config and every draft, and runs the content stage on each. */
export async function loadProject(opts: ProjectOptions): Promise<LoadedProject & Required<Pick<LoadedProject, 'content'>>> {
  const root = path.resolve(opts.root);
  opts.clock?.enter('read');
  // Cached like the Documents: an unchanged site.yaml is not parsed and checked again (yaml and zod not even loaded).
  const loaded = await loadConfig(root, opts.configFile, { cache: opts.cache !== false });
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
  const drafts = await readDrafts(root, config.dirs.drafts, opts.memo);
  diagnostics.push(...drafts.diagnostics);
  const sources = new Map(drafts.files.map((f) => [f.path, f.text]));
  const expanded = await expandAllIncludes(drafts.files, root, opts.memo);
  for (const e of expanded) {
    diagnostics.push(...e.diagnostics);
    for (const [p, text] of e.included) sources.set(p, text);
  }
  // A file another draft includes is a part of that post, not a post of its own.
  const includedPaths = new Set(expanded.flatMap((e) => [...e.included.keys()]));
  const posts = expanded.filter((e) => !includedPaths.has(e.source.path));
  opts.clock?.enter('content');
  // Cached, or rendered on a worker pool (src/pipeline/render-documents.ts).
  const cache = opts.cache === false ? null : new DocumentCache(root, config);
  const rendered = await renderDocuments(posts.map((e) => e.source), config, {
    cache,
    ...(opts.memo ? { memo: opts.memo } : {}),
    ...(opts.devBodies === false ? { devBodies: false } : {}),
  });
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
    content: rendered.stats,
  };
}

export interface RenderedSite {
  site: Site;
  files: OutputFile[];
  copies: CopyDir[];
  diagnostics: Diagnostic[];
  /** HTML pages rendered through the templates, and pages taken from the page cache. */
  pages: { rendered: number; reused: number };
}

/** Site model + templates + feeds: everything that goes into the output folder. */
export async function renderProject(
  project: LoadedProject,
  // strictTemplates: an unknown variable is an error (`orgpress check`).
  // pageCache: pages rendered before (dev: in memory; build: the previous output), reused when their inputs are unchanged.
  // finish (build): each page is finished for hosting as it is rendered (src/output/page-finisher.ts).
  // stage (build): takes each finished page to the output folder's staging area as soon as it is finished.
  opts: {
    includeDrafts: boolean;
    dev: boolean;
    strictTemplates?: boolean;
    clock?: StageClock;
    pageCache?: PageCache | null;
    finish?: FinishOptions;
    stage?: ((file: OutputFile) => Promise<void>) | null;
  },
): Promise<RenderedSite> {
  const { config, root } = project;
  // A draft with errors is left out of the site model: its problems are already reported.
  const usable = project.documents.filter((d) => !hasErrors(d.diagnostics));
  opts.clock?.enter('site');
  const site = buildSite(usable, config, { includeDrafts: opts.includeDrafts, draftFiles: new Set(project.draftAssets) });
  opts.clock?.enter('render');
  const base = urlBase(config.baseUrl);
  const engine = lazyTemplateEngine(project.templatesDir, base, { strict: opts.strictTemplates ?? false });
  const copies: CopyDir[] = [
    { from: path.join(BUILTIN_TEMPLATES, 'assets'), to: 'assets' },
    { from: path.join(project.templatesDir, 'assets'), to: 'assets' },
    { from: path.resolve(root, config.dirs.static), to: '' },
    ...site.media.map((m) => ({ from: path.resolve(root, m), to: 'media/' + path.posix.relative(config.dirs.drafts, m) })),
    // KaTeX's stylesheet and fonts (about 1 MB), served by the site itself, and only
    // when some post has math (base.liquid links them on those pages).
    ...(site.posts.some((p) => p.doc.hasMath)
      ? [
          { from: path.join(KATEX_DIST, 'katex.min.css'), to: 'assets/katex/katex.min.css' },
          { from: path.join(KATEX_DIST, 'fonts'), to: 'assets/katex/fonts' },
        ]
      : []),
  ];
  const cache = opts.pageCache ?? null;
  const finisher = opts.finish ? await pageFinisher(copies, opts.finish) : null;
  const pages = await renderPages({ site, engine, base, version: VERSION, dev: opts.dev, root, cache, finisher, stage: finisher ? (opts.stage ?? null) : null });
  const files = [...pages.files, ...renderFeeds(site, base, VERSION), ...renderSitemap(site, base)];
  // Old addresses of moved posts (`aliases:`): redirect pages and `_redirects`.
  const redirects = renderRedirects(site, files, base);
  files.push(...redirects.files);
  const diagnostics = [...site.diagnostics, ...pages.diagnostics, ...redirects.diagnostics, ...(finisher?.diagnostics ?? [])];
  return { site, files, copies, diagnostics, pages: pages.stats };
}

export interface BuildOptions extends ProjectOptions {
  /** Output folder (default from config: dist). */
  outDir?: string;
  includeDrafts?: boolean;
  /** Stops the write of the output at the next file (Ctrl-C); the previous output stays. */
  signal?: AbortSignal;
  /** Another build holds the output's lock: this one waits for it (called once). */
  onLockWait?: (holderPid: number) => void;
  /** Told when each stage starts (the progress bar). */
  onStage?: (stage: Stage) => void;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  outDir: string;
  /** `rendered`: pages rendered through the templates (the others were kept from the previous output). */
  stats: { posts: number; pages: number; files: number; ms: number; rendered: number };
  /** Milliseconds per stage (`build -v`, `--json`). */
  timings: StageTimings;
  /** What the content stage did (`build -v`). */
  content: RenderDocumentsStats;
}

/**
 * `orgpress build`: everything is rendered in memory first; only when no
 * stage reported an error is the output written (staged, then swapped in).
 */
export async function build(opts: BuildOptions): Promise<BuildResult> {
  const t0 = performance.now();
  const clock = new StageClock(opts.onStage);
  // `build` never shows TODO notes: Documents come without the dev form of each body (a third of their memory).
  const project = await loadProject({ ...opts, clock, devBodies: false });
  const outDir = path.resolve(project.root, opts.outDir ?? project.config.dirs.out);
  // Pages of the previous output whose inputs are unchanged are kept, not rendered again (src/output/output-manifest.ts).
  const manifest = opts.cache === false ? null : await OutputManifest.open(project.root, outDir);
  let outcome = await renderAndWrite(project, outDir, manifest, opts, clock);
  // Another build replaced a kept file meanwhile: render everything and write again (recording what is
  // written, so the next build keeps it; nothing is kept this time, so this cannot be stale again).
  if (outcome === 'stale') outcome = await renderAndWrite(project, outDir, manifest && OutputManifest.empty(project.root, outDir), opts, clock);
  const { diagnostics, stats } = outcome === 'stale' ? { diagnostics: [], stats: { posts: 0, pages: 0, files: 0, ms: 0, rendered: 0 } } : outcome;
  diagnostics.unshift(...project.diagnostics);
  clock.stop();
  stats.ms = Math.round(performance.now() - t0);
  return { ok: !hasErrors(diagnostics), diagnostics, sources: project.sources, outDir, stats, timings: clock.timings, content: project.content };
}

/** Renders the site, and writes it when nothing is wrong; 'stale' when a kept file changed under it. */
async function renderAndWrite(
  project: LoadedProject,
  outDir: string,
  manifest: OutputManifest | null,
  opts: BuildOptions,
  clock: StageClock,
): Promise<{ diagnostics: Diagnostic[]; stats: BuildResult['stats'] } | 'stale'> {
  const diagnostics: Diagnostic[] = [];
  let stats = { posts: 0, pages: 0, files: 0, ms: 0, rendered: 0 };
  // Render even when some drafts are broken, so site-wide problems (clashing URLs,
  // template errors) are reported in the same run; nothing is written unless all is well.
  const finish = { ...urlBase(project.config.baseUrl), minify: project.config.minify };
  // When the drafts are sound, the output is opened first (its lock taken, a staging folder made),
  // so each page goes to disk as soon as it is finished instead of being held until the end.
  const writeOpts = {
    siteRoot: project.root,
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onLockWait ? { onLockWait: opts.onLockWait } : {}),
    ...(manifest ? { beforeSwap: (staging: string) => manifest.save(staging) } : {}),
  };
  let write: SiteWrite | null = null;
  try {
    if (!hasErrors(project.diagnostics)) write = await SiteWrite.open(outDir, writeOpts);
  } catch (err) {
    const d = writeErrorDiagnostic(err, outDir);
    if (!d) throw err;
    return { diagnostics: [d], stats };
  }
  try {
    const rendered = await renderProject(project, {
      includeDrafts: opts.includeDrafts ?? false,
      dev: false,
      clock,
      pageCache: manifest,
      finish,
      stage: write ? (file) => write.stage(file) : null,
    });
    diagnostics.push(...rendered.diagnostics);
    if (!write || hasErrors([...project.diagnostics, ...diagnostics])) return { diagnostics, stats };
    stats = {
      posts: rendered.site.posts.length,
      pages: rendered.files.filter((f) => f.path.endsWith('.html')).length,
      files: rendered.files.length,
      ms: 0,
      rendered: rendered.pages.rendered,
    };
    // Fingerprinted assets, minified pages, _headers: for hosting, so not in dev. Template pages
    // arrive finished and staged (as empty bytes, which finishOutput passes through); it does the rest.
    const finished = await finishOutput(rendered.files, rendered.copies, finish);
    diagnostics.push(...finished.diagnostics);
    if (manifest) {
      manifest.noteDiagnostics(rendered.diagnostics);
      diagnostics.push(...manifest.keptDiagnostics());
    }
    clock.enter('write');
    const written = await write.finish(finished.files, finished.copies);
    diagnostics.push(...written.warnings);
  } catch (err) {
    if (err instanceof KeptFileChangedError) return 'stale';
    // A disk that is full, read-only or in the way is the user's to fix: a diagnostic, not a stack trace.
    const d = writeErrorDiagnostic(err, outDir);
    if (!d) throw err;
    diagnostics.push(d);
  } finally {
    await write?.abandon();
  }
  return { diagnostics, stats };
}
