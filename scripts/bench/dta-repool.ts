/**
 * The bivariate re-pooling of the Explore page timed alone, at fixed numbers of 2×2 tables (e.g.
 * 100 and 1,000): in Chromium (scripts/bench/lib/dta-time.ts bundled with esbuild, as Vite bundles the
 * page's code; the HTML put into a results element and laid out, as the page draws it) and in Node.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { timeDtaRepool } from './lib/dta-time.ts';
import type { DtaRepool } from './lib/types.ts';
import { serveStatic } from '../lib/static-server.ts';
import { PROJECT_ROOT } from './synthetic.ts';

const ENTRY = `
import { timeDtaRepool } from './scripts/bench/lib/dta-time.ts';
/** Time n tables; the draw step sets the results element's HTML and forces layout, as the page's redraw does. */
export function run({ n, runs, seed }) {
  const results = document.querySelector('#results');
  return timeDtaRepool(n, runs, seed, (html) => {
    results.innerHTML = html;
    results.getBoundingClientRect();
    results.querySelectorAll('circle').length;
  });
}
`;

const HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bench DTA re-pool</title>
<style>.sroc-plot{max-width:100%;height:auto}</style></head>
<body><main id="results"></main></body></html>
`;

/** In Node: each size `runs` times. */
export function dtaRepoolNode(sizes: readonly number[], runs: number, seed: number): DtaRepool[] {
  return sizes.map((n) => ({ engine: 'node', ...timeDtaRepool(n, runs, seed) }));
}

/** In Chromium (a fresh context on a blank served page): each size `runs` times. */
export async function dtaRepoolBrowser(browser: Browser, sizes: readonly number[], runs: number, seed: number): Promise<DtaRepool[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-dta-'));
  const server = await serveStatic(dir);
  const context = await browser.newContext();
  try {
    await mkdir(dir, { recursive: true });
    // esbuild comes with Astro's toolchain (Vite); it is not a direct dependency of the project.
    const esbuild = await import('esbuild');
    await esbuild.build({
      stdin: { contents: ENTRY, resolveDir: PROJECT_ROOT, sourcefile: 'dta-entry.js', loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      minify: true,
      target: 'es2022',
      outfile: join(dir, 'dta.js'),
      logLevel: 'silent',
    });
    await writeFile(join(dir, 'index.html'), HTML);
    const page = await context.newPage();
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    const out: DtaRepool[] = [];
    for (const n of sizes) {
      // A string, so no test runner rewrites the dynamic import of the page's own module.
      const t = await page.evaluate(`import('./dta.js').then((m) => m.run(${JSON.stringify({ n, runs, seed })}))`);
      out.push({ engine: 'chromium', ...(t as Omit<DtaRepool, 'engine'>) });
    }
    return out;
  } finally {
    await context.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
