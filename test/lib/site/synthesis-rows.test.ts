import { describe, expect, it } from 'vitest';
import { applyFilters } from '../../../src/lib/explore/apply.ts';
import { poolRows, synthesizeRows } from '../../../src/lib/site/synthesis-rows.ts';
import { EMPTY_STATE } from '../../../src/lib/explore/state.ts';
import { synthesize, type SynthesisInput } from '../../../src/lib/site/synthesis.ts';
import { syntheticTables } from '../../../scripts/bench/lib/synthetic/tables.ts';
import { DATA } from '../explore/fixture.ts';

const OUTCOMES = [
  { id: 'wma', label: 'Wall motion', aliases: ['WMA'], measures: ['AUC', 'sensitivity', 'kappa'] },
  { id: 'lge', label: 'LGE', aliases: ['LGE'], measures: ['accuracy', 'HR', 'MD'] },
] as unknown as Parameters<typeof syntheticTables>[1];

/** Synthetic estimates joined to their studies (excluded and pending ones, missing CIs, percent units, several per study). */
function inputs(n: number): SynthesisInput[] {
  const t = syntheticTables(n, OUTCOMES, 7);
  const studies = new Map(t.studies.map((s) => [s.slug, s]));
  return applyFilters({ studies: t.studies, estimates: t.estimates }, EMPTY_STATE).estimates.map((e) => ({ ...e, status: studies.get(e.slug)!.status }));
}

describe('synthesizeRows', () => {
  it('pools every estimate of a group but keeps only the first rows of it, with their weights in the full pool', () => {
    const all = inputs(3000);
    const full = synthesize(all);
    const capped = synthesizeRows(poolRows(all), 25);
    expect(capped.map((s) => `${s.outcome}|${s.measure}`)).toEqual(full.map((s) => `${s.outcome}|${s.measure}`));
    const big = capped.filter((s) => s.estimates > 25);
    expect(big.length).toBeGreaterThan(3);
    for (const [i, s] of capped.entries()) {
      expect(s.rows).toEqual(full[i]!.rows.slice(0, 25));
      expect(s.pooled).toEqual(full[i]!.pooled);
      expect([s.studies, s.estimates]).toEqual([full[i]!.studies, full[i]!.rows.length]);
    }
    expect(big.some((s) => s.rows.some((r) => r.notPooled?.startsWith('study is')))).toBe(true);
  });

  it('refuses drawn rows that are not the pooled rows', () => {
    const rows = poolRows(applyFilters(DATA, EMPTY_STATE).estimates);
    expect(() => synthesizeRows({ ...rows, input: (i) => ({ ...rows.input(i), value: -1 }) }, 5)).toThrow(/is not an estimate of/);
  });
});
