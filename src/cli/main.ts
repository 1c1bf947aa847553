import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../pipeline/version.js';
import { hostOption, portOption } from './server-options.js';

/**
 * Parses arguments and hands over to the command modules; nothing else lives
 * here. Returns the process exit code.
 *
 * Each command's module is imported only when that command runs: between
 * them they load the whole content stage, LiquidJS, the servers and git
 * helpers, and `--version`, `--help` or a usage error need none of it
 * (start-up went from ~430 ms to ~70 ms).
 */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('orgpress')
    .description('A static-site blog generator for org-mode (and markdown) writers.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run `orgpress --help` for usage)')
    .exitOverride();

  const rootOption = () => new Option('--root <dir>', 'site root (holds drafts/, templates/, static/, site.yaml)').default('.');
  const configOption = () => new Option('--config <file>', 'config file, relative to the root (default: site.yaml)');
  const baseUrlOption = () => new Option('--base-url <url>', 'absolute URL the site is served from (overrides baseUrl)');

  program
    .command('build')
    .description('build the site into dist/ (or --out); writes nothing unless every draft is fine')
    .addOption(rootOption())
    .addOption(configOption())
    .option('--out <dir>', 'output folder, relative to the root (default: dist)')
    .option('--drafts', 'include posts marked draft: true', false)
    .addOption(baseUrlOption())
    .option('--no-cache', 'neither read nor write the cache in .cache/orgpress/ (a cold build)')
    .option('-q, --quiet', 'print errors only', false)
    .option('-v, --verbose', 'also print the time each stage took (read, content, site, render, write)', false)
    .option('--json', 'print one JSON object on stdout (ok, posts, pages, files, ms, timings, diagnostics) and nothing else', false)
    .action(
      async (o: { root: string; config?: string; out?: string; drafts: boolean; baseUrl?: string; cache: boolean; quiet: boolean; verbose: boolean; json: boolean }) => {
        exitCode = await (await import('./build-command.js')).buildCommand(o);
      },
    );

  program
    .command('check')
    .description('check config, drafts, templates (strictly) and every internal link and #anchor of the built site; writes nothing')
    .addOption(rootOption())
    .addOption(configOption())
    .option('--drafts', 'include posts marked draft: true', false)
    .addOption(baseUrlOption())
    .option('--external', 'also list the links that leave the site (they are never fetched)', false)
    .action(async (o: { root: string; config?: string; drafts: boolean; baseUrl?: string; external: boolean }) => {
      exitCode = await (await import('./check-command.js')).checkCommand(o);
    });

  program
    .command('new')
    .description('start a draft: writes drafts/YYYY-MM-DD-title.org with its front matter and prints its path')
    .argument('<title>', 'the post title (quote it)')
    .option('--md', 'write a markdown draft (.md) instead of org', false)
    .option('--tags <list>', 'tags, separated by commas: --tags python,asyncio')
    .option('--date <YYYY-MM-DD>', "the post's date (default: today in the site's timeZone)")
    .addOption(rootOption())
    .addOption(configOption())
    .action(async (title: string, o: { md: boolean; tags?: string; date?: string; root: string; config?: string }) => {
      exitCode = await (await import('./new-command.js')).newCommand(title, o);
    });

  program
    .command('deploy')
    .description('build and check the site, then publish dist/ to a git branch (gh-pages on origin by default: GitHub Pages)')
    .option('--remote <name-or-url>', 'git remote to push to (default: deploy.remote, origin)')
    .option('--branch <name>', 'branch to publish to (default: deploy.branch, gh-pages)')
    .option('--message <text>', 'commit message (default: deploy.message, or "Deploy <commit> with orgpress <version>")')
    .option('--no-build', 'publish the output folder as it is, without building first')
    .option('--no-check', 'publish without running `orgpress check` first')
    .option('-q, --quiet', 'print errors only', false)
    .option('-v, --verbose', "also print the build's time per stage", false)
    .addOption(rootOption())
    .addOption(configOption())
    .action(
      async (o: { remote?: string; branch?: string; message?: string; build: boolean; check: boolean; quiet: boolean; verbose: boolean; root: string; config?: string }) => {
        exitCode = await (await import('./deploy-command.js')).deployCommand(o);
      },
    );

  program
    .command('render')
    .description("print one draft's post body as HTML on stdout (--page: the whole page)")
    .argument('<file>', 'the draft (.org or .md)')
    .option('--page', 'print the whole page with the layout, like the built site', false)
    .addOption(rootOption())
    .addOption(configOption())
    .addOption(baseUrlOption())
    .action(async (file: string, o: { page: boolean; root: string; config?: string; baseUrl?: string }) => {
      exitCode = await (await import('./render-command.js')).renderCommand(file, o);
    });

  program
    .command('todos')
    .description('list the TODO/FIXME/XXX notes in every draft as path:line:col: text')
    .option('--json', 'print a JSON array for tools', false)
    .addOption(rootOption())
    .addOption(configOption())
    .action(async (o: { json: boolean; root: string; config?: string }) => {
      exitCode = await (await import('./todos-command.js')).todosCommand(o);
    });

  program
    .command('dev')
    .description('serve the site with drafts and notes from memory, rebuilding and reloading the browser on every save')
    .addOption(portOption())
    .addOption(hostOption())
    .option('--open', 'open the site in the default browser', false)
    .option('-v, --verbose', 'log every rebuild with its edit-to-update time', false)
    .addOption(rootOption())
    .addOption(configOption())
    .action(async (o: { port: number; host: string; open: boolean; verbose: boolean; root: string; config?: string }) => {
      exitCode = await (await import('./dev-command.js')).devCommand(o);
    });

  program
    .command('preview')
    .description('serve the built site (dist/) as a static host would')
    .addOption(portOption())
    .addOption(hostOption())
    .option('--out <dir>', 'the built folder, relative to the root (default: dist)')
    .addOption(rootOption())
    .addOption(configOption())
    .action(async (o: { port: number; host: string; out?: string; root: string; config?: string }) => {
      exitCode = await (await import('./preview-command.js')).previewCommand(o);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0; usage mistakes with 2, as is usual for CLIs.
      return err.exitCode === 0 ? 0 : 2;
    }
    throw err;
  }
  if (argv.length === 0) {
    program.outputHelp();
    return 2;
  }
  return exitCode;
}
