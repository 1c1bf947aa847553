import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { startPreviewServer } from '../dev/preview-server.js';
import { urlBase } from '../render/urls.js';
import { printDiagnostics } from './print-diagnostics.js';
import { listenError } from './server-options.js';
import { waitForStop } from './wait-for-stop.js';

export interface PreviewCommandOptions {
  root: string;
  config?: string;
  out?: string;
  host: string;
  port: number;
}

/** `orgpress preview`: serves the built site as a static host would, until Ctrl-C. */
export async function previewCommand(o: PreviewCommandOptions): Promise<number> {
  const root = path.resolve(o.root);
  const loaded = await loadConfig(root, o.config);
  if (hasErrors(loaded.diagnostics)) {
    printDiagnostics(loaded.diagnostics, new Map());
    return 1;
  }
  const outDir = path.resolve(root, o.out ?? loaded.config.dirs.out);
  const shown = path.relative(process.cwd(), outDir) || '.';
  if (!existsSync(path.join(outDir, 'index.html'))) {
    process.stderr.write(`error: nothing to preview: ${shown}/index.html does not exist\n  hint: run \`orgpress build\` first\n`);
    return 1;
  }
  // Served under the baseUrl's path, so 404.html's root-relative links work as on the real host.
  const basePath = urlBase(loaded.config.baseUrl).basePath;
  let server;
  try {
    server = await startPreviewServer({ outDir, host: o.host, port: o.port, basePath });
  } catch (err) {
    const message = listenError(err, o.host, o.port);
    if (!message) throw err;
    process.stderr.write(message);
    return 1;
  }
  process.stdout.write(`orgpress preview: serving ${shown}/ at ${server.url}, as a static host would\n  press Ctrl-C to stop\n`);
  await waitForStop();
  await server.close();
  return 0;
}
