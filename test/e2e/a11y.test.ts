import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startE2E, type E2E } from './harness.ts';
import { openWatched } from './page-watch.ts';
import { expectNoSeriousA11yViolations } from './a11y.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

const FIRST_STUDY = '/studies/2024-deep-learning-applied-echocardiography-could-predict/';
const OUTCOME = '/outcomes/wall-motion-abnormality/';

function mainPages(): string[] {
  const pages = ['/', '/studies/', FIRST_STUDY, OUTCOME, '/search/'];
  if (existsSync(join(inject('distDir'), 'explore', 'index.html'))) pages.push('/explore/');
  return pages;
}

describe('accessibility and console (axe-core in Chromium)', () => {
  it('the main pages have no console error and no serious or critical axe-core violation', async () => {
    for (const path of mainPages()) {
      const w = await openWatched(e2e, path);
      await w.page.waitForLoadState('networkidle');
      await expectNoSeriousA11yViolations(w.page, path);
      expect(w.errors, path).toEqual([]);
      await w.page.context().close();
    }
  });

  it('the search page with results and facets, and the header box with its result list open, pass too', async () => {
    const w = await openWatched(e2e, '/search/?q=deep');
    await expect.poll(() => w.page.locator('[data-results-list] > li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await w.page.getByRole('checkbox').first().waitFor();
    await expectNoSeriousA11yViolations(w.page, '/search/?q=deep with results');

    const box = w.page.getByRole('searchbox', { name: 'Search studies' });
    await box.fill('echocardiography');
    await w.page.locator('#site-search-popup li').first().waitFor({ timeout: 15_000 });
    await expectNoSeriousA11yViolations(w.page, 'header search results open');
    expect(w.errors).toEqual([]);
    await w.page.context().close();
  });

  it('the header search box is labelled, keyboard reachable and closes on Escape', async () => {
    const w = await openWatched(e2e, OUTCOME);
    const box = w.page.getByRole('searchbox', { name: 'Search studies' });
    for (let i = 0; i < 12 && !(await box.evaluate((el) => el === document.activeElement)); i++) await w.page.keyboard.press('Tab');
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await w.page.keyboard.type('abnormality');
    const popup = w.page.locator('#site-search-popup');
    await popup.locator('li').first().waitFor({ timeout: 15_000 });
    await w.page.keyboard.press('Escape');
    expect(await popup.isHidden()).toBe(true);
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await w.page.context().close();
  });
});
