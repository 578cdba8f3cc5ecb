/**
 * npm start / npm run preview: serve the built site (dist/, or SITE_OUT_DIR) at
 * http://localhost:4321/ under its base path (BASE_PATH, as astro.config.mjs reads it), with
 * the HTTP range requests DuckDB-WASM reads review.duckdb by (scripts/lib/static-server.ts).
 * `--port N`, `--host H` (e.g. 0.0.0.0 to reach it from another machine), `--dir D`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serveStatic } from './lib/static-server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    host: { type: 'string', default: 'localhost' },
    dir: { type: 'string', default: process.env.SITE_OUT_DIR ?? 'dist' },
  },
});
const root = resolve(values.dir!);
if (!existsSync(join(root, 'index.html'))) {
  console.error(`${root}/index.html is missing: build the site first (npm run build).`);
  process.exit(1);
}
const base = process.env.BASE_PATH ?? '/';
const server = await serveStatic(root, Number(values.port), { base, host: values.host!, log: false });
console.log(`Serving ${root} at ${server.origin}${`/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/')} (Ctrl+C stops it)`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void server.close().then(() => process.exit(0)));
