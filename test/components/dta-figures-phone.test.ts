/**
 * Legibility of the DTA figures on a phone, in real Chromium: a page with the site's main column
 * (1rem padding), the figures' inline SVGs and the CSS of their components (SrocPlot.astro,
 * PairedForestPlot.astro), at 390 and 1280 px viewports. Every text must render at ≥ 11 CSS px.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { MIN_TEXT_PX } from '../../src/lib/forest/legible.ts';
import { layoutPairedForest } from '../../src/lib/forest/paired.ts';
import { pairedForestSvg } from '../../src/lib/forest/paired-svg.ts';
import { layoutSroc, SROC_MIN_RENDERED_WIDTH } from '../../src/lib/sroc/layout.ts';
import { srocSvg } from '../../src/lib/sroc/svg.ts';
import { seedSroc } from '../lib/sroc/seed.ts';

/** The <style> block of a component, with Astro's :global(...) unwrapped (scoping is irrelevant on a test page). */
function componentCss(name: string): string {
  const src = readFileSync(new URL(`../../src/components/${name}`, import.meta.url), 'utf8');
  const css = /<style>([\s\S]*?)<\/style>/.exec(src)?.[1] ?? '';
  return css.replace(/:global\(([^)]*)\)/g, '$1');
}

const page = () => {
  const input = seedSroc();
  const sroc = srocSvg(layoutSroc(input), { idPrefix: 'sroc' });
  const paired = pairedForestSvg(layoutPairedForest({ title: 'Paired', studies: input.studies, summaries: [{ label: 'Summary', sens: [0.85, 0.8, 0.89], spec: [0.83, 0.78, 0.87] }] }), { idPrefix: 'paired' });
  return `<!doctype html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"><style>
    body { margin: 0; font-family: sans-serif; } main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
    ${componentCss('SrocPlot.astro')} ${componentCss('PairedForestPlot.astro')}
  </style></head><body><main>
    <figure class="sroc"><div class="sroc-graphic">${sroc}</div></figure>
    <figure class="paired"><div class="paired-graphic" tabindex="0">${paired}</div></figure>
  </main></body></html>`;
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

  it("the SROC component's CSS minimum width is the layout's SROC_MIN_RENDERED_WIDTH", () => {
    expect(componentCss('SrocPlot.astro')).toContain(`min-width: ${SROC_MIN_RENDERED_WIDTH}px`);
  });
});
