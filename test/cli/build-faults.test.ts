import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles, makeSite, runCli, snapshotDir } from '../helpers/fixture-site.js';
import { spawnCli } from '../helpers/spawn-cli.js';

/*
 * Faults a real build meets: killed part-way (SIGINT, SIGTERM, SIGKILL), an
 * error while writing, an output folder that cannot be made, two builds at
 * once, and leftovers of dead builds. Each kills or races real `orgpress
 * build` processes. The points "part-way" are reached with the test-only
 * hook ORGPRESS_TEST_PAUSE_AT (src/output/test-pause.ts), and once without
 * it, on a site large enough that a kill lands while files are written.
 */

const post = (title: string, date: string, body = 'Some text.') => `---\ntitle: ${title}\ndate: ${date}\ntags: t\n---\n${body}\n`;

const FILES = {
  'site.yaml': 'title: Fault Blog\nbaseUrl: https://example.com/\n',
  'drafts/2020-01-01-first.org': post('First', '2020-01-01', 'Version one.'),
  'drafts/2021-01-01-second.org': post('Second', '2021-01-01'),
  'static/files/a.txt': 'a',
  'static/files/b.txt': 'b',
};

/** What the parent folder holds besides the site's own files: staging folders, locks, moved-aside sites. */
async function leftovers(root: string): Promise<string[]> {
  return (await readdir(root)).filter((n) => n.includes('orgpress-')).sort();
}

async function digest(dir: string): Promise<string> {
  const h = createHash('sha256');
  for (const [f, content] of await snapshotDir(dir)) h.update(f).update('\0').update(content).update('\0');
  return h.digest('hex');
}

describe('orgpress build killed part-way', () => {
  let root: string;
  let dist: string;
  let before: Map<string, string>;

  beforeAll(async () => {
    root = await makeSite(FILES);
    dist = path.join(root, 'dist');
    const first = await runCli(['build', '--root', root]);
    expect(first.code, first.stderr).toBe(0);
    before = await snapshotDir(dist);
    // The next build would change the site: a kill must not let any of it through.
    await writeFile(path.join(root, 'drafts/2020-01-01-first.org'), post('First', '2020-01-01', 'Version two.'));
  });

  /** dist/ holds the new site, nothing is left over, and going back to the old text gives the previous site exactly (for the tests that follow, the new text is put back). */
  async function expectNewSiteThenOldAgain(): Promise<void> {
    expect(await readFile(path.join(dist, '2020/01/first/index.html'), 'utf8')).toContain('Version two.');
    expect(await leftovers(root)).toEqual([]);
    await writeFile(path.join(root, 'drafts/2020-01-01-first.org'), post('First', '2020-01-01', 'Version one.'));
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    expect(await snapshotDir(dist)).toEqual(before);
    await writeFile(path.join(root, 'drafts/2020-01-01-first.org'), post('First', '2020-01-01', 'Version two.'));
  }

  const cases = [
    { phase: 'locked', signal: 'SIGINT', code: 130 },
    { phase: 'copied', signal: 'SIGTERM', code: 143 },
    { phase: 'half-written', signal: 'SIGINT', code: 130 },
    { phase: 'half-written', signal: 'SIGTERM', code: 143 },
    { phase: 'staged', signal: 'SIGINT', code: 130 },
  ] as const;

  for (const c of cases) {
    it(`${c.signal} at "${c.phase}" exits ${c.code}, removes the staging folder and lock, and leaves dist/ byte-identical`, async () => {
      const run = spawnCli(['build', '--root', root], { env: { ORGPRESS_TEST_PAUSE_AT: c.phase } });
      await run.waitForStderr(`paused at ${c.phase}`);
      expect(await leftovers(root)).toContain('.dist.orgpress-lock');
      if (c.phase !== 'locked') expect(await leftovers(root)).toContain(`.dist.orgpress-staging-${run.child.pid}`);
      run.child.kill(c.signal);
      const { code } = await run.exited;
      expect(code, run.stderr).toBe(c.code);
      expect(run.stderr).toContain(`stopped by ${c.signal}; nothing was written`);
      expect(run.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
      expect(await snapshotDir(dist)).toEqual(before);
      expect(await leftovers(root)).toEqual([]);
    });
  }

  it('a signal during the swap lets it finish: the new site is in place, whole', async () => {
    const run = spawnCli(['build', '--root', root], { env: { ORGPRESS_TEST_PAUSE_AT: 'swapped-out' } });
    await run.waitForStderr('paused at swapped-out');
    run.child.kill('SIGINT');
    const { code } = await run.exited;
    expect(code).toBe(130);
    expect(run.stderr).toContain('after the new site was in place');
    await expectNewSiteThenOldAgain();
  });

  it('SIGKILL half-way through an in-place update: dist/ is a mix until the next build rolls it back and builds', async () => {
    // The previous output and its manifest are there, so this build keeps pages and updates dist/ in place.
    const run = spawnCli(['build', '--root', root], { env: { ORGPRESS_TEST_PAUSE_AT: 'swapped-out' } });
    await run.waitForStderr('paused at swapped-out');
    run.child.kill('SIGKILL');
    expect((await run.exited).signal).toBe('SIGKILL');
    const pid = run.child.pid;
    expect(await leftovers(root)).toEqual(
      [`.dist.orgpress-journal-${pid}`, `.dist.orgpress-lock`, `.dist.orgpress-old-${pid}`, `.dist.orgpress-staging-${pid}`].sort(),
    );
    expect(await snapshotDir(dist)).not.toEqual(before);
    const next = await runCli(['build', '--root', root]);
    expect(next.code, next.stderr).toBe(0);
    // (The rollback itself is checked file by file in test/output/commit-in-place.test.ts.)
    await expectNewSiteThenOldAgain();
  });

  it('SIGKILL between the two renames of a whole-tree swap (--no-cache: nothing kept): the next build puts things right', async () => {
    const run = spawnCli(['build', '--root', root, '--no-cache'], { env: { ORGPRESS_TEST_PAUSE_AT: 'swapped-out' } });
    await run.waitForStderr('paused at swapped-out');
    run.child.kill('SIGKILL');
    expect((await run.exited).signal).toBe('SIGKILL');
    // No handler runs on SIGKILL: dist/ is moved aside, the staging folder and lock are still there.
    expect(existsSync(dist)).toBe(false);
    expect(await leftovers(root)).toEqual(
      [`.dist.orgpress-lock`, `.dist.orgpress-old-${run.child.pid}`, `.dist.orgpress-staging-${run.child.pid}`].sort(),
    );
    const next = await runCli(['build', '--root', root]);
    expect(next.code, next.stderr).toBe(0);
    expect(await readFile(path.join(dist, '2020/01/first/index.html'), 'utf8')).toContain('Version two.');
    expect(await leftovers(root)).toEqual([]);
  });

  it('the build after the kills succeeds and writes the new site', async () => {
    const r = await runCli(['build', '--root', root]);
    expect(r.code, r.stderr).toBe(0);
    const after = await snapshotDir(dist);
    expect(after.get('2020/01/first/index.html')).toContain('Version two.');
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect(await leftovers(root)).toEqual([]);
  });
});

describe('orgpress build killed at an unplanned moment while writing a large site', () => {
  it('dist/ is always the old site or the new one, whole, never a mix', async () => {
    const files: Record<string, string> = { ...FILES };
    for (let i = 0; i < 2500; i++) files[`static/bulk/${String(i).padStart(4, '0')}.txt`] = `file ${i}\n`.repeat(20);
    const root = await makeSite(files);
    const dist = path.join(root, 'dist');
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    const oldDigest = await digest(dist);
    await writeFile(path.join(root, 'drafts/2020-01-01-first.org'), post('First', '2020-01-01', 'Version two.'));

    const outcomes: string[] = [];
    for (const delayMs of [0, 15, 40]) {
      const run = spawnCli(['build', '--root', root]);
      // Kill once the staging folder exists (writing has begun), after a little more time each round.
      const staging = path.join(root, `.dist.orgpress-staging-${run.child.pid}`);
      const deadline = Date.now() + 30_000;
      while (!existsSync(staging) && run.child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1));
      await new Promise((r) => setTimeout(r, delayMs));
      run.child.kill('SIGTERM');
      const { code } = await run.exited;
      expect([0, 143], run.stderr).toContain(code);
      outcomes.push(code === 143 ? 'stopped' : 'finished');
      expect(await leftovers(root)).toEqual([]);
      const now = await digest(dist);
      if (now !== oldDigest) {
        // Not the old site: then it must be the whole new one, exactly what a clean build writes.
        expect(code).toBe(0);
        const clean = await runCli(['build', '--root', root]);
        expect(clean.code).toBe(0);
        expect(await digest(dist)).toBe(now);
        break;
      }
    }
    expect(outcomes[0]).toBe('stopped'); // the first kill lands while files are written
    const final = await runCli(['build', '--root', root]);
    expect(final.code, final.stderr).toBe(0);
    expect(await readFile(path.join(dist, '2020/01/first/index.html'), 'utf8')).toContain('Version two.');
    expect((await listFiles(path.join(dist, 'bulk'))).length).toBe(2500);
  });
});

describe('orgpress build stopped while pages are rendered', () => {
  it('pages already in the staging folder go with it: exit 130, dist/ unchanged, nothing left over', async () => {
    // The output is opened before rendering and each page is staged as it is finished.
    const files: Record<string, string> = { ...FILES };
    for (let i = 0; i < 300; i++) {
      const day = `2022-0${(i % 9) + 1}-${String((i % 28) + 1).padStart(2, '0')}`;
      files[`drafts/${day}-bulk-${i}.org`] = post(`Bulk ${i}`, day, `Body ${i}.\n\n${'Some more words. '.repeat(40)}`);
    }
    const root = await makeSite(files);
    const dist = path.join(root, 'dist');
    await mkdir(dist);
    await writeFile(path.join(dist, 'index.html'), 'the previous site');
    const run = spawnCli(['build', '--root', root, '--no-cache']);
    const staging = path.join(root, `.dist.orgpress-staging-${run.child.pid}`);
    const deadline = Date.now() + 60_000;
    const stagedPages = async () => (existsSync(staging) ? (await listFiles(staging)).filter((f) => f.endsWith('.html')).length : 0);
    while ((await stagedPages()) === 0 && run.child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    expect(run.child.exitCode, run.stderr).toBeNull();
    run.child.kill('SIGINT');
    const { code } = await run.exited;
    expect(code, run.stderr).toBe(130);
    expect(run.stderr).toContain('stopped by SIGINT; nothing was written');
    expect(Object.fromEntries(await snapshotDir(dist))).toEqual({ 'index.html': 'the previous site' });
    expect(await leftovers(root)).toEqual([]);
  });
});

describe('orgpress build: a kept page replaced while the build runs', () => {
  it('starts over, rendering everything, writes the right site, and the next build keeps its pages again', async () => {
    const root = await makeSite(FILES);
    const dist = path.join(root, 'dist');
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    const page = path.join(dist, '2021/01/second/index.html');
    const right = await readFile(page, 'utf8');
    // Edit one post, so the build keeps the other pages and updates dist/ in place.
    await writeFile(path.join(root, 'drafts/2020-01-01-first.org'), post('First', '2020-01-01', 'Version two.'));
    const run = spawnCli(['build', '--root', root, '-v'], { env: { ORGPRESS_TEST_PAUSE_AT: 'half-written' } });
    await run.waitForStderr('paused at half-written');
    // Someone (another build, an editor) replaces a page this build means to keep.
    await writeFile(page, 'replaced meanwhile');
    run.child.kill('SIGUSR2');
    // The second attempt pauses at the same place.
    const pauses = () => run.stderr.split('paused at half-written').length - 1;
    const deadline = Date.now() + 30_000;
    while (pauses() < 2 && run.child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    run.child.kill('SIGUSR2');
    const { code } = await run.exited;
    expect(code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toMatch(/pages: \d+ rendered, 0 kept/);
    expect(await readFile(page, 'utf8')).toBe(right);
    expect(await readFile(path.join(dist, '2020/01/first/index.html'), 'utf8')).toContain('Version two.');
    expect(await leftovers(root)).toEqual([]);
    const next = await runCli(['build', '--root', root, '-v']);
    expect(next.stdout + next.stderr).toMatch(/pages: 0 rendered, \d+ kept/);
  });
});

describe('orgpress build: an output that cannot be written', () => {
  it('an error while writing (a static file where a folder must go) is reported plainly; dist/ is unchanged', async () => {
    const root = await makeSite(FILES);
    const dist = path.join(root, 'dist');
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    const before = await snapshotDir(dist);
    // static/2020 is a file, but the post 2020/01/first/ needs a folder there.
    await writeFile(path.join(root, 'static/2020'), 'in the way');
    const r = await runCli(['build'], { cwd: root });
    expect(r.code).toBe(1);
    // Rendered pages are staged as they are finished, so the static file then meets their folder when it
    // is copied; kept pages are linked after the copies, so then their folder meets the file. Either way
    // the message names the place.
    expect(r.stderr).toMatch(
      /^error: cannot write the site to dist\/: (a folder is in the way of a file \(EISDIR\) \(while writing dist\/2020\)|a file is in the way of a folder \((ENOTDIR|EEXIST)\) \(while creating the folder dist\/2020)/m,
    );
    expect(r.stderr).toMatch(/hint: a (folder|file) sits where a (file must be written|folder must be created) \(see the path above\)/);
    expect(r.stderr).toContain('dist/ is unchanged');
    expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
    expect(await snapshotDir(dist)).toEqual(before);
    expect(await leftovers(root)).toEqual([]);
    await rm(path.join(root, 'static/2020'));
    expect((await runCli(['build', '--root', root])).code).toBe(0);
  });

  it('an output folder under a file (ENOTDIR) is a clear error, not a stack trace', async () => {
    const root = await makeSite({ ...FILES, blocker: 'a file' });
    const nested = await runCli(['build', '--out', 'blocker/site/dist'], { cwd: root });
    expect(nested.code).toBe(1);
    expect(nested.stderr).toMatch(/^error: cannot write the site to blocker\/site\/dist\/: a file is in the way of a folder \(ENOTDIR\)/m);
    expect(nested.stderr).toContain('hint:');
    expect(nested.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
    const direct = await runCli(['build', '--out', 'blocker/dist'], { cwd: root });
    expect(direct.code).toBe(1);
    expect(direct.stderr).toMatch(/^error: cannot write the site to blocker\/dist\/: a file is in the way of a folder \(EEXIST\)/m);
  });

  it.skipIf(process.getuid?.() === 0)('a parent folder without write permission is EACCES with a hint (not as root: root ignores modes)', async () => {
    const root = await makeSite(FILES);
    await mkdir(path.join(root, 'locked'));
    const { chmod } = await import('node:fs/promises');
    await chmod(path.join(root, 'locked'), 0o555);
    try {
      const r = await runCli(['build', '--out', 'locked/dist'], { cwd: root });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^error: cannot write the site to locked\/dist\/: permission denied \(EACCES\)/m);
      expect(r.stderr).toContain('hint:');
    } finally {
      await chmod(path.join(root, 'locked'), 0o755);
    }
  });
});

describe('orgpress build: one writer at a time', () => {
  const sites = (n: number) => {
    const files: Record<string, string> = { ...FILES };
    for (let i = 0; i < n; i++) files[`drafts/2022-01-${String((i % 28) + 1).padStart(2, '0')}-p${i}.org`] = post(`Post ${i}`, `2022-01-${String((i % 28) + 1).padStart(2, '0')}`);
    return files;
  };
  /** Every absolute URL of the site's own host in the output: which build wrote each file. */
  const hostsIn = async (dist: string) => {
    const hosts = new Set<string>();
    for (const content of (await snapshotDir(dist)).values()) for (const m of content.matchAll(/https:\/\/(site-[ab])\.example/g)) hosts.add(m[1]!);
    return [...hosts].sort();
  };

  it('a second build waits for the one writing, then writes its own site whole', async () => {
    const root = await makeSite(sites(10));
    const dist = path.join(root, 'dist');
    const a = spawnCli(['build', '--root', root, '--base-url', 'https://site-a.example/'], { env: { ORGPRESS_TEST_PAUSE_AT: 'half-written' } });
    await a.waitForStderr('paused at half-written');
    const b = spawnCli(['build', '--root', root, '--base-url', 'https://site-b.example/']);
    await b.waitForStderr(`another build (pid ${a.child.pid}) is writing the output; waiting`);
    await new Promise((r) => setTimeout(r, 300)); // B keeps waiting while A holds the lock
    expect(b.child.exitCode).toBeNull();
    a.child.kill('SIGUSR2'); // the test hook's "go on"
    const [ea, eb] = await Promise.all([a.exited, b.exited]);
    expect(ea.code, a.stderr).toBe(0);
    expect(eb.code, b.stderr).toBe(0);
    expect(await hostsIn(dist)).toEqual(['site-b']);
    expect(await leftovers(root)).toEqual([]);
  });

  it('two builds started together both succeed, and the output is one of them, whole', async () => {
    const root = await makeSite(sites(30));
    const dist = path.join(root, 'dist');
    const a = spawnCli(['build', '--root', root, '--base-url', 'https://site-a.example/']);
    const b = spawnCli(['build', '--root', root, '--base-url', 'https://site-b.example/']);
    const [ea, eb] = await Promise.all([a.exited, b.exited]);
    expect(ea.code, a.stderr).toBe(0);
    expect(eb.code, b.stderr).toBe(0);
    expect((await hostsIn(dist)).length).toBe(1);
    expect(await leftovers(root)).toEqual([]);
  });

  it("a stale lock of a dead build is taken over; dead builds' leftovers go, a live process's staging folder stays", async () => {
    const root = await makeSite(FILES);
    const deadPid = await pidOfExitedProcess();
    await writeFile(path.join(root, '.dist.orgpress-lock'), `${deadPid}\n`);
    await mkdir(path.join(root, `.dist.orgpress-staging-${deadPid}/x`), { recursive: true });
    const live = path.join(root, `.dist.orgpress-staging-${process.pid}`);
    await mkdir(live);
    const r = await runCli(['build', '--root', root]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('waiting');
    expect(await leftovers(root)).toEqual([`.dist.orgpress-staging-${process.pid}`]);
    await rm(live, { recursive: true });
  });
});

describe('orgpress build: symbolic links in static/', () => {
  it('follows links that stay inside the site, skips (with a warning) those that leave it, are broken or loop', async () => {
    const outsideRoot = await makeSite({ 'secret.txt': 'outside the site' });
    const root = await makeSite({ ...FILES, 'shared/logo.svg': '<svg/>', 'shared/icons/a.svg': '<svg id="a"/>' });
    await symlink('../shared/logo.svg', path.join(root, 'static/logo.svg'));
    await symlink('../shared/icons', path.join(root, 'static/icons'));
    await symlink(path.join(outsideRoot, 'secret.txt'), path.join(root, 'static/secret.txt'));
    await symlink('../nowhere.txt', path.join(root, 'static/broken.txt'));
    await symlink('..', path.join(root, 'static/files/up'));
    const r = await runCli(['build', '--root', root]);
    expect(r.code, r.stderr).toBe(0);
    const dist = path.join(root, 'dist');
    const files = await listFiles(dist);
    expect(await readFile(path.join(dist, 'logo.svg'), 'utf8')).toBe('<svg/>');
    expect(await readFile(path.join(dist, 'icons/a.svg'), 'utf8')).toBe('<svg id="a"/>');
    expect(files).not.toContain('secret.txt');
    expect(files).not.toContain('broken.txt');
    expect(files.some((f) => f.startsWith('files/up'))).toBe(false);
    const { lstat } = await import('node:fs/promises');
    expect((await lstat(path.join(dist, 'logo.svg'))).isSymbolicLink()).toBe(false);
    expect(r.stderr).toMatch(/static\/secret\.txt: warning: symbolic link not published: it points outside the site/);
    expect(r.stderr).toMatch(/static\/broken\.txt: warning: symbolic link not published: it is broken/);
    expect(r.stderr).toMatch(/static\/files\/up: warning: symbolic link not published: .*loop/);
  });

  it('never publishes through a link what the site keeps private: draft sources, the config, hidden folders', async () => {
    const root = await makeSite({
      ...FILES,
      'drafts/img/photo.svg': '<svg id="photo"/>',
      'drafts/2022-01-01-notes.org': post('Notes', '2022-01-01', '# TODO: private note\nBody.'),
      '.git/config': '[core]',
    });
    await symlink('../drafts', path.join(root, 'static/from-drafts'));
    await symlink('../site.yaml', path.join(root, 'static/site.yaml'));
    await symlink('../.git', path.join(root, 'static/git'));
    const r = await runCli(['build', '--root', root]);
    expect(r.code, r.stderr).toBe(0);
    const files = await listFiles(path.join(root, 'dist'));
    expect(files).toContain('from-drafts/img/photo.svg'); // an image next to the drafts is fine
    expect(files.filter((f) => f.startsWith('from-drafts/') && /\.(org|md)$/.test(f))).toEqual([]);
    expect(files).not.toContain('site.yaml');
    expect(files.some((f) => f.startsWith('git/'))).toBe(false);
    expect(r.stderr).toMatch(/static\/from-drafts\/2022-01-01-notes\.org: warning: symbolic link not published: it points to a draft's source/);
    expect(r.stderr).toMatch(/static\/site\.yaml: warning: .*config file/);
    expect(r.stderr).toMatch(/static\/git: warning: .*hidden file or folder/);
  });
});

/** The pid of a process that has exited: no live process has it (pids are not reused that fast). */
async function pidOfExitedProcess(): Promise<number> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => child.on('exit', r));
  return child.pid!;
}
