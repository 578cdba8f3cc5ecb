/** Figure data for the figure-file tests: a pooled AUC synthesis, an OR synthesis and hostile labels. */
import { synthesize, type SynthesisInput } from '../../../src/lib/site/synthesis.ts';
import type { FigureDatum, FigureScriptInput } from '../../../src/lib/figures/types.ts';
import type { Measure } from '../../../src/lib/schema/index.ts';

/** Labels an abstract could contain: commas, quotes, line breaks, markup and R code. */
export const HOSTILE = ['Smith, "J." 2021', 'line one\nline two\r\nthree', '<script>alert(1)</script>', '"); system("rm -rf ~"); #', '\u2028=HYPERLINK("x")\\'];

function input(slug: string, label: string, measure: Measure, value: number, lo: number, hi: number): SynthesisInput {
  return { estimate_id: `${slug}#1`, slug, title: `Study ${slug}`, status: 'included', outcome: 'x', label, measure, value, ci_low: lo, ci_high: hi, ci_level: 0.95, unit: null, needs_review: false };
}

/** A figure script input built with the site's own synthesis (REML + Knapp-Hartung). */
export function pooledFigure(measure: Measure, values: [number, number, number][], labels: string[] = []): FigureScriptInput {
  const [s] = synthesize(values.map(([v, l, h], i) => input(`s${i}`, labels[i] ?? `study ${i}`, measure, v, l, h)));
  const p = s!.pooled;
  const data: FigureDatum[] = s!.rows.map((r) => ({
    label: r.label,
    measure,
    value: r.value,
    ci_low: r.ciLow,
    ci_high: r.ciHigh,
    ci_level: 0.95,
    weight: r.weight,
    yi: r.yi,
    sei: r.vi === null ? null : Math.sqrt(r.vi),
    scale: p?.scale ?? (measure === 'OR' ? 'log' : 'logit'),
    slug: r.slug,
    estimate_id: r.estimateId,
    quote: `${r.label} (${measure} ${r.value})`,
    pooled: p !== null && r.yi !== null,
    note: null,
  }));
  return {
    id: `outcome-x-${measure.toLowerCase()}`,
    kind: 'outcome',
    title: `X: ${measure}`,
    measure,
    pageUrl: 'https://example.org/review/outcomes/x/#forest-x',
    csvUrl: 'https://example.org/review/figures/outcome-x.csv',
    reviewTitle: 'A review',
    dataVersion: 'abc123',
    data,
    pooling: p ? { method: p.method, test: p.test, level: 0.95, scale: p.scale, k: p.k, estimate: p.estimate, ciLow: p.ciLow, ciHigh: p.ciHigh, piLow: p.piLow, piHigh: p.piHigh, tau2: p.tau2, I2: p.I2 } : null,
  };
}

/** Four AUCs from four studies (pooled on the logit scale). */
export const AUC_VALUES: [number, number, number][] = [[0.81, 0.75, 0.86], [0.7, 0.6, 0.79], [0.9, 0.85, 0.94], [0.77, 0.7, 0.83]];
/** Three odds ratios from three studies (pooled on the log scale). */
export const OR_VALUES: [number, number, number][] = [[2.1, 1.3, 3.4], [1.4, 0.9, 2.2], [3.0, 1.5, 6.0]];
