import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseRange, serveStatic, type StaticServer } from '../../../scripts/lib/static-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'static-server-'));
const site = join(dir, 'site');
const DB = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
let server: StaticServer;
let based: StaticServer;

/** A raw request (no URL normalisation by the client, so "/../" reaches the server as sent). */
function raw(origin: string, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(origin + '/', { method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(join(site, 'data'), { recursive: true });
  mkdirSync(join(site, 'explore'));
  mkdirSync(join(site, '_astro'));
  writeFileSync(join(site, 'index.html'), '<p>home</p>');
  writeFileSync(join(site, 'explore', 'index.html'), '<p>explore</p>');
  writeFileSync(join(site, 'data', 'review.duckdb'), DB);
  writeFileSync(join(site, '_astro', 'a.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
  writeFileSync(join(site, '_astro', 'duckdb-eh.wasm.x1.gz'), gzipSync(Buffer.from('module')));
  writeFileSync(join(site, 'data', 'empty.csv'), '');
  writeFileSync(join(dir, 'secret.txt'), 'outside the root');
  server = await serveStatic(site);
  based = await serveStatic(site, 0, { base: '/review/' });
});
afterAll(async () => {
  await server.close();
  await based.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('byte ranges', () => {
  it('reads the single range a Range header asks for, including a suffix and an open end, and ignores what it cannot serve as one range', () => {
    expect(parseRange('bytes=0-0', 1000)).toEqual({ start: 0, end: 0 });
    expect(parseRange('bytes=10-19', 1000)).toEqual({ start: 10, end: 19 });
    expect(parseRange('bytes=990-', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange('bytes=500-5000', 1000)).toEqual({ start: 500, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
    for (const ignored of [undefined, '', 'bytes=-', 'bytes=5-2', 'bytes=0-1,5-6', 'items=0-1', 'bytes=a-b']) expect(parseRange(ignored, 1000), String(ignored)).toBeNull();
  });

  it('answers Range: bytes=0-0 with 206 and one byte, as DuckDB-WASM checks before reading by ranges', async () => {
    const r = await raw(server.origin, '/data/review.duckdb', 'GET', { Range: 'bytes=0-0' });
    expect(r.status).toBe(206);
    expect(r.headers['content-length']).toBe('1');
    expect(r.headers['content-range']).toBe('bytes 0-0/1000');
    expect([...r.body]).toEqual([0]);
  });

  it('answers a HEAD with a range 206 with the length and no body, and a plain HEAD 200 with the file size', async () => {
    const h = await raw(server.origin, '/data/review.duckdb', 'HEAD', { Range: 'bytes=0-' });
    expect([h.status, h.headers['content-length'], h.headers['content-range'], h.body.length]).toEqual([206, '1000', 'bytes 0-999/1000', 0]);
    const plain = await raw(server.origin, '/data/review.duckdb', 'HEAD');
    expect([plain.status, plain.headers['content-length'], plain.headers['accept-ranges'], plain.body.length]).toEqual([200, '1000', 'bytes', 0]);
  });

  it('serves a middle range and a suffix range byte for byte, and 416 with the size past the end', async () => {
    const mid = await raw(server.origin, '/data/review.duckdb', 'GET', { Range: 'bytes=300-309' });
    expect(mid.status).toBe(206);
    expect(mid.body.equals(DB.subarray(300, 310))).toBe(true);
    const tail = await raw(server.origin, '/data/review.duckdb', 'GET', { Range: 'bytes=-4' });
    expect(tail.body.equals(DB.subarray(996))).toBe(true);
    const past = await raw(server.origin, '/data/review.duckdb', 'GET', { Range: 'bytes=1000-1001' });
    expect([past.status, past.headers['content-range'], past.body.length]).toEqual([416, 'bytes */1000', 0]);
    const empty = await raw(server.origin, '/data/empty.csv', 'GET');
    expect([empty.status, empty.headers['content-length']]).toEqual([200, '0']);
  });

  it('logs each request with its method, status, Range and the body bytes sent', async () => {
    const from = server.requests.length;
    await raw(server.origin, '/data/review.duckdb', 'GET', { Range: 'bytes=100-199' });
    await raw(server.origin, '/data/review.duckdb', 'HEAD', { Range: 'bytes=0-' });
    expect(server.requests.slice(from)).toEqual([
      { path: '/data/review.duckdb', method: 'GET', status: 206, bytes: 100, range: 'bytes=100-199' },
      { path: '/data/review.duckdb', method: 'HEAD', status: 206, bytes: 0, range: 'bytes=0-' },
    ]);
  });
});

describe('validators and conditional requests', () => {
  it('sends an ETag and Last-Modified, answers 304 to either, and serves the whole file when If-Range names another version', async () => {
    const first = await raw(server.origin, '/data/review.duckdb');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(Date.parse(first.headers['last-modified'] as string)).toBeGreaterThan(0);
    expect((await raw(server.origin, '/data/review.duckdb', 'GET', { 'If-None-Match': etag })).status).toBe(304);
    expect((await raw(server.origin, '/data/review.duckdb', 'GET', { 'If-None-Match': '"other"' })).status).toBe(200);
    expect((await raw(server.origin, '/data/review.duckdb', 'GET', { 'If-Modified-Since': first.headers['last-modified'] as string })).status).toBe(304);
    expect((await raw(server.origin, '/data/review.duckdb', 'GET', { Range: 'bytes=0-9', 'If-Range': etag })).status).toBe(206);
    const stale = await raw(server.origin, '/data/review.duckdb', 'GET', { Range: 'bytes=0-9', 'If-Range': '"stale"' });
    expect([stale.status, stale.body.length]).toEqual([200, 1000]);
  });
});

describe('paths and types', () => {
  it('gives WebAssembly, gzip and HTML their MIME types and never a Content-Encoding', async () => {
    const wasm = await raw(server.origin, '/_astro/a.wasm');
    expect(wasm.headers['content-type']).toBe('application/wasm');
    const gz = await raw(server.origin, '/_astro/duckdb-eh.wasm.x1.gz');
    expect([gz.headers['content-type'], gz.headers['content-encoding'], gz.body[0], gz.body[1]]).toEqual(['application/gzip', undefined, 0x1f, 0x8b]);
    expect((await raw(server.origin, '/')).headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await raw(server.origin, '/data/review.duckdb')).headers['content-type']).toBe('application/octet-stream');
  });

  it('serves a directory\'s index.html, and redirects a directory without its trailing slash (keeping the query)', async () => {
    expect((await raw(server.origin, '/explore/')).body.toString()).toBe('<p>explore</p>');
    const r = await raw(server.origin, '/explore?outcome=x');
    expect([r.status, r.headers.location]).toEqual([301, '/explore/?outcome=x']);
    expect((await raw(server.origin, '/nothing/')).status).toBe(404);
  });

  it('never serves a file outside the root, however the path is spelled', async () => {
    for (const path of ['/../secret.txt', '/data/../../secret.txt', '/%2e%2e/secret.txt', '/data/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/%00', '/%E0%A4%A']) {
      const r = await raw(server.origin, path);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.body.toString(), path).not.toContain('outside the root');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const r = await raw(server.origin, '/index.html', 'POST');
    expect([r.status, r.headers.allow]).toEqual([405, 'GET, HEAD']);
  });

  it('serves the site under its base path, sends the bare origin there, and nothing outside it', async () => {
    expect((await raw(based.origin, '/review/')).body.toString()).toBe('<p>home</p>');
    expect((await raw(based.origin, '/review/data/review.duckdb', 'GET', { Range: 'bytes=0-0' })).status).toBe(206);
    const home = await raw(based.origin, '/');
    expect([home.status, home.headers.location]).toEqual([302, '/review/']);
    expect((await raw(based.origin, '/review')).headers.location).toBe('/review/');
    expect((await raw(based.origin, '/data/review.duckdb')).status).toBe(404);
    expect((await raw(based.origin, '/review/../secret.txt')).status).toBeGreaterThanOrEqual(400);
  });
});
