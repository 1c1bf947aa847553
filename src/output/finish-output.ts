import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from '../render/render-pages.js';
import { fingerprintAssets } from './fingerprint-assets.js';
import { headersFile } from './headers-file.js';
import { listCopies } from './list-copies.js';
import { minifyPages } from './minify-html.js';
import type { CopyDir } from './write-site.js';

export interface FinishOptions {
  /** Absolute base URL with trailing slash. */
  baseUrl: string;
  /** Its path, with trailing slash. */
  basePath: string;
  /** `minify` from the config. */
  minify: boolean;
}

/**
 * What `build` does to the rendered site for hosting, and `dev` skips (its
 * stylesheet swap needs stable names, and minifying would only cost time):
 * theme assets renamed after their content, pages minified, and a
 * `_headers` file with cache rules. A `_headers` or `_redirects` of the
 * site's own (in `static/`) is kept, its rules first.
 */
export async function finishOutput(
  files: readonly OutputFile[],
  copies: readonly CopyDir[],
  opts: FinishOptions,
): Promise<{ files: OutputFile[]; copies: CopyDir[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const fingerprinted = await fingerprintAssets(files, copies, opts.baseUrl);
  let out = fingerprinted.files;
  if (opts.minify) {
    const minified = await minifyPages(out);
    out = minified.files;
    diagnostics.push(...minified.diagnostics);
  }
  const copied = listCopies(fingerprinted.copies);
  const paths = new Set([...copied.keys(), ...out.map((f) => f.path)]);
  const headers = headersFile(paths, fingerprinted.immutable, opts.basePath);
  out.push({ path: '_headers', content: await withOwn(copied.get('_headers')?.from, headers) });
  const redirects = out.findIndex((f) => f.path === '_redirects');
  const ownRedirects = copied.get('_redirects')?.from;
  if (redirects >= 0 && ownRedirects) {
    // The author's rules first: both hosts use the first rule that matches.
    out[redirects] = { path: '_redirects', content: await withOwn(ownRedirects, String(out[redirects]!.content)) };
  }
  return { files: out, copies: fingerprinted.copies, diagnostics };
}

async function withOwn(ownFile: string | undefined, generated: string): Promise<string> {
  if (ownFile === undefined) return generated;
  const own = await readFile(ownFile, 'utf8');
  return `${own.trimEnd()}\n\n${generated}`;
}
