import { describe, expect, it } from 'vitest';
import { headersFile, IMMUTABLE, REVALIDATE } from '../../src/output/headers-file.js';

/** The rules as [pattern, value] pairs. */
function rules(text: string): [string, string][] {
  const out: [string, string][] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('/')) out.push([line, lines[i + 1]!.replace(/^\s+Cache-Control: /, '')]);
  }
  return out;
}

/** Netlify/Cloudflare matching, as far as these rules go: exact paths, and `/folder/*` splats. */
function matches(pattern: string, url: string): boolean {
  return pattern.endsWith('*') ? url.startsWith(pattern.slice(0, -1)) : url === pattern;
}

function urlOf(file: string, base = '/'): string {
  return base + file.replace(/(^|\/)index\.html$/, '$1');
}

describe('_headers', () => {
  const files = [
    'index.html',
    '404.html',
    'about.html',
    '2018/03/post/index.html',
    'tags/index.html',
    'tags/x/index.html',
    'assets/style.3f2a1c9b.css',
    'assets/katex/katex.min.0aca781a.css',
    'assets/katex/fonts/KaTeX_Main.1234abcd.woff2',
    'assets/user-own.css', // from static/: not fingerprinted
    'media/img/a.png',
    'atom.xml',
  ];
  const immutable = new Set(files.filter((f) => /\.[0-9a-f]{8}\./.test(f)));

  it('gives fingerprinted files a year and pages revalidation, with no two rules matching one file', () => {
    const r = rules(headersFile(files, immutable, '/'));
    for (const f of files) {
      const hits = r.filter(([p]) => matches(p, urlOf(f)));
      expect(hits.length, `${f}: ${JSON.stringify(hits)}`).toBeLessThanOrEqual(1);
      if (immutable.has(f)) expect(hits[0]?.[1], f).toBe(IMMUTABLE);
      else if (f.endsWith('.html')) expect(hits[0]?.[1], f).toBe(REVALIDATE);
      else expect(hits[0]?.[1] ?? REVALIDATE, f).toBe(REVALIDATE); // never immutable
    }
    // A folder of fingerprinted files is one rule; the mixed assets/ is spelled out.
    expect(r).toContainEqual(['/assets/katex/*', IMMUTABLE]);
    expect(r).toContainEqual(['/assets/style.3f2a1c9b.css', IMMUTABLE]);
    expect(r.some(([p]) => p === '/assets/*')).toBe(false);
    expect(r).toContainEqual(['/', REVALIDATE]);
    expect(r).toContainEqual(['/2018/*', REVALIDATE]);
  });

  it('carries the base path', () => {
    const r = rules(headersFile(files, immutable, '/blog/'));
    expect(r).toContainEqual(['/blog/', REVALIDATE]);
    expect(r).toContainEqual(['/blog/assets/katex/*', IMMUTABLE]);
    expect(r.every(([p]) => p.startsWith('/blog/'))).toBe(true);
  });
});
