import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { loadFormats, renderDocument } from '../content/render-document.js';
import { expandAllIncludes } from '../source/expand-all-includes.js';
import { remapPositions } from '../source/expand-includes.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { decodeText, formatOf, toRel } from '../source/read-drafts.js';
import { buildSite } from '../site/build-site.js';
import { renderPages } from '../render/render-pages.js';
import { createTemplateEngine } from '../render/template-engine.js';
import { urlBase } from '../render/urls.js';
import { VERSION } from '../pipeline/version.js';
import { printDiagnostics } from './print-diagnostics.js';

export interface RenderCommandOptions {
  page: boolean;
  root: string;
  config?: string;
  baseUrl?: string;
}

/** `orgpress render FILE`: one draft to stdout, like `pandoc FILE`; diagnostics to stderr. */
export async function renderCommand(file: string, o: RenderCommandOptions): Promise<number> {
  const root = path.resolve(o.root);
  const loaded = await loadConfig(root, o.config);
  let config = loaded.config;
  if (o.baseUrl) config = { ...config, baseUrl: o.baseUrl.endsWith('/') ? o.baseUrl : o.baseUrl + '/' };
  const abs = path.resolve(file);
  const rel = toRel(root, abs).startsWith('..') ? file : toRel(root, abs);
  if (!formatOf(abs)) {
    process.stderr.write(`${file}: error: not a draft: orgpress renders .org, .md and .markdown files\n`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(abs);
  } catch (err) {
    process.stderr.write(`${file}: error: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`);
    return 1;
  }
  const decoded = decodeText(bytes);
  if (decoded.badOffset !== null) {
    process.stderr.write(`${file}: error: the file is not valid UTF-8 text\n  hint: save it as UTF-8\n`);
    return 1;
  }
  const [expanded] = await expandAllIncludes([{ path: rel, text: decoded.text }], root);
  await loadFormats([expanded!.source]);
  const doc = remapPositions(renderDocument(expanded!.source, config), expanded!);
  const diagnostics = [...loaded.diagnostics, ...expanded!.diagnostics, ...doc.diagnostics];
  const sources = new Map([[rel, decoded.text], ...expanded!.included]);
  if (hasErrors(diagnostics)) {
    printDiagnostics(diagnostics, sources);
    return 1;
  }
  // A one-post site through the same stages as `build`; links to other drafts
  // become Emacs-style `other.html` names, with a warning.
  const site = buildSite([doc], config, {
    includeDrafts: true,
    requireDates: false,
    draftFiles: null,
    missingLinks: 'html-name',
  });
  diagnostics.push(...site.diagnostics);
  const post = site.posts[0];
  if (!o.page) {
    printDiagnostics(diagnostics, sources);
    process.stdout.write((post?.html ?? doc.html) + '\n');
    return hasErrors(diagnostics) ? 1 : 0;
  }
  const base = urlBase(config.baseUrl);
  const engine = createTemplateEngine(path.resolve(root, config.dirs.templates), base);
  const pages = await renderPages({ site, engine, base, version: VERSION, dev: false, root });
  diagnostics.push(...pages.diagnostics);
  printDiagnostics(diagnostics, sources);
  const page = post && pages.files.find((f) => f.path === post.outputPath);
  if (!page || hasErrors(diagnostics)) return 1;
  process.stdout.write(String(page.content));
  return 0;
}
