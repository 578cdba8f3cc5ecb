import { describe, expect, it } from 'vitest';
import { databaseReads } from '../../../scripts/bench/bytes.ts';
import type { LoggedRequest } from '../../../scripts/lib/static-server.ts';

const req = (path: string, status: number, bytes: number, method = 'GET'): LoggedRequest => ({ path, method, status, bytes, range: status === 206 ? 'bytes=0-0' : null });

describe('what a first filter read of review.duckdb', () => {
  it('sums the range answers of review.duckdb only, under any base path, and counts them', () => {
    const log = [req('/data/review.duckdb', 206, 1), req('/data/review.duckdb', 206, 0, 'HEAD'), req('/review/data/review.duckdb', 206, 16_384), req('/data/review.duckdb', 304, 0), req('/_astro/duckdb-eh.wasm.x.gz', 200, 7_000_000), req('/data/review.duckdb.wal', 404, 0)];
    expect(databaseReads(log)).toEqual({ bytes: 16_385, ranges: 3, fullReads: 0 });
  });

  it('counts a whole-file GET as a full read (a HEAD answered 200 is none)', () => {
    expect(databaseReads([req('/data/review.duckdb', 200, 0, 'HEAD'), req('/data/review.duckdb', 200, 800_000)])).toEqual({ bytes: 800_000, ranges: 0, fullReads: 1 });
    expect(databaseReads([])).toEqual({ bytes: 0, ranges: 0, fullReads: 0 });
  });
});
