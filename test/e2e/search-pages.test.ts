import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildSearchIndex } from '../../scripts/lib/search-index.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { launchChromium } from '../../scripts/lib/browser.ts';

// The built search page over an index of 45 synthetic study pages: more hits than one page of results.
const HITS = 45;
const site = mkdtempSync(join(tmpdir(), 'search-pages-'));
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const dist = inject('distDir');
  for (const dir of ['search', '_astro']) cpSync(join(dist, dir), join(site, dir), { recursive: true });
  for (let i = 1; i <= HITS; i++) {
    const slug = `study-${String(i).padStart(2, '0')}`;
    mkdirSync(join(site, 'studies', slug), { recursive: true });
    writeFileSync(
      join(site, 'studies', slug, 'index.html'),
      `<!doctype html><html lang="en"><head><title>${slug}</title></head><body><article data-pagefind-body><h1 data-pagefind-meta="title">Synthetic study ${i}</h1><p>Echocardiography videos read by model number ${i}.</p></article></body></html>`,
    );
  }
  expect(await buildSearchIndex(site)).toBe(HITS);
  server = await serveStatic(site);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

describe('the search page with many hits', () => {
  it('loads one page of 20 results, then 20 more and the last 5 on "Show more", with the count in the status', async () => {
    const page = await browser.newPage();
    const fragments: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/pagefind/fragment/')) fragments.push(r.url());
    });
    await page.goto(`${server.origin}/search/?q=echocardiography`);
    const results = page.locator('[data-results-list] > li');
    const status = page.locator('[data-results-status]');
    const more = page.locator('[data-results-more]');
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBe(20);
    expect(await status.textContent()).toBe('45 studies match “echocardiography”; the first 20 are listed.');
    expect(new Set(fragments).size).toBe(20);
    expect(await more.textContent()).toBe('Show 20 more');

    await more.click();
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBe(40);
    expect(await page.evaluate(() => document.activeElement?.closest('li') === document.querySelectorAll('[data-results-list] > li')[20])).toBe(true);
    expect(await more.textContent()).toBe('Show 5 more');
    await more.click();
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBe(HITS);
    expect(await more.isHidden()).toBe(true);
    expect(await status.textContent()).toBe('45 studies match “echocardiography”.');
    const titles = await results.locator('.search-title').allTextContents();
    expect(new Set(titles).size).toBe(HITS);
    await page.close();
  });
});
