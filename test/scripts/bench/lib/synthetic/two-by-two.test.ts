import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { TwoByTwo } from '../../../../../src/lib/schema/index.ts';
import { agreesWithinRounding } from '../../../../../src/lib/schema/two-by-two.ts';
import { validateReviewSource } from '../../../../../src/lib/content/validate.ts';
import { extractEstimates } from '../../../../../src/lib/ingest/extract.ts';
import { createRng } from '../../../../../src/lib/prng.ts';
import { markSynthetic } from '../../../../../scripts/bench/lib/synthetic/mark.ts';
import { syntheticTables } from '../../../../../scripts/bench/lib/synthetic/tables.ts';
import { TABLE_SHARE, drawTable, syntheticDtaInputs, tableSentence, twoByTwoYaml } from '../../../../../scripts/bench/lib/synthetic/two-by-two.ts';
import { synthesizeDta } from '../../../../../src/lib/site/dta-synthesis.ts';
import { ROOT } from '../../../../helpers.ts';

const review = validateReviewSource(readFileSync(join(ROOT, 'content', 'review.yaml'), 'utf8'), 'content/review.yaml').review!;

describe('synthetic 2×2 tables', () => {
  it('agree within rounding with the sensitivity and specificity they are drawn for, in percent and as proportions', () => {
    const rng = createRng(4);
    for (let i = 0; i < 300; i++) {
      const pct = i % 2 === 0;
      const sens = { value: pct ? Number((rng.float(60, 97)).toFixed(1)) : Number(rng.float(0.6, 0.97).toFixed(3)), unit: pct ? ('percent' as const) : ('proportion' as const) };
      const spec = { value: pct ? Number((rng.float(60, 97)).toFixed(1)) : Number(rng.float(0.6, 0.97).toFixed(3)), unit: sens.unit };
      const t = drawTable(rng, 'o', 'L', sens, spec);
      expect(agreesWithinRounding(t.tp / (t.tp + t.fn), sens.value, sens.unit)).toBe(true);
      expect(agreesWithinRounding(t.tn / (t.tn + t.fp), spec.value, spec.unit)).toBe(true);
      expect([t.tp, t.fp, t.fn, t.tn].every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
    }
  });

  it('are written as frontmatter the schema accepts, every cell quoting the sentence that reports it, which the extractor reads no estimate from', () => {
    const t = drawTable(createRng(2), 'wall-motion-abnormality', 'model for "WMA"', null, null);
    const parsed = parse(twoByTwoYaml([t])) as { two_by_two: unknown[] };
    const table = TwoByTwo.parse(parsed.two_by_two[0]);
    expect([table.label, table.tp.n, table.fp.n, table.fn.n, table.tn.n]).toEqual([t.label, t.tp, t.fp, t.fn, t.tn]);
    for (const c of ['tp', 'fp', 'fn', 'tn'] as const) expect(tableSentence(t)).toContain(table[c].quote!);
    expect(extractEstimates(tableSentence(t))).toEqual([]);
  });

  it('are added to an ingested page by the bench, and a page ingest gave tables of its own keeps them', () => {
    const page = '---\nstatus: pending\nexclusion_reason: null\nsynthetic: false\ntwo_by_two: []\n---\n\nbody\n';
    const t = drawTable(createRng(3), 'o', 'L', null, null);
    const marked = markSynthetic(page, 'slug-a', 'not-clinical', [t]);
    expect((parse(marked.split('\n---\n')[0]!.slice(4)) as { two_by_two: { tp: { n: number } }[] }).two_by_two[0]!.tp.n).toBe(t.tp);
    expect(marked.endsWith('\n---\n\nbody\n')).toBe(true);
    const own = page.replace('two_by_two: []', 'two_by_two:\n  - outcome: o');
    expect(markSynthetic(own, 'slug-a', 'not-clinical', [t])).not.toContain('true positives');
    const without = page.replace('two_by_two: []\n', '');
    expect(markSynthetic(without, 'slug-a', 'not-clinical', [t])).toMatch(/\ntwo_by_two:\n {2}- outcome: o\n[^]*\n---\n\nbody\n$/);
  });

  it('give the timing inputs: n included studies on one outcome that the bivariate model pools', () => {
    const inputs = syntheticDtaInputs(100, 5);
    expect(inputs).toHaveLength(100);
    expect(new Set(inputs.map((t) => t.slug)).size).toBe(100);
    expect(syntheticDtaInputs(100, 5)).toEqual(inputs);
    const [s] = synthesizeDta(inputs);
    expect(s!.summary!.model).toBe('bivariate');
    expect(s!.summary!.k).toBe(100);
    expect(s!.summary!.sens).toBeGreaterThan(0.6);
    expect(s!.summary!.sens).toBeLessThan(0.97);
  });

  it('come with the large synthetic data tables: one per study for about a third of the studies on a DTA outcome, agreeing with the study\'s own rows', () => {
    const t = syntheticTables(6000, review.outcomes, 3);
    const dtaOutcomes = new Set(review.outcomes.filter((o) => o.measures.includes('sensitivity') && o.measures.includes('specificity')).map((o) => o.id));
    const eligible = t.studies.filter((s) => (s.outcomes ?? '').split(',').some((o) => dtaOutcomes.has(o)));
    const share = t.diagnosticTables.length / eligible.length;
    expect(share).toBeGreaterThan(TABLE_SHARE - 0.08);
    expect(share).toBeLessThan(TABLE_SHARE + 0.08);
    expect(new Set(t.diagnosticTables.map((d) => d.slug)).size).toBe(t.diagnosticTables.length);
    let compared = 0;
    for (const d of t.diagnosticTables) {
      expect(dtaOutcomes.has(d.outcome)).toBe(true);
      expect(d.sensitivity).toBeCloseTo(d.tp / (d.tp + d.fn), 12);
      const first = (m: string) => t.estimates.find((e) => e.slug === d.slug && e.outcome === d.outcome && e.measure === m);
      const sens = first('sensitivity');
      const spec = first('specificity');
      if (sens) expect(agreesWithinRounding(d.sensitivity, sens.value, sens.unit)).toBe(true);
      if (spec) expect(agreesWithinRounding(d.specificity, spec.value, spec.unit)).toBe(true);
      if (sens || spec) compared++;
    }
    expect(compared).toBeGreaterThan(t.diagnosticTables.length / 4);
    expect(syntheticTables(6000, review.outcomes, 3).diagnosticTables).toEqual(t.diagnosticTables);
  });
});
