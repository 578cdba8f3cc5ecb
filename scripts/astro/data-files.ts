/**
 * Astro integration: serves data/ at /data/ in dev and copies the generated data files into
 * the build output, so the Data page's downloads and the browser's DuckDB file are same-origin.
 */
import type { AstroIntegration } from 'astro';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { createReadStream, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, basename } from 'node:path';

const PUBLISHED = /\.(parquet|csv|json|duckdb)$/;

/** The integration; `dataDir` is the folder npm run data writes to, `dictionary` the committed data/README.md. */
export function dataFiles(dataDir: string, dictionary: string): AstroIntegration {
  return {
    name: 'data-files',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const m = /^\/data\/([\w.-]+)$/.exec((req.url ?? '').split('?')[0] ?? '');
          const name = m ? basename(m[1]!) : null;
          const file = name === 'README.md' ? dictionary : name ? join(dataDir, name) : null;
          if (!file || !(name === 'README.md' || PUBLISHED.test(name!)) || !existsSync(file)) return next();
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), 'data');
        await mkdir(out, { recursive: true });
        const names = (await readdir(dataDir)).filter((n) => PUBLISHED.test(n));
        if (!names.includes('review.duckdb')) throw new Error(`${dataDir}/review.duckdb is missing: run npm run data before astro build (npm run build does both)`);
        for (const n of names) await copyFile(join(dataDir, n), join(out, n));
        await copyFile(dictionary, join(out, 'README.md'));
        logger.info(`copied ${names.length + 1} data files to ${out}`);
      },
    },
  };
}
