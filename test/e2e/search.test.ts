import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startE2E, type E2E } from './harness.ts';
import { openWatched } from './page-watch.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

const FIRST_TITLE = /Predict Cardiovascular Magnetic Resonance Findings/;
const isPagefind = (u: string) => u.includes('/pagefind/');

function bytesIn(dir: string): number {
  return readdirSync(dir).reduce((n, f) => {
    const p = join(dir, f);
    return n + (statSync(p).isDirectory() ? bytesIn(p) : statSync(p).size);
  }, 0);
}

describe('the Pagefind index in the build', () => {
  it('indexes the study pages only, with filters for status, journal, year, outcome and measure', () => {
    const dist = inject('distDir');
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    const studies = readdirSync(join(dist, 'studies')).filter((n) => statSync(join(dist, 'studies', n)).isDirectory());
    expect(pages).toBe(studies.length);
    console.log(`pagefind: ${pages} pages indexed; bundle ${bytesIn(join(dist, 'pagefind'))} bytes in dist/pagefind`);
  });
});

describe('search in Chromium', () => {
  it('loads no Pagefind byte before the header box gets focus, then finds the first record for "echocardiography"', async () => {
    const w = await openWatched(e2e, '/');
    await w.page.waitForLoadState('networkidle');
    await w.page.mouse.wheel(0, 3000);
    expect(w.requested.filter(isPagefind)).toEqual([]);

    const box = w.page.getByRole('searchbox', { name: 'Search studies' });
    const sizes = new Map<string, number>();
    w.page.on('requestfinished', (r) => {
      if (isPagefind(r.url())) void r.sizes().then((s) => sizes.set(r.url(), s.responseBodySize + s.responseHeadersSize)).catch(() => {});
    });
    await box.focus();
    await expect.poll(() => w.requested.some((u) => u.endsWith('/pagefind/pagefind.js'))).toBe(true);

    const started = Date.now();
    await box.fill('echocardiography');
    const hit = w.page.locator('#site-search-popup').getByRole('link', { name: FIRST_TITLE });
    await hit.waitFor({ timeout: 15_000 });
    const ms = Date.now() - started;
    await w.page.waitForLoadState('networkidle');
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    console.log(`first query "echocardiography" from the header box: ${ms} ms to the first result; ${sizes.size} Pagefind requests, ${total} bytes (focus + query)`);
    expect(w.errors).toEqual([]);

    await hit.click();
    await w.page.waitForURL(/\/studies\/2024-deep-learning-applied-echocardiography-could-predict\/$/);
    await w.page.context().close();
  });

  it('opens the search page with the query on Enter, and a facet (status = excluded) narrows the results', async () => {
    const w = await openWatched(e2e, '/studies/');
    const box = w.page.getByRole('searchbox', { name: 'Search studies' });
    await box.fill('learning');
    await box.press('Enter');
    await w.page.waitForURL(/\/search\/\?q=learning$/);
    const results = w.page.locator('[data-results-list] > li');
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(1);
    const before = await results.count();

    const excluded = w.page.getByRole('group', { name: 'Screening status' }).getByRole('checkbox', { name: /^excluded/ });
    await excluded.check();
    await expect.poll(() => results.count()).toBeLessThan(before);
    expect(await results.count()).toBeGreaterThan(0);
    expect(new URL(w.page.url()).searchParams.getAll('status')).toEqual(['excluded']);
    for (const href of await results.locator('a.search-title').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      const page = await w.page.context().newPage();
      await page.goto(href);
      expect(await page.locator('.badge.excluded').count(), href).toBeGreaterThan(0);
      await page.close();
    }
    expect(w.errors).toEqual([]);
    await w.page.context().close();
  });

  it('filters by journal without a query, straight from the address', async () => {
    const w = await openWatched(e2e, `/search/?journal=${encodeURIComponent('BMC Oral Health')}`);
    const results = w.page.locator('[data-results-list] > li');
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    for (const meta of await results.locator('.search-meta').allTextContents()) expect(meta).toMatch(/^BMC Oral Health/);
    await w.page.context().close();
  });

  it('shows highlights as <mark> elements built from the excerpt, and nothing else as markup', async () => {
    const w = await openWatched(e2e, '/search/?q=echocardiography');
    const first = w.page.locator('[data-results-list] > li').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.locator('mark').count()).toBeGreaterThan(0);
    expect((await first.locator('mark').first().textContent())?.toLowerCase()).toContain('echocardiograph');
    const tags = await w.page.locator('[data-results-list] *').evaluateAll((els) => [...new Set(els.map((e) => e.tagName.toLowerCase()))].sort());
    expect(tags.every((t) => ['a', 'li', 'mark', 'p', 'span'].includes(t)), tags.join(',')).toBe(true);
    await w.page.context().close();
  });

  it('renders a hostile query as text, never as markup', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const w = await openWatched(e2e, `/search/?q=${encodeURIComponent(hostile)}&status=${encodeURIComponent('<b>x</b>')}`);
    let dialogs = 0;
    w.page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const status = w.page.locator('[data-results-status]');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain(hostile);
    expect(await w.page.getByRole('searchbox', { name: /Words to find/ }).inputValue()).toBe(hostile);
    expect(await w.page.locator('main img, main b').count()).toBe(0);
    expect(w.requested.filter((u) => new URL(u).pathname.endsWith('/x'))).toEqual([]);
    expect(dialogs).toBe(0);
    await w.page.context().close();
  });

  it('without JavaScript the header box is a form that leads to a page saying search needs JavaScript', async () => {
    const { page } = await e2e.open('/', { javaScriptEnabled: false });
    await page.getByRole('searchbox', { name: 'Search studies' }).fill('echocardiography');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\/search\/\?q=echocardiography$/);
    await expect.poll(() => page.locator('main').textContent()).toContain('Search needs JavaScript');
    await page.getByRole('link', { name: 'studies index' }).first().click();
    await page.waitForURL(/\/studies\/$/);
  });
});
