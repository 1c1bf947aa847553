import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../src/dev/preview-server.js';
import { CLI, listFiles, makeSite, runCli } from '../helpers/fixture-site.js';
import { httpGet } from '../helpers/http.js';

const FILES = {
  'site.yaml': 'title: Preview Blog\nbaseUrl: https://user.github.io/blog/\n',
  'drafts/2020-01-01-a.org': '---\ntitle: A post\ndate: 2020-01-01\n---\n# TODO: secret note\nText.\n',
  'drafts/2021-01-01-d.org': '---\ntitle: Unpublished\ndate: 2021-01-01\ndraft: true\n---\nNot yet.\n',
};

describe('orgpress preview', () => {
  let root: string;
  let preview: PreviewServer;

  beforeAll(async () => {
    root = await makeSite(FILES);
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    preview = await startPreviewServer({ outDir: path.join(root, 'dist'), host: '127.0.0.1', port: 0, basePath: '/blog/' });
  });
  afterAll(() => preview?.close());

  it('serves the site under its baseUrl path, as the real host will', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/blog\/$/);
    const home = await httpGet(preview.url, '/blog/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('A post');
    const root = await httpGet(preview.url, '/');
    expect(root.status).toBe(301);
    expect(root.headers['location']).toBe('/blog/');
    expect((await httpGet(preview.url, '/blog')).headers['location']).toBe('/blog/');
  });

  it('serves pages as built: no drafts, no notes, no dev client', async () => {
    const post = await httpGet(preview.url, '/blog/2020/01/a/');
    expect(post.status).toBe(200);
    expect(post.body).not.toContain('secret note');
    expect(post.body).not.toContain('__orgpress');
    expect((await httpGet(preview.url, '/blog/2021/01/d/')).status).toBe(404);
  });

  it('clean URLs, and 404.html with status 404', async () => {
    const redirect = await httpGet(preview.url, '/blog/2020/01/a');
    expect(redirect.status).toBe(301);
    expect(redirect.headers['location']).toBe('/blog/2020/01/a/');
    const missing = await httpGet(preview.url, '/blog/nope/');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('Page not found');
    expect((await httpGet(preview.url, '/elsewhere')).status).toBe(404);
  });

  it('revalidates with ETags instead of serving stale pages', async () => {
    // The stylesheet is named after its content (test/publish/fingerprint-assets.test.ts).
    const style = '/blog/' + (await listFiles(path.join(root, 'dist'))).find((f) => /^assets\/style\.[0-9a-f]{8}\.css$/.test(f))!;
    const first = await httpGet(preview.url, style);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.headers['content-type']).toBe('text/css; charset=utf-8');
    const etag = String(first.headers['etag']);
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await httpGet(preview.url, style, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });
});

describe('orgpress dev (the command)', () => {
  it('prints its URL, serves the site, and stops cleanly on Ctrl-C', async () => {
    const root = await makeSite({ 'drafts/2020-01-01-a.org': '---\ntitle: Hello\ndate: 2020-01-01\n---\nText.\n' });
    const child = spawn(process.execPath, [CLI, 'dev', '--root', root, '--port', '0'], { env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000);
      child.stdout.on('data', () => {
        const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    expect(out).toContain('1 post (0 drafts)');
    expect(out).toContain('Ctrl-C');
    expect((await httpGet(url, '/2020/01/a/')).body).toContain('Hello');
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGINT');
    });
    expect(code).toBe(0);
    expect(out).toContain('stopped');
  });
});
