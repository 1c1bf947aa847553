import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSite, runCli, snapshotDir } from '../helpers/fixture-site.js';

const post = (n: number) =>
  `---\ntitle: Post ${n}\ndate: 2020-01-${String((n % 28) + 1).padStart(2, '0')}\ntags: t${n % 3}\nslug: post-${n}\n---\n* Part ${n}\nText with /markup/ and a [[https://example.org/${n}][link]].\n# TODO: note ${n}\n| a | b |\n|---+---|\n| ${n} | x |\n`;

describe('the content stage on worker threads', () => {
  it('gives the same site as the main thread, in the same order', async () => {
    const files: Record<string, string> = { 'site.yaml': 'title: Pool\n' };
    for (let n = 0; n < 12; n++) files[`drafts/p${String(n).padStart(2, '0')}.org`] = post(n);
    const root = await makeSite(files);
    // ORGPRESS_THREADS forces the pool (or the main thread) whatever the draft count (tests and benchmarks only).
    const pooled = await runCli(['build', '--root', root, '--no-cache', '--out', 'pooled'], { env: { ORGPRESS_THREADS: '2' } });
    const single = await runCli(['build', '--root', root, '--no-cache', '--out', 'single'], { env: { ORGPRESS_THREADS: '0' } });
    expect(pooled.stderr + single.stderr).toBe('');
    const html = async (dir: string) => new Map([...(await snapshotDir(path.join(root, dir)))].filter(([p]) => p.endsWith('.html')));
    const a = await html('pooled');
    expect(a.size).toBeGreaterThan(12);
    expect(a).toEqual(await html('single'));
  });

  it('caches what the workers render, dev bodies included, and a warm build reads it back', async () => {
    const files: Record<string, string> = { 'site.yaml': 'title: Pool\n' };
    for (let n = 0; n < 12; n++) files[`drafts/p${String(n).padStart(2, '0')}.org`] = post(n);
    const root = await makeSite(files);
    const cold = await runCli(['build', '--root', root, '-v'], { env: { ORGPRESS_THREADS: '2' } });
    expect(cold.code).toBe(0);
    const cacheDir = path.join(root, '.cache/orgpress/documents');
    const names = await readdir(cacheDir);
    expect(names.filter((n) => n.endsWith('.json'))).toHaveLength(12);
    const devBodies = names.filter((n) => n.endsWith('.dev.html'));
    expect(devBodies).toHaveLength(12);
    const notes = await Promise.all(devBodies.map((n) => readFile(path.join(cacheDir, n), 'utf8')));
    expect(notes.filter((h) => /class="todo-note"[^]*note \d+/.test(h))).toHaveLength(12);
    const warm = await runCli(['build', '--root', root, '--out', 'warm', '-v'], { env: { ORGPRESS_THREADS: '2' } });
    // 12 drafts: the first worker takes them all in one batch (WORKER_BATCH), and nothing is left for the others.
    expect(cold.stdout).toMatch(/drafts: 12 rendered \(on 2 worker threads\), 0 from the cache/);
    expect(warm.stdout).toMatch(/drafts: 0 rendered, 12 from the cache/);
    const single = await runCli(['build', '--root', root, '--no-cache', '--out', 'single'], { env: { ORGPRESS_THREADS: '0' } });
    const html = async (dir: string) => new Map([...(await snapshotDir(path.join(root, dir)))].filter(([p]) => p.endsWith('.html')));
    expect(await html('warm')).toEqual(await html('single'));
    expect(await html('dist')).toEqual(await html('single'));
  });

  it('renders the edited drafts on a worker while the main thread reads the cache, and an unreadable entry on the main thread', async () => {
    const files: Record<string, string> = { 'site.yaml': 'title: Pool\n' };
    for (let n = 0; n < 12; n++) files[`drafts/p${String(n).padStart(2, '0')}.org`] = post(n);
    const root = await makeSite(files);
    expect((await runCli(['build', '--root', root], { env: { ORGPRESS_THREADS: '0' } })).code).toBe(0);
    await appendFile(path.join(root, 'drafts/p03.org'), 'An edit.\n');
    await appendFile(path.join(root, 'drafts/p07.org'), 'Another edit.\n');
    // One entry of an unchanged draft truncated: listed in the cache folder, but not readable.
    const cacheDir = path.join(root, '.cache/orgpress/documents');
    const entries = (await readdir(cacheDir)).filter((n) => n.endsWith('.json'));
    await writeFile(path.join(cacheDir, entries[0]!), '{"format":');
    // ORGPRESS_THREADS forces the worker that larger sites get for a few edits (EARLY_WORKER_MIN_READS).
    const edited = await runCli(['build', '--root', root, '--out', 'edited', '-v'], { env: { ORGPRESS_THREADS: '1' } });
    expect(edited.stderr).toBe('');
    expect(edited.stdout).toMatch(/drafts: 3 rendered \(on 1 worker thread and the main thread\), 9 from the cache/);
    const again = await runCli(['build', '--root', root, '--out', 'again', '-v'], { env: { ORGPRESS_THREADS: '1' } });
    expect(again.stdout).toMatch(/drafts: 0 rendered, 12 from the cache/);
    await appendFile(path.join(root, 'drafts/p05.org'), 'A third edit.\n');
    const one = await runCli(['build', '--root', root, '--out', 'one', '-v'], { env: { ORGPRESS_THREADS: '1' } });
    expect(one.stdout).toMatch(/drafts: 1 rendered \(on 1 worker thread\), 11 from the cache/);
    const single = await runCli(['build', '--root', root, '--no-cache', '--out', 'single'], { env: { ORGPRESS_THREADS: '0' } });
    const html = async (dir: string) => new Map([...(await snapshotDir(path.join(root, dir)))].filter(([p]) => p.endsWith('.html')));
    const a = await html('one');
    expect(a.get('2020/01/post-5/index.html')).toMatch(/A third edit/);
    expect(a).toEqual(await html('single'));
  });
});
