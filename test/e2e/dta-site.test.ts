/**
 * The diagnostic-accuracy pages, figures and files, on a copy of the project whose review has an
 * outcome with the 14 2×2 tables of mada's AuditC (test/dta-project.ts), six of them and one real
 * study assessed with QUADAS-2 (test/rob-project.ts): built once, as a user builds it, then read
 * as files, in Chromium (desktop and a 390 px phone) and with R.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { projectWithDtaStudies, auditC, DTA_OUTCOME } from '../dta-project.ts';
import { addRiskOfBias, AUDITC_HIGH, AUDITC_JUDGEMENTS, REAL_ASSESSED } from '../rob-project.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { startBuiltCopy, type BuiltCopy } from './harness.ts';
import { rscriptPath, runRscript } from '../../scripts/lib/rscript.ts';
import { poolBivariate } from '../../src/lib/stats/index.ts';
import { seriousA11yViolations } from './a11y.ts';

let dir: string;
let dist: string;
let server: StaticServer;
let browser: Browser;
const fixture = auditC();
const fit = poolBivariate(fixture.tp.map((tp, i) => ({ tp, fp: fixture.fp[i]!, fn: fixture.fn[i]!, tn: fixture.tn[i]! })));
const sroc = `outcome-${DTA_OUTCOME}-sroc`;
const paired = `outcome-${DTA_OUTCOME}-paired-forest`;

let copy: BuiltCopy;
beforeAll(async () => {
  copy = await startBuiltCopy(async () => {
    const d = await projectWithDtaStudies();
    await addRiskOfBias(d);
    return d;
  });
  ({ dir, dist, server, browser } = copy);
}, 600_000);
afterAll(() => copy?.close());

const outcomePage = () => readFileSync(join(dist, 'outcomes', DTA_OUTCOME, 'index.html'), 'utf8');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

describe('a DTA outcome page', () => {
  it('leads with the bivariate summary: sensitivity, specificity and their intervals as poolBivariate computes them', () => {
    const html = outcomePage();
    const text = html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).toContain(`Summary sensitivity ${pct(fit.sens)} (95% CI ${pct(fit.sensCi[0])} to ${pct(fit.sensCi[1])}) and specificity ${pct(fit.spec)} (95% CI ${pct(fit.specCi[0])} to ${pct(fit.specCi[1])}), from 14 studies, bivariate random-effects model (REML).`);
    const summaryAt = html.indexOf('class="dta-summary"');
    expect(summaryAt).toBeGreaterThan(0);
    expect(summaryAt).toBeLessThan(html.indexOf(`id="sroc-${DTA_OUTCOME}"`));
    expect(text).toMatch(/LR\+ \d+\.\d\d \(95% CI/);
  });

  it('offers both figures as SVG, PNG, CSV, R and an embed page, listed in /figures/index.json', () => {
    const index = JSON.parse(readFileSync(join(dist, 'figures', 'index.json'), 'utf8')) as { figures: { id: string; kind: string; model?: string }[] };
    expect(index.figures.filter((f) => f.id === sroc || f.id === paired).map((f) => [f.kind, f.model])).toEqual([['sroc', 'bivariate'], ['paired-forest', 'bivariate']]);
    for (const id of [sroc, paired]) {
      for (const ext of ['svg', 'png', 'csv', 'R']) expect(existsSync(join(dist, 'figures', `${id}.${ext}`)), `${id}.${ext}`).toBe(true);
      expect(existsSync(join(dist, 'embed', id, 'index.html'))).toBe(true);
    }
    const csv = readFileSync(join(dist, 'figures', `${paired}.csv`), 'utf8');
    expect(csv.split('\n').filter(Boolean)).toHaveLength(1 + 14 + 1);
  });

  it('falls back to univariate pooling, and says why, when a study is excluded below four', async () => {
    // The same synthesis code with 3 of the tables: the page text the component prints for a fallback.
    const { synthesizeDta } = await import('../../src/lib/site/dta-synthesis.ts');
    const [s] = synthesizeDta(fixture.tp.slice(0, 3).map((tp, i) => ({ tableId: `t${i}`, slug: `s${i}`, title: 't', outcome: DTA_OUTCOME, label: 'x', threshold: null, tp, fp: fixture.fp[i]!, fn: fixture.fn[i]!, tn: fixture.tn[i]!, status: 'included' })));
    expect(s!.summary!.fallback).toMatch(/^Only 3 studies/);
  });

  it.skipIf(!rscriptPath())('has an R script that refits the model in metafor and agrees with the page to 1e-5', async () => {
    const code = readFileSync(join(dist, 'figures', `${sroc}.R`), 'utf8');
    const { stdout } = await runRscript(code, { timeoutMs: 120_000 });
    // R wraps the printed matrix: one relative_difference line per block of columns.
    const diffs = stdout.split('\n').filter((l) => l.startsWith('relative_difference')).flatMap((l) => l.trim().split(/\s+/).slice(1).map(Number));
    expect(diffs).toHaveLength(6);
    for (const d of diffs) expect(d).toBeLessThan(1e-5);
  }, 180_000);
});

describe('the DTA figures in Chromium', () => {
  it('draw every text at 11 px or more on a 390 px phone without widening the page, and make no foreign request', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${server.origin}/outcomes/${DTA_OUTCOME}/`, { waitUntil: 'load' });
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll('figure.sroc svg text, figure.paired svg text')].filter((t) => t.getBoundingClientRect().width > 0).map((t) => {
        const el = t as SVGTextElement;
        return { text: el.textContent ?? '', px: parseFloat(getComputedStyle(el).fontSize) * (() => { const m = el.getScreenCTM(); return m ? Math.hypot(m.a, m.b) : 1; })() };
      }),
    );
    expect(sizes.length).toBeGreaterThan(40);
    expect(sizes.filter((s) => s.px < 10.95)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(requested.filter((u) => !u.startsWith(server.origin) && !u.startsWith('data:') && !u.startsWith(`blob:${server.origin}/`))).toEqual([]);
    await context.close();
  });
});

describe('Explore re-pools the 2×2 tables in the browser', () => {
  it('draws the bivariate summary and live SROC of the filtered studies, as the build computes them', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    // "study 1" matches studies 1 and 10–14 of the 14: six tables.
    await page.goto(`${server.origin}/explore/?outcome=${DTA_OUTCOME}&q=study%201`, { waitUntil: 'load' });
    await expect.poll(() => page.locator('[data-explore-status]').getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
    const pooled = page.locator('.explore-dta .dta-pooled');
    expect(await pooled.getAttribute('data-model')).toBe('bivariate');
    expect(await pooled.getAttribute('data-k')).toBe('6');
    const picked = [0, 9, 10, 11, 12, 13];
    const expected = poolBivariate(picked.map((i) => ({ tp: fixture.tp[i]!, fp: fixture.fp[i]!, fn: fixture.fn[i]!, tn: fixture.tn[i]! })));
    expect(Number(await pooled.getAttribute('data-sens'))).toBeCloseTo(expected.sens, 12);
    expect(Number(await pooled.getAttribute('data-spec'))).toBeCloseTo(expected.spec, 12);
    expect(await page.locator('.explore-sroc g.sroc-study').count()).toBe(6);
    // One study left: the page says it fell back, and why.
    await page.fill('.explore-filters [name=q]', 'study 12');
    await page.locator('.explore-filters [name=q]').press('Enter');
    await expect.poll(() => pooled.getAttribute('data-k')).toBe('1');
    expect(await pooled.getAttribute('data-model')).toBe('univariate');
    expect(await page.locator('.explore-dta .dta-fallback').textContent()).toMatch(/^Only 1 study: the bivariate model needs at least 4/);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

const traffic = `outcome-${DTA_OUTCOME}-rob-traffic-light`;
const robSummary = `outcome-${DTA_OUTCOME}-rob-summary`;
const deeks = `outcome-${DTA_OUTCOME}-dor-funnel`;
const studyPage = (slug: string) => readFileSync(join(dist, 'studies', slug, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('risk of bias on the study pages', () => {
  it('gives an assessed page its overall sentence near the top and a table of the four domains with judgements and support', () => {
    const html = studyPage('auditc-02');
    const t = text(html);
    expect(t).toContain('Overall risk of bias (QUADAS-2): high.');
    expect(html.indexOf('Overall risk of bias (QUADAS-2): high.')).toBeLessThan(html.indexOf('id="citation"'));
    const rows = [...html.matchAll(/<tr data-domain="([a-z_]+)"[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [m[1], text(m[2]!).trim()]);
    expect(rows.map((r) => r[0])).toEqual(['patient_selection', 'index_test', 'reference_standard', 'flow_and_timing']);
    expect(rows[1]![1]).toMatch(/^Index test 2\.1 Were the index test results interpreted without knowledge of the results of the reference standard\? no .* High Low Fixture judgement: high\.$/);
    expect(t).toContain('Assessed by Fixture Reviewer on 2026-01-15.');
  });

  it('says "not yet assessed" on a page without an assessment, and never shows it as low', () => {
    const t = text(studyPage('auditc-10'));
    expect(t).toContain('Risk of bias: not yet assessed.');
    expect(t).not.toMatch(/risk of bias[^.]*: low/i);
    expect(studyPage('auditc-10')).not.toMatch(/<tr data-domain=|class="rob-level rob-level-low/);
    expect(studyPage('auditc-10')).toContain('data-rob-overall="not-assessed"');
  });
});

describe('risk-of-bias and funnel figures of the DTA outcome', () => {
  it('shows the traffic-light, summary and Deeks funnel plots on the outcome page, after the DTA figures', () => {
    const html = outcomePage();
    const at = (id: string) => html.indexOf(`data-figure-id="${id}"`);
    for (const id of [traffic, robSummary, deeks]) expect(at(id), id).toBeGreaterThan(at(paired));
    expect(at(traffic)).toBeLessThan(at(robSummary));
    expect(text(html)).toContain('6 of 14 studies assessed with QUADAS-2; the other 8 studies are not yet assessed');
  });

  it('offers each as SVG, PNG, PDF, CSV, R and an embed page, listed in /figures/index.json', () => {
    const index = JSON.parse(readFileSync(join(dist, 'figures', 'index.json'), 'utf8')) as { figures: { id: string; kind: string; rows: number }[] };
    expect(index.figures.filter((f) => [traffic, robSummary, deeks].includes(f.id)).map((f) => [f.id, f.kind, f.rows])).toEqual([
      [traffic, 'rob-traffic-light', 14],
      [robSummary, 'rob-summary', 5],
      [deeks, 'funnel', 14],
    ]);
    for (const id of [traffic, robSummary, deeks]) {
      for (const ext of ['svg', 'png', 'pdf', 'csv', 'R']) expect(existsSync(join(dist, 'figures', `${id}.${ext}`)), `${id}.${ext}`).toBe(true);
      expect(readFileSync(join(dist, 'embed', id, 'index.html'), 'utf8')).toContain(`data-figure-id="${id}"`);
    }
    const csv = readFileSync(join(dist, 'figures', `${traffic}.csv`), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(1 + 14);
    expect(csv.filter((l) => l.includes(',not-assessed,not-assessed,not-assessed,not-assessed,not-assessed,'))).toHaveLength(8);
    expect(csv.filter((l) => /,high,$/.test(l))).toHaveLength(AUDITC_HIGH.length);
  });

  it('draws a risk-of-bias column on the paired forest plot, one mark per domain and overall per study', () => {
    const html = outcomePage();
    const figure = html.slice(html.indexOf(`id="paired-forest-${DTA_OUTCOME}"`));
    expect((figure.match(/class="paired-rob-mark rob-/g) ?? []).length).toBe(14 * 5);
    const high = (figure.match(/class="paired-rob-mark rob-high"/g) ?? []).length;
    const expected = Object.values(AUDITC_JUDGEMENTS).reduce((n, j) => n + j.filter((x) => x === 'high').length, 0) + AUDITC_HIGH.length;
    expect(high).toBe(expected);
    expect(readFileSync(join(dist, 'figures', `${paired}.svg`), 'utf8')).toContain('paired-rob-mark');
  });

  it("draws the column on the forest plots of an assessed real study's outcomes", () => {
    const html = readFileSync(join(dist, 'outcomes', 'wall-motion-abnormality', 'index.html'), 'utf8');
    expect((html.match(/class="forest-rob-mark rob-/g) ?? []).length).toBe(5);
    expect(html).toContain(`href="/studies/${REAL_ASSESSED.slug}/#risk-of-bias"`);
  });

  it.skipIf(!rscriptPath())('has base-R scripts that run with Rscript and print what the site shows', async () => {
    const summaryCsv = readFileSync(join(dist, 'figures', `${robSummary}.csv`), 'utf8').trim().split('\n').slice(1);
    const { stdout } = await runRscript(`png(tempfile(fileext = ".png"))\n${readFileSync(join(dist, 'figures', `${robSummary}.R`), 'utf8')}`, { timeoutMs: 60_000 });
    // R prints the share matrix (domains × levels, percent); the site's CSV has the same numbers.
    const line = stdout.split('\n').find((l) => l.startsWith('Overall risk of bias'));
    expect(line, stdout).toBeDefined();
    const r = line!.replace('Overall risk of bias', '').trim().split(/\s+/).map(Number);
    const site = summaryCsv.at(-1)!.split(',').slice(2, 6).map(Number);
    r.forEach((x, i) => expect(Math.abs(x - site[i]!)).toBeLessThan(1e-4));
    for (const id of [traffic, deeks]) await runRscript(`png(tempfile(fileext = ".png"))\n${readFileSync(join(dist, 'figures', `${id}.R`), 'utf8')}`, { timeoutMs: 60_000 });
  }, 120_000);
});

describe('the risk-of-bias and funnel figures in Chromium', () => {
  it('draw every text at 11 px or more on a 390 px phone without widening the page, and make no foreign request', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    for (const path of [`/outcomes/${DTA_OUTCOME}/`, '/outcomes/wall-motion-abnormality/', '/studies/auditc-02/', ...[traffic, robSummary, deeks].map((id) => `/embed/${id}/`)]) {
      await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      const sizes = await page.evaluate(() =>
        [...document.querySelectorAll('figure.appraisal svg text, figure.embed svg text, figure.forest svg text')].filter((t) => t.getBoundingClientRect().width > 0).map((t) => {
          const el = t as SVGTextElement;
          const m = el.getScreenCTM();
          return { text: el.textContent ?? '', px: parseFloat(getComputedStyle(el).fontSize) * (m ? Math.hypot(m.a, m.b) : 1) };
        }),
      );
      if (!path.startsWith('/studies/')) expect(sizes.length, path).toBeGreaterThan(10);
      expect(sizes.filter((s) => s.px < 10.95), path).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), path).toBe(true);
    }
    const figures = await page.goto(`${server.origin}/outcomes/${DTA_OUTCOME}/`).then(() => page.locator('figure.appraisal').count());
    expect(figures).toBe(3);
    expect(requested.filter((u) => !u.startsWith(server.origin) && !u.startsWith('data:') && !u.startsWith(`blob:${server.origin}/`))).toEqual([]);
    await context.close();
  });
});

describe('the risk-of-bias pages and figures for assistive technology', () => {
  it('have no serious or critical axe-core violation: an assessed study page, the DTA outcome page with its new figures, an embed', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const path of ['/studies/auditc-02/', `/outcomes/${DTA_OUTCOME}/`, `/embed/${traffic}/`]) {
      await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      expect(await seriousA11yViolations(page), path).toEqual([]);
    }
    // Each new figure names itself: a title and a description the SVG is labelled by, and a table of its values.
    await page.goto(`${server.origin}/outcomes/${DTA_OUTCOME}/`, { waitUntil: 'load' });
    const labels = await page.locator('figure.appraisal svg').evaluateAll((svgs) => svgs.map((s) => (s.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' | ')));
    expect(labels).toHaveLength(3);
    for (const l of labels) expect(l).toMatch(/^.+ \| .{40,}$/);
    expect(await page.locator('figure.appraisal details table').count()).toBe(3);
    await context.close();
  }, 120_000);
});

describe('Explore leaves out the studies at high risk of bias and re-pools', () => {
  it('re-pools the 2×2 tables without AuditC studies 2 and 5, with the control checked and in the URL', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin}/explore/?outcome=${DTA_OUTCOME}&exclude_high_rob=1`, { waitUntil: 'load' });
    await expect.poll(() => page.locator('[data-explore-status]').getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
    expect(await page.locator('.explore-filters [name=exclude_high_rob]').isChecked()).toBe(true);
    const pooled = page.locator('.explore-dta .dta-pooled');
    expect(await pooled.getAttribute('data-k')).toBe('12');
    const kept = fixture.tp.map((_, i) => i).filter((i) => !AUDITC_HIGH.includes(i + 1));
    const expected = poolBivariate(kept.map((i) => ({ tp: fixture.tp[i]!, fp: fixture.fp[i]!, fn: fixture.fn[i]!, tn: fixture.tn[i]! })));
    expect(Number(await pooled.getAttribute('data-sens'))).toBeCloseTo(expected.sens, 12);
    // Unchecked: all 14 again; the judgement filter keeps only the two at high risk.
    await page.uncheck('.explore-filters [name=exclude_high_rob]');
    await expect.poll(() => pooled.getAttribute('data-k')).toBe('14');
    await page.selectOption('.explore-filters [name=rob]', 'high');
    await expect.poll(() => pooled.getAttribute('data-k')).toBe('2');
    await expect.poll(() => new URL(page.url()).search).toBe(`?outcome=${DTA_OUTCOME}&rob=high`);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
