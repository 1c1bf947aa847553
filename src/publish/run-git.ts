import { spawn } from 'node:child_process';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface GitOptions {
  cwd: string;
  /** Added to the environment (GIT_INDEX_FILE, identity). */
  env?: Record<string, string>;
  /** Written to git's stdin. */
  input?: string | Uint8Array;
}

/** A git command that failed; the message says which and why, in git's words. */
export class GitError extends Error {
  constructor(
    message: string,
    readonly result: GitResult | null,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

/**
 * Runs `git` with arguments (never through a shell, so paths and messages
 * need no quoting). Settings that would change the bytes of what is
 * published (line-ending conversion) are switched off for every call.
 */
export function runGit(args: readonly string[], opts: GitOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-c', 'core.autocrlf=false', '-c', 'core.safecrlf=false', ...args], {
      cwd: opts.cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(new GitError(e.code === 'ENOENT' ? 'git is not installed (or not on the PATH)' : `cannot run git: ${e.message}`, null));
    });
    child.on('close', (code) => {
      resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.on('error', () => {}); // git may exit before reading stdin; its exit code tells what happened
    child.stdin.end(opts.input ?? '');
  });
}

/** Like runGit, but a non-zero exit throws a GitError naming the command and git's own message. */
export async function git(args: readonly string[], opts: GitOptions): Promise<string> {
  const r = await runGit(args, opts);
  if (r.code !== 0) {
    const said = r.stderr.trim() || r.stdout.trim() || `exit code ${r.code}`;
    throw new GitError(`\`git ${args.join(' ')}\` failed: ${said}`, r);
  }
  return r.stdout;
}
