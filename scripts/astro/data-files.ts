/**
 * Astro integration: serves data/ at /data/ in dev and copies the generated data files into
 * the build output, so the Data page's downloads and the browser's DuckDB file are same-origin.
 */
import type { AstroIntegration } from 'astro';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { createReadStream, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, basename } from 'node:path';

const PUBLISHED = /\.(parquet|csv|json|duckdb)$|^README\.md$/;

/** The integration; `dataDir` is the folder npm run data writes to. */
export function dataFiles(dataDir: string): AstroIntegration {
  return {
    name: 'data-files',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const m = /^\/data\/([\w.-]+)$/.exec((req.url ?? '').split('?')[0] ?? '');
          const file = m ? join(dataDir, basename(m[1]!)) : null;
          if (!file || !PUBLISHED.test(basename(file)) || !existsSync(file)) return next();
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), 'data');
        await mkdir(out, { recursive: true });
        const names = (await readdir(dataDir)).filter((n) => PUBLISHED.test(n));
        if (!names.includes('review.duckdb')) throw new Error(`${dataDir}/review.duckdb is missing: run npm run data before astro build (npm run build does both)`);
        for (const n of names) await copyFile(join(dataDir, n), join(out, n));
        logger.info(`copied ${names.length} data files to ${out}`);
      },
    },
  };
}
