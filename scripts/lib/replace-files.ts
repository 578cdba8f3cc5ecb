/**
 * All-or-nothing replacement of generated files: everything is written into a staging folder
 * inside the target folder (same file system, so rename is atomic per file), and only when every
 * writer has finished are the files renamed over the old ones. A failed or interrupted run leaves
 * the old files as they were; its staging folder is removed, or swept by the next run.
 */
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Prefix of staging folders; the writer's pid follows, so a later run can tell a dead run's leftovers from a live one. */
export const STAGING_PREFIX = '.staging-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove staging folders in dir left by runs that no longer exist (killed, or interrupted with Ctrl-C). */
export async function sweepStaging(dir: string): Promise<string[]> {
  const stale = (await readdir(dir)).filter((n) => {
    const pid = Number(/^\.staging-(\d+)-/.exec(n)?.[1]);
    return n.startsWith(STAGING_PREFIX) && !(pid > 0 && (pid === process.pid || alive(pid)));
  });
  for (const n of stale) await rm(join(dir, n), { recursive: true, force: true });
  return stale;
}

/**
 * Run `write` on a fresh staging folder inside dir; it returns the names of the files it wrote,
 * in the order they are to be renamed into dir (put the file readers check first, e.g. a manifest,
 * last). On any error nothing in dir changes and the staging folder is removed.
 */
export async function replaceFiles(dir: string, write: (staging: string) => Promise<readonly string[]>): Promise<readonly string[]> {
  await mkdir(dir, { recursive: true });
  await sweepStaging(dir);
  const staging = await mkdtemp(join(dir, `${STAGING_PREFIX}${process.pid}-`));
  try {
    const names = await write(staging);
    const present = new Set(await readdir(staging));
    const missing = names.filter((n) => !present.has(n));
    if (missing.length > 0) throw new Error(`replaceFiles: the writer did not write ${missing.join(', ')}`);
    for (const n of names) await rename(join(staging, n), join(dir, n));
    return names;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
