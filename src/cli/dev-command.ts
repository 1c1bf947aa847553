import path from 'node:path';
import { startDevServer } from '../dev/dev-server.js';
import { TODOS_PAGE_PATH } from '../dev/todos-page.js';
import { openBrowser } from './open-browser.js';
import { printDiagnostics } from './print-diagnostics.js';
import { listenError } from './server-options.js';
import { waitForStop } from './wait-for-stop.js';

export interface DevCommandOptions {
  root: string;
  config?: string;
  host: string;
  port: number;
  open: boolean;
  verbose: boolean;
}

/** `orgpress dev`: serves the site from memory with drafts and notes, rebuilding on every save, until Ctrl-C. */
export async function devCommand(o: DevCommandOptions): Promise<number> {
  let server;
  try {
    server = await startDevServer({
      root: o.root,
      ...(o.config ? { configFile: o.config } : {}),
      host: o.host,
      port: o.port,
      verbose: o.verbose,
      report: (diagnostics, sources) => printDiagnostics(diagnostics, sources),
    });
  } catch (err) {
    const message = listenError(err, o.host, o.port);
    if (!message) throw err;
    process.stderr.write(message);
    return 1;
  }
  const { site } = server;
  const posts = site.output.site?.posts ?? [];
  const drafts = posts.filter((p) => p.doc.meta.draft).length;
  const dirs = site.siteConfig!.dirs;
  const rel = (d: string) => (path.relative(process.cwd(), path.resolve(o.root, d)) || '.') + '/';
  process.stdout.write(
    [
      `orgpress dev: ${posts.length} post${posts.length === 1 ? '' : 's'} (${drafts} draft${drafts === 1 ? '' : 's'}) at ${server.url}`,
      `  notes to self: ${server.url}${TODOS_PAGE_PATH.replace(/index\.html$/, '')} (${site.output.notes.length})`,
      `  watching ${[dirs.drafts, dirs.templates, dirs.static].map(rel).join(', ')} and the config; nothing is written to ${rel(dirs.out)}`,
      '  press Ctrl-C to stop',
      '',
    ].join('\n'),
  );
  if (o.open) openBrowser(server.url);
  await waitForStop();
  await server.close();
  process.stdout.write('orgpress dev: stopped.\n');
  return 0;
}
