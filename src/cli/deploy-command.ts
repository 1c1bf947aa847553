import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { VERSION } from '../pipeline/version.js';
import { deployToBranch } from '../publish/deploy-to-branch.js';
import { GitError, runGit } from '../publish/run-git.js';
import { checkSite } from '../check/check-site.js';
import { buildCommand } from './build-command.js';
import { checkCommand } from './check-command.js';
import { printDiagnostics } from './print-diagnostics.js';
import { paint, useColor } from './terminal.js';

export interface DeployCommandOptions {
  root: string;
  config?: string;
  remote?: string;
  branch?: string;
  message?: string;
  /** false for `--no-build`: publish dist/ as it is. */
  build: boolean;
  /** false for `--no-check`: skip `orgpress check` before publishing. */
  check: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/**
 * `orgpress deploy`: builds the site (unless `--no-build`), runs `orgpress
 * check` on it (unless `--no-check`: broken links are not published), and publishes the
 * output folder to a branch of a git remote (`gh-pages` on `origin` by
 * default), adding `.nojekyll` and, when `deploy.cname` is set, `CNAME`.
 * A failed build or check publishes nothing.
 */
export async function deployCommand(o: DeployCommandOptions): Promise<number> {
  const root = path.resolve(o.root);
  const loaded = await loadConfig(root, o.config);
  if (hasErrors(loaded.diagnostics)) {
    printDiagnostics(loaded.diagnostics, new Map());
    return 1;
  }
  const { config } = loaded;
  const remote = o.remote ?? config.deploy.remote;
  const branch = o.branch ?? config.deploy.branch;
  const outDir = path.resolve(root, config.dirs.out);
  const shownOut = (path.relative(process.cwd(), outDir) || '.') + '/';

  if (o.build) {
    const code = await buildCommand({
      root: o.root,
      ...(o.config ? { config: o.config } : {}),
      drafts: false,
      quiet: o.quiet ?? false,
      verbose: o.verbose ?? false,
    });
    if (code !== 0) {
      process.stderr.write(`Deploy stopped: the build failed, so nothing was pushed.\n`);
      return code;
    }
  }
  if (o.check) {
    const code = await runCheck(o);
    if (code !== 0) {
      process.stderr.write(`Deploy stopped: \`orgpress check\` found problems, so nothing was pushed (--no-check skips it).\n`);
      return code;
    }
  }
  if (!existsSync(path.join(outDir, 'index.html'))) {
    process.stderr.write(`orgpress deploy: ${shownOut} holds no built site (no index.html); run \`orgpress build\` first, or deploy without --no-build.\n`);
    return 1;
  }
  if (!o.quiet && new URL(config.baseUrl).hostname.match(/^(localhost|127\.0\.0\.1|\[::1\])$/)) {
    process.stderr.write(
      `warning: baseUrl is ${config.baseUrl}: feeds, the sitemap and canonical links will point there; set \`baseUrl\` in site.yaml to the published address.\n`,
    );
  }

  const extraFiles = [{ name: '.nojekyll', content: '' }];
  if (config.deploy.cname.trim() !== '') extraFiles.push({ name: 'CNAME', content: config.deploy.cname.trim() + '\n' });
  try {
    const message = o.message ?? (config.deploy.message || (await defaultMessage(root)));
    const r = await deployToBranch({ repoDir: root, siteDir: outDir, remote, branch, message, extraFiles });
    if (o.quiet) return 0;
    const short = r.commit.slice(0, 7);
    if (r.status === 'unchanged') {
      process.stdout.write(`Nothing to deploy: ${branch} on ${remote} already holds this build (${short}).\n`);
    } else {
      const deployed = paint('green', 'Deployed', useColor(process.stdout));
      process.stdout.write(`${deployed} ${shownOut} (${r.files} files) to ${branch} on ${remote}: commit ${short}${r.previous ? '' : ' (new branch)'}.\n`);
    }
    return 0;
  } catch (err) {
    if (!(err instanceof GitError)) throw err;
    process.stderr.write(`${paint('red', 'orgpress deploy', useColor(process.stderr))}: ${err.message}\n`);
    return 1;
  }
}

/** `orgpress check`, as the command prints it; with `-q`, only what is wrong. */
async function runCheck(o: DeployCommandOptions): Promise<number> {
  const config = o.config ? { config: o.config } : {};
  if (!o.quiet) return checkCommand({ root: o.root, ...config, drafts: false, external: false });
  const r = await checkSite({ root: o.root, ...(o.config ? { configFile: o.config } : {}) });
  if (r.ok) return 0;
  printDiagnostics(r.diagnostics.filter((d) => d.severity === 'error'), r.sources);
  for (const p of r.links?.problems ?? []) process.stderr.write(`${p.page}: ${p.kind} ${p.ref}: ${p.reason}\n`);
  return 1;
}

/** `Deploy a1b2c3d with orgpress 0.1.0`: which sources the site was built from. */
async function defaultMessage(root: string): Promise<string> {
  const head = await runGit(['rev-parse', '--short', 'HEAD'], { cwd: root });
  if (head.code !== 0) return `Deploy with orgpress ${VERSION}`;
  const dirty = (await runGit(['status', '--porcelain', '--untracked-files=no'], { cwd: root })).stdout.trim() !== '';
  return `Deploy ${head.stdout.trim()}${dirty ? ' (with uncommitted changes)' : ''} with orgpress ${VERSION}`;
}
