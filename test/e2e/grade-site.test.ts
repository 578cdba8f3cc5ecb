/**
 * The GRADE Summary of Findings on a copy of the project whose review has the AuditC outcome with
 * a certainty block (test/dta-project.ts), committed in two versions so the Changes page has
 * something to report: 13 studies with imprecision "not serious", then 14 with it "serious".
 * Built once (check, data, astro build), then read as files and in Chromium, at desktop and at
 * a 390 px phone width.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { load } from 'cheerio';
import type { Browser } from 'playwright-core';
import { auditC, auditCCertainty, auditCPages, DTA_OUTCOME, projectWithDtaStudies, withDtaOutcome } from '../dta-project.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { expectNoSeriousA11yViolations } from './a11y.ts';
import { perThousand } from '../../src/lib/grade/per-thousand.ts';
import { poolBivariate } from '../../src/lib/stats/index.ts';
import { ROOT } from '../helpers.ts';

let dir: string;
let dist: string;
let server: StaticServer;
let browser: Browser;
const c = auditC();
const fit = (n: number) => poolBivariate(c.tp.slice(0, n).map((tp, i) => ({ tp, fp: c.fp[i]!, fn: c.fn[i]!, tn: c.tn[i]! })));
const html = (path: string) => readFileSync(join(dist, path), 'utf8');
const text = (s: string) => s.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  dir = await projectWithDtaStudies('grade-project-', auditCCertainty({ imprecision: 'serious' }));
  dist = join(dir, 'dist');
  const review = join(dir, 'content', 'review.yaml');
  const final = readFileSync(review, 'utf8');
  const g = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-01T10:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T10:00:00Z' } });
  g('init', '-q');
  g('config', 'user.email', 'test@example.org');
  g('config', 'user.name', 'Test');
  // Version 1: 13 studies, imprecision not serious (certainty low).
  await unlink(join(dir, 'content', 'studies', 'auditc-14.mdx'));
  const protocol = readFileSync(join(ROOT, 'content', 'review.yaml'), 'utf8');
  await writeFile(review, withDtaOutcome(protocol, auditCCertainty()));
  g('add', 'content');
  g('commit', '-qm', 'Thirteen AuditC studies, rated');
  // Version 2: the 14th study and imprecision serious (certainty very low).
  await writeFile(join(dir, 'content', 'studies', 'auditc-14.mdx'), auditCPages()['auditc-14.mdx']!);
  await writeFile(review, final);
  g('add', 'content');
  g('commit', '-qm', 'Fourteenth AuditC study; imprecision serious');
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
  for (const args of [['scripts/check.ts'], ['scripts/build-data.ts'], [astro, 'build']]) execFileSync(process.execPath, args, { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'], env });
  server = await serveStatic(dist);
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the Summary of Findings of a DTA outcome', () => {
  it('sits on the outcome page with the numbers per 1,000 tested at both prevalences, as the bivariate fit gives them', () => {
    const $ = load(html(`outcomes/${DTA_OUTCOME}/index.html`));
    const sof = $(`section#sof-${DTA_OUTCOME}`);
    expect(sof.attr('data-certainty')).toBe('very low');
    const f = fit(14);
    const expected = [0.05, 0.2].map((p) => perThousand({ estimate: f.sens, ciLow: f.sensCi[0], ciHigh: f.sensCi[1] }, { estimate: f.spec, ciLow: f.specCi[0], ciHigh: f.specCi[1] }, p));
    const cells = sof.find('.sof-table tbody tr').map((_, tr) => [$(tr).find('td.num').map((__, td) => $(td).text()).get()]).get() as string[][];
    const show = (x: { value: number; low: number; high: number }) => `${Math.round(x.value)} (${Math.round(x.low)} to ${Math.round(x.high)})`;
    expect(cells).toEqual((['tp', 'fn', 'tn', 'fp'] as const).map((k) => expected.map((e) => show(e[k]))));
    expect(text(sof.find('.sof-certainty').text())).toBe('⊕⊝⊝⊝ Very low certainty (due to risk of bias (serious), inconsistency (serious), imprecision (serious))');
    expect(sof.find('.sof-symbols').attr('aria-hidden')).toBe('true');
    const n1 = c.tp.reduce((a, tp, i) => a + tp + c.fn[i]!, 0);
    expect(text(sof.find('.sof-table tbody tr').first().find('td').eq(2).text())).toBe(`${n1.toLocaleString('en-GB')} with the condition (14 studies)`);
  });

  it("shows each domain's judgement and reason beside the site's suggestion, marked as one", () => {
    const $ = load(html(`outcomes/${DTA_OUTCOME}/index.html`));
    const rows = $(`#sof-${DTA_OUTCOME} .sof-domains tbody tr`);
    expect(rows.map((_, r) => $(r).attr('data-domain')).get()).toEqual(['risk_of_bias', 'inconsistency', 'indirectness', 'imprecision', 'publication_bias']);
    const rob = rows.filter('[data-domain="risk_of_bias"]');
    expect(rob.find('.sof-judgement').text()).toBe('Serious');
    expect(rob.find('td').eq(1).text()).toBe('No study is assessed with QUADAS-2 yet');
    expect(text(rob.find('.sof-suggestion').text())).toBe('Suggestion: serious. 0% of the studies are at high risk of bias and 100% at unclear risk or not yet assessed (of 14: 0 high, 0 unclear, 14 not yet assessed): more than 50% at high or unclear risk.');
    // AuditC's Deeks test has p = 0.031: the suggestion (serious) differs from the authors' "not serious", and says so.
    expect(text(rows.filter('[data-domain="publication_bias"]').find('.sof-suggestion').text())).toMatch(/^Suggestion: serious \(differs from the authors\)\. Deeks' test for funnel-plot asymmetry: slope −?\d+\.\d{3}, p = 0\.0\d{2} \(14 studies\): p < 0\.1/);
    expect(rows.filter('[data-domain="publication_bias"]').find('.sof-judgement').text()).toBe('Not serious');
    expect(rows.filter('[data-domain="imprecision"]').find('.sof-suggestion').text()).toContain('the decision threshold 0.80');
  });

  it('links a CSV and a standalone HTML table, written at build time', () => {
    const $ = load(html(`outcomes/${DTA_OUTCOME}/index.html`));
    const links = $(`#sof-${DTA_OUTCOME} .sof-downloads a`).map((_, a) => $(a).attr('href')).get();
    expect(links).toEqual([`/summary-of-findings/${DTA_OUTCOME}.csv`, `/summary-of-findings/${DTA_OUTCOME}.html`]);
    const rows = csvParse(html(`summary-of-findings/${DTA_OUTCOME}.csv`));
    expect(rows).toHaveLength(2 + 4 * 2);
    expect(Number(rows[0]!.value)).toBeCloseTo(fit(14).sens, 12);
    expect(rows.every((r) => r.certainty === 'very low' && r.imprecision_judgement === 'serious')).toBe(true);
    const standalone = html(`summary-of-findings/${DTA_OUTCOME}.html`);
    expect(standalone).not.toMatch(/<script|<link|src=|url\(/i);
    expect(load(standalone)('.sof-table tbody tr')).toHaveLength(4);
    const all = csvParse(html('summary-of-findings/summary-of-findings.csv'));
    expect(new Set(all.map((r) => r.outcome)).size).toBe(9);
  });

  it('has a review-wide page with every declared outcome, readable by axe, and a standalone table that makes no request', async () => {
    const $ = load(html('summary-of-findings/index.html'));
    expect($('section.sof')).toHaveLength(9);
    expect($('section.sof[data-certainty="not-rated"]')).toHaveLength(8);
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.origin}/summary-of-findings/`, { waitUntil: 'load' });
    await expectNoSeriousA11yViolations(page, '/summary-of-findings/');
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${server.origin}/summary-of-findings/${DTA_OUTCOME}.html`, { waitUntil: 'load' });
    expect(requested).toEqual([`${server.origin}/summary-of-findings/${DTA_OUTCOME}.html`]);
    expect(await page.locator('.sof-table').count()).toBe(1);
    await page.context().close();
  }, 60_000);

  it('fits a 390 px phone: the page does not widen, the table scrolls inside its own box', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    for (const path of [`/outcomes/${DTA_OUTCOME}/`, '/summary-of-findings/', `/summary-of-findings/${DTA_OUTCOME}.html`]) {
      await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), path).toBe(true);
      const box = await page.locator(`#sof-${DTA_OUTCOME} .sof-scroll`).first().evaluate((el) => ({ overflow: getComputedStyle(el).overflowX, scroll: el.scrollWidth, client: el.clientWidth }));
      expect(box.overflow, path).toBe('auto');
      expect(box.scroll, path).toBeGreaterThan(box.client);
    }
    await context.close();
  }, 60_000);
});

describe('the Changes page and feed of the DTA review', () => {
  it('report the summary sensitivity and specificity shift and the certainty change of the update', () => {
    const $ = load(html('changes/index.html'));
    const latest = $('article.change').first();
    expect(latest.find('h3').text()).toBe('Fourteenth AuditC study; imprecision serious');
    const [b, a] = [fit(13), fit(14)];
    const n3 = (x: number) => x.toFixed(3);
    const row = latest.find(`table.change-dta tr[data-outcome="${DTA_OUTCOME}"] td`).map((_, td) => text($(td).text())).get();
    expect(row).toEqual(['bivariate', '13 → 14', `${n3(b.sens)} [${n3(b.sensCi[0])}, ${n3(b.sensCi[1])}] → ${n3(a.sens)} [${n3(a.sensCi[0])}, ${n3(a.sensCi[1])}]`, `${n3(b.spec)} [${n3(b.specCi[0])}, ${n3(b.specCi[1])}] → ${n3(a.spec)} [${n3(a.specCi[0])}, ${n3(a.specCi[1])}]`]);
    expect(text(latest.find(`.change-certainty li[data-outcome="${DTA_OUTCOME}"]`).text())).toBe('Unhealthy alcohol use (AUDIT-C): certainty low → very low (imprecision: not serious → serious)');
    const feed = html('changes.xml');
    expect(feed).toContain(`summary sensitivity ${n3(b.sens)}`);
    expect(feed).toContain('certainty low → very low (imprecision: not serious → serious)');
  });
});
