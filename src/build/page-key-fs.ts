/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild` in astro.config.mjs):
 * a path whose key (and compiled module graph) match the previous build is copied from Astro's
 * cache instead of rendered. A key is the SHA-256 of what the path shows besides its code: its own
 * inputs (the study page, the figure, the data version where printed) plus a stamp of every
 * source, configuration and lock file and of content/review.yaml, so any code or protocol change
 * renders every keyed path again (Node only: reads the project from process.cwd()).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What the stamp hashes, relative to the project root: folders are read recursively. */
export const STAMPED = ['src', 'scripts/astro', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'content/review.yaml'] as const;

function files(root: string, rel: string): string[] {
  let stat;
  try {
    stat = statSync(join(root, rel));
  } catch {
    return [];
  }
  if (!stat.isDirectory()) return [rel];
  return readdirSync(join(root, rel), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

/** SHA-256 over the files under `paths` (names and bytes; default STAMPED) and the environment that changes the output. */
export function codeStamp(root: string, paths: readonly string[] = STAMPED): string {
  const hash = createHash('sha256');
  for (const rel of paths.flatMap((r) => files(root, r))) hash.update(rel).update('\0').update(readFileSync(join(root, rel))).update('\0');
  for (const name of ['SITE_URL', 'BASE_PATH']) hash.update(`${name}=${process.env[name] ?? ''}\0`);
  return hash.digest('hex');
}

let stamp: string | null = null;

/** The cache key of one path: the code stamp (computed once per build) and `inputs`, in order. */
export function pageKey(...inputs: unknown[]): string {
  stamp ??= codeStamp(process.cwd());
  const hash = createHash('sha256').update(stamp);
  for (const input of inputs) hash.update('\0').update(JSON.stringify(input) ?? 'undefined');
  return hash.digest('hex');
}
