/**
 * The outcome-page analyses on a built copy of the project (test/analyses-project.ts): the BCG trials
 * (tuberculosis, RR) with their published allocation and latitude, and the AuditC 2×2 tables with
 * fixture QUADAS-2 assessments and a fixture characteristic derived from the study index. Built
 * once, as a user builds it; then the pages are read as files, the subgroup figure's R script is run
 * with Rscript, npm run check is run on broken characteristics, and the pages are opened in Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { AUDITC_LOW, BCG_OUTCOME, projectWithAnalyses } from '../analyses-project.ts';
import { auditC, DTA_OUTCOME } from '../dta-project.ts';
import { BCG_ABLAT, BCG_ALLOC, BCG_EGGER } from '../bcg-fixture.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { startBuiltCopy, type BuiltCopy } from './harness.ts';
import { rscriptPath, runRscript } from '../../scripts/lib/rscript.ts';
import { expectNoSeriousA11yViolations } from './a11y.ts';
import { deeksTest, poolDta } from '../../src/lib/stats/index.ts';

let dir: string;
let dist: string;
let server: StaticServer;
let browser: Browser;
const fixture = auditC();
const tables = fixture.tp.map((tp, i) => ({ tp, fp: fixture.fp[i]!, fn: fixture.fn[i]!, tn: fixture.tn[i]! }));
const allocFigure = `subgroup-${BCG_OUTCOME}-rr-alloc`;

let copy: BuiltCopy;
beforeAll(async () => {
  copy = await startBuiltCopy(projectWithAnalyses);
  ({ dir, dist, server, browser } = copy);
}, 600_000);
afterAll(() => copy?.close());

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\s+/g, ' ');
const page = (outcome: string) => readFileSync(join(dist, 'outcomes', outcome, 'index.html'), 'utf8');
const f2 = (x: number) => x.toFixed(2).replace('-', '−');
const f4 = (x: number) => x.toFixed(4).replace('-', '−');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const f3 = (x: number) => x.toFixed(3).replace('-', '−');

describe('the tuberculosis page (BCG trials)', () => {
  it('puts the low-risk sensitivity analysis beside the main estimate, and says none of the 13 trials is at low risk', () => {
    const t = text(page(BCG_OUTCOME));
    expect(t).toMatch(/All pooled studies 13 0\.\d{3} \(95% CI 0\.\d{3} to 0\.\d{3}\) Low risk of bias only 0 None of the 13 pooled studies is at low risk of bias: a pooled estimate needs at least 2\./);
  });

  it('shows the subgroup forest plot by allocation and both tests for subgroup differences, as metafor computes them', () => {
    const html = page(BCG_OUTCOME);
    expect(html).toContain(`data-figure-id="${allocFigure}"`);
    const t = text(html);
    expect(t).toContain(`Test for subgroup differences: Q = ${f2(BCG_ALLOC.Qb)}, df = 2, p = ${BCG_ALLOC.QbP.toFixed(3)}; mixed-effects moderator test (common τ²): F(2, 10) = ${f2(BCG_ALLOC.QM)}, p = ${BCG_ALLOC.QMp.toFixed(3)}.`);
    const qb = Number(/data-qb="([^"]+)"/.exec(html)![1]);
    expect(Math.abs(qb - BCG_ALLOC.Qb) / BCG_ALLOC.Qb).toBeLessThan(1e-6);
    for (const s of BCG_ALLOC.subgroups) expect(t).toContain(`${s.level} ${s.k} ${Math.exp(s.estimate).toFixed(3)} (95% CI`);
  });

  it('says the risk-of-bias subgroups have a single level, naming the characteristic', () => {
    expect(text(page(BCG_OUTCOME))).toContain('Not analysed: “Risk of bias (overall)” has a single level — all 13 studies are “Not yet assessed” — so there are no subgroups to compare.');
  });

  it('tabulates the meta-regression on latitude under metafor names with Knapp–Hartung, and Egger’s test', () => {
    const t = text(page(BCG_OUTCOME));
    const [b0, b1] = BCG_ABLAT.result.beta;
    const [s0, s1] = BCG_ABLAT.result.se;
    expect(t).toContain('Mixed-effects meta-regression (REML, Knapp–Hartung: t on 11 df), k = 13');
    expect(t).toContain(`intrcpt ${f4(b0!)} ${f4(s0!)}`);
    expect(t).toContain(`ablat (Absolute latitude (degrees)) ${f4(b1!)} ${f4(s1!)} ${BCG_ABLAT.result.stat[1]!.toFixed(3).replace('-', '−')}`);
    expect(t).toContain(`R² = ${BCG_ABLAT.result.R2.toFixed(1)}%`);
    expect(t).toContain(`Egger's regression test (k = 13): slope ${BCG_EGGER.slope.toFixed(3).replace('-', '−')} (SE ${BCG_EGGER.slopeSe.toFixed(3)}), t = ${f2(BCG_EGGER.stat)} on 11 df, p = ${BCG_EGGER.pval.toFixed(3)}.`);
  });

  it('offers the subgroup figure as SVG, PNG, PDF, CSV, R and an embed page, listed in /figures/index.json', () => {
    const index = JSON.parse(readFileSync(join(dist, 'figures', 'index.json'), 'utf8')) as { figures: { id: string; kind: string; rows: number }[] };
    expect(index.figures.filter((f) => f.kind === 'subgroup').map((f) => [f.id, f.rows])).toEqual([[allocFigure, 13]]);
    for (const ext of ['svg', 'png', 'pdf', 'csv', 'R']) expect(existsSync(join(dist, 'figures', `${allocFigure}.${ext}`)), ext).toBe(true);
    expect(readFileSync(join(dist, 'embed', allocFigure, 'index.html'), 'utf8')).toContain('class="forest-subgroup"');
    expect(readFileSync(join(dist, 'figures', `${allocFigure}.csv`), 'utf8').trim().split('\n')).toHaveLength(1 + 13 + 3 + 1);
  });

  it.skipIf(!rscriptPath())('has an R script that refits the subgroups with metafor and agrees with the site to 1e-6', async () => {
    const code = readFileSync(join(dist, 'figures', `${allocFigure}.R`), 'utf8');
    const { stdout } = await runRscript(code, { timeoutMs: 120_000, cwd: tmpdir() });
    const diffs = stdout.split('\n').filter((l) => l.startsWith('relative_difference')).map((l) => l.trim().split(/\s+/));
    expect(diffs).toHaveLength(11);
    const worst = Object.fromEntries(diffs.map((d) => [d[1], Math.max(...d.slice(2).map(Number))]));
    console.info(`built site: subgroup R round trip, max relative difference per quantity: ${JSON.stringify(worst)}`);
    for (const [name, d] of Object.entries(worst)) expect(d, name).toBeLessThan(1e-6);
    const qm = Number(stdout.split('\n').find((l) => l.startsWith('r_value QM '))!.trim().split(/\s+/)[2]);
    expect(Math.abs(qm - BCG_ALLOC.QM) / BCG_ALLOC.QM).toBeLessThan(1e-6);
  }, 180_000);
});

describe('the AuditC page', () => {
  it('re-pools the bivariate summary from the 8 studies at low risk of bias beside the main summary', () => {
    const t = text(page(DTA_OUTCOME));
    const low = poolDta(tables.filter((_, i) => AUDITC_LOW.includes(i + 1)));
    expect(low.model).toBe('bivariate');
    if (low.model !== 'bivariate') return;
    const r = low.result;
    expect(t).toContain(`Low risk of bias only 8 ${pct(r.sens)} (${pct(r.sensCi[0])} to ${pct(r.sensCi[1])}) ${pct(r.spec)} (${pct(r.specCi[0])} to ${pct(r.specCi[1])})`);
  });

  it('gives each subgroup’s summary for the fixture characteristic (derived from the study index) and for risk of bias', () => {
    const t = text(page(DTA_OUTCOME));
    const odd = poolDta(tables.filter((_, i) => (i + 1) % 2 === 1));
    if (odd.model !== 'bivariate') throw new Error('expected the bivariate model');
    expect(t).toContain(`Subgroups by Study number parity (fixture) Subgroup k Sensitivity (95% CI) Specificity (95% CI) Model odd 7 ${pct(odd.result.sens)} (${pct(odd.result.sensCi[0])} to ${pct(odd.result.sensCi[1])})`);
    expect(t).toMatch(/Subgroups by Risk of bias \(overall\) .* Low 8 [\d.]+% .* bivariate Unclear 3 [\d.]+% .* univariate \(fallback\) High 3 /);
    expect(t).toContain('No test for subgroup differences is given for 2×2 tables');
    expect(text(page(BCG_OUTCOME))).toContain('Subgroups by Study number parity (fixture) Not analysed: none of the 13 pooled studies gives “Study number parity (fixture)”.');
  });

  it("runs Deeks' test on the 14 tables", () => {
    const d = deeksTest(tables);
    if (d.status !== 'ok') throw new Error('expected a test');
    expect(text(page(DTA_OUTCOME))).toContain(`Deeks' funnel-plot asymmetry test (k = 14): slope ${f3(d.slope)} (SE ${f3(d.se)}), t = ${f2(d.tval)} on 12 df, p = ${d.pval.toFixed(3)}.`);
  });
});

describe('npm run check on the copy', () => {
  it('passes the fixtures, then names file, line and field of an undeclared characteristic and of a value outside the declared ones', async () => {
    const check = () => spawnSync('npm', ['run', 'check', '--silent'], { cwd: dir, encoding: 'utf8' });
    const ok = check();
    expect(ok.status, ok.stderr).toBe(0);
    const file = join(dir, 'content', 'studies', 'auditc-03.mdx');
    const before = await readFile(file, 'utf8');
    await writeFile(file, before.replace('  index_parity: odd\n', '  index_parity: third\n  setting: clinic\n'));
    const bad = check();
    await writeFile(file, before);
    const lines = (await readFile(file, 'utf8')).split('\n');
    const at = lines.indexOf('  index_parity: odd') + 1;
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`content/studies/auditc-03.mdx:${at}: characteristics.index_parity: "third" is not a declared value of "index_parity" (Study number parity (fixture)): use one of "odd", "even"`);
    expect(bad.stderr).toContain(`content/studies/auditc-03.mdx:${at + 1}: characteristics.setting: characteristic "setting" is not declared in content/review.yaml`);
  }, 120_000);
});

describe('the analyses in Chromium', () => {
  it('have no serious accessibility violation on either outcome page', async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    for (const outcome of [BCG_OUTCOME, DTA_OUTCOME]) {
      await p.goto(`${server.origin}/outcomes/${outcome}/`, { waitUntil: 'load' });
      await expectNoSeriousA11yViolations(p, outcome);
    }
    await context.close();
  }, 120_000);

  it('keep a 390 px phone page from widening, with the subgroup plot’s text at 11 px or more', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${server.origin}/outcomes/${BCG_OUTCOME}/`, { waitUntil: 'load' });
    expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const sizes = await p.evaluate((id) =>
      [...document.querySelectorAll(`figure[data-figure-id="${id}"] svg text`)].map((t) => {
        const el = t as SVGTextElement;
        const m = el.getScreenCTM();
        return parseFloat(getComputedStyle(el).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
      }), allocFigure);
    expect(sizes.length).toBeGreaterThan(40);
    expect(sizes.filter((s) => s < 10.95)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
