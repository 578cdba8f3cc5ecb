/**
 * What a page loads before any interaction, from the bench server's request log (which sees
 * worker requests too): requests, bytes as served (uncompressed), the same bodies compressed as a
 * static host would send them (gzip -6, brotli -11), and any DuckDB or Pagefind file among them.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import type { LoggedRequest, StaticServer } from '../lib/static-server.ts';
import type { PageBytes } from './lib/types.ts';

/** A site being served for the browser measurements. */
export interface Served {
  label: string;
  root: string;
  server: StaticServer;
}

/** Files that must not load before a reader interacts (DESIGN.md decision 3). */
export const LAZY_FILES = /duckdb|\.wasm$|review\.duckdb|\/pagefind\//i;

const sizes = new Map<string, { gzip: number; brotli: number }>();
/** Bodies above this size are brotli-compressed at quality 9 (quality 11 takes minutes on tens of MB; 9 is within a few % of it). */
const BROTLI_MAX_Q11 = 8 * 1024 * 1024;

/** Compressed body sizes of a served path (ranges, bodiless answers and missing files count as sent). */
async function compressedSize(root: string, path: string, status: number, bytes: number): Promise<{ gzip: number; brotli: number }> {
  // A HEAD, a 304 or a range sends no whole body to compress.
  if (status !== 200 || bytes === 0) return { gzip: bytes, brotli: bytes };
  let file = join(root, decodeURIComponent(path));
  if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
  const key = file;
  const known = sizes.get(key);
  if (known) return known;
  const body = await readFile(file);
  const out = { gzip: gzipSync(body, { level: 6 }).length, brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: body.length > BROTLI_MAX_Q11 ? 9 : 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length };
  sizes.set(key, out);
  return out;
}

/** The site's database file, as Explore reads it. */
export const DATABASE_PATH = /\/data\/review\.duckdb$/;

/** What the logged requests read of review.duckdb: body bytes summed, range (206) answers, whole-file (200) answers. */
export function databaseReads(log: readonly LoggedRequest[]): { bytes: number; ranges: number; fullReads: number } {
  const mine = log.filter((r) => DATABASE_PATH.test(r.path));
  return { bytes: mine.reduce((n, r) => n + r.bytes, 0), ranges: mine.filter((r) => r.status === 206).length, fullReads: mine.filter((r) => r.status === 200 && r.method === 'GET').length };
}

/** Sum the requests logged since `from` (compressed sizes only when asked: brotli -11 of a 34 MB wasm takes half a minute). */
export async function logSince(served: Served, from: number, compress = false): Promise<{ requests: number; bytes: number; gzip: number; brotli: number; paths: string[] }> {
  const list = served.server.requests.slice(from);
  let [bytes, gzip, brotli] = [0, 0, 0];
  for (const r of list) {
    bytes += r.bytes;
    if (!compress) continue;
    const c = await compressedSize(served.root, r.path, r.status, r.bytes);
    gzip += c.gzip;
    brotli += c.brotli;
  }
  return { requests: list.length, bytes, gzip, brotli, paths: list.map((r) => r.path) };
}

/** Load `path` in a fresh browser context, wait until the network is idle, and account for what it loaded. */
export async function pageBytes(browser: Browser, served: Served, page: string, path: string): Promise<PageBytes> {
  const context = await browser.newContext();
  try {
    const p = await context.newPage();
    const from = served.server.requests.length;
    const response = await p.goto(served.server.origin + path, { waitUntil: 'load' });
    if (!response || response.status() !== 200) throw new Error(`${path} answered ${response?.status() ?? 'nothing'}`);
    await p.waitForLoadState('networkidle');
    await p.waitForTimeout(500); // anything scheduled just after load (idle callbacks, timers)
    const log = await logSince(served, from, true);
    return { page, path, requests: log.requests, transferred: log.bytes, gzip: log.gzip, brotli: log.brotli, forbidden: [...new Set(log.paths.filter((x) => LAZY_FILES.test(x)))] };
  } finally {
    await context.close();
  }
}
