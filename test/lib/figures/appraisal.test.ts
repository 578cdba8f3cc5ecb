import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildAppraisalFigures, deeksPoint, forestRob } from '../../../src/lib/figures/appraisal-registry.ts';
import type { FunnelFigure, RobFigure } from '../../../src/lib/figures/appraisal-types.ts';
import { appraisalStandaloneSvg, funnelLayout, robSummaryLayout, trafficLightLayout } from '../../../src/lib/figures/appraisal-standalone.ts';
import { textWidth } from '../../../src/lib/forest/text.ts';
import { appraisalCsv } from '../../../src/lib/figures/appraisal-csv.ts';
import { buildFigures } from '../../../src/lib/figures/registry.ts';
import { buildDtaFigures } from '../../../src/lib/figures/dta-registry.ts';
import { dtaStandaloneSvg } from '../../../src/lib/figures/dta-standalone.ts';
import { csvDescription, figureCsvText, figureRowCount, figureStandalone, isAppraisalFigure, isDtaFigure, isForestFigure, rDescription } from '../../../src/lib/figures/site-figure.ts';
import { standaloneSvg } from '../../../src/lib/figures/standalone.ts';
import { synthesisForest } from '../../../src/lib/site/synthesis-forest.ts';
import { synthesisInputs } from '../../../src/lib/site/synthesis-inputs.ts';
import { synthesize } from '../../../src/lib/site/synthesis.ts';
import { Study } from '../../../src/lib/schema/index.ts';
import { deeksTest } from '../../../src/lib/stats/deeks.ts';
import { fixture } from '../../helpers.ts';
import { parseXml } from '../forest/xml.ts';
import { CTX, DTA, MIXED, SYNTHESES, auditCInputs, quadas, studiesWith } from './appraisal-fixtures.ts';

const ids = (fs: { id: string }[]) => fs.map((f) => f.id);

describe('the appraisal figures of the registry', () => {
  it('has no risk-of-bias figure where nobody is assessed, but a funnel for each outcome × measure with k ≥ 3 and for the DTA outcome', () => {
    const figures = buildAppraisalFigures(studiesWith({}), SYNTHESES, DTA, CTX);
    expect(ids(figures)).toEqual(['outcome-x-auc-funnel', 'outcome-alcohol-dor-funnel']);
  });

  it('adds a traffic-light and a summary plot to an outcome once one of its studies is assessed, before its funnel', () => {
    const figures = buildAppraisalFigures(studiesWith({ c: quadas(['low', 'high', 'low', 'low']) }), SYNTHESES, DTA, CTX);
    expect(ids(figures)).toEqual(['outcome-x-rob-traffic-light', 'outcome-x-rob-summary', 'outcome-x-auc-funnel', 'outcome-alcohol-dor-funnel']);
    expect(figures.map((f) => [f.kind, f.page, f.anchor])).toContainEqual(['rob-traffic-light', 'outcomes/x/', 'rob-traffic-light-x']);
  });

  it('shows the studies not yet assessed as not assessed in every column, never as low, and leaves out the other tool with a reason', () => {
    const [traffic] = buildAppraisalFigures(studiesWith(MIXED), SYNTHESES, DTA, CTX) as RobFigure[];
    expect(traffic!.tool).toBe('QUADAS-2');
    expect(traffic!.studies.map((s) => [s.slug, s.levels.join(' '), s.overall])).toEqual([
      ['a', 'low low low low', 'low'],
      ['b', 'low high low low', 'high'],
      ['c', 'low low low unclear', 'unclear'],
      ['e', 'not-assessed not-assessed not-assessed not-assessed', 'not-assessed'],
    ]);
    expect(traffic!.skipped).toEqual([{ id: 'd', label: 'Study d', reason: 'assessed with PROBAST+AI, not QUADAS-2' }]);
    expect(traffic!.studies[0]!.href).toBe('/review/studies/a/#risk-of-bias');
  });

  it("weights the summary plot by the study's share of the pooled estimate, and counts studies once a weight is missing", () => {
    const figures = buildAppraisalFigures(studiesWith(MIXED), SYNTHESES, DTA, CTX) as RobFigure[];
    const summary = figures.find((f) => f.kind === 'rob-summary')!;
    const pooled = SYNTHESES.find((s) => s.outcome === 'x')!;
    for (const s of summary.studies) expect(s.weight).toBeCloseTo(pooled.rows.find((r) => r.slug === s.slug)!.weight!, 12);
    expect(summary.weightSource).toBe('the pooled AUC (k = 5)');
    const weighted = robSummaryLayout(summary);
    expect(weighted.weighted).toBe(true);
    const overall = weighted.bars.at(-1)!;
    const share = (slug: string) => summary.studies.find((s) => s.slug === slug)!.weight!;
    const total = ['a', 'b', 'c', 'e'].reduce((n, s) => n + share(s), 0);
    expect(overall.segments.find((s) => s.level === 'high')!.percent).toBeCloseTo((100 * share('b')) / total, 9);
    const unweighted = robSummaryLayout({ ...summary, studies: summary.studies.map((s, i) => ({ ...s, weight: i === 0 ? null : s.weight })) });
    expect(unweighted.weighted).toBe(false);
    expect(unweighted.bars.at(-1)!.segments.map((s) => [s.level, s.percent])).toEqual([['low', 25], ['unclear', 25], ['high', 25], ['not-assessed', 25]]);
  });

  it('puts every pooled estimate in the funnel at its yi and standard error, centred on the pooled yi, and skips k < 3', () => {
    const funnel = buildAppraisalFigures(studiesWith({}), SYNTHESES, DTA, CTX).find((f) => f.id === 'outcome-x-auc-funnel') as FunnelFigure;
    const s = SYNTHESES.find((x) => x.outcome === 'x')!;
    expect(funnel.points.map((p) => [p.id, p.effect, p.se])).toEqual(s.rows.map((r) => [r.estimateId, r.yi, Math.sqrt(r.vi!)]));
    expect(funnel.pooled).toBe(s.pooled!.yi);
    expect([funnel.transform, funnel.xLabel, funnel.nullValue, funnel.limits]).toEqual(['none', 'logit AUC', 0, true]);
    expect(SYNTHESES.find((x) => x.outcome === 'y')!.pooled!.k).toBe(2);
  });

  it("draws the DTA outcome's Deeks funnel from the same ln DOR and effective sample sizes as Deeks' test", () => {
    const funnel = buildAppraisalFigures(studiesWith({}), SYNTHESES, DTA, CTX).find((f) => f.id === 'outcome-alcohol-dor-funnel') as FunnelFigure;
    const test = deeksTest(auditCInputs(), { minStudies: 3 });
    if (test.status !== 'ok') throw new Error('expected a Deeks fit');
    expect(funnel.points.map((p) => p.effect)).toEqual(test.lnDOR);
    funnel.points.forEach((p, i) => expect(p.se).toBeCloseTo(1 / Math.sqrt(test.ess[i]!), 14));
    const m = DTA[0]!.summary!;
    expect(funnel.pooled).toBeCloseTo(Math.log(m.sens / (1 - m.sens)) + Math.log(m.spec / (1 - m.spec)), 12);
    expect([funnel.variant, funnel.limits, funnel.yLabel]).toEqual(['deeks', false, '1/√ESS']);
    expect(deeksPoint({ tp: 0, fp: 1, fn: 2, tn: 3 }).lnDor).toBeCloseTo(Math.log((0.5 * 3.5) / (1.5 * 2.5)), 14);
  });

  it('refuses two outcomes whose ids give the same figure id', () => {
    const twin = [...SYNTHESES, { ...SYNTHESES.find((s) => s.outcome === 'x')! }];
    expect(() => buildAppraisalFigures(studiesWith({}), twin, DTA, CTX)).toThrow(/share the figure id outcome-x-auc-funnel/);
  });
});

describe('the appraisal figures as files', () => {
  const figures = buildAppraisalFigures(studiesWith(MIXED), SYNTHESES, DTA, CTX);

  it('are standalone SVG documents, well formed, without links, no wider than a phone column, every text at 11 px or more', () => {
    for (const f of figures) {
      const { svg, width } = appraisalStandaloneSvg(f);
      expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'), f.id).toBe(true);
      const xml = parseXml(svg.replace(/^<\?xml[^>]*>\n/, ''));
      expect(xml.errors, f.id).toEqual([]);
      expect(xml.elements.filter((e) => e.name === 'a'), f.id).toEqual([]);
      const sizes = xml.elements.filter((e) => e.name === 'text').map((e) => Number(e.attrs['font-size'] ?? 12));
      expect(sizes.length, f.id).toBeGreaterThan(5);
      expect(Math.min(...sizes), f.id).toBeGreaterThanOrEqual(11);
      expect(width, f.id).toBeLessThanOrEqual(358);
    }
  });

  it('keep every tick label of the funnel plots inside the drawing, up to the five-digit DORs of the Deeks funnel', () => {
    for (const f of figures.filter((x): x is FunnelFigure => x.kind === 'funnel')) {
      const L = funnelLayout(f, { portable: true });
      for (const t of L.xAxis.ticks) {
        expect(t.x - textWidth(t.label, 11) / 2, `${f.id} ${t.label}`).toBeGreaterThanOrEqual(0);
        expect(t.x + textWidth(t.label, 11) / 2, `${f.id} ${t.label}`).toBeLessThanOrEqual(L.width);
      }
    }
    expect(funnelLayout(figures.find((f) => f.id === 'outcome-alcohol-dor-funnel') as FunnelFigure).xAxis.ticks.map((t) => t.label)).toContain('10000');
  });

  it('give the traffic-light CSV one line per study with its level per domain, and the summary CSV shares that sum to 100', () => {
    const traffic = figures.find((f) => f.kind === 'rob-traffic-light')!;
    const lines = appraisalCsv(traffic).trim().split('\n');
    expect(lines[0]).toBe('label,study_slug,tool,d1,d2,d3,d4,overall,weight');
    expect(lines[2]).toMatch(/^Study b,b,QUADAS-2,low,high,low,low,high,\d+\.\d+$/);
    expect(lines[4]).toMatch(/^Study e,e,not-assessed,not-assessed,not-assessed,not-assessed,not-assessed,not-assessed,/);
    const summary = appraisalCsv(figures.find((f) => f.kind === 'rob-summary')!).trim().split('\n');
    expect(summary[0]).toBe('domain,short,low,unclear,high,not_assessed,basis');
    expect(summary).toHaveLength(1 + 4 + 1);
    for (const line of summary.slice(1)) {
      const [low, unclear, high, na] = line.split(',').slice(2, 6).map(Number);
      expect(low! + unclear! + high! + na!).toBeCloseTo(100, 9);
    }
    expect(summary[1]).toMatch(/percent of total weight in the pooled AUC \(k = 5\)"?$/);
  });

  it('neutralise a title a spreadsheet would run as a formula', () => {
    const traffic = figures.find((f) => f.kind === 'rob-traffic-light') as RobFigure;
    const hostile = { ...traffic, studies: traffic.studies.map((s, i) => (i === 0 ? { ...s, label: '=HYPERLINK("x")' } : s)) };
    expect(appraisalCsv(hostile).split('\n')[1]).toMatch(/^"'=HYPERLINK\(""x""\)"/);
  });

  it('dispatch through the site-figure functions like every other kind', () => {
    for (const f of figures) {
      expect([isAppraisalFigure(f), isDtaFigure(f), isForestFigure(f)]).toEqual([true, false, false]);
      expect(figureStandalone(f)).toEqual(appraisalStandaloneSvg(f));
      expect(figureCsvText(f)).toBe(appraisalCsv(f));
      expect(csvDescription(f)).not.toMatch(/quotes they come from/);
      expect(rDescription(f)).toMatch(/base R/);
    }
    const traffic = figures.find((f) => f.kind === 'rob-traffic-light') as RobFigure;
    expect(figureRowCount(traffic)).toBe(traffic.studies.length);
    expect(trafficLightLayout(traffic, { portable: true }).rows.every((r) => r.href === undefined)).toBe(true);
  });
});

describe('the risk-of-bias column of the forest plots', () => {
  const seed = Study.parse(parse(fixture('studies/valid.mdx').split('---')[1]!));
  const base = seed.estimates[0]!;
  const page = (slug: string, value: number, rob = seed.risk_of_bias) => ({ slug, study: { ...seed, title: `Study ${slug}`, status: 'included' as const, risk_of_bias: rob, estimates: [{ ...base, value, ci_low: value - 0.05, ci_high: value + 0.04 }] } });
  const plain = [page('a', 0.8), page('b', 0.7), page('c', 0.85)];
  const ctx = { base: '/', outcomeLabel: (id: string) => id };

  it('is absent where nobody is assessed: the outcome plot is exactly the plot synthesisForest draws without it', () => {
    const syntheses = synthesize(synthesisInputs(plain));
    const fig = buildFigures(plain, syntheses, ctx).find((f) => f.kind === 'outcome')!;
    expect(fig.options.robLabels).toBeUndefined();
    expect(fig.rows.some((r) => 'rob' in r)).toBe(false);
    expect({ rows: fig.rows, options: fig.options }).toEqual(synthesisForest(syntheses[0]!, fig.title.split(':')[0]!, '/'));
    expect(forestRob(['a', 'b'], () => ({ tool: 'not-assessed' }))).toBeNull();
  });

  it('gives every row one mark per domain and overall once one study is assessed, not assessed ones marked NA', () => {
    const rob = Study.parse(parse(fixture('studies/rob-quadas.mdx').split('---')[1]!)).risk_of_bias;
    const pages = [page('a', 0.8, rob), page('b', 0.7), page('c', 0.85)];
    const syntheses = synthesize(synthesisInputs(pages));
    const fig = buildFigures(pages, syntheses, ctx).find((f) => f.kind === 'outcome')!;
    expect(fig.options.robLabels!.map((l) => l.short)).toEqual(['D1', 'D2', 'D3', 'D4', 'O']);
    const na = Array(5).fill('not-assessed');
    expect(Object.fromEntries(fig.rows.map((r) => [r.id.split('#')[0], r.rob]))).toEqual({ a: ['low', 'high', 'low', 'unclear', 'high'], b: na, c: na });
    const { svg } = standaloneSvg(fig);
    expect(svg.match(/class="forest-rob-mark rob-/g)).toHaveLength(5 * fig.rows.length);
    expect(svg).toContain('Overall risk of bias: high');
  });

  it('reaches the paired forest plot of a DTA outcome only with an assessed study; otherwise its SVG is byte-identical', () => {
    const without = buildDtaFigures(DTA, CTX);
    const notAssessed = buildDtaFigures(DTA, { ...CTX, studies: studiesWith({}) });
    expect(notAssessed).toEqual(without);
    expect(dtaStandaloneSvg(notAssessed[1]!).svg).toBe(dtaStandaloneSvg(without[1]!).svg);
    const assessed = buildDtaFigures(DTA, { ...CTX, studies: studiesWith({ t2: quadas(['low', 'low', 'high', 'low']) }) });
    const paired = assessed.find((f) => f.kind === 'paired-forest')!;
    expect(paired.robLabels!.map((l) => l.short)).toEqual(['D1', 'D2', 'D3', 'D4', 'O']);
    expect(paired.studies[1]!.rob).toEqual(['low', 'low', 'high', 'low', 'high']);
    expect(paired.studies[0]!.rob).toEqual(Array(5).fill('not-assessed'));
    expect(assessed.find((f) => f.kind === 'sroc')).toEqual(without.find((f) => f.kind === 'sroc'));
    expect(dtaStandaloneSvg(paired).svg).toContain('rob-mark rob-high');
  });
});
