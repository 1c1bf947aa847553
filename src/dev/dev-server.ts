import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILES } from '../config/load-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { browserProblems, type BrowserProblem } from './error-overlay.js';
import { outputSource } from './file-sources.js';
import { DEV_PREFIX, injectDevClient, LiveReload, type DevState } from './live-reload.js';
import { isAllowedHost } from './allowed-hosts.js';
import { allowMethod, sendText, serveSite } from './serve-static.js';
import { DevSite, type ChangeKind } from './site-state.js';
import { watchSources, type ChangeBatch, type SourceWatcher, type WatchTargets } from './watch-sources.js';

/** The browser side (client script and its stylesheet), shipped as plain files next to the sources. */
const CLIENT_DIR = fileURLToPath(new URL('../../src/dev/client/', import.meta.url));

export interface DevServerOptions {
  root: string;
  configFile?: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Log each rebuild with its edit-to-update time. */
  verbose?: boolean;
  /** Quiet time after the last file event before rebuilding (ms). */
  debounceMs?: number;
  /** Status lines (default: stdout). */
  log?: (line: string) => void;
  /** Prints diagnostics when they change (the CLI passes `printDiagnostics`). */
  report?: (diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>) => void;
}

export interface DevServer {
  url: string;
  site: DevSite;
  /** Resolves once the watcher sees edits. */
  ready: Promise<void>;
  /** Resolves after the next rebuild caused by a file change has been sent to the pages. */
  nextUpdate(): Promise<DevUpdate>;
  /** How many rebuilds file changes have caused. */
  readonly rebuilds: number;
  close(): Promise<void>;
}

export interface DevUpdate {
  paths: string[];
  changed: string[] | 'all';
  /** From the first file event to the pages being told, debounce included. */
  ms: number;
}

/**
 * `orgpress dev`: builds the site in memory (drafts included, notes shown),
 * serves it, watches the sources and tells every open page what changed
 * over Server-Sent Events. Never writes to the output folder, and never
 * stops on bad input: every problem becomes a diagnostic shown in the
 * browser and the terminal, and the last good pages stay served.
 */
export async function startDevServer(opts: DevServerOptions): Promise<DevServer> {
  const root = path.resolve(opts.root);
  const log = opts.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const instance = Date.now().toString(36);
  let buildNo = 0;
  let build = `${instance}-0`;
  let cssVersion = 0;
  let problems: { errors: BrowserProblem[]; warnings: BrowserProblem[] } = { errors: [], warnings: [] };
  let lastReported = '';
  let rebuilds = 0;
  let waiters: ((u: DevUpdate) => void)[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A request must never take the server down; answer and log it.
      log(`orgpress dev: error while answering ${req.url ?? ''}: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) sendText(req, res, 500, 'Internal error.\n', 'dev');
      else res.destroy();
    });
  });
  const address = await listen(server, opts.port, opts.host);
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${hostInUrl}:${address.port}/`;

  const site = new DevSite({ root, ...(opts.configFile ? { configFile: opts.configFile } : {}), baseUrl: url });
  const state = (prev: string, changed: string[] | 'all'): DevState => ({
    prev,
    build,
    changed,
    css: cssVersion,
    ...problems,
    notes: site.output.notes.length,
  });
  const live = new LiveReload(() => state(build, []));

  const report = () => {
    const diagnostics = site.diagnostics;
    problems = browserProblems(diagnostics, (f) => site.sourceOf(f));
    const key = JSON.stringify(diagnostics);
    if (key === lastReported) return;
    if (diagnostics.length === 0 && lastReported !== '') log('orgpress dev: no problems left.');
    lastReported = key;
    if (diagnostics.length && opts.report) {
      const sources = new Map<string, string>();
      for (const d of diagnostics) {
        const text = site.sourceOf(d.file);
        if (text !== undefined) sources.set(d.file, text);
      }
      opts.report(diagnostics, sources);
    }
  };

  const initial = site.rebuild(new Set<ChangeKind>(['config', 'drafts'])).then(() => report());
  // While the author reads the first page, not when they first save.
  void initial.then(() => site.warmUp()).catch(() => {});

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, opts.host)) return sendText(req, res, 403, 'Forbidden: unknown Host header.\n', 'dev');
    if (!allowMethod(req, res)) return;
    const pathname = (req.url ?? '/').split('?')[0]!;
    if (pathname === `${DEV_PREFIX}events`) return live.connect(req, res);
    if (pathname === `${DEV_PREFIX}client.js` || pathname === `${DEV_PREFIX}dev.css`) {
      const file = pathname.endsWith('.js') ? 'dev-client.js' : 'dev.css';
      const type = file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8';
      return sendText(req, res, 200, await readFile(path.join(CLIENT_DIR, file), 'utf8'), 'dev', type);
    }
    await initial;
    const output = site.output;
    await serveSite(req, res, outputSource(output.files, output.copies), {
      mode: 'dev',
      basePath: '/',
      transformHtml: (html, page) => injectDevClient(html, { build, css: cssVersion, page }),
    });
  }

  // Rebuilds run one at a time; changes arriving meanwhile are merged into the next one.
  let queued: ChangeBatch | null = null;
  let running: Promise<void> | null = null;
  const schedule = (batch: ChangeBatch) => {
    if (queued) {
      for (const k of batch.kinds) queued.kinds.add(k);
      for (const p of batch.paths) if (!queued.paths.includes(p)) queued.paths.push(p);
    } else queued = batch;
    running ??= (async () => {
      while (queued) {
        const next: ChangeBatch = queued;
        queued = null;
        await apply(next);
      }
      running = null;
    })();
  };

  async function apply(batch: ChangeBatch): Promise<void> {
    const kinds = new Set<ChangeKind>();
    for (const k of batch.kinds) if (k === 'config' || k === 'templates' || k === 'drafts') kinds.add(k);
    const dirsBefore = JSON.stringify(site.siteConfig?.dirs);
    const result = kinds.size ? await site.rebuild(kinds, batch.paths) : { changed: [], rendered: [], pages: { rendered: 0, reused: 0 }, noop: true, ms: 0 };
    // An editor's late second event for a save already rebuilt: nothing to do, nobody to tell.
    if (result.noop && !batch.kinds.has('css') && !batch.kinds.has('asset')) return;
    const changed: string[] | 'all' = batch.kinds.has('asset') ? 'all' : result.changed;
    if (batch.kinds.has('css')) cssVersion++;
    const prev = build;
    if (changed === 'all' || changed.length > 0) build = `${instance}-${++buildNo}`;
    report();
    live.send(state(prev, changed));
    rebuilds++;
    const ms = Math.round(performance.now() - batch.firstEventAt);
    if (opts.verbose) {
      const what = batch.paths.length > 3 ? `${batch.paths.slice(0, 3).join(', ')} and ${batch.paths.length - 3} more` : batch.paths.join(', ');
      const p = result.pages;
      const detail = kinds.size
        ? `rendered ${result.rendered.length} draft${result.rendered.length === 1 ? '' : 's'} and ${p.rendered} of ${p.rendered + p.reused} page${p.rendered + p.reused === 1 ? '' : 's'} in ${result.ms} ms, `
        : '';
      const pages = changed === 'all' ? 'every page' : `${changed.length} file${changed.length === 1 ? '' : 's'}`;
      log(`rebuilt ${what} in ${ms} ms (${detail}${pages} changed, ${live.clientCount} page${live.clientCount === 1 ? '' : 's'} open)`);
    }
    const update: DevUpdate = { paths: batch.paths, changed, ms };
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve(update);
    // A config that moves drafts/, templates/ or static/ needs the watcher moved with it.
    if (JSON.stringify(site.siteConfig?.dirs) !== dirsBefore) await restartWatcher();
  }

  await initial;
  let watcher: SourceWatcher = startWatcher();
  function startWatcher(): SourceWatcher {
    return watchSources(watchTargets(root, site, opts.configFile), schedule, {
      ...(opts.debounceMs !== undefined ? { debounceMs: opts.debounceMs } : {}),
      onError: (err) => log(`orgpress dev: watch error: ${err instanceof Error ? err.message : String(err)}`),
    });
  }
  async function restartWatcher(): Promise<void> {
    await watcher.close();
    watcher = startWatcher();
    await watcher.ready;
  }

  return {
    url,
    site,
    ready: watcher.ready,
    nextUpdate: () => new Promise((resolve) => waiters.push(resolve)),
    get rebuilds() {
      return rebuilds;
    },
    async close() {
      await watcher.close();
      live.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await running;
    },
  };
}

function watchTargets(root: string, site: DevSite, configFile: string | undefined): WatchTargets {
  const dirs = site.siteConfig!.dirs;
  return {
    root,
    drafts: path.resolve(root, dirs.drafts),
    templates: path.resolve(root, dirs.templates),
    static: path.resolve(root, dirs.static),
    configFiles: (configFile ? [configFile] : [...CONFIG_FILES]).map((f) => path.resolve(root, f)),
  };
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo); // a TCP server's address is always an AddressInfo
    });
  });
}
