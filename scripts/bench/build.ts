/**
 * Build-side benchmark for one corpus size: generate the synthetic project, time the real
 * `npm run ingest`, mark the pages synthetic (untimed), time the bare Astro baseline and the
 * whole `npm run build` (check, data, astro build, PNGs, Pagefind, split into steps from the
 * process tree). Every command runs as a child process,
 * measured by measure.ts, and is stopped when it would overrun the run's deadline.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Review } from '../../src/lib/schema/index.ts';
import type { Combo } from './lib/synthetic/probe.ts';
import { pageEstimateCount } from './lib/synthetic/page-estimates.ts';
import type { CommandCost, SizeResult } from './lib/types.ts';
import { formatMs } from './lib/stats.ts';
import { routeCosts } from './lib/routes.ts';
import { measure, type Measurement } from './measure.ts';
import { clearBuildCaches, commitContent, copySiteCode, createSyntheticProject, markProject } from './synthetic.ts';
import { createBareAstro } from './bare-astro.ts';
import { distFiles, summarizeFiles } from '../lib/dist-files.ts';

/** What one size needs. */
export interface SizeOptions {
  studies: number;
  seed: number;
  review: Review;
  combos: readonly Combo[];
  workDir: string;
  /** Epoch ms by which the build side must be done (commands are stopped at it). */
  deadline: number;
  variant: string | null;
  /** Also time a second `npm run build` after one study page changed (caches kept). */
  rebuild: boolean;
  log(line: string): void;
}

/** What-if variants of the site, applied to the bench's copy of the code only (never to the project): each replaces one text. */
export const VARIANTS: Record<string, { file: string; from: string; to: string; append?: string; what: string }> = {
  'no-png': {
    file: 'src/lib/figures/png.ts',
    from: 'export const PNG_MAX_ROWS = 100;',
    to: 'export const PNG_MAX_ROWS = -1;',
    what: 'no figure PNG rendered (and none linked)',
  },
};

/** Apply named variants (comma-separated) to the project copy in `dir`; returns what each changed. */
export async function applyVariants(dir: string, names: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of names.split(',')) {
    const v = VARIANTS[name];
    if (!v) throw new Error(`unknown variant ${name}; known: ${Object.keys(VARIANTS).join(', ')}`);
    const file = join(dir, v.file);
    const text = await readFile(file, 'utf8').catch(() => '');
    if (!text.includes(v.from)) throw new Error(`variant ${name}: ${v.file} no longer contains ${JSON.stringify(v.from)}`);
    await writeFile(file, text.replace(v.from, v.to) + (v.append ?? ''));
    out.push(`WHAT-IF VARIANT "${name}": ${v.what} (the bench's copy of the code only)`);
  }
  return out;
}

/** The steps of npm run build, told apart by their processes' command lines (anchored at the start: the `sh -c` running npm's script line names every step too). */
export const BUILD_STEPS = [
  { name: 'check', match: /^(\S*\/)?node \S*scripts\/check\.ts/ },
  { name: 'data', match: /^(\S*\/)?node \S*scripts\/build-data\.ts/ },
  { name: 'astro build', match: /^(\S*\/)?node \S*astro(\.mjs)? build\b/ },
  { name: 'png warm-up (beside check, data, astro build)', match: /^(\S*\/)?node \S*scripts\/build-png\.ts --warm/ },
  { name: 'png', match: /^(\S*\/)?node \S*scripts\/build-png\.ts(?! --warm)/ },
  { name: 'pdf warm-up (beside check, data, astro build)', match: /^(\S*\/)?node \S*scripts\/build-pdf\.ts --warm/ },
  { name: 'pdf', match: /^(\S*\/)?node \S*scripts\/build-pdf\.ts(?! --warm)/ },
  { name: 'search (Pagefind)', match: /^(\S*\/)?node \S*scripts\/build-search\.ts/ },
];

function cost(m: Measurement): CommandCost {
  const { wallMs, exitCode, timedOut, treePeakBytes, maxProcessBytes, cpuSeconds, steps } = m;
  return { wallMs, exitCode, timedOut, treePeakBytes, maxProcessBytes, cpuSeconds, steps };
}

/** Estimates in the ingested pages (entries of their estimates lists). */
async function countEstimates(project: string): Promise<number> {
  const dir = join(project, 'content', 'studies');
  let n = 0;
  for (const name of await readdir(dir)) n += pageEstimateCount(await readFile(join(dir, name), 'utf8'));
  return n;
}

/** Run the build side for one size; returns the result and the built site's folders (null when it did not build). */
export async function benchSize(o: SizeOptions): Promise<{ result: SizeResult; site: string | null; data: string; project: string }> {
  const n = o.studies;
  const project = join(o.workDir, `site-${n}`);
  const data = join(project, 'data');
  const dist = join(project, 'dist');
  const env = { ...process.env, PATH: `${join(project, 'node_modules', '.bin')}:${process.env.PATH}`, ASTRO_TELEMETRY_DISABLED: '1', SITE_DATA_DIR: data, SITE_OUT_DIR: dist };
  const result: SizeResult = { studies: n, estimates: 0, estimatesIntended: 0, sourceBytes: 0, ingest: null, build: null, rebuild: null, routes: null, bareRoutes: null, bare: null, htmlPages: null, files: null, distBytes: null, nonWasmBytes: null, largestFile: null, variant: o.variant, notes: [] };
  const left = () => Math.max(30_000, o.deadline - Date.now());
  const logFile = (name: string) => join(o.workDir, `${name.replace(/\W+/g, '-')}-${n}.log`);
  const run = async (name: string, argv: string[], cwd: string, steps?: typeof BUILD_STEPS) => {
    o.log(`  ${n}: ${name}…`);
    const m = await measure(argv, { cwd, env, logFile: logFile(name), steps, timeoutMs: left() });
    o.log(`  ${n}: ${name} ${m.timedOut ? 'TIMED OUT after' : m.exitCode ? `FAILED (exit ${m.exitCode}) after` : 'took'} ${formatMs(m.wallMs)}`);
    if (m.timedOut || m.exitCode) result.notes.push(`${name}: ${m.timedOut ? `stopped at the run's deadline after ${formatMs(m.wallMs)}` : `exit ${m.exitCode}`}; log ${logFile(name)}`);
    return cost(m);
  };

  o.log(`  ${n}: generating the synthetic corpus…`);
  const corpus = await createSyntheticProject(project, o.review, n, o.seed, o.combos);
  result.estimatesIntended = corpus.records.reduce((k, r) => k + r.estimates.length, 0);
  result.sourceBytes = corpus.files.reduce((k, f) => k + Buffer.byteLength(f.text), 0);
  await copySiteCode(project);
  if (o.variant) result.notes.push(...(await applyVariants(project, o.variant)));

  result.ingest = await run('npm run ingest', ['npm', 'run', 'ingest', '--silent'], project);
  if (result.ingest.exitCode !== 0) return { result, site: null, data, project };
  result.estimates = await countEstimates(project);
  await markProject(project, o.review, corpus);
  commitContent(project);

  const bareDir = join(o.workDir, `bare-${n}`);
  await createBareAstro(bareDir, n);
  result.bare = await run('bare astro build', [join(bareDir, 'node_modules', '.bin', 'astro'), 'build'], bareDir);
  result.bareRoutes = routeCosts(await readFile(logFile('bare astro build'), 'utf8').catch(() => ''));

  await clearBuildCaches(project);
  result.build = await run('npm run build', ['npm', 'run', 'build', '--silent'], project, BUILD_STEPS);
  result.routes = routeCosts(await readFile(logFile('npm run build'), 'utf8').catch(() => ''));
  if (result.build.exitCode !== 0) return { result, site: null, data, project };
  const s = summarizeFiles(await distFiles(dist));
  [result.files, result.htmlPages, result.distBytes, result.nonWasmBytes] = [s.files, s.html, s.bytes, s.nonWasmBytes];
  result.largestFile = s.largest && { path: s.largest.path, bytes: s.largest.size };

  if (o.rebuild && Date.now() < o.deadline) {
    const dir = join(project, 'content', 'studies');
    const first = (await readdir(dir)).sort()[0]!;
    await writeFile(join(dir, first), `${await readFile(join(dir, first), 'utf8')}\nA curator's note added by the benchmark before the rebuild.\n`);
    result.rebuild = await run('npm run build again', ['npm', 'run', 'build', '--silent'], project, BUILD_STEPS);
  }
  return { result, site: dist, data, project };
}
