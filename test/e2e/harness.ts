/** Shared e2e setup: serve the test build and open pages in Chromium, recording every request. */
import { inject } from 'vitest';
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { launchChromium } from '../../scripts/lib/browser.ts';

/** A browser and a server for one test file. */
export interface E2E {
  browser: Browser;
  server: StaticServer;
  /** Open a path; returns the page and the URLs it requested (all origins). */
  open(path: string, options?: { javaScriptEnabled?: boolean }): Promise<{ page: Page; requested: string[] }>;
  close(): Promise<void>;
}

/** Start Chromium and serve the site built by the global setup. */
export async function startE2E(): Promise<E2E> {
  const server = await serveStatic(inject('distDir'));
  const browser = await launchChromium();
  const contexts: { close(): Promise<void> }[] = [];
  return {
    browser,
    server,
    async open(path, options = {}) {
      const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
      contexts.push(context);
      const page = await context.newPage();
      const requested: string[] = [];
      page.on('request', (r) => requested.push(r.url()));
      await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      return { page, requested };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await server.close();
    },
  };
}

/** A project copy built with `npm run build` as a user builds it, served, with a Chromium: for e2e files that need their own content. */
export interface BuiltCopy {
  dir: string;
  dist: string;
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

/** Make a project copy with `make`, build it, serve its dist/ and start Chromium; `close` stops both and deletes the copy. */
export async function startBuiltCopy(make: () => Promise<string>): Promise<BuiltCopy> {
  const dir = await make();
  const dist = join(dir, 'dist');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  return {
    dir,
    dist,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
