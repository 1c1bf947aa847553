import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles, makeSite, runCli } from '../helpers/fixture-site.js';

let gitEnv: Record<string, string>;

/** git with this machine's own config shut out (no identity, no hooks, no signing). */
function git(args: string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, env: { ...process.env, ...gitEnv, ...env } }, (err, stdout, stderr) => {
      if (err) reject(new Error(`git ${args.join(' ')}: ${stderr}`));
      else resolve(stdout);
    });
  });
}

const AUTHOR = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };

const post = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\n---\nSome text.\n`;

/** A site that is a git repository whose `origin` is a bare repository in a temp folder. */
async function siteWithRemote(extra: Record<string, string> = {}): Promise<{ root: string; bare: string }> {
  const root = await makeSite({
    '.gitignore': 'dist/\n.cache/\n',
    'site.yaml': 'title: Deployed\nbaseUrl: https://user.github.io/blog/\n',
    'drafts/2020-01-01-first.org': post('First', '2020-01-01'),
    'drafts/2021-02-02-second.org': post('Second', '2021-02-02'),
    ...extra,
  });
  const bare = await mkdtemp(path.join(tmpdir(), 'orgpress-remote-'));
  await git(['init', '--quiet', '--bare', bare], bare);
  await git(['init', '--quiet', '-b', 'main'], root);
  await git(['remote', 'add', 'origin', bare], root);
  await git(['add', '-A'], root);
  await git(['commit', '--quiet', '-m', 'sources'], root, AUTHOR);
  return { root, bare };
}

/** path → blob id of the branch's tree in the bare repository. */
async function branchTree(bare: string, branch = 'gh-pages'): Promise<Map<string, string>> {
  const out = await git(['ls-tree', '-r', branch], bare);
  return new Map(
    out
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => {
        const [meta, file] = l.split('\t');
        return [file!, meta!.split(' ')[2]!];
      }),
  );
}

/** path → blob id of every file in a folder, as git would store it. */
async function folderBlobs(dir: string): Promise<Map<string, string>> {
  const files = await listFiles(dir);
  const ids = (await git(['hash-object', '--', ...files], dir)).trim().split('\n');
  return new Map(files.map((f, i) => [f, ids[i]!]));
}

describe('orgpress deploy', () => {
  beforeAll(async () => {
    // Neither this machine's global git config nor its identity: deploy must work on a bare CI runner.
    const home = await mkdtemp(path.join(tmpdir(), 'orgpress-git-home-'));
    // useConfigOnly: git may not guess an identity from the host name, as on a fresh CI runner.
    await writeFile(path.join(home, 'gitconfig'), '[user]\n\tuseConfigOnly = true\n');
    gitEnv = { GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1', HOME: home };
  });

  it('builds, then publishes exactly dist/ plus .nojekyll; a later deploy removes a deleted post and keeps history', async () => {
    const { root, bare } = await siteWithRemote();
    const statusBefore = await git(['status', '--porcelain', '--ignored'], root);
    const headBefore = await git(['rev-parse', 'HEAD'], root);

    const first = await runCli(['deploy', '--root', root], { env: gitEnv });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Built 2 posts/);
    expect(first.stdout).toMatch(/Deployed .*dist\/ \(\d+ files\) to gh-pages on origin: commit [0-9a-f]{7} \(new branch\)\.\n$/);

    const dist = path.join(root, 'dist');
    const expected = await folderBlobs(dist);
    expected.set('.nojekyll', (await git(['hash-object', '/dev/null'], root)).trim()); // the empty blob
    expect(await branchTree(bare)).toEqual(expected);
    expect((await branchTree(bare)).has('2020/01/first/index.html')).toBe(true);
    expect(await git(['rev-list', '--count', 'gh-pages'], bare)).toBe('1\n');
    expect(await git(['log', '-1', '--format=%an <%ae>%n%s', 'gh-pages'], bare)).toMatch(
      new RegExp(`^orgpress deploy <orgpress-deploy@localhost>\\nDeploy ${headBefore.slice(0, 7)} with orgpress \\d`),
    );

    // The sources' working tree, index, HEAD and branches are as they were (dist/ aside, which the build wrote).
    expect(await git(['rev-parse', 'HEAD'], root)).toBe(headBefore);
    expect(await git(['branch', '--list'], root)).toBe('* main\n');
    const statusAfter = await git(['status', '--porcelain', '--ignored'], root);
    expect(statusAfter.replace(/^!! (dist|\.cache)\/\n/gm, '')).toBe(statusBefore.replace(/^!! (dist|\.cache)\/\n/gm, ''));

    await rm(path.join(root, 'drafts/2020-01-01-first.org'));
    const second = await runCli(['deploy', '--root', root, '--message', 'Second deploy'], { env: gitEnv });
    expect(second.code).toBe(0);
    const tree = await branchTree(bare);
    expect(tree.has('2020/01/first/index.html')).toBe(false);
    expect(tree.has('2021/02/second/index.html')).toBe(true);
    const expected2 = await folderBlobs(dist);
    expected2.set('.nojekyll', expected.get('.nojekyll')!);
    expect(tree).toEqual(expected2);
    expect(await git(['rev-list', '--count', 'gh-pages'], bare)).toBe('2\n');
    expect(await git(['log', '-1', '--format=%s', 'gh-pages'], bare)).toBe('Second deploy\n');

    // Nothing changed: no commit.
    const third = await runCli(['deploy', '--root', root], { env: gitEnv });
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/Nothing to deploy: gh-pages on origin already holds this build/);
    expect(await git(['rev-list', '--count', 'gh-pages'], bare)).toBe('2\n');
  });

  it('writes CNAME from deploy.cname, and honours deploy.branch', async () => {
    const { root, bare } = await siteWithRemote({
      'site.yaml': 'title: Deployed\nbaseUrl: https://blog.example.com/\ndeploy:\n  branch: pages\n  cname: blog.example.com\n',
    });
    const r = await runCli(['deploy', '--root', root, '-q'], { env: gitEnv });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
    expect(await git(['show', 'pages:CNAME'], bare)).toBe('blog.example.com\n');
    expect(await git(['show', 'pages:.nojekyll'], bare)).toBe('');
  });

  it('a failed build pushes nothing', async () => {
    const { root, bare } = await siteWithRemote({ 'drafts/2022-01-01-broken.org': '---\ndate: 2022-01-01\n---\nno title\n' });
    const r = await runCli(['deploy', '--root', root], { env: gitEnv });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Deploy stopped: the build failed, so nothing was pushed.');
    expect(await git(['branch', '--list'], bare)).toBe('');
  });

  it('a site that fails `orgpress check` (a broken internal link) pushes nothing, unless --no-check', async () => {
    const { root, bare } = await siteWithRemote({ 'drafts/2022-01-01-link.org': post('Link', '2022-01-01') + '#+HTML: <a href="../../../nowhere/">x</a>\n' });
    const r = await runCli(['deploy', '--root', root], { env: gitEnv });
    expect(r.stdout).toMatch(/^Built 3 posts/);
    expect(r.stdout).toMatch(/Found 1 broken link/);
    expect(r.stderr).toContain('Deploy stopped: `orgpress check` found problems, so nothing was pushed');
    expect(r.code).toBe(1);
    expect(await git(['branch', '--list'], bare)).toBe('');
    const forced = await runCli(['deploy', '--root', root, '--no-check', '-q'], { env: gitEnv });
    expect(forced.code).toBe(0);
    expect(await git(['branch', '--list'], bare)).toBe('  gh-pages\n');
  });

  it('refuses to deploy onto the branch being worked on', async () => {
    const { root, bare } = await siteWithRemote();
    const r = await runCli(['deploy', '--root', root, '--branch', 'main'], { env: gitEnv });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to deploy to `main`: it is the branch checked out here/);
    expect(await git(['branch', '--list'], bare)).toBe('');
  });

  it('--no-build publishes the existing output, and says so when there is none', async () => {
    const { root, bare } = await siteWithRemote();
    const none = await runCli(['deploy', '--root', root, '--no-build'], { env: gitEnv });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/holds no built site/);
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    await writeFile(path.join(root, 'dist', 'extra.txt'), 'hand-made\n');
    const r = await runCli(['deploy', '--root', root, '--no-build'], { env: gitEnv });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/^Built/);
    expect(await git(['show', 'gh-pages:extra.txt'], bare)).toBe('hand-made\n');
  });

  it('an unreachable remote is a clear error', async () => {
    const { root } = await siteWithRemote();
    const r = await runCli(['deploy', '--root', root, '--remote', path.join(tmpdir(), 'orgpress-no-such-remote'), '--no-build'], { env: gitEnv });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/holds no built site|cannot reach the remote/);
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    const again = await runCli(['deploy', '--root', root, '--remote', path.join(tmpdir(), 'orgpress-no-such-remote'), '--no-build'], { env: gitEnv });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/cannot reach the remote/);
    expect(again.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(await readFile(path.join(root, 'dist', 'index.html'), 'utf8')).toContain('<html');
  });
});
