/**
 * A served copy of a built site with a different review.duckdb swapped in (e.g. 100,000
 * synthetic estimates and their 2×2 tables written with @duckdb/node-api in the site's own table format), built from
 * links so the large site is not copied.
 */
import { mkdir, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { syntheticTables } from './lib/synthetic/tables.ts';
import type { Outcome } from '../../src/lib/schema/index.ts';
import { writeTables } from '../lib/duckdb-tables.ts';

/** Write data tables with `estimates` synthetic estimates (and 2×2 tables for a share of studies) into `dir`; returns the row counts. */
export async function writeSyntheticDatabase(dir: string, estimates: number, outcomes: readonly Outcome[], seed: number): Promise<{ studies: number; estimates: number; tables: number }> {
  const t = syntheticTables(estimates, outcomes, seed);
  await writeTables(dir, t.studies, t.estimates, t.diagnosticTables);
  return { studies: t.studies.length, estimates: t.estimates.length, tables: t.diagnosticTables.length };
}

/** Make `overlay` serve `site` with `database` as data/review.duckdb (every other file linked). */
export async function overlaySite(site: string, overlay: string, database: string): Promise<void> {
  await mkdir(join(overlay, 'data'), { recursive: true });
  for (const name of await readdir(site)) {
    if (name !== 'data') await symlink(join(site, name), join(overlay, name));
  }
  for (const name of await readdir(join(site, 'data'))) {
    if (name !== 'review.duckdb') await symlink(join(site, 'data', name), join(overlay, 'data', name));
  }
  await symlink(database, join(overlay, 'data', 'review.duckdb'));
}
