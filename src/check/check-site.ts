import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { writeErrorDiagnostic } from '../output/write-error.js';
import { writeSite } from '../output/write-site.js';
import { loadProject, renderProject } from '../pipeline/build.js';
import { createTemplateEngine } from '../render/template-engine.js';
import { urlBase } from '../render/urls.js';
import { checkLinks, type ExternalLink, type LinkProblem } from './check-links.js';
import { checkTemplates } from './check-templates.js';
import { linkOrigin, type SourcePosition } from './link-origin.js';

export interface CheckOptions {
  root: string;
  configFile?: string;
  baseUrl?: string;
  /** Check posts marked `draft: true` too. */
  includeDrafts?: boolean;
  /** An empty folder to build into (the caller removes it); default: a new temp folder, removed at the end. */
  workDir?: string;
  /** Stops the write of the temporary site (Ctrl-C). */
  signal?: AbortSignal;
}

export interface CheckedLink extends LinkProblem {
  /** Where in a draft the reference was written, when that can be known. */
  origin: SourcePosition | null;
}

export interface CheckResult {
  /** Config, drafts and templates (strict), then what writing the site reported. */
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** Null when errors above kept the site from being built, so its links were not checked. */
  links: { pages: number; internal: number; problems: CheckedLink[]; external: ExternalLink[] } | null;
  ok: boolean;
}

/**
 * `orgpress check`: everything `build` validates, with templates in strict
 * mode (an unknown variable is an error, as an unknown filter always is),
 * then the site is built into a temporary folder and every internal link,
 * `#anchor` and asset reference of its HTML is checked. Nothing is written
 * in the site folder: not the output, not the document cache.
 */
export async function checkSite(opts: CheckOptions): Promise<CheckResult> {
  const project = await loadProject({
    root: opts.root,
    ...(opts.configFile ? { configFile: opts.configFile } : {}),
    ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
    cache: false,
  });
  const diagnostics = [...project.diagnostics];
  const rendered = await renderProject(project, { includeDrafts: opts.includeDrafts ?? false, dev: false, strictTemplates: true });
  diagnostics.push(...rendered.diagnostics);
  const engine = createTemplateEngine(project.templatesDir, urlBase(project.config.baseUrl), { strict: true });
  const seen = new Set(diagnostics.map(key));
  for (const d of await checkTemplates(engine, project.templatesDir, project.root)) if (!seen.has(key(d))) diagnostics.push(d);

  if (hasErrors(diagnostics)) return { diagnostics, sources: project.sources, links: null, ok: false };

  const workDir = opts.workDir ?? (await mkdtemp(path.join(tmpdir(), 'orgpress-check-')));
  try {
    const outDir = path.join(workDir, 'site');
    try {
      const written = await writeSite(outDir, rendered.files, rendered.copies, {
        siteRoot: project.root,
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
      diagnostics.push(...written.warnings);
    } catch (err) {
      // A full temp disk, say: reported like build's, without a stack trace.
      const d = writeErrorDiagnostic(err, outDir);
      if (!d) throw err;
      return { diagnostics: [...diagnostics, d], sources: project.sources, links: null, ok: false };
    }
    const report = await checkLinks(outDir, project.config.baseUrl);
    const problems = report.problems.map((p) => ({ ...p, origin: linkOrigin(p, rendered.site, project.sources) }));
    return {
      diagnostics,
      sources: project.sources,
      links: { ...report, problems },
      ok: problems.length === 0 && !hasErrors(diagnostics),
    };
  } finally {
    if (!opts.workDir) await rm(workDir, { recursive: true, force: true });
  }
}

function key(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}:${d.message}`;
}
