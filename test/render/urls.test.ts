import { describe, expect, it } from 'vitest';
import { absoluteUrl, absolutizeHtml, urlBase, withBasePath } from '../../src/render/urls.js';
import { dateData } from '../../src/render/format-date.js';

describe('site URLs', () => {
  const root = urlBase('https://example.com/');
  const sub = urlBase('https://user.github.io/blog/');

  it('puts the base path in front of site-relative URLs', () => {
    expect(withBasePath(root, '/tags/x/')).toBe('/tags/x/');
    expect(withBasePath(sub, '/tags/x/')).toBe('/blog/tags/x/');
    expect(withBasePath(sub, '/')).toBe('/blog/');
  });

  it('leaves absolute URLs, mailto and fragments alone', () => {
    expect(withBasePath(sub, 'https://a.b/c')).toBe('https://a.b/c');
    expect(withBasePath(sub, 'mailto:me@x.org')).toBe('mailto:me@x.org');
    expect(withBasePath(sub, '#top')).toBe('#top');
  });

  it('makes absolute URLs under a sub-path', () => {
    expect(absoluteUrl(sub, '/2018/03/x/')).toBe('https://user.github.io/blog/2018/03/x/');
  });

  it('absolutizes root-relative and page-relative links for feeds', () => {
    const html = '<a href="/blog/2018/03/x/#a">x</a><img src="/blog/media/p.svg"><a href="#fn.1">1</a><a href="https://e.org/">e</a>';
    const out = absolutizeHtml(sub, html, '/2019/01/y/');
    expect(out).toContain('href="https://user.github.io/blog/2018/03/x/#a"');
    expect(out).toContain('src="https://user.github.io/blog/media/p.svg"');
    expect(out).toContain('href="https://user.github.io/blog/2019/01/y/#fn.1"');
    expect(out).toContain('href="https://e.org/"');
  });
});

describe('dates in pages', () => {
  it('a calendar date shows as that day whatever the time zone of the build', () => {
    for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC', 'America/Los_Angeles']) {
      process.env.TZ = tz;
      expect(dateData({ day: '2018-03-09', instant: null }, 'en')?.display).toBe('March 9, 2018');
    }
    delete process.env.TZ;
  });

  it('a datetime keeps its instant for <time datetime> and its calendar day for display', () => {
    const d = dateData({ day: '2023-11-02', instant: '2023-11-02T23:30:00-05:00' }, 'en');
    expect(d).toMatchObject({ day: '2023-11-02', iso: '2023-11-02T23:30:00-05:00', display: 'November 2, 2023', year: '2023' });
  });
});
