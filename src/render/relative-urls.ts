import path from 'node:path';

/**
 * Rewrites the site's own root-relative URLs (`/blog/tags/x/`) in a page to
 * page-relative ones (`../../tags/x/`), like Hugo's `relativeURLs`. The same
 * `dist/` then works opened straight from disk (`file://…/dist/index.html`),
 * from any static server, and under any sub-path. Absolute URLs (canonical
 * links, feeds, OpenGraph) are left alone: they must be absolute.
 *
 * Not for 404.html: hosts serve it at whatever path was missing, so only
 * root-relative URLs work there.
 */
const URL_ATTR = /(\s(?:href|src|poster|action)=)(["'])([^"']*)\2/gi;

export function relativizeUrls(html: string, pageUrl: string, basePath: string): string {
  const pageDir = pageUrl.endsWith('/') ? pageUrl : path.posix.dirname(pageUrl) + '/';
  return html.replace(URL_ATTR, (m, attr: string, q: string, url: string) => {
    if (!url.startsWith(basePath) || url.startsWith('//')) return m;
    return `${attr}${q}${relativeTo(pageDir, '/' + url.slice(basePath.length))}${q}`;
  });
}

/** `/a/b/` + `/a/c/d.html#x` → `../c/d.html#x`; a folder URL keeps its trailing slash (or is `./`). */
export function relativeTo(fromDir: string, target: string): string {
  const hashAt = target.search(/[?#]/);
  const pathPart = hashAt < 0 ? target : target.slice(0, hashAt);
  const suffix = hashAt < 0 ? '' : target.slice(hashAt);
  let rel = path.posix.relative(fromDir, pathPart);
  if (pathPart.endsWith('/')) rel = rel === '' ? './' : rel + '/';
  else if (rel === '') rel = path.posix.basename(pathPart);
  return rel + suffix;
}
