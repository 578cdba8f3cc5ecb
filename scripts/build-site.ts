/**
 * npm run build: check and data → astro build → PNGs, PDFs and Pagefind at once, with the PNG and PDF
 * warm-ups (scripts/build-png.ts --warm, scripts/build-pdf.ts --warm) running beside the first
 * three from the start: astro build uses one core, the warm-ups render the figures on the other.
 * Every step keeps a content-addressed cache in .cache/ (study pages, data, Astro's pages, figure
 * PNGs and PDFs), so after a change only what it touched is computed again.
 * Each step is its own process (the benchmark times them apart); the first failing step stops
 * the build with its exit code.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { dropStaleContentStore } from './lib/content-cache.ts';

const node = process.execPath;
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');

function start(args: string[]): ChildProcess {
  return spawn(node, args, { stdio: 'inherit', env: process.env });
}

function finished(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function step(name: string, args: string[]): Promise<void> {
  const code = await finished(start(args));
  if (code !== 0) throw Object.assign(new Error(`build: ${name} failed (exit ${code})`), { code });
}

/**
 * check and data at once (data refuses every error check reports, and writes nothing then): data's
 * output is held back until check has passed, so a failing check is reported once, by check,
 * and data is stopped.
 */
async function checkThenData(): Promise<void> {
  const data = spawn(node, ['scripts/build-data.ts'], { stdio: ['inherit', 'pipe', 'pipe'], env: process.env });
  const held: { out: boolean; chunk: Buffer }[] = [];
  let passed = false;
  const hold = (out: boolean) => (chunk: Buffer) => (passed ? (out ? process.stdout : process.stderr).write(chunk) : held.push({ out, chunk }));
  data.stdout!.on('data', hold(true));
  data.stderr!.on('data', hold(false));
  const dataDone = finished(data);
  try {
    await step('check', ['scripts/check.ts']);
  } catch (error) {
    data.kill();
    await dataDone;
    throw error;
  }
  passed = true;
  for (const h of held.splice(0)) (h.out ? process.stdout : process.stderr).write(h.chunk);
  const code = await dataDone;
  if (code !== 0) throw Object.assign(new Error(`build: data failed (exit ${code})`), { code });
}

async function main(): Promise<void> {
  const warm = start(['scripts/build-png.ts', '--warm']);
  const warmed = finished(warm);
  const warmPdf = start(['scripts/build-pdf.ts', '--warm']);
  const warmedPdf = finished(warmPdf);
  try {
    await checkThenData();
    if (await dropStaleContentStore(process.cwd())) console.log('build: the content schema changed, so Astro re-reads every page (its cached entries predate the schema)');
    await step('astro build', [astro, 'build']);
  } catch (error) {
    warm.kill();
    warmPdf.kill();
    throw error;
  }
  // The three last steps write apart (figures/*.png, figures/*.pdf, pagefind/) and read only what
  // astro build wrote, so they run at once; the first to fail stops the others.
  // A failed warm-up costs time, not correctness: placing renders whatever the cache lacks.
  const afterWarmUp = async (warm: Promise<number>, what: string) => {
    if ((await warm) !== 0) console.error(`build: the ${what} warm-up failed; the ${what} step renders every figure itself`);
  };
  await together([
    { name: 'png', args: ['scripts/build-png.ts'], after: afterWarmUp(warmed, 'PNG') },
    { name: 'pdf', args: ['scripts/build-pdf.ts'], after: afterWarmUp(warmedPdf, 'PDF') },
    { name: 'search', args: ['scripts/build-search.ts'], after: Promise.resolve() },
  ]);
}

/** Run steps at once, each once its `after` has settled; the first failure kills the others and is thrown with its exit code. */
async function together(steps: { name: string; args: string[]; after: Promise<void> }[]): Promise<void> {
  const children: ChildProcess[] = [];
  let failed = false;
  const runs = steps.map(async ({ name, args, after }) => {
    await after;
    if (failed) return;
    const child = start(args);
    children.push(child);
    const code = await finished(child);
    if (code !== 0 && !failed) {
      failed = true;
      for (const c of children) if (c !== child) c.kill();
      throw Object.assign(new Error(`build: ${name} failed (exit ${code})`), { code });
    }
  });
  const results = await Promise.allSettled(runs);
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) throw (failure as PromiseRejectedResult).reason;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit((error as { code?: number }).code || 1);
});
