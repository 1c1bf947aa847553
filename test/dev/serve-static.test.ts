import { access, lstat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/dev/dev-server.js';
import { startPreviewServer, type PreviewServer } from '../../src/dev/preview-server.js';
import { contentTypeOf, parseRequestPath } from '../../src/dev/serve-static.js';
import { makeSite, runCli } from '../helpers/fixture-site.js';
import { httpGet } from '../helpers/http.js';

describe('request paths', () => {
  it('splits and decodes segments, keeping the trailing slash and the query', () => {
    expect(parseRequestPath('/a/b%20c/?x=1')).toEqual({ raw: '/a/b%20c/', query: '?x=1', segments: ['a', 'b c'], trailingSlash: true });
    expect(parseRequestPath('/')).toEqual({ raw: '/', query: '', segments: [], trailingSlash: true });
  });

  it.each(['/../x', '/%2e%2e/', '/a/%2E%2E/b', '/..%2f..%2fetc/passwd', '/a%5c..%5cb', '/a\\b', '/a%00', '//etc', '/a/./b', '/%E0%A4%A', 'x', '/a%0a'])(
    'refuses %s',
    (p) => {
      expect(parseRequestPath(p)).toBeNull();
    },
  );

  it('knows the content types a site needs', () => {
    expect(contentTypeOf('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('assets/style.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('feed.json')).toMatch(/^application\/json/);
    expect(contentTypeOf('media/x.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('CNAME')).toBe('application/octet-stream');
  });
});

const SECRET = 'TOP-SECRET-CONTENT';
const TRAVERSALS = [
  '/../package.json',
  '/%2e%2e/',
  '/%2e%2e/site.yaml',
  '/..%2f..%2fetc/passwd',
  '/assets/%2e%2e/%2e%2e/site.yaml',
  '/assets/..%5c..%5csite.yaml',
  '/..\\site.yaml',
  '/%00',
  '//etc/passwd',
  '/secret-link.txt',
  '/escape/secret.txt',
];

/** A site whose root holds a secret, with symlinks from static/ pointing out of the site to another secret. */
async function siteWithSecrets(): Promise<{ root: string; outside: string }> {
  const root = await makeSite({
    'site.yaml': `title: Safe\n# ${SECRET}\n`,
    'drafts/2020-01-01-a.org': '---\ntitle: A\ndate: 2020-01-01\n---\nText.\n',
    'static/ok.txt': 'fine',
  });
  const outside = await makeSite({ 'secret.txt': SECRET });
  await symlink(path.join(outside, 'secret.txt'), path.join(root, 'static/secret-link.txt'));
  await symlink(outside, path.join(root, 'static/escape'));
  return { root, outside };
}

describe('path traversal', () => {
  let root: string;
  let dev: DevServer;
  let preview: PreviewServer;

  beforeAll(async () => {
    const site = await siteWithSecrets();
    root = site.root;
    dev = await startDevServer({ root, host: '127.0.0.1', port: 0, log: () => {} });
    const built = await runCli(['build', '--root', root]);
    expect(built.code).toBe(0);
    // `build` skips links out of the site (with a warning); a dist/ made by other means may
    // still hold some, which preview must not follow either.
    await expect(lstat(path.join(root, 'dist/secret-link.txt'))).rejects.toThrow();
    await symlink(path.join(site.outside, 'secret.txt'), path.join(root, 'dist/secret-link.txt'));
    await symlink(site.outside, path.join(root, 'dist/escape'));
    preview = await startPreviewServer({ outDir: path.join(root, 'dist'), host: '127.0.0.1', port: 0, basePath: '/' });
  });
  afterAll(async () => {
    await dev?.close();
    await preview?.close();
  });

  for (const [name, server] of [
    ['dev', () => dev.url],
    ['preview', () => preview.url],
  ] as const) {
    it(`${name}: every attempt gets 400 or 404 and never a file from outside the site`, async () => {
      for (const p of TRAVERSALS) {
        const r = await httpGet(server(), p);
        expect([400, 404], `${p} → ${r.status}`).toContain(r.status);
        expect(r.body, p).not.toContain(SECRET);
      }
      expect((await httpGet(server(), '/ok.txt')).body).toBe('fine');
    });

    it(`${name}: only GET and HEAD, with nosniff`, async () => {
      const post = await httpGet(server(), '/', { method: 'POST' });
      expect(post.status).toBe(405);
      expect(post.headers['allow']).toBe('GET, HEAD');
      const head = await httpGet(server(), '/', { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.body).toBe('');
      expect(Number(head.headers['content-length'])).toBeGreaterThan(100);
      expect(head.headers['x-content-type-options']).toBe('nosniff');
    });

    it(`${name}: a request naming another host is refused (DNS rebinding)`, async () => {
      expect((await httpGet(server(), '/', { headers: { Host: 'evil.example:80' } })).status).toBe(403);
      expect((await httpGet(server(), '/', { headers: { Host: 'localhost:1234' } })).status).toBe(200);
    });
  }

  it('dev never writes the output folder', async () => {
    const other = await makeSite({ 'drafts/2020-01-01-a.org': '---\ntitle: A\ndate: 2020-01-01\n---\nText.\n' });
    const s = await startDevServer({ root: other, host: '127.0.0.1', port: 0, log: () => {} });
    expect((await httpGet(s.url, '/2020/01/a/')).status).toBe(200);
    await s.close();
    await expect(access(path.join(other, 'dist'))).rejects.toThrow();
  });

  it('preview without a build is an error telling to build first', async () => {
    const empty = await makeSite({ 'drafts/.keep': '' });
    const r = await runCli(['preview', '--root', empty, '--port', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('orgpress build');
  });

  it('a bad port is a usage error', async () => {
    const r = await runCli(['dev', '--port', 'eighty']);
    expect(r.code).toBe(2);
  });

  it('does not serve editor leftovers from static/', async () => {
    await writeFile(path.join(root, 'static/#ok.txt#'), 'autosave');
    expect((await httpGet(dev.url, '/%23ok.txt%23')).status).toBe(404);
  });
});
