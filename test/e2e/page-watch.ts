/**
 * Opens pages with watchers installed before any page script runs: Content-Security-Policy
 * violations (the `securitypolicyviolation` event and "Refused to …" console messages),
 * console errors and uncaught exceptions. Also lists every page of the build.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { E2E } from './harness.ts';

/** What a watched page reported; read the arrays after the page has done its work. */
export interface Watched {
  page: Page;
  requested: string[];
  /** CSP violations: "directive blocked-uri (source:line)" and refused-to console lines. */
  csp(): Promise<string[]>;
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

/** Every page of a build as a site path (`/`, `/studies/`, …), from its index.html files. */
export function listPages(distDir: string, dir = distDir): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === 'pagefind' || n === '_astro' ? [] : listPages(distDir, p);
    if (n !== 'index.html') return [];
    const rel = relative(distDir, dir).split('\\').join('/');
    return [rel ? `/${rel}/` : '/'];
  });
}

/** A browser context whose pages record CSP violations from their first script on. */
export async function watchedContext(e2e: E2E): Promise<BrowserContext> {
  const context = await e2e.browser.newContext();
  await context.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} sample=${e.sample}`);
    });
  });
  return context;
}

/** Open `path` with the watchers in place, in `context` (from watchedContext) or a fresh one. */
export async function openWatched(e2e: E2E, path: string, context?: BrowserContext): Promise<Watched> {
  context ??= await watchedContext(e2e);
  const page = await context.newPage();
  const requested: string[] = [];
  const errors: string[] = [];
  const refused: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  page.on('console', (m) => {
    const text = m.text();
    if (/Content Security Policy|Refused to/i.test(text)) refused.push(text);
    if (m.type() === 'error') errors.push(`console: ${text}`);
  });
  page.on('pageerror', (err) => errors.push(`exception: ${err.message}`));
  await page.goto(`${e2e.server.origin}${path}`, { waitUntil: 'load' });
  return {
    page,
    requested,
    errors,
    async csp() {
      const fromEvents = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => []);
      return [...fromEvents, ...refused];
    },
  };
}
