import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { codeFingerprint, compiledModule } from '../pipeline/content-fingerprint.js';
import { digest } from '../render/page-cache.js';
import type { OutputFile } from '../render/render-pages.js';
import { fingerprintAssets, rewritePage } from './fingerprint-assets.js';
import type { FinishOptions } from './finish-output.js';
import { loadHtmlMinifier, unavailableWarning } from './minify-html.js';
import type { CopyDir } from './write-site.js';

/**
 * `build` finishes each page as soon as it is rendered: references to theme
 * assets renamed to their fingerprinted names, then minified, exactly as
 * `finishOutput` would, and kept as UTF-8 bytes. `finishOutput` then passes
 * these bytes through untouched and does the site-wide rest (the renamed
 * assets, `_headers`). Holding every page as rendered, then as rewritten,
 * then as minified (V8 strings, two bytes a character as soon as a page has
 * a `–`) was most of the memory of a large build.
 */
export interface PageFinisher {
  /** A hash of what finishing depends on (asset names, minify, base URL, code): page cache keys include it. */
  readonly salt: string;
  finish(path: string, html: string): Promise<Uint8Array>;
  /** Warnings about pages that could not be minified (and the one saying none could, where @swc/html did not load). */
  readonly diagnostics: Diagnostic[];
}

export async function pageFinisher(copies: readonly CopyDir[], opts: FinishOptions): Promise<PageFinisher> {
  // Only the asset names are wanted here: no page is passed.
  const { renamed } = await fingerprintAssets([], copies, opts.baseUrl);
  const site = new URL(opts.baseUrl);
  const diagnostics: Diagnostic[] = [];
  // Loaded now (a few ms), not on the first page: whether pages can be minified on this
  // machine is part of the salt, so pages written unminified because @swc/html could not
  // load are not kept once it can. Where it cannot, the build says so once, here.
  const minifier = opts.minify ? await loadHtmlMinifier() : null;
  const unavailable = minifier ? unavailableWarning(minifier) : null;
  if (unavailable) diagnostics.push(unavailable);
  return {
    salt: digest(
      'finish 1',
      codeFingerprint([compiledModule('output/finish-output.js'), compiledModule('output/page-finisher.js')]),
      opts.baseUrl,
      opts.basePath,
      String(opts.minify),
      minifier?.unavailable ? 'minifier unavailable' : '',
      JSON.stringify([...renamed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    ),
    diagnostics,
    async finish(path, html) {
      let file: OutputFile = { path, content: rewritePage(html, path, site, renamed) };
      if (minifier) {
        const minified = await minifier.minifyOne(file);
        if (minified.diagnostic) diagnostics.push(minified.diagnostic);
        file = minified.file;
      }
      return typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
    },
  };
}
