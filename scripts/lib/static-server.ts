/**
 * A small static file server for `npm start`, tests and benchmarks. It answers what DuckDB-WASM
 * needs to read review.duckdb by ranges (a HEAD or GET with `Range: bytes=0-0` answered 206 with
 * the right Content-Length; astro preview answers the whole file to that one and DuckDB falls back
 * to a full read): single byte ranges (206, 416 when unsatisfiable), HEAD, Content-Length,
 * Accept-Ranges, ETag / Last-Modified with conditional requests, MIME types (application/wasm, a
 * gzip file as itself, never with Content-Encoding), a base path, directories to their index.html
 * (a redirect adds the trailing slash), no path outside the root, and a request log.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

/** Content-Type by file extension (lower case); anything else is application/octet-stream. */
export const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.gz': 'application/gzip',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.r': 'text/plain; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems',
  '.parquet': 'application/vnd.apache.parquet',
};

/** One logged request: URL path, method, status, body bytes sent and the Range asked for (if any). */
export interface LoggedRequest {
  path: string;
  method: string;
  status: number;
  bytes: number;
  range: string | null;
}

/** A running server: its origin, the requests so far (unless logging is off), and close(). */
export interface StaticServer {
  origin: string;
  requests: LoggedRequest[];
  close(): Promise<void>;
}

/** Where and how to serve. */
export interface ServeOptions {
  /** The site's base path (Astro's `base`), e.g. '/review/'; default '/'. */
  base?: string;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Keep the request log (default true; `npm start` turns it off). */
  log?: boolean;
}

/** The byte range a `Range` header asks for in a file of `size` bytes: null = serve the whole file, 'unsatisfiable' = 416. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  // Only one range of bytes is served as such; several ranges, or another unit, get the whole file (RFC 9110 allows it).
  const m = /^bytes=(\d*)-(\d*)$/.exec((header ?? '').trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return null; // a range that ends before it starts is invalid: ignored
  return start >= size ? 'unsatisfiable' : { start, end };
}

/** The file's validator: size and modification time (strong: the same for the same file state). */
function etagOf(info: Stats): string {
  return `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
}

/** True when a conditional GET may be answered 304. */
function notModified(req: IncomingMessage, etag: string, modified: Date): boolean {
  const match = req.headers['if-none-match'];
  if (match) return match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*');
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && Math.floor(modified.getTime() / 1000) <= Math.floor(since / 1000);
}

/** True when an If-Range header allows the range (absent, or naming the current ETag or date). */
function ifRangeHolds(req: IncomingMessage, etag: string, modified: Date): boolean {
  const v = req.headers['if-range'];
  if (!v) return true;
  if (typeof v !== 'string') return false;
  if (v.startsWith('"') || v.startsWith('W/')) return v === etag;
  return Date.parse(v) === Math.floor(modified.getTime() / 1000) * 1000;
}

/** The file a URL path names under `root` ('' when it leaves the root or cannot be decoded). */
function fileFor(root: string, path: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return '';
  }
  if (decoded.includes('\0')) return '';
  const file = normalize(join(root, decoded));
  const inside = root.endsWith(sep) ? root : root + sep;
  return file === root || file.startsWith(inside) ? file : '';
}

/** Answer one request for a file under `root` (the path already stripped of the base). */
async function answer(req: IncomingMessage, res: ServerResponse, root: string, path: string, fullPath: string): Promise<{ status: number; bytes: number }> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return { status: 405, bytes: 0 };
  }
  let file = fileFor(root, path);
  if (!file) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('bad path');
    return { status: 400, bytes: 0 };
  }
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    if (!path.endsWith('/')) {
      const query = req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      res.writeHead(301, { Location: `${fullPath}/${query}` }).end();
      return { status: 301, bytes: 0 };
    }
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) {
    const page = join(root, '404.html');
    const custom = await stat(page).catch(() => null);
    res.writeHead(404, { 'Content-Type': custom ? MIME_TYPES['.html']! : 'text/plain; charset=utf-8' });
    if (req.method === 'HEAD') res.end();
    else if (custom) createReadStream(page).pipe(res);
    else res.end('not found');
    return { status: 404, bytes: 0 };
  }
  const etag = etagOf(info);
  const headers: Record<string, string | number> = {
    'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-cache',
    ETag: etag,
    'Last-Modified': info.mtime.toUTCString(),
    'X-Content-Type-Options': 'nosniff',
  };
  if (notModified(req, etag, info.mtime)) {
    res.writeHead(304, headers).end();
    return { status: 304, bytes: 0 };
  }
  const range = ifRangeHolds(req, etag, info.mtime) ? parseRange(req.headers.range, info.size) : null;
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${info.size}` }).end();
    return { status: 416, bytes: 0 };
  }
  const [status, start, end] = range ? [206, range.start, range.end] : [200, 0, info.size - 1];
  const length = end - start + 1;
  res.writeHead(status, { ...headers, 'Content-Length': length, ...(range ? { 'Content-Range': `bytes ${start}-${end}/${info.size}` } : {}) });
  if (req.method === 'HEAD' || length === 0) {
    res.end();
    return { status, bytes: 0 };
  }
  createReadStream(file, { start, end }).pipe(res);
  return { status, bytes: length };
}

/** Serve `root` on a free port (or `port`), under `options.base`. */
export async function serveStatic(root: string, port = 0, options: ServeOptions = {}): Promise<StaticServer> {
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const keep = options.log ?? true;
  const requests: LoggedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const log = (status: number, bytes: number) => {
      if (keep) requests.push({ path: url.pathname, method: req.method ?? 'GET', status, bytes, range: req.headers.range ?? null });
    };
    if (!url.pathname.startsWith(base)) {
      // The bare origin (or the base without its slash) leads to the site; anything else is not here.
      const home = url.pathname === '/' || `${url.pathname}/` === base;
      res.writeHead(home ? 302 : 404, home ? { Location: base } : { 'Content-Type': 'text/plain; charset=utf-8' }).end(home ? '' : 'not found');
      return log(home ? 302 : 404, 0);
    }
    answer(req, res, root, url.pathname.slice(base.length - 1), url.pathname.replace(/\/$/, '')).then(
      (r) => log(r.status, r.bytes),
      () => {
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
        log(500, 0);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, options.host ?? '127.0.0.1', resolve);
  });
  const { port: actual, address, family } = server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;
  return {
    origin: `http://${options.host === 'localhost' ? 'localhost' : host}:${actual}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
