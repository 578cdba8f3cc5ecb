import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startE2E, type E2E } from './harness.ts';

function pages(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return pages(p, root);
    return n === 'index.html' ? [`/${relative(root, dir)}${relative(root, dir) ? '/' : ''}`] : [];
  });
}

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe('every page in Chromium', () => {
  it('makes no request outside the site origin, on load and after scrolling', async () => {
    const all = pages(inject('distDir'));
    expect(all.length).toBeGreaterThan(10);
    const foreign: string[] = [];
    for (const path of all) {
      const { page, requested } = await e2e.open(path);
      await page.mouse.wheel(0, 5000);
      await page.waitForLoadState('networkidle');
      foreign.push(...requested.filter((u) => !u.startsWith(e2e.server.origin) && !u.startsWith('data:')).map((u) => `${path} → ${u}`));
      await page.context().close();
    }
    expect(foreign).toEqual([]);
  }, 120_000); // every page (29 and growing), each waiting for network idle: more than the 30 s default on a loaded 2-core machine

  it('reads completely with JavaScript disabled: study page with abstract, estimates and plot', async () => {
    const { page } = await e2e.open('/studies/', { javaScriptEnabled: false });
    const first = page.getByRole('link', { name: /Predict Cardiovascular Magnetic Resonance Findings/ });
    await first.click();
    await expect.poll(() => page.locator('mark#q-1').textContent()).toBe('WMA (AUC 0.873 [95%CI 0.816-0.922])');
    expect(await page.locator('table.estimates-table tbody tr').count()).toBe(5);
    expect(await page.locator('figure.forest svg').first().getAttribute('role')).toBe('group');
    expect(await page.getByRole('heading', { name: 'Clinical Perspective' }).count()).toBe(1);
  });

  it('sorts the studies table by sample size when the header is clicked', async () => {
    const { page } = await e2e.open('/studies/');
    await page.getByRole('button', { name: 'Sample size' }).click();
    await page.getByRole('button', { name: 'Sample size' }).click();
    const first = await page.locator('#studies-table tbody tr td.num').first().textContent();
    expect(first).toBe('5,367 exams');
  });
});
