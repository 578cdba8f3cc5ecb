/**
 * The data step's content-addressed skip: the SHA-256 of the rows' source records and of the
 * code that writes them, recorded beside the project's caches for each output folder. When the key
 * is unchanged and every file of the folder's manifest.json still has its recorded size and
 * hash, npm run data keeps the files instead of writing the same tables again.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { StudyRecord } from '../../src/lib/data/tables.ts';
import type { DataManifest } from '../../src/build/manifest-fs.ts';
import { codeStamp } from '../../src/build/page-key-fs.ts';

/** The code the tables come from (their columns, writers and the records' types). */
export const DATA_CODE = ['src/lib', 'scripts/lib', 'scripts/build-data.ts', 'package.json', 'package-lock.json'] as const;

function keyFile(root: string, outDir: string): string {
  return join(root, '.cache', 'data', `${createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 16)}.key`);
}

/** The key of a data build: code stamp and records. */
export function dataKey(root: string, records: readonly StudyRecord[]): string {
  return createHash('sha256').update(codeStamp(root, DATA_CODE)).update('\0').update(JSON.stringify(records)).digest('hex');
}

/** True when outDir was last written from `key` and its files are still the ones its manifest lists. */
export async function dataUpToDate(root: string, outDir: string, key: string): Promise<boolean> {
  const before = await readFile(keyFile(root, outDir), 'utf8').catch(() => null);
  if (before !== key || existsSync(join(outDir, 'review.duckdb.wal'))) return false;
  try {
    const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as DataManifest;
    for (const f of manifest.files) {
      const file = join(outDir, f.name);
      if ((await stat(file)).size !== f.bytes) return false;
      if (createHash('sha256').update(await readFile(file)).digest('hex') !== f.sha256) return false;
    }
    return manifest.files.length > 0;
  } catch {
    return false;
  }
}

/** Record that outDir now holds the tables of `key`. */
export async function recordDataKey(root: string, outDir: string, key: string): Promise<void> {
  await mkdir(join(root, '.cache', 'data'), { recursive: true });
  await writeFile(keyFile(root, outDir), key);
}
