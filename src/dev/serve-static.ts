/**
 * Static-site serving shared by `orgpress dev` and `orgpress preview`: safe
 * request paths, clean URLs, the site's 404 page, content types and the
 * headers every response gets. Where the bytes come from is a `FileSource`
 * (the dev server's in-memory output, or a built folder on disk).
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentType } from 'mime-types';

/** A file found for a site path: bytes in memory, or a file on disk to stream. */
export type FoundFile =
  | { kind: 'memory'; path: string; data: string | Uint8Array }
  | { kind: 'disk'; path: string; abs: string; size: number; mtimeMs: number };

export interface FileSource {
  /** The file at a site path (`a/b/index.html`, no leading slash), or null when there is none. */
  find(sitePath: string): Promise<FoundFile | null>;
}

export interface ServeOptions {
  /** dev: never cached, redirects temporary; preview: revalidated with ETags, as a static host would. */
  mode: 'dev' | 'preview';
  /** Path the site is served under, `/` or `/blog/` (preview mirrors a sub-path baseUrl). */
  basePath: string;
  /** Rewrites an HTML page before it is sent (dev injects its client). */
  transformHtml?: (html: string, sitePath: string, status: number) => string;
}

/** A request path split into decoded segments, or null when it is malformed or tries to leave the site. */
export interface RequestPath {
  /** The raw (still encoded) path, validated, for redirects. */
  raw: string;
  /** The raw query string with its `?`, or ''. */
  query: string;
  segments: string[];
  trailingSlash: boolean;
}

/**
 * Splits and decodes a request target. Each segment is decoded on its own, so
 * `%2f` can never make a new separator; `.`/`..` (also as `%2e%2e`),
 * backslashes, NUL and control characters and empty segments (`//`) are
 * refused outright rather than normalised, so nothing can step out of the site.
 */
export function parseRequestPath(target: string): RequestPath | null {
  const q = target.search(/[?#]/);
  const raw = q < 0 ? target : target.slice(0, q);
  const query = q < 0 || target[q] === '#' ? '' : target.slice(q).replace(/#.*$/, '');
  if (!raw.startsWith('/')) return null;
  const parts = raw.slice(1).split('/');
  const trailingSlash = parts[parts.length - 1] === '';
  if (trailingSlash) parts.pop();
  const segments: string[] = [];
  for (const part of parts) {
    let seg: string;
    try {
      seg = decodeURIComponent(part);
    } catch {
      return null;
    }
    if (seg === '' || seg === '.' || seg === '..' || /[/\\\u0000-\u001f\u007f]/.test(seg)) return null;
    segments.push(seg);
  }
  return { raw, query, segments, trailingSlash };
}

/** `text/html; charset=utf-8` and friends; unknown extensions are plain bytes. */
export function contentTypeOf(sitePath: string): string {
  const dot = sitePath.lastIndexOf('.');
  const ext = dot > sitePath.lastIndexOf('/') ? sitePath.slice(dot + 1) : '';
  return (ext && contentType(ext)) || 'application/octet-stream';
}

/**
 * Serves one GET/HEAD request from `source`: `/a/b/` is `a/b/index.html`,
 * `/a/b` redirects to `/a/b/` when only the folder exists, anything missing
 * gets the site's `404.html` with status 404.
 */
export async function serveSite(req: IncomingMessage, res: ServerResponse, source: FileSource, opts: ServeOptions): Promise<void> {
  if (!allowMethod(req, res)) return;
  const parsed = parseRequestPath(req.url ?? '/');
  if (!parsed) return sendText(req, res, 400, 'Bad request: malformed or unsafe path.\n', opts.mode);

  const base = opts.basePath.split('/').filter(Boolean);
  const inBase = base.every((b, i) => parsed.segments[i] === b);
  if (!inBase) {
    // Under a sub-path, the bare root leads to the site, as a host's index would.
    if (parsed.segments.length === 0) return redirect(res, opts.basePath, opts.mode);
    return notFound(req, res, source, opts);
  }
  const rel = parsed.segments.slice(base.length);
  if (rel.length === 0 && !parsed.trailingSlash && base.length > 0) return redirect(res, parsed.raw + '/' + parsed.query, opts.mode);

  const dir = rel.join('/');
  if (parsed.trailingSlash || rel.length === 0) {
    const index = await source.find(dir ? `${dir}/index.html` : 'index.html');
    return index ? sendFound(req, res, index, 200, opts) : notFound(req, res, source, opts);
  }
  const file = await source.find(dir);
  if (file) return sendFound(req, res, file, 200, opts);
  if (await source.find(`${dir}/index.html`)) return redirect(res, parsed.raw + '/' + parsed.query, opts.mode);
  return notFound(req, res, source, opts);
}

/** Only GET and HEAD: a static site has nothing to post to. */
export function allowMethod(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  res.writeHead(405, { ...baseHeaders('dev'), Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Method not allowed: this server only answers GET and HEAD.\n');
  return false;
}

/** Headers on every response: no MIME sniffing; dev never lets a browser keep a stale page. */
export function baseHeaders(mode: ServeOptions['mode']): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': mode === 'dev' ? 'no-store' : 'no-cache',
  };
}

export function sendText(req: IncomingMessage, res: ServerResponse, status: number, text: string, mode: ServeOptions['mode'], type = 'text/plain; charset=utf-8'): void {
  const body = Buffer.from(text);
  res.writeHead(status, { ...baseHeaders(mode), 'Content-Type': type, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function redirect(res: ServerResponse, location: string, mode: ServeOptions['mode']): void {
  // Temporary in dev: a browser would remember a permanent one after the folder is gone.
  res.writeHead(mode === 'dev' ? 302 : 301, { ...baseHeaders(mode), Location: location, 'Content-Length': 0 });
  res.end();
}

async function notFound(req: IncomingMessage, res: ServerResponse, source: FileSource, opts: ServeOptions): Promise<void> {
  const page = await source.find('404.html');
  if (page) return sendFound(req, res, page, 404, opts);
  sendText(req, res, 404, 'Not found.\n', opts.mode);
}

async function sendFound(req: IncomingMessage, res: ServerResponse, file: FoundFile, status: number, opts: ServeOptions): Promise<void> {
  const type = contentTypeOf(file.path);
  const headers: Record<string, string | number> = { ...baseHeaders(opts.mode), 'Content-Type': type };
  const isHtml = type.startsWith('text/html');

  if (file.kind === 'disk' && !(isHtml && opts.transformHtml)) {
    if (opts.mode === 'preview' && status === 200) {
      const etag = `W/"${file.size.toString(36)}-${Math.floor(file.mtimeMs).toString(36)}"`;
      headers['ETag'] = etag;
      headers['Last-Modified'] = new Date(file.mtimeMs).toUTCString();
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
    }
    headers['Content-Length'] = file.size;
    res.writeHead(status, headers);
    if (req.method === 'HEAD') return void res.end();
    const stream = createReadStream(file.abs);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
    return;
  }

  let data: string | Uint8Array = file.kind === 'memory' ? file.data : await readFile(file.abs);
  if (isHtml && opts.transformHtml) {
    const html = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
    data = opts.transformHtml(html, file.path, status);
  }
  const body = typeof data === 'string' ? Buffer.from(data) : data;
  headers['Content-Length'] = body.byteLength;
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
