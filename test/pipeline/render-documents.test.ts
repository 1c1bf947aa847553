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
});
