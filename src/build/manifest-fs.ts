/** The data manifest written by npm run data (sizes, hashes, data version), read at build time. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One downloadable data file. */
export interface ManifestFile {
  name: string;
  bytes: number;
  sha256: string;
}

/** data/manifest.json: the files and the data version. */
export interface DataManifest {
  version: string;
  files: ManifestFile[];
}

/** Read `<SITE_DATA_DIR or ./data>/manifest.json` from disk (each call reads it); fails the build with a fix when npm run data has not run. */
export function readManifest(): DataManifest {
  const dir = process.env.SITE_DATA_DIR ?? join(process.cwd(), 'data');
  try {
    return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as DataManifest;
  } catch {
    throw new Error(`${join(dir, 'manifest.json')} is missing: run npm run data before astro build (npm run build does both)`);
  }
}
