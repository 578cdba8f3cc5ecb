/** data/manifest.json: every generated data file with its size and SHA-256; the data version is a hash over them. */
import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DATA_FILES } from './duckdb-tables.ts';

import type { DataManifest, ManifestFile } from '../../src/build/manifest-fs.ts';

/** Hash the data files and write data/manifest.json. The DuckDB file is excluded from the version (its bytes vary run to run). */
export async function writeManifest(outDir: string): Promise<DataManifest> {
  const files: ManifestFile[] = [];
  for (const name of DATA_FILES) {
    const bytes = await readFile(join(outDir, name));
    files.push({ name, bytes: (await stat(join(outDir, name))).size, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  const version = createHash('sha256')
    .update(files.filter((f) => f.name.endsWith('.csv')).map((f) => `${f.name}:${f.sha256}`).join('\n'))
    .digest('hex')
    .slice(0, 12);
  const manifest = { version, files };
  await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
