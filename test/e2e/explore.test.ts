/**
 * The Explore page in Chromium: DuckDB-WASM loads only on interaction, attaches the build's
 * review.duckdb by HTTP range requests, filters and re-pools with the build's own code, restores
 * permalinks, shows hostile parameters as text, and keeps the prerendered list when it fails.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startE2E, type E2E } from './harness.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { writeTables } from '../../scripts/lib/duckdb-tables.ts';
import { backTransformPooled, pool, tryEffectFromCI } from '../../src/lib/stats/index.ts';
import { synthesize } from '../../src/lib/site/synthesis.ts';
import { syntheticTables } from './explore-fixture.ts';

const DUCKDB = /duckdb/i; // the worker, the wasm files and review.duckdb
const WALL = 'wall-motion-abnormality';

let e2e: E2E;
const contexts: BrowserContext[] = [];
const foreign: string[] = [];

interface Opened {
  page: Page;
  requested: string[];
  errors: string[];
  dialogs: string[];
}

/** Open a path in a fresh context, recording every request (workers included), console errors and dialogs. */
async function open(path: string, options: { origin?: string; javaScriptEnabled?: boolean; before?: (ctx: BrowserContext) => Promise<unknown> } = {}): Promise<Opened> {
  const origin = options.origin ?? e2e.server.origin;
  const context = await e2e.browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  contexts.push(context);
  const requested: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];
  context.on('request', (r) => {
    requested.push(r.url());
    // blob: URLs of the page's own origin are no network request (DuckDB's inflated module).
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith(`blob:${origin}/`)) foreign.push(r.url());
  });
  await options.before?.(context);
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  return { page, requested, errors, dialogs };
}

const status = (page: Page) => page.locator('[data-explore-status]');
const drawnCount = (page: Page) => page.evaluate(() => performance.getEntriesByName('explore:results-drawn').length);
const rowIds = (page: Page) => page.locator('[data-explore-results] g.forest-row').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-row-id')));

async function waitReady(page: Page, timeout = 60_000): Promise<void> {
  await expect.poll(() => status(page).getAttribute('data-state'), { timeout }).toBe('ready');
}

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await e2e?.close();
});

describe('Explore before any interaction', () => {
  it('requests no DuckDB file on load and after scrolling, on the explore, home and a study page', async () => {
    for (const path of ['/explore/', '/', '/studies/2024-deep-learning-applied-echocardiography-could-predict/']) {
      const { page, requested, errors } = await open(path);
      await page.mouse.move(200, 200);
      await page.mouse.wheel(0, 3000);
      await page.waitForLoadState('networkidle');
      expect(requested.filter((u) => DUCKDB.test(u)), path).toEqual([]);
      expect(errors, path).toEqual([]);
    }
  });

  it('is prerendered with every study and plot, and reads without JavaScript (a submitted form shows a note)', async () => {
    const { page } = await open('/explore/', { javaScriptEnabled: false });
    expect(await page.locator('.explore-studies li').count()).toBe(6);
    expect(await page.locator('.explore-count').getAttribute('data-excluded')).toBe('0');
    expect(await page.locator('[data-explore-results] g.forest-row').count()).toBe(5);
    await page.selectOption('.explore-filters [name=outcome]', WALL);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/outcome=wall-motion-abnormality/);
    expect(await page.locator('.explore-studies li').count()).toBe(6);
    expect(await page.locator('.explore-nojs').textContent()).toMatch(/Filtering needs JavaScript/);
  });
});

describe('Explore with the engine (DuckDB-WASM)', { timeout: 90_000 }, () => {
  it('starts on the first focus, shows a loading state, attaches review.duckdb by range requests and redraws a filter', async () => {
    const { page, errors } = await open('/explore/');
    const before = e2e.server.requests.length;
    expect(await rowIds(page)).toHaveLength(5);
    await page.locator('.explore-filters [name=outcome]').focus();
    await expect.poll(() => status(page).getAttribute('data-state')).toBe('loading');
    expect(await status(page).textContent()).toMatch(/Starting the query engine/);
    await waitReady(page);
    expect(await status(page).textContent()).toBe('Showing 6 studies of 6; 0 studies excluded by the filter.');
    expect(await page.locator('[data-explore-results]').getAttribute('aria-busy')).toBeNull();
    // DuckDB 1.4 (duckdb-wasm 1.32) read the file that DuckDB 1.5 (@duckdb/node-api) wrote.
    expect(await page.locator('[data-explore]').getAttribute('data-engine')).toMatch(/^v1\.4\./);

    const db = e2e.server.requests.slice(before).filter((r) => r.path === '/data/review.duckdb');
    expect(db.length).toBeGreaterThan(1);
    // Ranges only, never the whole file (a 304 revalidates a range Chromium cached from an earlier one).
    expect(db.every((r) => r.status === 206 || r.status === 304), JSON.stringify(db)).toBe(true);
    expect(db.filter((r) => r.status === 206).length).toBeGreaterThan(1);

    await page.selectOption('.explore-filters [name=outcome]', WALL);
    await expect.poll(() => page.locator('.explore-count').getAttribute('data-matching')).toBe('1');
    expect(await rowIds(page)).toEqual(['2024-deep-learning-applied-echocardiography-could-predict#1']);
    expect(await page.locator('.explore-studies li a').textContent()).toMatch(/Predict Cardiovascular Magnetic Resonance Findings/);
    expect(await page.locator('.explore-synthesis').getAttribute('data-outcome')).toBe(WALL);
    expect(await page.locator('[data-explore-permalink]').getAttribute('href')).toBe(`/explore/?outcome=${WALL}`);
    await expect.poll(() => new URL(page.url()).search).toBe(`?outcome=${WALL}`);

    await page.fill('.explore-filters [name=value_min]', '0.9');
    await expect.poll(() => page.locator('.explore-count').getAttribute('data-matching')).toBe('0');
    expect(await rowIds(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('redraws only the changed parts, and the page then holds the same markup as a full redraw (the prerender of the same view)', async () => {
    const { page, errors } = await open('/explore/');
    const results = page.locator('[data-explore-results]');
    const prerendered = await results.innerHTML();
    await page.locator('.explore-filters [name=outcome]').focus();
    await waitReady(page);
    expect(await results.innerHTML()).toBe(prerendered);
    // The wall-motion plot draws the same estimates with and without the outcome filter: it is kept throughout.
    await page.locator(`.explore-synthesis[data-outcome="${WALL}"]`).evaluate((e) => e.setAttribute('data-kept', 'yes'));
    await page.selectOption('.explore-filters [name=outcome]', WALL);
    await expect.poll(() => page.locator('.explore-count').getAttribute('data-matching')).toBe('1');
    await page.selectOption('.explore-filters [name=outcome]', '');
    await expect.poll(() => page.locator('.explore-count').getAttribute('data-matching')).toBe('6');
    // The plot drawn before the round trip is the same element (not parsed anew) ...
    expect(await page.locator('.explore-synthesis[data-kept=yes]').count()).toBe(1);
    await page.locator('.explore-synthesis[data-kept=yes]').evaluate((e) => e.removeAttribute('data-kept'));
    // ... and the region reads exactly as the prerendered, unfiltered view.
    expect(await results.innerHTML()).toBe(prerendered);
    expect(errors).toEqual([]);
  });

  it('restores a permalink: fields filled, results filtered', async () => {
    const { page, errors } = await open(`/explore/?outcome=${WALL}&measure=AUC&year_from=2024&min_n=1000&q=echocardiography`);
    expect(await page.locator('.explore-filters [name=outcome]').inputValue()).toBe(WALL);
    expect(await page.locator('.explore-filters [name=q]').inputValue()).toBe('echocardiography');
    await waitReady(page);
    expect(await page.locator('.explore-count').getAttribute('data-matching')).toBe('1');
    expect(await page.locator('.explore-count').getAttribute('data-excluded')).toBe('5');
    expect(await rowIds(page)).toHaveLength(1);
    expect(await page.locator('[data-explore-notice]').isHidden()).toBe(true);
    expect(errors).toEqual([]);

    const simple = await open(`/explore/?outcome=${WALL}`);
    await waitReady(simple.page);
    expect(await simple.page.locator('.explore-filters [name=outcome]').inputValue()).toBe(WALL);
    expect(await rowIds(simple.page)).toEqual(['2024-deep-learning-applied-echocardiography-could-predict#1']);
    await expect.poll(() => new URL(simple.page.url()).search).toBe(`?outcome=${WALL}`);
    expect(simple.errors).toEqual([]);
  });

  it('filters by overall risk of bias in the browser: nobody is assessed yet, so "high" leaves none and the exclude control keeps every study, in the URL', async () => {
    const { page, errors } = await open('/explore/?rob=high');
    expect(await page.locator('.explore-filters [name=rob]').inputValue()).toBe('high');
    await waitReady(page);
    expect(await page.locator('.explore-count').getAttribute('data-matching')).toBe('0');
    await page.selectOption('.explore-filters [name=rob]', 'not-assessed');
    await expect.poll(() => page.locator('.explore-count').getAttribute('data-matching')).toBe('6');
    await page.selectOption('.explore-filters [name=rob]', '');
    await page.check('.explore-filters [name=exclude_high_rob]');
    await expect.poll(() => new URL(page.url()).search).toBe('?exclude_high_rob=1');
    expect(await page.locator('.explore-count').getAttribute('data-excluded')).toBe('0');
    const restored = await open('/explore/?exclude_high_rob=1&rob=moderate');
    expect(await restored.page.locator('.explore-filters [name=exclude_high_rob]').isChecked()).toBe(true);
    await waitReady(restored.page);
    expect(await restored.page.locator('[data-explore-notice]').textContent()).toContain('Ignored rob "moderate": not a risk-of-bias judgement');
    expect([...errors, ...restored.errors]).toEqual([]);
  });

  it('shows hostile parameters as text, runs none of them, and the tables are intact afterwards', async () => {
    const dbFile = join(inject('distDir'), 'data', 'review.duckdb');
    const hash = createHash('sha256').update(readFileSync(dbFile)).digest('hex');
    const { page, errors, dialogs } = await open('/explore/?outcome=<script>alert(1)</script>&journal=1;%20DROP%20TABLE%20studies&<img src=x onerror=alert(2)>=1');
    const notice = page.locator('[data-explore-notice]');
    expect(await notice.isVisible()).toBe(true);
    const text = await notice.textContent();
    expect(text).toContain('Ignored outcome "<script>alert(1)</script>": not an outcome of this review.');
    expect(text).toContain('Ignored journal "1; DROP TABLE studies"');
    expect(text).toContain('Ignored unknown parameter "<img src');
    expect(await notice.locator('*').evaluateAll((els) => els.map((e) => e.tagName))).toEqual(['UL', 'LI', 'LI', 'LI']);
    expect(await page.locator('body script:not([src]), body img').count()).toBe(0);

    // A hostile title search is bound as a parameter: it matches nothing and drops nothing.
    await page.fill('.explore-filters [name=q]', "x'); DROP TABLE studies; -- <script>alert(3)</script>");
    await waitReady(page);
    await expect.poll(() => page.locator('.explore-count').getAttribute('data-matching')).toBe('0');
    await page.fill('.explore-filters [name=q]', '');
    await page.selectOption('.explore-filters [name=outcome]', WALL);
    await expect.poll(() => page.locator('.explore-count').getAttribute('data-matching')).toBe('1');
    expect(await rowIds(page)).toHaveLength(1);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(createHash('sha256').update(readFileSync(dbFile)).digest('hex')).toBe(hash);
  });

  it('shows a title search repeated 3,000 times as one notice, not thousands', async () => {
    // 12 kB of query: short values, so the address stays under the server's 16 kB header limit.
    const query = Array.from({ length: 3000 }, (_, i) => `q=${i % 10}`).join('&');
    const { page, errors } = await open(`/explore/?${query}`);
    const notice = page.locator('[data-explore-notice]');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.locator('li').allTextContents()).toEqual(['Ignored 2,999 further values for q: only the first is used.']);
    expect(await page.locator('.explore-filters [name=q]').inputValue()).toBe('0');
    expect(errors).toEqual([]);
  });

  it('keeps the prerendered list and says so when the engine cannot start (database 404)', async () => {
    const { page, dialogs } = await open('/explore/', { before: (ctx) => ctx.route('**/data/review.duckdb', (route) => route.fulfill({ status: 404, body: 'not found' })) });
    await page.locator('.explore-filters [name=q]').focus();
    await expect.poll(() => status(page).getAttribute('data-state'), { timeout: 60_000 }).toBe('error');
    expect(await status(page).textContent()).toMatch(/^The filters could not start \(.+\)\. The list below shows every study, unfiltered\.$/);
    expect(await page.locator('.explore-studies li').count()).toBe(6);
    expect(await rowIds(page)).toHaveLength(5);
    expect(await page.locator('[data-explore-results]').getAttribute('aria-busy')).toBeNull();
    expect(dialogs).toEqual([]);
  });

  it('measures the first result (engine start included) and the median of 10 later filter changes', async () => {
    const { page, errors } = await open('/explore/');
    await page.locator('.explore-filters [name=outcome]').focus();
    await waitReady(page);
    const first = await page.evaluate(() => {
      const start = performance.getEntriesByName('explore:first-interaction')[0]!.startTime;
      return performance.getEntriesByName('explore:results-drawn')[0]!.startTime - start;
    });
    const outcomes = ['wall-motion-abnormality', 'late-gadolinium-enhancement', 'native-t1', '', 't2'];
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const n = await drawnCount(page);
      await page.selectOption('.explore-filters [name=outcome]', outcomes[i % outcomes.length]!);
      await expect.poll(() => drawnCount(page)).toBe(n + 1);
      times.push(await page.evaluate(() => {
        const last = <T>(xs: T[]) => xs[xs.length - 1]!;
        return last(performance.getEntriesByName('explore:results-drawn')).startTime - last(performance.getEntriesByName('explore:query-start')).startTime;
      }));
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = (sorted[4]! + sorted[5]!) / 2;
    console.log(`explore timing: first focus → first result ${first.toFixed(0)} ms; filter change median ${median.toFixed(1)} ms (min ${sorted[0]!.toFixed(1)}, max ${sorted[9]!.toFixed(1)})`);
    expect(first).toBeGreaterThan(0);
    expect(median).toBeLessThan(1000);
    expect(errors).toEqual([]);
  });
});

/** Serve a copy of the built site (symlinks) whose review.duckdb holds `n` synthetic studies, one wall-motion AUC each. */
async function syntheticSite(n: number): Promise<{ root: string; server: StaticServer }> {
  const dist = inject('distDir');
  const root = mkdtempSync(join(tmpdir(), 'explore-synthetic-'));
  const site = join(root, 'site');
  mkdirSync(join(site, 'data'), { recursive: true });
  for (const name of readdirSync(dist)) if (name !== 'data') symlinkSync(join(dist, name), join(site, name));
  for (const name of readdirSync(join(dist, 'data'))) if (name !== 'review.duckdb') symlinkSync(join(dist, 'data', name), join(site, 'data', name));
  const { studies, estimates } = syntheticTables(n);
  await writeTables(join(root, 'tables'), studies, estimates);
  symlinkSync(join(root, 'tables', 'review.duckdb'), join(site, 'data', 'review.duckdb'));
  return { root, server: await serveStatic(site) };
}

/** REML + Knapp-Hartung on the logit scale, computed in node from the rows' reported intervals. */
function expectedPool(rows: readonly { value: number; ci_low: number | null; ci_high: number | null }[]) {
  const effects = rows.map((e) => {
    const r = tryEffectFromCI({ measure: 'AUC', estimate: e.value, lower: e.ci_low, upper: e.ci_high, unit: 'proportion', level: 0.95 });
    if (!r.ok) throw new Error(r.error);
    return r.effect;
  });
  const fit = pool({ yi: effects.map((x) => x.yi), vi: effects.map((x) => x.vi) }, { method: 'REML', test: 'knha', level: 0.95 });
  return { fit, back: backTransformPooled(fit, 'logit') };
}

describe('Explore re-pooling on a synthetic database (3 studies on one outcome)', { timeout: 90_000 }, () => {
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    ({ root, server } = await syntheticSite(3));
  });
  afterAll(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('shows the pooled estimate that pool() computes in node for the same rows (REML + Knapp-Hartung, logit scale)', async () => {
    const { estimates } = syntheticTables();
    const { fit, back: expected } = expectedPool(estimates);

    const { page, errors } = await open('/explore/', { origin: server.origin });
    await page.locator('.explore-filters [name=measure]').focus();
    await waitReady(page);
    expect(await status(page).textContent()).toBe('Showing 3 studies of 3; 0 studies excluded by the filter.');
    const summary = page.locator(`.explore-synthesis[data-outcome="${WALL}"] .pooled-summary`);
    const read = async (name: string) => Number(await summary.getAttribute(`data-${name}`));
    expect(await read('k')).toBe(3);
    expect(await read('estimate')).toBeCloseTo(expected.estimate, 12);
    expect(await read('ci-low')).toBeCloseTo(expected.ciLow, 12);
    expect(await read('ci-high')).toBeCloseTo(expected.ciHigh, 12);
    expect(await read('pi-low')).toBeCloseTo(expected.piLow, 12);
    expect(await read('pi-high')).toBeCloseTo(expected.piHigh, 12);
    expect(await read('tau2')).toBeCloseTo(fit.tau2, 12);
    expect(await read('i2')).toBeCloseTo(fit.I2, 10);
    expect(await page.locator(`.explore-synthesis[data-outcome="${WALL}"] polygon.forest-diamond`).count()).toBe(1);

    // Filtering one study out re-pools the other two.
    await page.fill('.explore-filters [name=value_max]', '0.85');
    await expect.poll(() => read('k')).toBe(2);
    const two = synthesize(estimates.filter((e) => e.value <= 0.85).map((e) => ({ ...e, title: '', status: 'included' })))[0]!.pooled!;
    expect(await read('estimate')).toBeCloseTo(two.estimate, 12);
    expect(await page.locator('.explore-count').getAttribute('data-excluded')).toBe('1');
    expect(errors).toEqual([]);
  });
});

describe('Explore on a synthetic database larger than a page and a plot (70 studies on one outcome)', { timeout: 120_000 }, () => {
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    ({ root, server } = await syntheticSite(70));
  });
  afterAll(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('draws the first 30 estimates, pools all 70 as pool() does in node, and re-pools a filtered subset still larger than the cap', async () => {
    const { estimates } = syntheticTables(70);
    const { page, errors } = await open('/explore/', { origin: server.origin });
    await page.locator('.explore-filters [name=measure]').focus();
    await waitReady(page);
    expect(await status(page).textContent()).toBe('Showing 70 studies of 70; 0 studies excluded by the filter.');
    const section = page.locator(`.explore-synthesis[data-outcome="${WALL}"]`);
    const summary = section.locator('.pooled-summary');
    const read = async (name: string) => Number(await summary.getAttribute(`data-${name}`));
    const check = async (rows: typeof estimates) => {
      const { fit, back } = expectedPool(rows);
      expect(await read('k')).toBe(rows.length);
      expect(await read('estimate')).toBeCloseTo(back.estimate, 12);
      expect(await read('ci-low')).toBeCloseTo(back.ciLow, 12);
      expect(await read('ci-high')).toBeCloseTo(back.ciHigh, 12);
      expect(await read('pi-low')).toBeCloseTo(back.piLow, 12);
      expect(await read('pi-high')).toBeCloseTo(back.piHigh, 12);
      expect(await read('tau2')).toBeCloseTo(fit.tau2, 12);
      expect(await read('i2')).toBeCloseTo(fit.I2, 10);
      expect(await section.locator('g.forest-row').count()).toBe(30);
      expect(await section.locator('.explore-capped').textContent()).toBe(`First 30 of ${rows.length} estimates shown (newest studies first); the pooled estimate and the counts use all ${rows.length}.`);
    };
    await check(estimates);

    const subset = estimates.filter((e) => e.value <= 0.8);
    expect(subset.length).toBeGreaterThan(30);
    expect(subset.length).toBeLessThan(70);
    await page.fill('.explore-filters [name=value_max]', '0.8');
    await expect.poll(() => read('k')).toBe(subset.length);
    await check(subset);
    expect(await page.locator('.explore-count').getAttribute('data-estimates')).toBe(String(subset.length));
    expect(errors).toEqual([]);
  });

  it('lists the first 50 studies and shows the next ones on "Show more", moving focus to the first new one', async () => {
    const { page, errors } = await open('/explore/', { origin: server.origin });
    await page.locator('.explore-filters [name=q]').focus();
    await waitReady(page);
    expect(await page.locator('.explore-studies li').count()).toBe(50);
    expect(await page.locator('.explore-more').textContent()).toMatch(/^Showing the first 50 studies of 70\. Show 20 more Every study of the review/);
    await page.getByRole('button', { name: 'Show 20 more' }).click();
    await expect.poll(() => page.locator('.explore-studies li').count()).toBe(70);
    expect(await page.locator('.explore-more').count()).toBe(0);
    const slugs = await page.locator('.explore-studies li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-slug')));
    expect(new Set(slugs).size).toBe(70);
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-slug'))).toBe(slugs[50]);
    expect(await status(page).textContent()).toBe('Listed 70 of 70 matching studies.');
    expect(errors).toEqual([]);
  });
});

describe('Explore requests', () => {
  it('made no request outside the site origin in any of these tests', () => {
    expect(foreign).toEqual([]);
  });
});
