import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './harness.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

/** Rendered size in CSS px of every text of every figure on the page: font size × the SVG's on-screen scale. */
async function figureTextSizes(page: Page): Promise<{ text: string; px: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('figure svg text')].map((t) => {
      const el = t as SVGTextElement;
      const m = el.getScreenCTM(); // scale of a possibly rotated text: the length of its x axis on screen
      const scale = m ? Math.hypot(m.a, m.b) : 1;
      return { text: el.textContent ?? '', px: Math.round(parseFloat(getComputedStyle(el).fontSize) * scale * 100) / 100 };
    }),
  );
}

async function openPhone(path: string): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${e2e.server.origin}${path}`, { waitUntil: 'load' });
  return page;
}

describe('on a 390 px phone', () => {
  for (const path of ['/', '/outcomes/wall-motion-abnormality/', '/studies/2024-deep-learning-applied-echocardiography-could-predict/']) {
    it(`renders every plot text of ${path} at 11 px or more, without widening the page`, async () => {
      const page = await openPhone(path);
      const sizes = await figureTextSizes(page);
      expect(sizes.length).toBeGreaterThan(5);
      expect(sizes.filter((s) => s.px < 11)).toEqual([]);
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(widths.page).toBeLessThanOrEqual(widths.viewport);
      await page.context().close();
    });
  }

  it('lets the reader scroll a wide plot sideways inside its own box', async () => {
    const page = await openPhone('/outcomes/wall-motion-abnormality/');
    const box = await page.locator('.forest-graphic').first().evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, overflow: getComputedStyle(el).overflowX }));
    expect(box.overflow).toBe('auto');
    expect(box.scroll).toBeGreaterThan(box.client);
    await page.context().close();
  });
});
