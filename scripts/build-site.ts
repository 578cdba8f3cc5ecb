/**
 * npm run build: check → data → astro build → PNGs → PDFs → Pagefind, with the PNG and PDF
 * warm-ups (scripts/build-png.ts --warm, scripts/build-pdf.ts --warm) running beside the first
 * three from the start: astro build uses one core, the warm-ups render the figures on the other.
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

async function main(): Promise<void> {
  const warm = start(['scripts/build-png.ts', '--warm']);
  const warmed = finished(warm);
  const warmPdf = start(['scripts/build-pdf.ts', '--warm']);
  const warmedPdf = finished(warmPdf);
  try {
    await step('check', ['scripts/check.ts']);
    await step('data', ['scripts/build-data.ts']);
    if (await dropStaleContentStore(process.cwd())) console.log('build: the content schema changed, so Astro re-reads every page (its cached entries predate the schema)');
    await step('astro build', [astro, 'build']);
  } catch (error) {
    warm.kill();
    warmPdf.kill();
    throw error;
  }
  // A failed warm-up costs time, not correctness: placing renders whatever the cache lacks.
  if ((await warmed) !== 0) console.error('build: the PNG warm-up failed; the PNG step renders every figure itself');
  await step('png', ['scripts/build-png.ts']);
  if ((await warmedPdf) !== 0) console.error('build: the PDF warm-up failed; the PDF step renders every figure itself');
  await step('pdf', ['scripts/build-pdf.ts']);
  await step('search', ['scripts/build-search.ts']);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit((error as { code?: number }).code || 1);
});
