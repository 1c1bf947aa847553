import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../config/load-config.js';
import type { SiteConfig } from '../config/schema.js';
import type { Document } from '../content/document.js';
import { error, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CopyDir } from '../output/write-site.js';
import { loadProject, renderProject, type LoadedProject } from '../pipeline/build.js';
import { ContentMemo } from '../pipeline/content-memo.js';
import { MemoryPageCache } from '../render/page-cache.js';
import { urlBase } from '../render/urls.js';
import type { Site } from '../site/site-model.js';
import { renderTodosPage, TODOS_PAGE_PATH, type NoteRow } from './todos-page.js';

/** What a change touched; decides how much is redone. */
export type ChangeKind = 'config' | 'templates' | 'drafts';

export interface DevSiteOptions {
  root: string;
  /** Config file relative to the root (default: site.yaml / site.yml). */
  configFile?: string;
  /** The dev server's own address: links and feeds point there, whatever site.yaml says. */
  baseUrl: string;
}

/** What the server serves: generated files in memory, plus the folders `build` would copy. */
export interface DevOutput {
  files: ReadonlyMap<string, string | Uint8Array>;
  copies: readonly CopyDir[];
  site: Site | null;
  notes: readonly NoteRow[];
}

export interface RebuildResult {
  /** Output paths whose content differs from the previous output (added and removed ones too). */
  changed: string[];
  /** Nothing needed redoing (an editor's second event for a save already handled): nothing was rendered. */
  noop: boolean;
  /** Drafts whose text (includes expanded) changed, so the content stage ran on them. */
  rendered: string[];
  /** HTML pages rendered through the templates, and pages whose inputs were unchanged, taken from memory. */
  pages: { rendered: number; reused: number };
  ms: number;
}

const NO_PAGES = { rendered: 0, reused: 0 };

const FALLBACK_404 = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="color-scheme" content="light dark"><title>Not found – orgpress dev</title></head>
<body><h1>Not found</h1><p>Nothing is served at this address yet. If a template or the config is broken, the error is shown above and in the terminal.</p></body>
</html>
`;

const EMPTY: DevOutput = { files: new Map(), copies: [], site: null, notes: [] };

/**
 * The dev server's build, kept in memory and redone piece by piece. The
 * content stage is `loadProject`, the very one `build` runs: with its
 * on-disk document cache an edit renders the changed drafts only (a
 * 100-post site reloads in about 30 ms, plus the edited draft). The latest
 * Document of each draft is kept here by path; one with errors is left out
 * and its last good version served instead, and a broken config keeps the
 * last good config. Unchanged drafts keep their Document from the previous
 * rebuild (ContentMemo: no hashing, no disk). Then the site model, feeds
 * and the sitemap are redone in full with `renderProject`, and the pages
 * through an in-memory page cache: only pages whose template data changed
 * are rendered again (the edited post, the index, tag and archive pages
 * that list it, its neighbours when its title or URL changed), and a
 * template or config change re-renders them all.
 */
export class DevSite {
  private config: SiteConfig | null = null;
  private configFile: string | null = null;
  /** `baseUrl` as site.yaml gives it (the config in use has the dev server's). */
  private configuredBaseUrl = '';
  /** Drafts changed while the config was broken: reload them once it is fixed. */
  private contentStale = false;
  /** Latest Document of each draft as it is on disk now, errors or not. */
  private docs = new Map<string, Document>();
  private readonly lastGood = new Map<string, Document>();
  private draftAssets: string[] = [];
  private templatesDir = '';
  private sources = new Map<string, string>();
  private configDiagnostics: Diagnostic[] = [];
  private contentDiagnostics: Diagnostic[] = [];
  private renderDiagnostics: Diagnostic[] = [];
  private readonly memo = new ContentMemo();
  private readonly pageCache = new MemoryPageCache();
  /** Each draft's rows of the notes page as last made: the same objects while its Document, title and URL are (renderTodosPage keeps each row's HTML). */
  private readonly rows = new WeakMap<Document, { url: string | null; title: string; notes: NoteRow[] }>();
  private todos: { title: string; notes: readonly NoteRow[]; html: string } | null = null;
  private pages = NO_PAGES;
  output: DevOutput = EMPTY;

  constructor(private readonly opts: DevSiteOptions) {}

  /** The config in use (the last good one, with the dev server's baseUrl); null before the first build. */
  get siteConfig(): SiteConfig | null {
    return this.config;
  }

  /** Every current problem: config, drafts as they are on disk now, site and templates. */
  get diagnostics(): Diagnostic[] {
    return [...this.configDiagnostics, ...this.contentDiagnostics, ...this.renderDiagnostics];
  }

  /** Texts for code frames: drafts and included files as read, the config, and (read on demand) templates. */
  sourceOf(file: string): string | undefined {
    return this.sources.get(file) ?? readText(this.opts.root, file) ?? undefined;
  }

  /**
   * Redoes what `kinds` touched; never throws: a failure is a diagnostic, and the last output stays.
   * `paths` (root-relative) are the files the watcher reported: always read again, whatever their stats say.
   */
  async rebuild(kinds: ReadonlySet<ChangeKind>, paths: readonly string[] = []): Promise<RebuildResult> {
    const t0 = performance.now();
    const ms = () => Math.round(performance.now() - t0);
    this.memo.mustRead = new Set(paths.map((p) => path.resolve(this.opts.root, p)));
    try {
      const configChanged = this.config === null || kinds.has('config') ? await this.reloadConfig() : false;
      let content = { rendered: [] as string[], changed: false };
      if (configChanged || kinds.has('drafts') || this.contentStale) {
        // loadProject reads the config from disk: while it is broken, drafts wait for the fix.
        this.contentStale = hasErrors(this.configDiagnostics) && this.docs.size > 0;
        if (!this.contentStale) content = await this.reloadContent();
      }
      if (!configChanged && !content.changed && !kinds.has('templates') && !kinds.has('config')) {
        return { changed: [], rendered: content.rendered, pages: NO_PAGES, noop: true, ms: ms() };
      }
      const before = this.output.files;
      this.output = await this.render();
      return { changed: diffFiles(before, this.output.files), rendered: content.rendered, pages: this.pages, noop: false, ms: ms() };
    } catch (err) {
      // Only a bug gets here (stages report problems as diagnostics); keep serving the last output.
      const message = err instanceof Error ? err.message : String(err);
      this.renderDiagnostics = [error('orgpress', 0, 0, `internal error while rebuilding: ${message}`, { hint: 'please report it; the last good site is still served' })];
      return { changed: [], rendered: [], pages: NO_PAGES, noop: false, ms: ms() };
    }
  }

  /**
   * Loads the content stage (unified, uniorg, the highlighter, and the
   * markdown pipeline if the site has markdown drafts) ahead of the first
   * edit. When every draft came from the document cache, the first rebuild
   * never loaded it, and the first save would wait for it (a few hundred
   * ms); the dev server calls this once the site is served.
   */
  async warmUp(): Promise<void> {
    const stage = await import('../content/render-document.js');
    await stage.loadFormats([...this.docs.values()].map((d) => d.source));
  }

  /** True when the config in use changed (every Document depends on it). */
  private async reloadConfig(): Promise<boolean> {
    const loaded = await loadConfig(this.opts.root, this.opts.configFile);
    this.configDiagnostics = loaded.diagnostics;
    this.configFile = loaded.file;
    if (loaded.file) {
      const text = readText(this.opts.root, loaded.file);
      if (text !== null) this.sources.set(loaded.file, text);
    }
    if (hasErrors(loaded.diagnostics) && this.config) return false; // keep the last good config
    this.configuredBaseUrl = loaded.config.baseUrl;
    const next = { ...loaded.config, baseUrl: this.opts.baseUrl };
    if (this.config && JSON.stringify(next) === JSON.stringify(this.config)) return false;
    this.config = next;
    return true;
  }

  /**
   * Runs `build`'s content stage. When the site lives at the root of its
   * host, Documents do not depend on the address, so they are rendered (and
   * cached) under the configured baseUrl and `build` finds them in the cache
   * too; under a sub-path, links in posts need the dev server's root instead.
   */
  private async reloadContent(): Promise<{ rendered: string[]; changed: boolean }> {
    const atRoot = !hasErrors(this.configDiagnostics) && urlBase(this.configuredBaseUrl).basePath === '/';
    const project = await loadProject({
      root: this.opts.root,
      ...(this.opts.configFile ? { configFile: this.opts.configFile } : {}),
      ...(atRoot ? {} : { baseUrl: this.opts.baseUrl }),
      memo: this.memo,
    });
    this.templatesDir = project.templatesDir;
    this.sources = project.sources;
    if (this.configFile) {
      const text = readText(this.opts.root, this.configFile);
      if (text !== null) this.sources.set(this.configFile, text);
    }
    // The config's own problems are reported from reloadConfig.
    this.contentDiagnostics = project.diagnostics.filter((d) => d.file !== this.configFile);

    const next = new Map(project.documents.map((d) => [d.source.path, d]));
    const rendered = project.documents.filter((d) => this.docs.get(d.source.path)?.source.text !== d.source.text).map((d) => d.source.path);
    const removed = [...this.docs.keys()].filter((p) => !next.has(p));
    const assetsChanged = project.draftAssets.join('\n') !== this.draftAssets.join('\n');
    this.docs = next;
    this.draftAssets = project.draftAssets;
    // A draft that cannot be read (not UTF-8) keeps its last good version, like one with errors.
    // So does one that reads as empty: most often a save caught half-way (truncated, not yet written).
    const unreadable = new Set(project.diagnostics.filter((d) => d.severity === 'error' || d.code === 'source/empty').map((d) => d.file));
    for (const p of [...this.lastGood.keys()]) if (!next.has(p) && !unreadable.has(p)) this.lastGood.delete(p);
    for (const [p, doc] of next) if (!hasErrors(doc.diagnostics)) this.lastGood.set(p, doc);
    return { rendered, changed: rendered.length > 0 || removed.length > 0 || assetsChanged };
  }

  /** Site model, pages, feeds and the dev notes page, from the good (or last good) Documents. */
  private async render(): Promise<DevOutput> {
    const config = this.config!;
    const served = [...this.lastGood.keys()].sort().map((p) => this.lastGood.get(p)!);
    const project: LoadedProject = {
      root: this.opts.root,
      config,
      templatesDir: this.templatesDir || path.resolve(this.opts.root, config.dirs.templates),
      documents: served,
      draftAssets: this.draftAssets,
      sources: this.sources,
      diagnostics: [],
    };
    const rendered = await renderProject(project, { includeDrafts: true, dev: true, pageCache: this.pageCache });
    this.renderDiagnostics = rendered.diagnostics;
    this.pages = rendered.pages;

    const files = new Map<string, string | Uint8Array>(rendered.files.map((f) => [f.path, f.content]));
    // A page whose template failed is missing from this render: keep serving its last good version.
    if (rendered.diagnostics.some((d) => d.code === 'template/error')) {
      for (const [p, content] of this.output.files) if (!files.has(p)) files.set(p, content);
    }
    // With no 404 page (its template is broken from the start), a bare one still carries the overlay.
    if (!files.has('404.html')) files.set('404.html', FALLBACK_404);
    const notes = this.noteRows(rendered.site);
    files.set(TODOS_PAGE_PATH, this.todosPage(config.title, notes));
    return { files, copies: rendered.copies, site: rendered.site, notes };
  }

  /** Every note, in file order, linking into the version of the post that is served. */
  private noteRows(site: Site): NoteRow[] {
    const served = new Map(site.posts.map((p) => [p.doc.source.path, { url: p.url, doc: p.doc }]));
    const rows: NoteRow[] = [];
    for (const p of [...this.docs.keys()].sort()) {
      const post = served.get(p);
      const doc = post?.doc ?? this.docs.get(p)!;
      if (doc.todos.length === 0) continue;
      const url = post ? post.url : null;
      const title = doc.meta.title || p;
      let made = this.rows.get(doc);
      if (!made || made.url !== url || made.title !== title) {
        const notes = doc.todos.map((t) => ({ file: t.file, line: t.line, column: t.column, keyword: t.keyword, text: t.text, section: t.section, title, href: url === null ? null : `${url}#${t.anchor}` }));
        this.rows.set(doc, (made = { url, title, notes }));
      }
      for (const row of made.notes) rows.push(row);
    }
    return rows;
  }

  /** The notes page; the same text as last time when every row is (the same objects: see `rows`). */
  private todosPage(title: string, notes: readonly NoteRow[]): string {
    const last = this.todos;
    if (last && last.title === title && last.notes.length === notes.length && last.notes.every((row, i) => row === notes[i])) return last.html;
    const html = renderTodosPage({ siteTitle: title, notes });
    this.todos = { title, notes, html };
    return html;
  }
}

function readText(root: string, file: string): string | null {
  try {
    return readFileSync(path.resolve(root, file), 'utf8');
  } catch {
    return null;
  }
}

/** Paths added, removed or changed between two outputs. */
export function diffFiles(a: ReadonlyMap<string, string | Uint8Array>, b: ReadonlyMap<string, string | Uint8Array>): string[] {
  const changed: string[] = [];
  for (const [p, content] of b) {
    const old = a.get(p);
    if (old === undefined || !sameContent(old, content)) changed.push(p);
  }
  for (const p of a.keys()) if (!b.has(p)) changed.push(p);
  return changed.sort();
}

function sameContent(a: string | Uint8Array, b: string | Uint8Array): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
