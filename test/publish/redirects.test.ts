import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { aliasUrl } from '../../src/render/redirects.js';
import { urlBase } from '../../src/render/urls.js';
import { listFiles, makeSite, runCli } from '../helpers/fixture-site.js';

const post = (title: string, date: string, extra = '') => `---\ntitle: ${title}\ndate: ${date}\n${extra}---\nSome text.\n`;

describe('aliases: redirects from old addresses', () => {
  it('writes a redirect page at each alias and a _redirects file with 301s', async () => {
    const root = await makeSite({
      'site.yaml': 'baseUrl: https://user.github.io/blog/\n',
      'drafts/2020-01-01-moved.org': post('Moved post', '2020-01-01', 'aliases: [/old/url/, /2019/01/old-slug/, /legacy.html, old/no-slash]\n'),
      'drafts/2020-02-02-other.org': post('Other', '2020-02-02', 'aliases: /just-one/\n'),
    });
    const r = await runCli(['build', '--root', root]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const dist = path.join(root, 'dist');
    const files = await listFiles(dist);
    for (const f of ['old/url/index.html', '2019/01/old-slug/index.html', 'legacy.html', 'old/no-slash/index.html', 'just-one/index.html']) expect(files, f).toContain(f);

    const page = fromHtml(await readFile(path.join(dist, 'old/url/index.html'), 'utf8'));
    const content = (sel: string, key: string) => String(select(sel, page)?.properties[key]);
    expect(content('meta[http-equiv="refresh"]', 'content')).toBe('0; url=../../2020/01/moved/');
    expect(content('link[rel=canonical]', 'href')).toBe('https://user.github.io/blog/2020/01/moved/');
    expect(content('meta[name=robots]', 'content')).toBe('noindex');
    expect(content('a', 'href')).toBe('../../2020/01/moved/');
    const legacy = await readFile(path.join(dist, 'legacy.html'), 'utf8');
    expect(legacy).toContain('url=2020/01/moved/');

    const redirects = await readFile(path.join(dist, '_redirects'), 'utf8');
    const lines = redirects.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(lines).toEqual([
      '/blog/old/url/  /blog/2020/01/moved/  301',
      '/blog/2019/01/old-slug/  /blog/2020/01/moved/  301',
      '/blog/legacy.html  /blog/2020/01/moved/  301',
      '/blog/old/no-slash/  /blog/2020/01/moved/  301',
      '/blog/just-one/  /blog/2020/02/other/  301',
    ]);
    // Old addresses are not pages of the site.
    expect(await readFile(path.join(dist, 'sitemap.xml'), 'utf8')).not.toContain('old/url');
  });

  it('an alias on the address of a real page is an error naming both', async () => {
    const root = await makeSite({
      'drafts/2020-01-01-a.org': post('A', '2020-01-01', 'aliases:\n  - /2020/02/b/\n'),
      'drafts/2020-02-02-b.org': post('B', '2020-02-02'),
      'drafts/2020-03-03-c.org': post('C', '2020-03-03', 'aliases: [/tags/]\n'),
    });
    const r = await runCli(['build', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/drafts\/2020-01-01-a\.org:5:5: error: the alias \/2020\/02\/b\/ of drafts\/2020-01-01-a\.org collides with drafts\/2020-02-02-b\.org \(\/2020\/02\/b\/\)/);
    expect(r.stderr).toMatch(/drafts\/2020-03-03-c\.org:4:\d+: error: the alias \/tags\/ of drafts\/2020-03-03-c\.org collides with the page \/tags\//);
  });

  it('two posts claiming one alias is an error naming both', async () => {
    const root = await makeSite({
      'drafts/2020-01-01-a.org': post('A', '2020-01-01', 'aliases: [/old/]\n'),
      'drafts/2020-02-02-b.org': post('B', '2020-02-02', 'aliases: [/old/]\n'),
    });
    const r = await runCli(['build', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/drafts\/2020-02-02-b\.org:\d+:\d+: error: the alias \/old\/ of drafts\/2020-02-02-b\.org collides with the alias \/old\/ of drafts\/2020-01-01-a\.org/);
  });

  it('an alias that leaves the site, or is not a list of paths, is an error', async () => {
    const root = await makeSite({
      'drafts/2020-01-01-a.org': post('A', '2020-01-01', 'aliases: [../../etc/passwd, "https://elsewhere.example/x/", 12]\n'),
      'drafts/2020-02-02-b.org': post('B', '2020-02-02', 'aliases: {a: 1}\n'),
    });
    const r = await runCli(['build', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/drafts\/2020-01-01-a\.org:\d+:\d+: error: `aliases`: .* is not a path on this site/g)).toHaveLength(3);
    expect(r.stderr).toMatch(/drafts\/2020-02-02-b\.org:\d+:\d+: error: `aliases` must be a list of old paths/);
  });

  it('normalises alias paths', () => {
    const base = urlBase('https://example.com/blog/');
    expect(aliasUrl('/a/b/', base)).toBe('/a/b/');
    expect(aliasUrl('a/b', base)).toBe('/a/b/');
    expect(aliasUrl('/a//b.html', base)).toBe('/a/b.html');
    expect(aliasUrl('https://example.com/blog/x/', base)).toBe('/x/');
    expect(aliasUrl('https://other.example/x/', base)).toBeNull();
    expect(aliasUrl('/a/../b/', base)).toBeNull();
    expect(aliasUrl('/?p=12', base)).toBeNull();
    expect(aliasUrl('/', base)).toBeNull();
  });
});
