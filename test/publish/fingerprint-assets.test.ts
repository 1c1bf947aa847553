import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintAssets, rewritePage, withHash } from '../../src/output/fingerprint-assets.js';
import { makeSite } from '../helpers/fixture-site.js';

describe('fingerprinted theme assets', () => {
  it('renames assets after their content and rewrites pages (any depth, 404.html) and stylesheet url()s', async () => {
    const root = await makeSite({
      'theme/assets/style.css': 'body{background:url(img/bg.png)} @import "more.css"; .x{background:url("img/bg.png?v=1#a")} .y{background:url(data:image/png;base64,AAAA)}',
      'theme/assets/more.css': '.z{color:red}',
      'theme/assets/img/bg.png': 'png-bytes',
      'theme/assets/site.js': 'console.log(1)',
      'static/assets/site.js': 'the user’s own',
    });
    const files = [
      { path: 'index.html', content: '<link rel="stylesheet" href="assets/style.css"><script src="assets/site.js"></script>' },
      { path: '2018/03/x/index.html', content: '<link href="../../../assets/style.css?x=1"><a href="https://elsewhere.example/assets/style.css">x</a><img src="../../../assets/img/bg.png" alt="">' },
      { path: '404.html', content: '<link href="/blog/assets/style.css">' },
      { path: 'feed.json', content: '"assets/style.css"' },
    ];
    const copies = [
      { from: path.join(root, 'theme/assets'), to: 'assets' },
      { from: path.join(root, 'static'), to: '' },
    ];
    const r = await fingerprintAssets(files, copies, 'https://example.com/blog/');
    const style = r.renamed.get('assets/style.css')!;
    const png = r.renamed.get('assets/img/bg.png')!;
    const more = r.renamed.get('assets/more.css')!;
    expect(style).toMatch(/^assets\/style\.[0-9a-f]{8}\.css$/);
    expect(png).toMatch(/^assets\/img\/bg\.[0-9a-f]{8}\.png$/);
    // static/ provides site.js too: the user's file wins and keeps its name.
    expect(r.renamed.has('assets/site.js')).toBe(false);
    expect(r.copies).toEqual([copies[1]]);
    expect([...r.immutable].sort()).toEqual([more, png, style].sort());

    const out = new Map(r.files.map((f) => [f.path, String(f.content)]));
    expect(out.get('index.html')).toBe(`<link rel="stylesheet" href="${style}"><script src="assets/site.js"></script>`);
    const post = out.get('2018/03/x/index.html')!;
    expect(post).toContain(`href="../../../${style}?x=1"`);
    expect(post).toContain('href="https://elsewhere.example/assets/style.css"');
    expect(post).toContain(`src="../../../${png}"`);
    expect(out.get('404.html')).toBe(`<link href="/blog/${style}">`);
    expect(out.get('feed.json')).toBe('"assets/style.css"');

    const css = out.get(style)!;
    expect(css).toContain(`url(${png.slice('assets/'.length)})`);
    expect(css).toContain(`url("${png.slice('assets/'.length)}?v=1#a")`);
    expect(css).toContain(`@import "${more.slice('assets/'.length)}"`);
    expect(css).toContain('url(data:image/png;base64,AAAA)');
  });

  it('the same content gives the same name; changed content a new one', async () => {
    const make = (text: string) => makeSite({ 'assets/style.css': text });
    const run = async (root: string) =>
      (await fingerprintAssets([], [{ from: path.join(root, 'assets'), to: 'assets' }], 'https://example.com/')).renamed.get('assets/style.css');
    const a = await run(await make('a{}'));
    expect(await run(await make('a{}'))).toBe(a);
    expect(await run(await make('b{}'))).not.toBe(a);
  });

  it('puts the hash before the extension', () => {
    expect(withHash('assets/style.css', 'abc')).toBe('assets/style.abc.css');
    expect(withHash('assets/katex/katex.min.css', 'abc')).toBe('assets/katex/katex.min.abc.css');
    expect(withHash('assets/LICENSE', 'abc')).toBe('assets/LICENSE.abc');
    expect(withHash('assets/.hidden', 'abc')).toBe('assets/.hidden.abc');
  });

  it('skips references that surely name no asset without changing any page', () => {
    const renamed = new Map([
      ['assets/style.css', 'assets/style.1a2b3c4d.css'],
      ['assets/my file.css', 'assets/my file.1a2b3c4d.css'],
      ['assets/café.svg', 'assets/café.1a2b3c4d.svg'],
      ['assets/img/bg.png', 'assets/img/bg.1a2b3c4d.png'],
      ['assets/.hidden', 'assets/.hidden.1a2b3c4d'],
    ]);
    const names = ['style.css', 'STYLE.CSS', 'style.cs', 'my%20file.css', 'my file.css', 'caf%C3%A9.svg', 'café.svg', 'bg.png', 'bg.png/', '.hidden', 'style%2Ecss', 'other.css', ''];
    const dirs = ['', '/', '/blog/', '/assets/', 'assets/', '../assets/', '../../assets/', './assets/', 'assets/./', 'assets/img/', 'assets/x/../', '/blog/assets/', 'https://example.com/blog/assets/', 'https://other.org/assets/', '//example.com/blog/assets/', 'assets\\', ' assets/', 'assets/\t'];
    const tails = ['', '?v=1', '#top', '?a=1&amp;b=2#x', ' ', '/.', '/..', '/', '\n'];
    const values: string[] = [];
    for (const d of dirs) for (const n of names) for (const t of tails) values.push(d + n + t);
    const html = values.map((v, i) => `<a href="${v}">${i}</a><img src='${v}'>`).join('\n');
    for (const page of ['index.html', 'posts/a/index.html', '404.html', 'assets/x.html']) {
      const quick = rewritePage(html, page, new URL('https://example.com/blog/'), renamed);
      expect(quick).toBe(rewritePage(html, page, new URL('https://example.com/blog/'), renamed, { quickSkip: false }));
      // And it did rewrite some (the comparison is not between two pages left alone).
      expect(quick).toContain('style.1a2b3c4d.css');
      expect(quick).toContain('.hidden.1a2b3c4d');
    }
  });
});
