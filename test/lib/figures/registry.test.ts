import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Study, type Estimate } from '../../../src/lib/schema/index.ts';
import { synthesize } from '../../../src/lib/site/synthesis.ts';
import { synthesisInputs } from '../../../src/lib/site/synthesis-inputs.ts';
import { buildFigures } from '../../../src/lib/figures/registry.ts';
import { layoutForest } from '../../../src/lib/forest/layout.ts';
import { fixture } from '../../helpers.ts';

const seed = Study.parse(parse(fixture('studies/valid.mdx').split('---')[1]!));

/** A study page like the seed record, included, with its estimates replaced. */
function study(slug: string, estimates: Partial<Estimate>[]) {
  const base = seed.estimates[0]!;
  return { slug, study: { ...seed, title: `Study ${slug}`, status: 'included' as const, estimates: estimates.map((e) => ({ ...base, ...e })) } };
}

const studies = [
  study('a-2021', [{ value: 0.81, ci_low: 0.75, ci_high: 0.86, quote: 'AUC 0.81 (0.75-0.86)' }, { outcome: 'native-t1', label: 'T1', value: 0.6, ci_low: 0.5, ci_high: 0.7 }]),
  study('b-2022', [{ value: 0.7, ci_low: 0.6, ci_high: 0.79 }, { value: 0.72, ci_low: 0.62, ci_high: 0.8, label: 'WMA, external' }]),
  study('c-2023', [{ value: 90, ci_low: 85, ci_high: 94, unit: 'percent' }, { measure: 'sensitivity', value: 0.8, ci_low: 0.7, ci_high: 0.88 }]),
];
const syntheses = synthesize(synthesisInputs(studies));
const labels: Record<string, string> = { 'wall-motion-abnormality': 'Wall motion abnormality' };
const figures = buildFigures(studies, syntheses, { base: '/review', outcomeLabel: (id) => labels[id] ?? id });
const byId = (id: string) => figures.find((f) => f.id === id)!;

describe('the figure registry', () => {
  it('has one figure per study × measure, per outcome × measure and per measure on the home page, with unique ids', () => {
    expect(figures.map((f) => f.id)).toEqual([
      'study-a-2021-auc',
      'study-b-2022-auc',
      'study-c-2023-auc',
      'study-c-2023-sensitivity',
      'outcome-native-t1-auc',
      'outcome-wall-motion-abnormality-auc',
      'outcome-wall-motion-abnormality-sensitivity',
      'headline-auc',
      'headline-sensitivity',
    ]);
    expect(byId('study-a-2021-auc')).toMatchObject({ kind: 'study', page: 'studies/a-2021/', anchor: 'forest-AUC', title: 'AUC estimates of this study', longTitle: 'AUC estimates of Study a-2021' });
    expect(byId('outcome-wall-motion-abnormality-auc')).toMatchObject({ page: 'outcomes/wall-motion-abnormality/', anchor: 'forest-wall-motion-abnormality-AUC' });
    expect(byId('headline-auc')).toMatchObject({ page: '', anchor: 'headline-AUC' });
  });

  it('gives an outcome figure of three studies its pooled diamond, weights, and the yi/sei that went into the pooling', () => {
    const f = byId('outcome-wall-motion-abnormality-auc');
    const s = syntheses.find((x) => x.outcome === 'wall-motion-abnormality' && x.measure === 'AUC')!;
    expect(f.pooling).toMatchObject({ method: 'REML', test: 'knha', level: 0.95, scale: 'logit', k: 3, estimate: s.pooled!.estimate });
    expect(f.options.pooled).toMatchObject({ estimate: s.pooled!.estimate, k: 3 });
    expect(f.data.filter((d) => d.pooled).map((d) => d.estimate_id)).toEqual(['a-2021#1', 'b-2022#1', 'c-2023#1']);
    expect(f.data.filter((d) => d.pooled).reduce((sum, d) => sum + d.weight!, 0)).toBeCloseTo(100, 10);
    const second = f.data.find((d) => d.estimate_id === 'b-2022#2')!;
    expect(second).toMatchObject({ pooled: false, note: expect.stringContaining('second estimate from the same study') });
    expect(f.data[0]).toMatchObject({ yi: s.rows[0]!.yi, sei: Math.sqrt(s.rows[0]!.vi!), quote: 'AUC 0.81 (0.75-0.86)', slug: 'a-2021' });
    expect(f.data[0]!.yi).toBeCloseTo(Math.log(0.81 / 0.19), 12);
    // Percent values are plotted and published as proportions.
    expect(f.data.find((d) => d.slug === 'c-2023')).toMatchObject({ value: 0.9, ci_low: 0.85, ci_high: 0.94 });
    expect(layoutForest(f.rows, f.options).pooled).not.toBeNull();
  });

  it('links rows into the site under the base path, and study rows to their quotes', () => {
    expect(byId('outcome-wall-motion-abnormality-auc').rows[0]!.href).toBe('/review/studies/a-2021/#q-1');
    expect(byId('study-a-2021-auc').rows.map((r) => r.href)).toEqual(['#q-1', '#q-2']);
    expect(byId('headline-auc').rows[0]!.href).toBe('/review/outcomes/native-t1/');
  });

  it("puts each outcome's pooled estimate on the home page with its pooling-scale yi and sei", () => {
    const h = byId('headline-auc');
    const pooled = syntheses.find((x) => x.outcome === 'wall-motion-abnormality' && x.measure === 'AUC')!.pooled!;
    const row = h.data.find((d) => d.label === 'Wall motion abnormality')!;
    expect(row).toMatchObject({ value: pooled.estimate, yi: pooled.yi, sei: pooled.sei, slug: null, note: expect.stringContaining('outcome-wall-motion-abnormality-auc') });
    expect(h.rows.find((r) => r.label === 'Wall motion abnormality')!.sublabel).toBe('pooled, k = 3');
    expect(h.data.find((d) => d.label === 'native-t1: T1')).toMatchObject({ slug: 'a-2021', note: '1 study' });
  });

  it('refuses two plots with the same id', () => {
    const twin = [study('x-y', [{}]), study('x_y', [{}])];
    expect(() => buildFigures(twin, synthesize(synthesisInputs(twin)), { base: '/', outcomeLabel: (id) => id })).toThrow(/share the figure id study-x-y-auc/);
  });
});
