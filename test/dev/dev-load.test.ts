import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite, REPO } from '../helpers/fixture-site.js';
import { httpGet } from '../helpers/http.js';

/*
 * 10,000 requests from a load tool (autocannon) against `orgpress dev` on
 * 127.0.0.1, never another address. The server runs alone in a child process
 * with --expose-gc, so its heap can be measured after a full collection:
 * the second half of the run must not keep memory the first half did not.
 * It takes about 5 s, so it is part of `npm test`.
 */

const post = (title: string, date: string, body: string) => `---\ntitle: ${title}\ndate: ${date}\ntags: load\n---\n${body}\n`;

/** A mix of what a browser asks for: pages, a stylesheet from disk, feeds, the notes page, a redirect and 404s. */
const PATHS = ['/', '/2020/01/first/', '/tags/', '/assets/style.css', '/atom.xml', '/__orgpress/todos/', '/2020/01/first', '/missing/page/'];

describe('orgpress dev under load', () => {
  let child: ChildProcessWithoutNullStreams;
  let url: string;
  let out = '';

  const next = (re: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`dev server child: no ${re} in ${JSON.stringify(out)}`)), 30_000);
      const check = () => {
        const m = re.exec(out);
        if (!m) return;
        out = out.slice(m.index + m[0].length);
        child.stdout.off('data', onData);
        clearTimeout(timer);
        resolve(m);
      };
      const onData = (c: Buffer) => {
        out += c.toString();
        check();
      };
      child.stdout.on('data', onData);
      check();
    });
  /** Heap in use after a full GC, and RSS, in MiB. */
  const memory = async () => {
    child.stdin.write('mem\n');
    const m = await next(/mem (\d+) (\d+)\n/);
    return { heap: Number(m[1]) / 2 ** 20, rss: Number(m[2]) / 2 ** 20 };
  };
  const load = (amount: number) =>
    autocannon({
      url,
      amount,
      connections: 16,
      timeout: 10, // seconds per request: a stuck server fails the run rather than hanging it
      requests: PATHS.map((p) => ({ method: 'GET' as const, path: p })),
    });

  beforeAll(async () => {
    const root = await makeSite({
      'drafts/2020-01-01-first.org': post('First', '2020-01-01', '# TODO: a note\n* Part\nSome /text/ and a table:\n| a | b |\n|---+---|\n| 1 | 2 |'),
      'drafts/2021-01-01-second.md': post('Second', '2021-01-01', 'Markdown *text*.'),
    });
    child = spawn(process.execPath, ['--expose-gc', path.join(REPO, 'test/helpers/dev-server-child.mjs'), root], { stdio: ['pipe', 'pipe', 'pipe'] });
    url = (await next(/url (\S+)\n/))[1]!;
    expect(new URL(url).hostname).toBe('127.0.0.1');
  });

  afterAll(async () => {
    if (!child) return;
    const exited = new Promise((r) => child.on('exit', r));
    child.stdin.end();
    await exited;
  });

  it('answers 10,000 requests with no error and flat memory', async () => {
    await load(2000); // warm-up: caches, JIT, sockets
    const warm = await memory();
    const halves = [];
    for (let i = 0; i < 2; i++) {
      const r = await load(5000);
      halves.push({ result: r, mem: await memory() });
    }
    for (const { result } of halves) {
      expect(result.errors).toBe(0);
      expect(result.timeouts).toBe(0);
      expect(result['5xx']).toBe(0);
      expect(result.requests.sent).toBeGreaterThanOrEqual(5000);
      // Six of the eight paths are pages or files; the redirect and the missing page are not 2xx.
      expect(result['2xx']).toBeGreaterThan(5000 * 0.6);
    }
    const [first, second] = halves.map((h) => h.mem);
    const trace = `heap MiB: warm ${warm.heap.toFixed(2)}, after 5,000 ${first!.heap.toFixed(2)}, after 10,000 ${second!.heap.toFixed(2)}; rss ${warm.rss.toFixed(0)} → ${second!.rss.toFixed(0)}`;
    // A leak of even 200 bytes a request would add 1 MiB per half.
    expect(first!.heap - warm.heap, trace).toBeLessThan(3);
    expect(second!.heap - first!.heap, trace).toBeLessThan(1.5);
    expect(second!.rss - warm.rss, trace).toBeLessThan(64);
    // Still serving normally afterwards.
    expect((await httpGet(url, '/2020/01/first/')).status).toBe(200);
  });
});
