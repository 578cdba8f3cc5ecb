/**
 * The subgroup forest plot as a site figure: built from the BCG trials' allocation subgroups, its
 * CSV (studies, subgroups, overall; formula-safe), and its R script, which Rscript runs with metafor
 * and which must agree with the site's numbers to 1e-6.
 */
import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3-dsv';
import { synthesize } from '../../../src/lib/site/synthesis.ts';
import { analyseSynthesis, type StudyFacts } from '../../../src/lib/site/analyses.ts';
import { buildSubgroupFigures, isSubgroupFigure } from '../../../src/lib/figures/subgroup-registry.ts';
import { subgroupFigureCsv } from '../../../src/lib/figures/subgroup-csv.ts';
import { subgroupRScript } from '../../../src/lib/figures/subgroup-r-script.ts';
import { figureCsvText, figureStandalone, isDtaFigure } from '../../../src/lib/figures/site-figure.ts';
import type { Characteristic } from '../../../src/lib/schema/characteristics.ts';
import { rscriptPath, runRscript } from '../../../scripts/lib/rscript.ts';
import { BCG, BCG_ALLOC, bcgInputs } from '../../bcg-fixture.ts';
import { parseXml } from '../forest/xml.ts';
import { tmpdir } from 'node:os';

const ALLOC: Characteristic = { id: 'alloc', label: 'Allocation', type: 'categorical', values: ['random', 'alternate', 'systematic'] };
const inputs = bcgInputs();
inputs[0] = { ...inputs[0]!, title: '=HYPERLINK("x") "quoted"\nline' };
const [synthesis] = synthesize(inputs);
const facts = new Map<string, StudyFacts>(BCG.map((t, i) => [t.slug, { rob: (['low', 'high', 'unclear'] as const)[i % 3]!, characteristics: { alloc: t.alloc } }]));
const analyses = analyseSynthesis(synthesis!, facts, [ALLOC])!;
const figures = buildSubgroupFigures([analyses], { base: '/review/', outcomeLabel: () => 'Tuberculosis' });
const alloc = figures.find((f) => f.subgroup.characteristic.id === 'alloc')!;
const ctx = { pageUrl: 'https://example.org/review/outcomes/tuberculosis/', csvUrl: 'https://example.org/review/figures/x.csv', reviewTitle: 'A "review"', dataVersion: 'v1' };

describe('buildSubgroupFigures', () => {
  it('makes one forest-plot figure of kind "subgroup" per characteristic with subgroups, with a stable id and page', () => {
    expect(figures.map((f) => f.id)).toEqual(['subgroup-tuberculosis-rr-alloc', 'subgroup-tuberculosis-rr-risk-of-bias']);
    expect(isSubgroupFigure(alloc) && !isDtaFigure(alloc)).toBe(true);
    expect(alloc.page).toBe('outcomes/tuberculosis/');
    expect(alloc.options.subgroups!.map((g) => g.label)).toEqual(['random (k = 7)', 'alternate (k = 2)', 'systematic (k = 4)']);
    expect(alloc.rows.map((r) => r.subgroup)).toEqual(alloc.subgroup.group);
    expect(alloc.rows[0]!.href).toMatch(/^\/review\/studies\/bcg-01\/#q-1$/);
    expect(alloc.options.footnote![0]).toMatch(/^Test for subgroup differences: Q = \d+\.\d\d, df = 2, p = 0\.\d{3}$/);
    expect(alloc.options.footnote![1]).toMatch(/^Mixed-effects moderator test \(common τ²\): F\(2, 10\) = \d+\.\d\d, p = 0\.\d{3}$/);
  });

  it('draws a standalone SVG through the site-figure functions, with per-subgroup weights summing to 100', () => {
    const { svg, width, height } = figureStandalone(alloc);
    expect(parseXml(svg).errors).toEqual([]);
    expect(width).toBeGreaterThan(300);
    expect(height).toBeGreaterThan(13 * 24);
    for (const level of alloc.subgroup.levels) {
      const sum = alloc.rows.filter((r) => r.subgroup === level.level).reduce((s, r) => s + (r.weight ?? 0), 0);
      expect(sum).toBeCloseTo(100, 9);
    }
  });
});

describe('subgroupFigureCsv', () => {
  it('lists every study with its subgroup and yi/sei, then each subgroup and the overall estimate; text is formula-safe', () => {
    const csv = figureCsvText(alloc);
    expect(csv).toBe(subgroupFigureCsv(alloc));
    const rows = csvParse(csv);
    expect(rows.map((r) => r.row_type)).toEqual([...Array(13).fill('study'), 'subgroup', 'subgroup', 'subgroup', 'overall']);
    expect(rows[0]!.label!.startsWith(`'=HYPERLINK`)).toBe(true);
    const random = rows.find((r) => r.row_type === 'subgroup' && r.subgroup === 'random')!;
    expect(Number(random.yi)).toBeCloseTo(BCG_ALLOC.subgroups.find((s) => s.level === 'random')!.estimate, 6);
    expect(Number(random.k)).toBe(7);
  });
});

describe('subgroupRScript', () => {
  const code = subgroupRScript(alloc, ctx);
  it('keeps abstract text inside R strings and comments', () => {
    expect(code).toContain('"=HYPERLINK(\\"x\\") \\"quoted\\"\\nline: BCG vaccine vs control"');
    expect(code.split('\n').filter((l) => l.startsWith('#')).every((l) => !l.includes('\n'))).toBe(true);
    expect(code).toContain('dat$subgroup <- factor(dat$subgroup, levels = c("random", "alternate", "systematic"))');
    expect(code).toContain('rma(yi, sei = sei, data = dat, subset = subgroup == g, method = "REML", test = "knha"');
    expect(code).toContain('mods = ~ subgroup');
  });

  it.skipIf(!rscriptPath())('runs in R with metafor and reproduces every subgroup estimate, Qb and QM to 1e-6', async () => {
    const { stdout } = await runRscript(code, { timeoutMs: 120_000, cwd: tmpdir() }); // R writes Rplots.pdf into cwd
    const diffs = stdout.split('\n').filter((l) => l.startsWith('relative_difference')).map((l) => l.trim().split(/\s+/));
    expect(diffs.map((d) => d[1])).toEqual(['estimate', 'se', 'tau2', 'overall', 'overall_se', 'overall_tau2', 'Qb', 'Qb_p', 'QM', 'QMp', 'QM_tau2']);
    const worst = Object.fromEntries(diffs.map((d) => [d[1], Math.max(...d.slice(2).map(Number))]));
    console.info(`subgroup R round trip (BCG by allocation), max relative difference per quantity: ${JSON.stringify(worst)}`);
    for (const [name, d] of Object.entries(worst)) expect(d, name).toBeLessThan(1e-6);
    const qb = Number(stdout.split('\n').find((l) => l.startsWith('r_value Qb '))!.trim().split(/\s+/)[2]);
    expect(Math.abs(qb - BCG_ALLOC.Qb) / BCG_ALLOC.Qb).toBeLessThan(1e-6);
  }, 180_000);
});
