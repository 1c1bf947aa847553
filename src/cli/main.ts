import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../pipeline/version.js';
import { buildCommand } from './build-command.js';
import { devCommand } from './dev-command.js';
import { previewCommand } from './preview-command.js';
import { renderCommand } from './render-command.js';
import { todosCommand } from './todos-command.js';
import { hostOption, portOption } from './server-options.js';

/**
 * Parses arguments and hands over to the command modules; nothing else lives
 * here. Returns the process exit code.
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
    .action(async (o: { root: string; config?: string; out?: string; drafts: boolean; baseUrl?: string; cache: boolean }) => {
      exitCode = await buildCommand(o);
    });

  program
    .command('render')
    .description("print one draft's post body as HTML on stdout (--page: the whole page)")
    .argument('<file>', 'the draft (.org or .md)')
    .option('--page', 'print the whole page with the layout, like the built site', false)
    .addOption(rootOption())
    .addOption(configOption())
    .addOption(baseUrlOption())
    .action(async (file: string, o: { page: boolean; root: string; config?: string; baseUrl?: string }) => {
      exitCode = await renderCommand(file, o);
    });

  program
    .command('todos')
    .description('list the TODO/FIXME/XXX notes in every draft as path:line:col: text')
    .option('--json', 'print a JSON array for tools', false)
    .addOption(rootOption())
    .addOption(configOption())
    .action(async (o: { json: boolean; root: string; config?: string }) => {
      exitCode = await todosCommand(o);
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
      exitCode = await devCommand(o);
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
      exitCode = await previewCommand(o);
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
