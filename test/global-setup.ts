/**
 * Builds the site once, into a fresh temporary folder, before the tests that read it
 * (built-site and e2e tests): the steps of npm run build, from content/, as a user runs them.
 * Tests find the folders through inject('distDir') / inject('dataDir'). Set SKIP_BUILD=1 to
 * reuse the last test build while iterating.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LAST = join(tmpdir(), 'living-review-last-test-build.json');

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
    dataDir: string;
  }
}

export default function setup(project: TestProject): void {
  if (process.env.SKIP_BUILD === '1' && existsSync(LAST)) {
    const last = JSON.parse(readFileSync(LAST, 'utf8')) as { distDir: string; dataDir: string };
    if (existsSync(join(last.distDir, 'index.html'))) {
      project.provide('distDir', last.distDir);
      project.provide('dataDir', last.dataDir);
      return;
    }
  }
  const base = join(tmpdir(), `living-review-build-${process.pid}-${Date.now()}`);
  const dataDir = join(base, 'data');
  const distDir = join(base, 'dist');
  mkdirSync(dataDir, { recursive: true });
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_DATA_DIR: dataDir, SITE_OUT_DIR: distDir };
  const started = Date.now();
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env });
  console.log(`global setup: site built into ${distDir} in ${Date.now() - started} ms`);
  writeFileSync(LAST, JSON.stringify({ distDir, dataDir }));
  project.provide('distDir', distDir);
  project.provide('dataDir', dataDir);
}
