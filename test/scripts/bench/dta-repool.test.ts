import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../scripts/lib/browser.ts';
import { dtaRepoolBrowser, dtaRepoolNode } from '../../../scripts/bench/dta-repool.ts';

describe('the DTA re-pool part of the bench', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('times the same re-pooling in Chromium, drawn into a page, and in Node, at each size', async () => {
    const web = await dtaRepoolBrowser(browser, [12, 40], 3, 1);
    const node = dtaRepoolNode([12, 40], 3, 1);
    expect(web.map((d) => [d.engine, d.tables, d.model, d.poolMs.length, d.drawnMs?.length])).toEqual([
      ['chromium', 12, 'bivariate', 3, 3],
      ['chromium', 40, 'bivariate', 3, 3],
    ]);
    expect(node.map((d) => [d.engine, d.tables, d.model, d.renderMs.length, d.drawnMs])).toEqual([
      ['node', 12, 'bivariate', 3, null],
      ['node', 40, 'bivariate', 3, null],
    ]);
    // The same code on the same tables writes the same HTML in both engines.
    expect(web.map((d) => d.htmlChars)).toEqual(node.map((d) => d.htmlChars));
    for (const d of web) d.drawnMs!.forEach((ms, i) => expect(ms).toBeGreaterThanOrEqual(d.renderMs[i]!));
  });
});
