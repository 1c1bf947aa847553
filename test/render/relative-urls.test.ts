import { describe, expect, it } from 'vitest';
import { relativeTo, relativizeUrls } from '../../src/render/relative-urls.js';

describe('page-relative URLs', () => {
  it('points a folder URL at its folder, keeping fragments', () => {
    expect(relativeTo('/2018/03/x/', '/')).toBe('../../../');
    expect(relativeTo('/2018/03/x/', '/2018/03/x/')).toBe('./');
    expect(relativeTo('/2018/03/x/', '/tags/py/#top')).toBe('../../../tags/py/#top');
    expect(relativeTo('/', '/assets/style.css')).toBe('assets/style.css');
    expect(relativeTo('/a/', '/a/feed.xml')).toBe('feed.xml');
  });

  it('rewrites only the site’s own URLs under the base path', () => {
    const html = `<link href="/blog/assets/a.css"><a href='/blog/tags/'>t</a><a href="https://x.org/blog/">x</a><a href="/elsewhere/">e</a><a href="#f">f</a>`;
    expect(relativizeUrls(html, '/2020/01/p/', '/blog/')).toBe(
      `<link href="../../../assets/a.css"><a href='../../../tags/'>t</a><a href="https://x.org/blog/">x</a><a href="/elsewhere/">e</a><a href="#f">f</a>`,
    );
  });
});
