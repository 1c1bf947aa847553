import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAllowedHost } from './allowed-hosts.js';
import { folderSource } from './file-sources.js';
import { sendText, serveSite } from './serve-static.js';

export interface PreviewServerOptions {
  /** The built site folder (dist/). */
  outDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Path part of the site's baseUrl (`/` or `/blog/`): served there, as the real host will. */
  basePath: string;
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

/**
 * `orgpress preview`: serves a built folder as a production static host
 * would: clean URLs, `404.html` with status 404, revalidated caching, and
 * nothing added to the pages.
 */
export async function startPreviewServer(opts: PreviewServerOptions): Promise<PreviewServer> {
  const source = folderSource(opts.outDir);
  const server: Server = createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, opts.host)) return sendText(req, res, 403, 'Forbidden: unknown Host header.\n', 'preview');
    serveSite(req, res, source, { mode: 'preview', basePath: opts.basePath }).catch(() => {
      if (!res.headersSent) sendText(req, res, 500, 'Internal error.\n', 'preview');
      else res.destroy();
    });
  });
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo); // a TCP server's address is always an AddressInfo
    });
  });
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}${opts.basePath}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
