import type { PostMeta } from '../content/document.js';

/**
 * Expands a permalink pattern (`/:year/:month/:slug/`) for a post. A pattern
 * ending in `/` gives a clean URL served from `…/index.html`; one ending in
 * `.html` is used as the file name.
 */
export function expandPermalink(pattern: string, meta: PostMeta): string {
  const day = meta.date?.day ?? '';
  const [year = '', month = '', dd = ''] = day.split('-');
  let url = pattern
    .replace(/:year/g, year)
    .replace(/:month/g, month)
    .replace(/:day/g, dd)
    .replace(/:slug/g, meta.slug);
  if (!url.startsWith('/')) url = '/' + url;
  url = url.replace(/\/{2,}/g, '/');
  if (!url.endsWith('/') && !url.endsWith('.html')) url += '/';
  return url;
}

/** The file a site-relative URL is written to: `/a/b/` → `a/b/index.html`. */
export function outputPathFor(url: string): string {
  const clean = url.replace(/^\/+/, '');
  if (clean === '') return 'index.html';
  return clean.endsWith('/') ? `${clean}index.html` : clean;
}
