/**
 * Build a git ref and the working tree and compare the two sites file by file (site-digest.ts).
 * The ref is checked out in a temporary `git worktree`; instead of `npm ci` its node_modules is
 * a folder of symlinks to the working tree's packages, leaving out the caches tools keep there
 * (Astro's node_modules/.astro, Vite's .vite), so the two builds share no cached state.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdir, readdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { compareManifests, digestDir, type ManifestDiff } from './site-digest.ts';

/** Entries of node_modules that hold build caches, never shared between the two builds. */
export const CACHE_ENTRIES = new Set(['.astro', '.vite', '.cache', '.vitest', '.tmp']);

/** Fill `to` (created) with symlinks to every entry of the node_modules folder `from`, caches left out; returns the entries left out. */
export async function linkNodeModules(from: string, to: string): Promise<string[]> {
  await mkdir(to, { recursive: true });
  const skipped: string[] = [];
  for (const name of await readdir(from)) {
    if (CACHE_ENTRIES.has(name)) skipped.push(name);
    else await symlink(join(from, name), join(to, name));
  }
  return skipped.sort();
}

/** Builds one project into `out` (its data files into `data`). */
export type Builder = (project: string, out: string, data: string) => Promise<void>;

/** `npm run build` of `project` into `out`, as the test setup runs it (SITE_OUT_DIR / SITE_DATA_DIR); rejects on failure. */
export const npmBuild: Builder = (project, out, data) =>
  new Promise((resolve, reject) => {
    const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_OUT_DIR: out, SITE_DATA_DIR: data };
    const child = spawn('npm', ['run', 'build', '--silent'], { cwd: project, env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build in ${project} exited ${code}`))));
  });

/** What compareBuilds found: the commit built, both sites' folders and their diff (before = the ref). */
export interface BuildComparison {
  commit: string;
  before: string;
  after: string;
  files: { before: number; after: number };
  diff: ManifestDiff;
}

/** Options: the repository (its working tree is "after"), the ref ("before"), a scratch folder, how to build, and whether to link node_modules or run `npm ci`. */
export interface CompareOptions {
  repo: string;
  ref: string;
  work: string;
  build?: Builder;
  npmCi?: boolean;
  log?: (line: string) => void;
}

const git = (repo: string, ...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** The commit a ref names; throws with git's message when it names none. */
export function resolveCommit(repo: string, ref: string): string {
  try {
    return git(repo, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
  } catch {
    throw new Error(`${ref} is not a commit in ${repo}`);
  }
}

/** Build `ref` in a temporary worktree under `work` and the working tree of `repo`, and compare the two sites. The worktree is removed afterwards; the sites stay in `work`. */
export async function compareBuilds(o: CompareOptions): Promise<BuildComparison> {
  const log = o.log ?? (() => {});
  const build = o.build ?? npmBuild;
  const commit = resolveCommit(o.repo, o.ref);
  const tree = join(o.work, 'ref-tree');
  const before = join(o.work, 'ref-dist');
  const after = join(o.work, 'current-dist');
  await mkdir(o.work, { recursive: true });
  git(o.repo, 'worktree', 'add', '--detach', tree, commit);
  try {
    if (o.npmCi) {
      log(`npm ci in ${tree}…`);
      execFileSync('npm', ['ci', '--silent'], { cwd: tree, stdio: ['ignore', 'ignore', 'inherit'] });
    } else {
      const skipped = await linkNodeModules(join(o.repo, 'node_modules'), join(tree, 'node_modules'));
      log(`node_modules linked from the working tree${skipped.length ? ` (its caches ${skipped.join(', ')} left out)` : ''}`);
    }
    log(`building ${o.ref} (${commit.slice(0, 12)}) in ${tree}…`);
    await build(tree, before, join(o.work, 'ref-data'));
  } finally {
    git(o.repo, 'worktree', 'remove', '--force', tree);
  }
  log(`building the working tree ${o.repo}…`);
  await build(o.repo, after, join(o.work, 'current-data'));
  const [a, b] = await Promise.all([digestDir(before), digestDir(after)]);
  return { commit, before, after, files: { before: a.length, after: b.length }, diff: compareManifests(a, b) };
}

/** Remove a scratch folder (after a comparison, unless kept). */
export async function removeWork(work: string): Promise<void> {
  await rm(work, { recursive: true, force: true });
}
