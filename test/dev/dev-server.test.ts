import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/dev/dev-server.js';
import { makeSite } from '../helpers/fixture-site.js';
import { httpGet } from '../helpers/http.js';

const post = (title: string, date: string, extra = '', body = 'Some text.') => `---\ntitle: ${title}\ndate: ${date}\n${extra}---\n${body}\n`;

const FILES = {
  'site.yaml': 'title: Dev Blog\nbaseUrl: https://example.com/blog/\n',
  'drafts/2020-01-01-first.org': post('First post', '2020-01-01', 'tags: a\n', '# TODO: check this claim\nThe claim.'),
  'drafts/2021-02-02-second.org': post('Second post', '2021-02-02', 'tags: b\n'),
  'drafts/2022-03-03-secret.org': post('Secret draft', '2022-03-03', 'draft: true\n'),
  'templates/assets/extra.css': 'body { color: black; }\n',
  'static/robots-extra.txt': 'hello',
};

describe('orgpress dev (HTTP)', () => {
  let root: string;
  let dev: DevServer;
  const file = (rel: string) => path.join(root, rel);
  /** Writes, then waits for the rebuild it causes. */
  const edit = async (rel: string, text: string) => {
    const update = dev.nextUpdate();
    await writeFile(file(rel), text);
    return update;
  };

  beforeAll(async () => {
    root = await makeSite(FILES);
    dev = await startDevServer({ root, host: '127.0.0.1', port: 0, log: () => {} });
    await dev.ready;
  });
  afterAll(() => dev?.close());

  it('serves drafts marked as drafts, with links to its own address whatever site.yaml says', async () => {
    const page = await httpGet(dev.url, '/2022/03/secret/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Secret draft');
    expect(page.body).toContain('badge-draft');
    expect(page.body).toContain(`<link rel="canonical" href="${dev.url}2022/03/secret/">`);
  });

  it('shows TODO notes in place and injects the client into HTML only', async () => {
    const page = await httpGet(dev.url, '/2020/01/first/');
    expect(page.body).toMatch(/<aside class="todo-note" id="todo-1"[^>]*><span class="todo-keyword">TODO<\/span> check this claim/);
    expect(page.body).toMatch(/<script src="\/__orgpress\/client\.js" data-orgpress-dev data-build="[^"]+" data-css="0" data-page="2020\/01\/first\/index\.html"><\/script><\/body>/);
    expect(page.body).toContain('<link rel="stylesheet" href="/__orgpress/dev.css" data-orgpress-dev></head>');
    expect(page.headers['cache-control']).toBe('no-store');
    const css = await httpGet(dev.url, '/assets/style.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).not.toContain('__orgpress');
    expect((await httpGet(dev.url, '/atom.xml')).body).not.toContain('__orgpress');
  });

  it('has clean URLs: a folder without its slash redirects, 404.html answers with status 404', async () => {
    const redirect = await httpGet(dev.url, '/2020/01/first?x=1');
    expect(redirect.status).toBe(302);
    expect(redirect.headers['location']).toBe('/2020/01/first/?x=1');
    const missing = await httpGet(dev.url, '/nothing/here/');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('Page not found');
    expect(missing.body).toContain('/__orgpress/client.js');
  });

  it('serves theme assets, the site’s own assets and static files from disk', async () => {
    expect((await httpGet(dev.url, '/assets/extra.css')).body).toContain('color: black');
    expect((await httpGet(dev.url, '/robots-extra.txt')).body).toBe('hello');
  });

  it('lists every note on /__orgpress/todos/, linking to its spot', async () => {
    const page = await httpGet(dev.url, '/__orgpress/todos/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('drafts/2020-01-01-first.org:6:1');
    expect(page.body).toContain('href="/2020/01/first/#todo-1"');
    expect(page.body).toContain('First post');
    expect(page.body).toContain('check this claim');
  });

  it('re-renders only the edited draft, and tells which pages changed', async () => {
    const update = await edit('drafts/2021-02-02-second.org', post('Second post', '2021-02-02', 'tags: b\n', 'New words.'));
    expect(dev.site.output.files.get('2021/02/second/index.html')).toContain('New words.');
    expect(update.changed).toContain('2021/02/second/index.html');
    expect(update.changed).not.toContain('2020/01/first/index.html');
    expect(update.ms).toBeLessThan(3000);
    expect((await httpGet(dev.url, '/2021/02/second/')).body).toContain('New words.');
  });

  it('a broken draft is an error with its line, the last good version stays served, a fix clears it', async () => {
    const rel = 'drafts/2021-02-02-second.org';
    await edit(rel, '---\ntitle: Second post\ndate: 2021-02-02\ntags: [b\n---\nBroken.\n');
    const errors = dev.site.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.file)).toEqual([rel]);
    expect(errors[0]!.line).toBeGreaterThan(1);
    const page = await httpGet(dev.url, '/2021/02/second/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('New words.');
    await edit(rel, post('Second post', '2021-02-02', 'tags: b\n', 'Fixed words.'));
    expect(dev.site.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect((await httpGet(dev.url, '/2021/02/second/')).body).toContain('Fixed words.');
  });

  it('a template that fails is a diagnostic; the pages stay served; fixing it clears it', async () => {
    await mkdir(file('templates/partials'), { recursive: true });
    await edit('templates/partials/footer.liquid', '<footer>{% if %}</footer>');
    const errors = dev.site.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.file).toBe('templates/partials/footer.liquid');
    expect((await httpGet(dev.url, '/2020/01/first/')).status).toBe(200);
    await edit('templates/partials/footer.liquid', '<footer class="custom-footer">mine</footer>');
    expect(dev.site.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect((await httpGet(dev.url, '/2020/01/first/')).body).toContain('custom-footer');
    const update = dev.nextUpdate();
    await rm(file('templates/partials/footer.liquid'));
    await update;
  });

  it('a broken config is an error at its line; the last good config stays in use', async () => {
    await edit('site.yaml', 'title: Dev Blog\npostsPerPage: many\n');
    const errors = dev.site.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.file}:${d.line}`)).toEqual(['site.yaml:2']);
    expect((await httpGet(dev.url, '/')).body).toContain('Dev Blog');
    await edit('site.yaml', 'title: Renamed Blog\n');
    expect(dev.site.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect((await httpGet(dev.url, '/')).body).toContain('Renamed Blog');
  });

  it('a draft saved while the config is broken shows once the config is fixed', async () => {
    await edit('site.yaml', 'title: Renamed Blog\npostsPerPage: many\n');
    // Nothing to tell the pages yet (the drafts wait for a config that can be read): no update comes.
    await writeFile(file('drafts/2021-02-02-second.org'), post('Second post', '2021-02-02', 'tags: b\n', 'Words while broken.'));
    await new Promise((r) => setTimeout(r, 400));
    expect((await httpGet(dev.url, '/2021/02/second/')).body).not.toContain('Words while broken.');
    await edit('site.yaml', 'title: Renamed Blog\n');
    expect((await httpGet(dev.url, '/2021/02/second/')).body).toContain('Words while broken.');
  });

  it('an edit to a file a draft includes updates that post, which stays one post', async () => {
    await edit('drafts/part.org', 'Included words.\n');
    await edit('drafts/2021-02-02-second.org', post('Second post', '2021-02-02', 'tags: b\n', '#+INCLUDE: "part.org"'));
    expect((await httpGet(dev.url, '/2021/02/second/')).body).toContain('Included words.');
    const update = await edit('drafts/part.org', 'Changed included words.\n');
    expect(update.changed).toContain('2021/02/second/index.html');
    expect((await httpGet(dev.url, '/2021/02/second/')).body).toContain('Changed included words.');
    expect(dev.site.output.site!.posts.map((p) => p.doc.source.path)).not.toContain('drafts/part.org');
  });

  it('a stylesheet change only bumps the stylesheet version: no rebuild, no page changes', async () => {
    const update = await edit('templates/assets/extra.css', 'body { color: navy; }\n');
    expect(update.changed).toEqual([]);
    expect((await httpGet(dev.url, '/assets/extra.css')).body).toContain('navy');
  });

  it('the events stream starts with the current state', async () => {
    const controller = new AbortController();
    const res = await fetch(dev.url + '__orgpress/events', { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('\n\nevent: state\ndata: ') || !text.endsWith('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const state = JSON.parse(text.split('data: ')[1]!) as { errors: unknown[]; notes: number };
    expect(state.errors).toEqual([]);
    expect(state.notes).toBe(1);
  });
});

describe('orgpress dev: a layout broken from the start', () => {
  it('every address still answers with a page that carries the client, and the fix brings the site', async () => {
    const root = await makeSite({
      'drafts/2020-01-01-a.org': post('A', '2020-01-01'),
      'templates/base.liquid': '{% if %}<html><body>{% block content %}{% endblock %}</body></html>',
    });
    const dev = await startDevServer({ root, host: '127.0.0.1', port: 0, log: () => {} });
    try {
      await dev.ready;
      expect(dev.site.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}`)).toEqual(['templates/base.liquid:1']);
      const page = await httpGet(dev.url, '/2020/01/a/');
      expect(page.status).toBe(404);
      expect(page.body).toContain('/__orgpress/client.js');
      const update = dev.nextUpdate();
      await rm(path.join(root, 'templates/base.liquid'));
      expect((await update).changed).toContain('404.html');
      expect((await httpGet(dev.url, '/2020/01/a/')).status).toBe(200);
    } finally {
      await dev.close();
    }
  });
});

describe('orgpress dev: one save, one rebuild', () => {
  let root: string;
  let dev: DevServer;
  const rel = 'drafts/2020-01-01-a.org';
  const abs = () => path.join(root, rel);

  beforeAll(async () => {
    root = await makeSite({ [rel]: post('A', '2020-01-01') });
    dev = await startDevServer({ root, host: '127.0.0.1', port: 0, log: () => {} });
    await dev.ready;
  });
  afterAll(() => dev?.close());

  /** Runs a save pattern, waits for its rebuild, then checks no second one follows. */
  const expectOneRebuild = async (save: () => Promise<void>, body: string) => {
    const before = dev.rebuilds;
    const update = dev.nextUpdate();
    await save();
    await update;
    await new Promise((r) => setTimeout(r, 400));
    expect(dev.rebuilds - before).toBe(1);
    expect(dev.site.output.files.get('2020/01/a/index.html')).toContain(body);
  };

  it('an atomic save (write a temp file, rename it over the draft)', async () => {
    await expectOneRebuild(async () => {
      await writeFile(path.join(root, 'drafts/.2020-01-01-a.org.tmp'), post('A', '2020-01-01', '', 'Atomic.'));
      await rename(path.join(root, 'drafts/.2020-01-01-a.org.tmp'), abs());
    }, 'Atomic.');
  });

  it('several quick writes', async () => {
    await expectOneRebuild(async () => {
      for (const word of ['One.', 'Two.', 'Three.']) {
        await writeFile(abs(), post('A', '2020-01-01', '', word));
        await new Promise((r) => setTimeout(r, 10));
      }
    }, 'Three.');
  });

  it("Emacs: lock file, auto-save file, then the save", async () => {
    await expectOneRebuild(async () => {
      await symlink('user@host.1234:1700000000', path.join(root, 'drafts/.#2020-01-01-a.org'));
      await writeFile(path.join(root, 'drafts/#2020-01-01-a.org#'), 'autosave');
      await rename(abs(), abs() + '~');
      await writeFile(abs(), post('A', '2020-01-01', '', 'Emacs.'));
      await rm(path.join(root, 'drafts/#2020-01-01-a.org#'));
      await rm(path.join(root, 'drafts/.#2020-01-01-a.org'));
    }, 'Emacs.');
  });

  it("vim: the 4913 write test, swap file, backup rename", async () => {
    await expectOneRebuild(async () => {
      await writeFile(path.join(root, 'drafts/.2020-01-01-a.org.swp'), 'swap');
      await writeFile(path.join(root, 'drafts/4913'), '');
      await rm(path.join(root, 'drafts/4913'));
      await rename(abs(), abs() + '~');
      await writeFile(abs(), post('A', '2020-01-01', '', 'Vim.'));
      await rm(abs() + '~');
      await rm(path.join(root, 'drafts/.2020-01-01-a.org.swp'));
    }, 'Vim.');
  });

  it('a new draft appears and a deleted one goes', async () => {
    let update = dev.nextUpdate();
    await writeFile(path.join(root, 'drafts/2021-01-01-b.org'), post('B', '2021-01-01'));
    expect((await update).changed).toContain('2021/01/b/index.html');
    update = dev.nextUpdate();
    await rm(path.join(root, 'drafts/2021-01-01-b.org'));
    expect((await update).changed).toContain('2021/01/b/index.html');
    expect(dev.site.output.files.has('2021/01/b/index.html')).toBe(false);
  });
});
