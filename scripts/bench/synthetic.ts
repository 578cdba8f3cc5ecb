/**
 * A throwaway project for the benchmark, in a temporary folder, never in content/: a copy of the
 * site's code (src, scripts, public, configs), node_modules linked entry by entry (so Astro's
 * caches in node_modules/.astro stay private to the run), content/review.yaml copied, and the
 * synthetic corpus written as listing sources for the real `npm run ingest` to read.
 */
import { cp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { generateCorpus, type SyntheticCorpus } from './lib/synthetic/corpus.ts';
import { markSynthetic } from './lib/synthetic/mark.ts';
import type { Combo } from './lib/synthetic/probe.ts';
import type { Review } from '../../src/lib/schema/index.ts';

/** This project's root. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Entries of node_modules never linked: Astro's and Vite's caches, which each project keeps for itself. */
const PRIVATE_CACHES = new Set(['.astro', '.vite', '.cache']);

/** Make `dir/node_modules` a folder of links to this project's packages, minus the build caches. */
export async function linkNodeModules(dir: string): Promise<void> {
  const target = join(dir, 'node_modules');
  await mkdir(target, { recursive: true });
  for (const name of await readdir(join(PROJECT_ROOT, 'node_modules'))) {
    if (PRIVATE_CACHES.has(name)) continue;
    await symlink(join(PROJECT_ROOT, 'node_modules', name), join(target, name));
  }
}

/** Remove a project's build caches (so every measured build starts cold, as in CI). */
export async function clearBuildCaches(dir: string): Promise<void> {
  for (const c of PRIVATE_CACHES) await rm(join(dir, 'node_modules', c), { recursive: true, force: true });
  await rm(join(dir, '.astro'), { recursive: true, force: true });
  await rm(join(dir, '.cache'), { recursive: true, force: true });
}

/** Copy the site's code and configuration into `dir` (a snapshot: other engineers may be editing the originals). */
export async function copySiteCode(dir: string): Promise<void> {
  for (const entry of ['src', 'scripts', 'public']) await cp(join(PROJECT_ROOT, entry), join(dir, entry), { recursive: true });
  for (const file of ['astro.config.mjs', 'tsconfig.json', 'package.json']) await cp(join(PROJECT_ROOT, file), join(dir, file));
  await mkdir(join(dir, 'data'), { recursive: true });
  await cp(join(PROJECT_ROOT, 'data', 'README.md'), join(dir, 'data', 'README.md'));
  await linkNodeModules(dir);
}

/** Copy review.yaml into the project, with one search-log entry per synthetic source file. */
async function writeReview(dir: string, corpus: SyntheticCorpus): Promise<void> {
  const doc = parseDocument(await readFile(join(PROJECT_ROOT, 'content', 'review.yaml'), 'utf8'));
  doc.set(
    'search_log',
    corpus.files.map((f) => ({
      date: '2025-10-01',
      source: 'Synthetic benchmark listing (generated, not a real search)',
      file: `content/sources/${f.name}`,
      records_found: corpus.records.filter((r) => r.file === f.name).length,
    })),
  );
  await writeFile(join(dir, 'content', 'review.yaml'), doc.toString({ lineWidth: 0 }));
}

/** Write the project for `studies` synthetic records into `dir` (site code, review.yaml, sources; no pages yet). */
export async function createSyntheticProject(dir: string, review: Review, studies: number, seed: number, combos?: readonly Combo[]): Promise<SyntheticCorpus> {
  const corpus = generateCorpus({ studies, outcomes: review.outcomes, seed, combos });
  await mkdir(join(dir, 'content', 'sources'), { recursive: true });
  await writeReview(dir, corpus);
  for (const f of corpus.files) await writeFile(join(dir, 'content', 'sources', f.name), f.text);
  return corpus;
}

/** The key of a page's record: its frontmatter's source.file and source.record ("" when absent). */
function recordKey(page: string): string {
  const file = /^ {2}file: (.+)$/m.exec(page)?.[1]?.replace(/^"|"$/g, '');
  const record = /^ {2}record: (\d+)$/m.exec(page)?.[1];
  return file && record ? `${file}#${record}` : '';
}

/**
 * Mark every ingested page synthetic, give it a screening decision and (given the corpus) the 2×2
 * tables its abstract reports (not timed: the bench's own step). Returns the number of pages.
 */
export async function markProject(dir: string, review: Review, corpus?: SyntheticCorpus): Promise<number> {
  const studiesDir = join(dir, 'content', 'studies');
  const names = (await readdir(studiesDir)).filter((n) => n.endsWith('.mdx'));
  const reason = review.exclusion_reasons[0]!.id;
  const tables = new Map((corpus?.records ?? []).map((r) => [`content/sources/${r.file}#${r.record}`, r.tables]));
  for (const n of names) {
    const file = join(studiesDir, n);
    const page = await readFile(file, 'utf8');
    await writeFile(file, markSynthetic(page, n.replace(/\.mdx$/, ''), reason, tables.get(recordKey(page)) ?? []));
  }
  return names.length;
}

/** Commit the content in a fresh git repository, so the build reads a history as it does in a real checkout. */
export function commitContent(dir: string): void {
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid', GIT_AUTHOR_DATE: '2025-10-01T12:00:00Z', GIT_COMMITTER_DATE: '2025-10-01T12:00:00Z' } });
  git('init', '-q');
  git('add', 'content');
  git('commit', '-q', '-m', 'Synthetic benchmark corpus');
}
