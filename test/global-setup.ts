/**
 * Builds the site once before the tests that read dist/ (built-site and e2e tests):
 * npm run build's steps, from content/, exactly as a user runs them. Set SKIP_BUILD=1 to reuse
 * an existing dist/ while iterating on tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export default function setup(): void {
  if (process.env.SKIP_BUILD === '1' && existsSync(join(ROOT, 'dist', 'index.html'))) return;
  const started = Date.now();
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  console.log(`global setup: site built in ${Date.now() - started} ms`);
}
