import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import type { Download, Page } from 'playwright-core';
import { startE2E, type E2E } from './harness.ts';
import { openWatched } from './page-watch.ts';
import { expectNoSeriousA11yViolations } from './a11y.ts';
import { ROOT } from '../helpers.ts';
import { readReview, readStudies } from '../../scripts/lib/content-fs.ts';
import { studyFigures, studyScriptContext } from '../../src/lib/figures/study-figures.ts';
import { standaloneSvg } from '../../src/lib/figures/standalone.ts';
import { figureCsv } from '../../src/lib/figures/csv.ts';
import { forestFigureRScript } from '../../src/lib/figures/r-script.ts';
import { hasPng } from '../../src/lib/figures/png.ts';
import { cslItem } from '../../src/lib/cite/csl.ts';
import { toBibtex, toCslJson, toRis } from '../../src/lib/cite/format.ts';
import type { Figure } from '../../src/lib/figures/registry.ts';
import type { Study } from '../../src/lib/schema/index.ts';

const SITE = process.env.SITE_URL ?? 'http://localhost:4321';

let e2e: E2E;
let records: { slug: string; study: Study }[];
let reviewTitle: string;
beforeAll(async () => {
  e2e = await startE2E();
  records = (await readStudies(ROOT)).map((p) => ({ slug: p.slug, study: p.study! }));
  reviewTitle = (await readReview(ROOT)).title;
});
afterAll(() => e2e?.close());

/** Clicks `button` and returns the bytes and suggested name of the download it starts. */
async function download(page: Page, button: ReturnType<Page['locator']>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = (await Promise.all([page.waitForEvent('download'), button.click()])) as [Download, void];
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

/** Width, height and pixels per metre of a PNG (IHDR and pHYs). */
function pngInfo(png: Buffer): { width: number; height: number; ppm: number | null } {
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  let ppm: number | null = null;
  for (let o = 8; o < png.length; o += 12 + png.readUInt32BE(o)) if (png.toString('ascii', o + 4, o + 8) === 'pHYs') ppm = png.readUInt32BE(o + 8);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), ppm };
}

describe("a study's own plots: \"Take this figure\" made in the browser", () => {
  it('downloads the SVG, PNG at 300 dpi, CSV and R script the pure functions make, with no request and no CSP violation', async () => {
    const withPlots = records.filter((r) => r.study.estimates.length > 0);
    expect(withPlots.length).toBeGreaterThan(0);
    for (const record of withPlots) {
      const path = `/studies/${record.slug}/`;
      const w = await openWatched(e2e, path);
      const { page } = w;
      const figures = studyFigures(record);
      const onPage = await page.locator('details.figure-take[data-made-here]').evaluateAll((ds) => ds.map((d) => (d as HTMLElement).dataset.figureId));
      expect(onPage, path).toEqual(figures.map((f) => f.id));
      // The R script names the page's own version (the commit that last changed it), not the review's data version.
      const island = JSON.parse((await page.locator('#study-page-data').textContent())!) as { dataVersion: string };
      expect(island.dataVersion, path).toMatch(/^[0-9a-f]{12} \(the study page's last commit\)$|^the study page, not yet committed$/);
      const before = w.requested.length;
      for (const f of figures as Figure[]) {
        const take = page.locator(`details.figure-take[data-figure-id="${f.id}"]`);
        await take.locator('summary').click();
        expect(await take.locator('.take-nojs').isVisible()).toBe(false);
        const button = (format: string) => take.locator(`button[data-take="${format}"]`);
        const { svg, layout } = standaloneSvg(f);

        const s = await download(page, button('svg'));
        expect(s.name).toBe(`${f.id}.svg`);
        expect(XMLValidator.validate(s.bytes.toString('utf8')), f.id).toBe(true);
        expect(s.bytes.toString('utf8')).toBe(svg);

        if (hasPng(f.rows.length)) {
          const p = await download(page, button('png'));
          expect(p.name).toBe(`${f.id}.png`);
          const info = pngInfo(p.bytes);
          expect(info.width, f.id).toBe(Math.round((layout.width * 300) / 96));
          expect(info.height, f.id).toBe(Math.round((layout.height * 300) / 96));
          expect(info.ppm).toBe(Math.round(300 / 0.0254));
          // The plot is drawn, not a blank canvas: a share of the pixels is dark (lines, text).
          const dark = await page.evaluate(async (b64) => {
            const img = new Image();
            img.src = `data:image/png;base64,${b64}`;
            await img.decode();
            const c = document.createElement('canvas');
            c.width = img.width;
            c.height = img.height;
            const ctx = c.getContext('2d')!;
            ctx.drawImage(img, 0, 0);
            const px = ctx.getImageData(0, 0, c.width, c.height).data;
            let n = 0;
            for (let i = 0; i < px.length; i += 4) if (px[i]! < 128) n++;
            return n / (px.length / 4);
          }, p.bytes.toString('base64'));
          expect(dark, f.id).toBeGreaterThan(0.005);
        }

        const csv = await download(page, button('csv'));
        expect(csv.name).toBe(`${f.id}.csv`);
        expect(csv.bytes.toString('utf8')).toBe(figureCsv(f.data));

        const r = await download(page, button('r'));
        expect(r.name).toBe(`${f.id}.R`);
        const ctx = studyScriptContext(f, { pageUrl: new URL(path, SITE).href, reviewTitle, dataVersion: island.dataVersion });
        expect(r.bytes.toString('utf8')).toBe(forestFigureRScript(f, ctx));
      }
      // Everything was made in the page: the first click loads one same-origin script chunk, nothing else.
      const later = w.requested.slice(before);
      expect(later.every((u) => u.startsWith(e2e.server.origin) && /\/_astro\/[^/]+\.js$/.test(u)), later.join(' ')).toBe(true);
      expect(await w.csp()).toEqual([]);
      expect(w.errors).toEqual([]);
      await page.context().close();
    }
  });

  it('without JavaScript says where the values are, and offers no link or button that would not work', async () => {
    const record = records.find((r) => r.study.estimates.length > 0)!;
    const { page } = await e2e.open(`/studies/${record.slug}/`, { javaScriptEnabled: false });
    const take = page.locator('details.figure-take[data-made-here]').first();
    await take.locator('summary').click();
    expect(await take.locator('.take-nojs').isVisible()).toBe(true);
    expect(await take.locator('.take-nojs').textContent()).toMatch(/needs JavaScript\. The plotted values are in the table above/);
    expect(await take.locator('a').count()).toBe(0);
    expect(await take.locator('button:visible').count()).toBe(0);
    await page.context().close();
  });
});

describe('the study page with its downloads shown', () => {
  it('has no serious axe-core violation with "Take this figure" and the reference texts open', async () => {
    const record = records.find((r) => r.study.estimates.length > 0)!;
    const path = `/studies/${record.slug}/`;
    const w = await openWatched(e2e, path);
    for (const summary of await w.page.locator('details.figure-take[data-made-here] summary, .cite-study details.cite-texts summary').all()) await summary.click();
    await expect.poll(() => w.page.locator('.cite-study p.cite-files').isVisible()).toBe(true);
    await expectNoSeriousA11yViolations(w.page, `${path} with its downloads open`);
    expect(await w.csp()).toEqual([]);
    await w.page.context().close();
  }, 90_000);
});

describe("a study's reference files", () => {
  it('download as the BibTeX, RIS and CSL-JSON citation-js writes at build time', async () => {
    for (const record of records.slice(0, 3)) {
      const w = await openWatched(e2e, `/studies/${record.slug}/`);
      const item = cslItem(record.slug, record.study);
      const expected: Record<string, [string, string]> = { bib: [`${record.slug}.bib`, toBibtex(item)], ris: [`${record.slug}.ris`, toRis(item)], csl: [`${record.slug}.json`, toCslJson(item)] };
      for (const [key, [name, text]] of Object.entries(expected)) {
        const d = await download(w.page, w.page.locator(`.cite-study button[data-save="cite-${key}"]`));
        expect(d.name).toBe(name);
        expect(d.bytes.toString('utf8'), `${record.slug} ${key}`).toBe(text);
      }
      expect(await w.csp()).toEqual([]);
      expect(w.errors).toEqual([]);
      await w.page.context().close();
    }
  });

  it('without JavaScript keep the citation text readable in the page, and hide the buttons', async () => {
    const record = records[0]!;
    const { page } = await e2e.open(`/studies/${record.slug}/`, { javaScriptEnabled: false });
    const item = cslItem(record.slug, record.study);
    expect(await page.locator('.cite-study [data-style="apa"]').isVisible()).toBe(true);
    expect(await page.locator('.cite-study p.cite-files').isVisible()).toBe(false);
    const texts = page.locator('.cite-study details.cite-texts');
    await texts.locator('summary').click();
    expect(await texts.locator('pre#cite-bib').isVisible()).toBe(true);
    expect(await texts.locator('pre#cite-bib').textContent()).toBe(toBibtex(item));
    expect(await texts.locator('pre#cite-ris').textContent()).toBe(toRis(item));
    await page.context().close();
  });
});
