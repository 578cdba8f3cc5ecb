/**
 * Legibility of the DTA figures on a phone, in real Chromium: a page with the site's main column
 * (1rem padding), the figures as their renderers draw them (src/lib/sroc/figure.ts,
 * src/lib/forest/paired-figure.ts in the shared frame) and the figure stylesheet
 * (src/styles/figures.css), at 390 and 1280 px viewports. Every text must render at ≥ 11 CSS px.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { MIN_TEXT_PX } from '../../src/lib/forest/legible.ts';
import { pairedForestFigure } from '../../src/lib/forest/paired-figure.ts';
import { renderFigureFrame } from '../../src/lib/figures/frame.ts';
import { layoutSroc, SROC_MIN_RENDERED_WIDTH } from '../../src/lib/sroc/layout.ts';
import { srocFigure } from '../../src/lib/sroc/figure.ts';
import { seedSroc } from '../lib/sroc/seed.ts';

/** The figure stylesheet the pages and Explore load. */
const figuresCss = readFileSync(new URL('../../src/styles/figures.css', import.meta.url), 'utf8');

const page = () => {
  const input = seedSroc();
  const sroc = renderFigureFrame(srocFigure(input, {}, { idPrefix: 'sroc' }));
  const paired = renderFigureFrame(pairedForestFigure({ title: 'Paired', studies: input.studies, summaries: [{ label: 'Summary', sens: [0.85, 0.8, 0.89], spec: [0.83, 0.78, 0.87] }] }, {}, { idPrefix: 'paired' }));
  return `<!doctype html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"><style>
    body { margin: 0; font-family: sans-serif; } main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
    ${figuresCss}
  </style></head><body><main>${sroc}${paired}</main></body></html>`;
};

interface Measured {
  smallestText: number;
  srocWidth: number;
  pairedWidth: number;
  pairedScrolls: boolean;
  pageScrolls: boolean;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function measure(width: number): Promise<Measured> {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  const p = await ctx.newPage();
  await p.setContent(page());
  const m = await p.evaluate(() => {
    const sizes = [...document.querySelectorAll('svg text')].map((t) => {
      const svg = (t as SVGTextElement).ownerSVGElement!;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return parseFloat(getComputedStyle(t).fontSize) * scale;
    });
    const graphic = document.querySelector('.paired-graphic')!;
    return {
      smallestText: Math.min(...sizes),
      srocWidth: document.querySelector('svg.sroc-plot')!.getBoundingClientRect().width,
      pairedWidth: document.querySelector('svg.paired-forest-plot')!.getBoundingClientRect().width,
      pairedScrolls: graphic.scrollWidth > graphic.clientWidth,
      pageScrolls: document.documentElement.scrollWidth > window.innerWidth,
    };
  });
  await ctx.close();
  return m;
}

describe('the DTA figures in Chromium', () => {
  it('on a 390 px phone: the SROC plot shrinks to the column, the paired plot scrolls in its box, and no text is under 11 px', async () => {
    const m = await measure(390);
    expect(m.srocWidth).toBe(358);
    expect(m.smallestText).toBeGreaterThanOrEqual(MIN_TEXT_PX - 0.01);
    expect(m.pairedScrolls).toBe(true);
    expect(m.pageScrolls).toBe(false);
  });

  it('on a 320 px screen the SROC plot stops shrinking at its minimum width and its text stays at 11 px or more', async () => {
    const m = await measure(320);
    expect(m.srocWidth).toBe(SROC_MIN_RENDERED_WIDTH);
    expect(m.smallestText).toBeGreaterThanOrEqual(MIN_TEXT_PX - 0.01);
  });

  it('on a desktop both render at their full width', async () => {
    const m = await measure(1280);
    expect(m.srocWidth).toBe(layoutSroc(seedSroc()).width);
    expect(m.pairedScrolls).toBe(false);
    expect(m.smallestText).toBeGreaterThanOrEqual(MIN_TEXT_PX - 0.01);
  });

  it("the figure stylesheet's minimum width of the SROC plot is the layout's SROC_MIN_RENDERED_WIDTH", () => {
    expect(figuresCss).toMatch(new RegExp(`svg\\.sroc-plot \\{[^}]*min-width: ${SROC_MIN_RENDERED_WIDTH}px`));
  });
});
