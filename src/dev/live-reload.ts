import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BrowserProblem } from './error-overlay.js';

/** Where the dev client lives; nothing of the site can be served under this prefix. */
export const DEV_PREFIX = '/__orgpress/';

/** What every open page is told after each rebuild (and on connecting). */
export interface DevState {
  /** Build id before and after this update; equal when the output did not change. */
  prev: string;
  build: string;
  /** Output paths that changed, or 'all' (a static file or asset: anything may use it). */
  changed: string[] | 'all';
  /** Bumped when only stylesheets changed: pages swap them without reloading. */
  css: number;
  errors: BrowserProblem[];
  warnings: BrowserProblem[];
  /** Open notes across the site, for the toolbar. */
  notes: number;
}

/**
 * Server-Sent Events at `/__orgpress/events`: one long response per open
 * page, which the browser reconnects by itself. Plain HTTP, no WebSocket
 * library, and nothing the page sends back.
 */
export class LiveReload {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly current: () => DevState) {
    // A comment line now and then lets a closed tab's socket be noticed and dropped.
    this.heartbeat = setInterval(() => this.write(': ping\n\n'), 15_000);
    this.heartbeat.unref();
  }

  get clientCount(): number {
    return this.clients.size;
  }

  connect(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      Connection: 'keep-alive',
    });
    if (req.method === 'HEAD') return void res.end();
    // Reconnect quickly after the server restarts; a new build id then reloads the page.
    res.write('retry: 500\n\n');
    res.write(message(this.current()));
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  }

  send(state: DevState): void {
    this.write(message(state));
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }
}

function message(state: DevState): string {
  return `event: state\ndata: ${JSON.stringify(state)}\n\n`;
}

/**
 * Adds the dev stylesheet to `<head>` and the client script before
 * `</body>` of a served page; the script carries the page's build id and
 * output path, so it knows whether a change concerns it.
 */
export function injectDevClient(html: string, info: { build: string; css: number; page: string }): string {
  const link = `<link rel="stylesheet" href="${DEV_PREFIX}dev.css" data-orgpress-dev>`;
  const script = `<script src="${DEV_PREFIX}client.js" data-orgpress-dev data-build="${attr(info.build)}" data-css="${info.css}" data-page="${attr(info.page)}"></script>`;
  const head = html.search(/<\/head>/i);
  let out = head >= 0 ? html.slice(0, head) + link + html.slice(head) : link + html;
  const body = out.toLowerCase().lastIndexOf('</body>');
  out = body >= 0 ? out.slice(0, body) + script + out.slice(body) : out + script;
  return out;
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
