/**
 * URL helpers shared by templates, feeds and the sitemap. Everything inside
 * orgpress is a site-relative URL (`/tags/x/`); these put the base path or
 * the whole base URL in front, so a site served from a sub-path works.
 */
export interface UrlBase {
  /** `https://user.github.io/blog/` */
  baseUrl: string;
  /** `/blog/` */
  basePath: string;
}

export function urlBase(baseUrl: string): UrlBase {
  const u = new URL(baseUrl);
  const basePath = u.pathname.endsWith('/') ? u.pathname : u.pathname + '/';
  return { baseUrl: u.origin + basePath, basePath };
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

/** `/tags/x/` → `/blog/tags/x/`; absolute URLs, `mailto:` and `#frag` pass through. */
export function withBasePath(base: UrlBase, url: string): string {
  if (EXTERNAL.test(url)) return url;
  return base.basePath + url.replace(/^\/+/, '');
}

/** `/tags/x/` → `https://user.github.io/blog/tags/x/`. */
export function absoluteUrl(base: UrlBase, url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return new URL(withBasePath(base, url), base.baseUrl).href;
}

/**
 * Makes root-relative `href`/`src` in our own serialized HTML absolute, for
 * feeds (readers resolve relative URLs inconsistently). Our serializer always
 * double-quotes attributes, which is what makes a pattern safe here.
 */
export function absolutizeHtml(base: UrlBase, html: string, pageUrl: string): string {
  const page = absoluteUrl(base, pageUrl);
  return html.replace(/\b(href|src)="([^"]*)"/g, (_m, attr: string, value: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return `${attr}="${value}"`;
    return `${attr}="${new URL(value.replace(/&#x26;|&amp;/g, '&'), page).href.replace(/&/g, '&#x26;')}"`;
  });
}
