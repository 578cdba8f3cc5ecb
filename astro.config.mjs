// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { fileURLToPath } from 'node:url';
import { dataFiles } from './scripts/astro/data-files.ts';
import { csp } from './scripts/astro/csp.ts';
import { studyBodyGuard } from './scripts/astro/study-body-guard.ts';
import { duckdbWasm } from './scripts/astro/duckdb-wasm.ts';
import { ASTRO_CACHE_DIR } from './scripts/astro/cache-dir.ts';

// SITE_DATA_DIR / SITE_OUT_DIR let tests and benchmarks build into their own folders.
const dataDir = process.env.SITE_DATA_DIR ?? fileURLToPath(new URL('./data', import.meta.url));

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: process.env.BASE_PATH ?? '/',
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  cacheDir: ASTRO_CACHE_DIR,
  // A path whose cacheKey (src/build/page-key-fs.ts) and compiled code are unchanged since the last
  // build is copied from the cache instead of rendered; study pages and figure files carry one.
  experimental: { incrementalBuild: true },
  // Study pages are MDX written by anyone who opens a pull request: the guard refuses code in them
  // (import/export, {…} expressions, unknown components, raw HTML) before they compile.
  integrations: [mdx({ processor: satteri({ mdastPlugins: [studyBodyGuard(new URL('.', import.meta.url))] }) }), dataFiles(dataDir, fileURLToPath(new URL('./data/README.md', import.meta.url)))],
  build: { format: 'directory' },
  // Content-Security-Policy meta on every page (scripts/astro/csp.ts).
  security: { csp },
  // Shiki colours code with inline style attributes, which the CSP forbids; Prism uses classes.
  markdown: { syntaxHighlight: 'prism' },
  vite: {
    // DuckDB-WASM's module as one gzip file (no file of the site over 25 MiB).
    plugins: [duckdbWasm()],
    build: { assetsInlineLimit: 0 },
  },
});
