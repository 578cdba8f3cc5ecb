/** Shared e2e setup: serve the test build and open pages in Chromium, recording every request. */
import { inject } from 'vitest';
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
