import path from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { outputPathFor } from '../site/permalink.js';
import type { Site, SitePost } from '../site/site-model.js';
import type { OutputFile } from './render-pages.js';
import { relativeTo } from './relative-urls.js';
import { absoluteUrl, type UrlBase } from './urls.js';

export interface Redirect {
  /** Site-relative old URL, e.g. `/2019/01/old-slug/`. */
  from: string;
  /** Site-relative URL of the post. */
  to: string;
}

/**
 * Old addresses of moved posts. Front matter `aliases: [/old/url/,
 * /2019/01/old-slug/]` gives, for each, a small page at the old path that
 * sends the reader on (`<meta http-equiv="refresh">`, a canonical link to
 * the new address, `noindex`, and a plain link for the rest), which works
 * on every host and from disk; and a line of `_redirects` (Netlify and
 * Cloudflare Pages) so those hosts answer with a real `301` — there the
 * redirect wins (Cloudflare) or the page does (Netlify keeps files that
 * exist), the reader lands on the post either way. An alias on a path
 * another page uses is an error naming both.
 */
export function renderRedirects(site: Site, files: readonly OutputFile[], base: UrlBase): { files: OutputFile[]; redirects: Redirect[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const taken = new Map<string, string>();
  const postByPath = new Map(site.posts.map((p) => [p.outputPath.toLowerCase(), p]));
  // Case-insensitive, as in the site stage: hosts on macOS or Windows would put both in one file.
  for (const f of files) {
    const post = postByPath.get(f.path.toLowerCase());
    taken.set(f.path.toLowerCase(), post ? `${post.doc.source.path} (${post.url})` : `the page /${f.path.replace(/(^|\/)index\.html$/, '$1')}`);
  }

  const redirects: Redirect[] = [];
  const out: OutputFile[] = [];
  for (const post of [...site.posts].sort((a, b) => a.doc.source.path.localeCompare(b.doc.source.path))) {
    for (const alias of readAliases(post, base, diagnostics)) {
      const file = post.doc.source.path;
      const at = positionOf(post.doc.source.text, alias.written);
      if (alias.url === post.url) {
        diagnostics.push(warning(file, at.line, at.column, `the alias ${alias.url} is this post's own URL; it is ignored`, { code: 'site/alias', hint: 'remove it from `aliases`' }));
        continue;
      }
      const target = outputPathFor(alias.url);
      const other = taken.get(target.toLowerCase());
      if (other !== undefined) {
        diagnostics.push(
          error(file, at.line, at.column, `the alias ${alias.url} of ${file} collides with ${other}`, {
            code: 'site/alias-collision',
            hint: 'an alias must be an address no page uses any more: remove it, or change the other page',
          }),
        );
        continue;
      }
      taken.set(target.toLowerCase(), `the alias ${alias.url} of ${file}`);
      redirects.push({ from: alias.url, to: post.url });
      if (/\.html?$/.test(target)) out.push({ path: target, content: redirectPage(alias.url, post, base, site.config.language) });
    }
  }
  if (redirects.length > 0) out.push({ path: '_redirects', content: redirectsFile(redirects, base) });
  return { files: out, redirects, diagnostics };
}

/** `_redirects` lines: `/old/  /new/  301`, with baseUrl's path, as requests carry it. */
export function redirectsFile(redirects: readonly Redirect[], base: UrlBase): string {
  const at = (u: string) => base.basePath + u.replace(/^\/+/, '');
  return '# Written by orgpress from the posts\' `aliases`.\n' + redirects.map((r) => `${at(r.from)}  ${at(r.to)}  301\n`).join('');
}

interface Alias {
  /** Normalised site-relative URL. */
  url: string;
  /** As the author wrote it, to find it in the file. */
  written: string;
}

function readAliases(post: SitePost, base: UrlBase, diagnostics: Diagnostic[]): Alias[] {
  const raw = post.doc.meta.extra['aliases'];
  if (raw === undefined || raw === null) return [];
  const file = post.doc.source.path;
  const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : null;
  if (list === null) {
    const at = positionOf(post.doc.source.text, 'aliases');
    diagnostics.push(error(file, at.line, at.column, '`aliases` must be a list of old paths', { code: 'site/alias', hint: 'write aliases: [/old/url/, /2019/01/old-slug/]' }));
    return [];
  }
  const out: Alias[] = [];
  for (const item of list) {
    const written = String(item);
    const at = positionOf(post.doc.source.text, written);
    const url = typeof item === 'string' ? aliasUrl(item.trim(), base) : null;
    if (url === null) {
      diagnostics.push(
        error(file, at.line, at.column, `\`aliases\`: ${JSON.stringify(item)} is not a path on this site`, {
          code: 'site/alias',
          hint: 'write the old address as a path from the site root, e.g. /2019/01/old-slug/ (no `..`, `?` or `#`)',
        }),
      );
      continue;
    }
    if (!out.some((a) => a.url === url)) out.push({ url, written });
  }
  return out;
}

/** `/old/url/`, `old/url`, or a full URL under baseUrl → `/old/url/`; anything leaving the site → null. */
export function aliasUrl(written: string, base: UrlBase): string | null {
  let p = written;
  if (p.startsWith(base.baseUrl)) p = '/' + p.slice(base.baseUrl.length);
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(p) || /[?#\\]/.test(p) || p.trim() === '') return null;
  if (!p.startsWith('/')) p = '/' + p;
  if (p.split('/').some((s) => s === '..' || s === '.')) return null;
  p = p.replace(/\/{2,}/g, '/');
  // A folder-style address unless the last part has an extension (old.html, feed.xml).
  if (!p.endsWith('/') && !/\.[a-z0-9]+$/i.test(p)) p += '/';
  return p === '/' ? null : p;
}

function redirectPage(from: string, post: SitePost, base: UrlBase, language: string): string {
  const fromDir = from.endsWith('/') ? from : path.posix.dirname(from) + '/';
  const rel = esc(relativeTo(fromDir, post.url));
  const title = esc(post.doc.meta.title);
  return `<!doctype html>
<html lang="${esc(language)}">
<head>
<meta charset="utf-8">
<title>Moved: ${title}</title>
<link rel="canonical" href="${esc(absoluteUrl(base, post.url))}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${rel}">
</head>
<body>
<p>This page has moved to <a href="${rel}">${title}</a>.</p>
</body>
</html>
`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Where `needle` is first written in the file (for the diagnostic), else the first line. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const i = needle === '' ? -1 : text.indexOf(needle);
  if (i < 0) return { line: 1, column: 1 };
  const before = text.slice(0, i);
  const line = before.split('\n').length;
  return { line, column: i - before.lastIndexOf('\n') };
}
