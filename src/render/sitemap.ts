import type { Site } from '../site/site-model.js';
import { dateInstant } from './format-date.js';
import type { OutputFile } from './render-pages.js';
import { absoluteUrl, type UrlBase } from './urls.js';

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** sitemap.xml (posts with their last change, list and tag pages) and a robots.txt that points at it. */
export function renderSitemap(site: Site, base: UrlBase): OutputFile[] {
  const entries: { loc: string; lastmod?: string }[] = [];
  for (const lp of site.listPages) entries.push({ loc: absoluteUrl(base, lp.url) });
  for (const post of site.posts) {
    const d = post.doc.meta.updated ?? post.doc.meta.date;
    entries.push({ loc: absoluteUrl(base, post.url), ...(d ? { lastmod: d.instant ? dateInstant(d).toISOString() : d.day } : {}) });
  }
  entries.push({ loc: absoluteUrl(base, '/archive/') }, { loc: absoluteUrl(base, '/tags/') });
  for (const tag of site.tags) entries.push({ loc: absoluteUrl(base, tag.url) });

  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries.map(
      (e) => `  <url><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`,
    ),
    '</urlset>',
    '',
  ].join('\n');
  const robots = `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(base, '/sitemap.xml')}\n`;
  return [
    { path: 'sitemap.xml', content: xml },
    { path: 'robots.txt', content: robots },
  ];
}
