import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { git, GitError, runGit } from './run-git.js';

export interface DeployOptions {
  /** Any folder inside the site's git repository (the site root). */
  repoDir: string;
  /** The built site: the branch's tree becomes exactly this folder, plus `extraFiles`. */
  siteDir: string;
  /** Remote name (`origin`) or URL. */
  remote: string;
  branch: string;
  message: string;
  /** Files added at the top of the tree without touching `siteDir` (`.nojekyll`, `CNAME`); they win over the folder's own. */
  extraFiles: { name: string; content: string }[];
}

export interface DeployResult {
  /** `pushed`: one new commit on the branch; `unchanged`: the branch already held this exact tree. */
  status: 'pushed' | 'unchanged';
  commit: string;
  /** The branch's commit before, or null when this deploy created the branch. */
  previous: string | null;
  files: number;
}

/** Stable ident for machines with no git identity set up (a fresh CI runner): git refuses to commit without one. */
const FALLBACK_IDENTITY = {
  GIT_AUTHOR_NAME: 'orgpress deploy',
  GIT_AUTHOR_EMAIL: 'orgpress-deploy@localhost',
  GIT_COMMITTER_NAME: 'orgpress deploy',
  GIT_COMMITTER_EMAIL: 'orgpress-deploy@localhost',
};

/**
 * Publishes a folder to a branch of a remote, GitHub Pages style, with git
 * plumbing and a temporary index: `git add` of the folder (as the work tree)
 * into an index file in a temp folder, `write-tree`, `commit-tree` on top of
 * the remote branch's tip, `push`. Why this rather than a worktree or a
 * clone: it never checks anything out and never touches the user's working
 * tree, index, HEAD or branches (a dirty tree or an ongoing rebase does not
 * matter); it needs no copy of the site; nothing is left behind when it is
 * interrupted (the temp index aside, and objects git collects anyway); and
 * the tree is exactly the folder, so files gone from the build are gone from
 * the branch while its history stays: one commit per deploy, fast-forward
 * only, so a branch that moved meanwhile is refused, never overwritten.
 */
export async function deployToBranch(o: DeployOptions): Promise<DeployResult> {
  const top = await git(['rev-parse', '--absolute-git-dir'], { cwd: o.repoDir }).catch((e: unknown) => {
    throw e instanceof GitError && e.result ? new GitError(`${o.repoDir} is not inside a git repository: run \`git init\` and add a remote (\`git remote add origin URL\`)`, e.result) : e;
  });
  const gitDir = top.trim();
  await checkBranch(o);

  const previous = await remoteTip(o);
  if (previous) {
    await git(['fetch', '--quiet', '--no-tags', o.remote, `refs/heads/${o.branch}`], { cwd: o.repoDir });
  }

  const scratch = await mkdtemp(path.join(tmpdir(), 'orgpress-deploy-'));
  try {
    const env = { GIT_INDEX_FILE: path.join(scratch, 'index') };
    const inSite = { cwd: o.siteDir, env };
    // --force: ignore rules (the user's global excludes, .git/info/exclude) must not drop built files.
    await git([`--git-dir=${gitDir}`, `--work-tree=${o.siteDir}`, 'add', '--all', '--force', '--', '.'], inSite);
    for (const f of o.extraFiles) {
      const blob = (await git([`--git-dir=${gitDir}`, 'hash-object', '-w', '--stdin'], { ...inSite, input: f.content })).trim();
      await git([`--git-dir=${gitDir}`, 'update-index', '--add', '--cacheinfo', `100644,${blob},${f.name}`], inSite);
    }
    const tree = (await git([`--git-dir=${gitDir}`, 'write-tree'], inSite)).trim();
    const files = (await git([`--git-dir=${gitDir}`, 'ls-files'], inSite)).split('\n').filter((l) => l !== '').length;

    if (previous) {
      const previousTree = (await git(['rev-parse', `${previous}^{tree}`], { cwd: o.repoDir })).trim();
      if (previousTree === tree) return { status: 'unchanged', commit: previous, previous, files };
    }

    const identity = (await runGit(['var', 'GIT_COMMITTER_IDENT'], { cwd: o.repoDir })).code === 0 ? {} : FALLBACK_IDENTITY;
    const commit = (
      await git(['commit-tree', tree, ...(previous ? ['-p', previous] : []), '-m', o.message], { cwd: o.repoDir, env: identity })
    ).trim();
    const pushed = await runGit(['push', '--quiet', o.remote, `${commit}:refs/heads/${o.branch}`], { cwd: o.repoDir });
    if (pushed.code !== 0) {
      const said = pushed.stderr.trim();
      if (/non-fast-forward|fetch first|rejected/.test(said)) {
        throw new GitError(`${o.remote} refused the push: ${o.branch} changed there while deploying (nothing was overwritten); deploy again`, pushed);
      }
      throw new GitError(`cannot push to ${o.remote}: ${said || `exit code ${pushed.code}`}`, pushed);
    }
    return { status: 'pushed', commit, previous, files };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** A valid branch name that is not the one being worked on (deploying there would replace the sources by the site). */
async function checkBranch(o: DeployOptions): Promise<void> {
  const valid = await runGit(['check-ref-format', '--branch', o.branch], { cwd: o.repoDir });
  if (valid.code !== 0) throw new GitError(`\`${o.branch}\` is not a valid branch name`, valid);
  const current = await runGit(['symbolic-ref', '--quiet', '--short', 'HEAD'], { cwd: o.repoDir });
  if (current.code === 0 && current.stdout.trim() === o.branch) {
    throw new GitError(
      `refusing to deploy to \`${o.branch}\`: it is the branch checked out here, and deploying replaces a branch's files with the built site; choose another with --branch or deploy.branch`,
      current,
    );
  }
}

/** The branch's commit on the remote, or null when it has none yet; an unreachable remote is an error. */
async function remoteTip(o: DeployOptions): Promise<string | null> {
  const r = await runGit(['ls-remote', '--heads', o.remote, `refs/heads/${o.branch}`], { cwd: o.repoDir });
  if (r.code !== 0) {
    throw new GitError(`cannot reach the remote \`${o.remote}\`: ${r.stderr.trim() || `exit code ${r.code}`}`, r);
  }
  for (const line of r.stdout.split('\n')) {
    const [sha, ref] = line.split('\t');
    if (ref === `refs/heads/${o.branch}` && sha) return sha;
  }
  return null;
}
