/**
 * Astro keeps parsed content entries in <ASTRO_CACHE_DIR>/data-store.json and reuses an entry
 * while its file is unchanged, even when the schema that parsed it changed: a field added with a
 * default (risk_of_bias, two_by_two) was then missing from old pages and the build crashed. This
 * drops the store whenever the schema's source changed since the last build (Node only).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ASTRO_CACHE_DIR } from '../astro/cache-dir.ts';

/** The files whose change makes Astro's cached entries stale. */
async function schemaFiles(root: string): Promise<string[]> {
  const dir = join(root, 'src', 'lib', 'schema');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.ts')).sort();
  return [join(root, 'src', 'content.config.ts'), ...names.map((n) => join(dir, n))];
}

/** SHA-256 of the schema's source files. */
export async function schemaHash(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const f of await schemaFiles(root)) hash.update(f.slice(root.length)).update('\0').update(await readFile(f)).update('\0');
  return hash.digest('hex');
}

/** Remove Astro's content data store when the schema changed since it was written; true when it was removed. */
export async function dropStaleContentStore(root: string): Promise<boolean> {
  const cacheDir = join(root, ASTRO_CACHE_DIR);
  const stamp = join(cacheDir, 'living-review-schema.sha256');
  const now = await schemaHash(root);
  const before = await readFile(stamp, 'utf8').catch(() => null);
  if (before === now) return false;
  await rm(join(cacheDir, 'data-store.json'), { force: true });
  await mkdir(cacheDir, { recursive: true });
  await writeFile(stamp, now);
  return before !== null;
}
