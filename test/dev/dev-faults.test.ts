import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/dev/dev-server.js';
import { makeSite } from '../helpers/fixture-site.js';
import { httpGet } from '../helpers/http.js';

/*
 * What the dev server meets while an author works: a template that throws
 * while rendering, a draft deleted or renamed while its page is open, and a
 * storm of file changes (a `git checkout`, a search-and-replace over every
 * draft). It must keep answering, end in the right site, and not rebuild
 * once per event.
 */

const post = (title: string, date: string, body = 'Some text.') => `---\ntitle: ${title}\ndate: ${date}\ntags: t\n---\n${body}\n`;

/** An open page's live-reload connection: collects the `state` events the server sends it. */
async function openPage(url: string) {
  const controller = new AbortController();
  const res = await fetch(url + '__orgpress/events', { signal: controller.signal });
  const reader = res.body!.getReader();
  const events: { changed: string[] | 'all' }[] = [];
  let text = '';
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += new TextDecoder().decode(value);
        let end;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const block = text.slice(0, end);
          text = text.slice(end + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (/^event: state$/m.test(block) && data) events.push(JSON.parse(data) as { changed: string[] | 'all' });
        }
      }
    } catch {
      // aborted: the page was closed
    }
  })();
  return {
    events,
    async close() {
      controller.abort();
      await pump;
    },
  };
}

describe('orgpress dev: faults while writing', () => {
  let root: string;
  let dev: DevServer;
  const file = (rel: string) => path.join(root, rel);
  const edit = async (rel: string, text: string) => {
    const update = dev.nextUpdate();
    await writeFile(file(rel), text);
    return update;
  };
  const errors = () => dev.site.diagnostics.filter((d) => d.severity === 'error');

  beforeAll(async () => {
    root = await makeSite({
      'drafts/2020-01-01-first.org': post('First', '2020-01-01', '# TODO: first note\nFirst body.'),
      'drafts/2021-01-01-second.org': post('Second', '2021-01-01', '# TODO: second note\nSecond body.'),
      'drafts/2022-01-01-third.org': post('Third', '2022-01-01', '# TODO: third note\nThird body.'),
    });
    dev = await startDevServer({ root, host: '127.0.0.1', port: 0, log: () => {} });
    await dev.ready;
  });
  afterAll(() => dev?.close());

  it('a Liquid filter that throws while rendering is a template error; pages stay served; a fix clears it', async () => {
    await mkdir(file('templates/partials'), { recursive: true });
    // where_exp parses its expression only when it runs: this throws at render time, not at parse time.
    await edit('templates/partials/footer.liquid', '<footer>\n{{ site.title | where_exp: "x", "(" }}\n</footer>');
    // LiquidJS cannot say which template the expression came from: each page's template is named, without a line.
    expect(errors().length).toBeGreaterThan(0);
    for (const d of errors()) expect([d.code, d.message]).toEqual(['template/error', expect.stringContaining('unexpected token')]);
    const page = await httpGet(dev.url, '/2020/01/first/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('First body.');
    await edit('templates/partials/footer.liquid', '<footer class="fixed">ok</footer>');
    expect(errors()).toEqual([]);
    expect((await httpGet(dev.url, '/2020/01/first/')).body).toContain('class="fixed"');
    const update = dev.nextUpdate();
    await rm(file('templates/partials/footer.liquid'));
    await update;
  });

  it('a draft deleted while its page is open: the page is told, then 404s; the notes page drops its notes', async () => {
    const page = await openPage(dev.url);
    try {
      expect((await httpGet(dev.url, '/__orgpress/todos/')).body).toContain('third note');
      const update = dev.nextUpdate();
      await rm(file('drafts/2022-01-01-third.org'));
      expect((await update).changed).toContain('2022/01/third/index.html');
      const gone = await httpGet(dev.url, '/2022/01/third/');
      expect(gone.status).toBe(404);
      expect(gone.body).toContain('/__orgpress/client.js'); // the 404 page still reloads itself when the post comes back
      const notes = await httpGet(dev.url, '/__orgpress/todos/');
      expect(notes.body).not.toContain('third note');
      expect(notes.body).toContain('first note');
      await waitFor(() => page.events.some((e) => e.changed === 'all' || e.changed.includes('2022/01/third/index.html')));
      expect(errors()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a draft renamed while its page is open: the old address 404s, the new one serves it, notes link there', async () => {
    const page = await openPage(dev.url);
    try {
      const update = dev.nextUpdate();
      await rename(file('drafts/2021-01-01-second.org'), file('drafts/2021-01-01-renamed.org'));
      const { changed } = await update;
      expect(changed).toContain('2021/01/second/index.html');
      expect(changed).toContain('2021/01/renamed/index.html');
      expect((await httpGet(dev.url, '/2021/01/second/')).status).toBe(404);
      const moved = await httpGet(dev.url, '/2021/01/renamed/');
      expect(moved.status).toBe(200);
      expect(moved.body).toContain('Second body.');
      const notes = await httpGet(dev.url, '/__orgpress/todos/');
      expect(notes.body).toContain('href="/2021/01/renamed/#todo-1"');
      expect(notes.body).not.toContain('/2021/01/second/');
      await waitFor(() => page.events.some((e) => e.changed === 'all' || e.changed.includes('2021/01/second/index.html')));
    } finally {
      await page.close();
    }
  });
});

describe('orgpress dev: a burst of 200 file changes', () => {
  const DRAFTS = 20;
  const ROUNDS = 10;
  let root: string;
  let dev: DevServer;
  const name = (i: number) => `drafts/2020-01-${String(i + 1).padStart(2, '0')}-post-${i}.org`;

  beforeAll(async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < DRAFTS; i++) files[name(i)] = post(`Post ${i}`, `2020-01-${String(i + 1).padStart(2, '0')}`, 'round start');
    root = await makeSite(files);
    dev = await startDevServer({ root, host: '127.0.0.1', port: 0, log: () => {} });
    await dev.ready;
  });
  afterAll(() => dev?.close());

  it('ends in the right site, after a bounded number of rebuilds, still answering throughout', async () => {
    const before = dev.rebuilds;
    const page = await openPage(dev.url);
    // A reader keeps loading pages during the storm.
    let polling = true;
    const statuses: number[] = [];
    const poller = (async () => {
      while (polling) {
        const r = await httpGet(dev.url, `/2020/01/post-${statuses.length % DRAFTS}/`);
        statuses.push(r.status);
      }
    })();
    try {
      // As fast as the file system takes them: every draft rewritten ROUNDS times. Plain writes
      // truncate first, so the server also sees drafts caught empty or half-written.
      const writes: Promise<void>[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        for (let i = 0; i < DRAFTS; i++) writes.push(writeFile(path.join(root, name(i)), post(`Post ${i}`, `2020-01-${String(i + 1).padStart(2, '0')}`, `round ${round} of post ${i}`)));
        await Promise.all(writes.splice(0));
      }
      const served = async (i: number) => (await httpGet(dev.url, `/2020/01/post-${i}/`)).body;
      await waitFor(async () => {
        for (let i = 0; i < DRAFTS; i++) if (!(await served(i)).includes(`round ${ROUNDS - 1} of post ${i}`)) return false;
        return true;
      }, 30_000);
      // Quiet for a while: no rebuild is still pending.
      const settled = dev.rebuilds;
      await new Promise((r) => setTimeout(r, 500));
      expect(dev.rebuilds).toBe(settled);
      const rebuilds = dev.rebuilds - before;
      expect(rebuilds).toBeGreaterThanOrEqual(1);
      expect(rebuilds, `${rebuilds} rebuilds`).toBeLessThanOrEqual(12); // batched: nowhere near one per change
      expect(dev.site.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const index = (await httpGet(dev.url, '/')).body;
      expect(index).toContain('Post 19');
      expect(dev.site.output.site!.posts).toHaveLength(DRAFTS);
      expect(page.events.length).toBeGreaterThanOrEqual(1);
      polling = false;
      await poller;
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
    } finally {
      polling = false;
      await page.close();
    }
  });
});

async function waitFor(cond: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the condition');
    await new Promise((r) => setTimeout(r, 25));
  }
}
