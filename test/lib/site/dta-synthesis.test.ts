import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesizeDta, type DtaInput } from '../../../src/lib/site/dta-synthesis.ts';
import { poolBivariate } from '../../../src/lib/stats/index.ts';
import { ROOT } from '../../helpers.ts';

interface Case { dataset: string; tp: number[]; fp: number[]; fn: number[]; tn: number[]; sens: number; spec: number }
const cases = (JSON.parse(readFileSync(join(ROOT, 'test/fixtures/stats/bivariate-metafor.json'), 'utf8')) as { cases: Case[] }).cases;
const auditc = cases.find((c) => c.dataset === 'AuditC')!;

const tables = (c: Case, outcome = 'alcohol-misuse'): DtaInput[] =>
  c.tp.map((tp, i) => ({ tableId: `s${i}#1`, slug: `s${i}`, title: `Study ${i}`, outcome, label: 'AUDIT-C', threshold: null, tp, fp: c.fp[i]!, fn: c.fn[i]!, tn: c.tn[i]!, status: 'included' }));

describe('synthesizeDta', () => {
  it('pools the first table of each included study with the bivariate model, as metafor does', () => {
    const [s] = synthesizeDta(tables(auditc));
    expect(s!.summary!.model).toBe('bivariate');
    expect(s!.summary!.sens).toBeCloseTo(auditc.sens, 6);
    expect(s!.summary!.spec).toBeCloseTo(auditc.spec, 6);
    expect(s!.summary!.k).toBe(auditc.tp.length);
    expect(s!.summary!.confidenceRegion.length).toBeGreaterThan(50);
    expect(s!.summary!.curve.length).toBeGreaterThan(10);
    expect(s!.summary!.ratios!.dor.estimate).toBeGreaterThan(1);
  });

  it('shows but does not pool tables of studies not included, nor a study’s second operating point', () => {
    const input = tables(auditc);
    input[0] = { ...input[0]!, status: 'pending' };
    input.push({ ...input[1]!, tableId: 's1#2', threshold: '≥ 5 points', tp: 1, fn: 99 });
    const [s] = synthesizeDta(input);
    expect(s!.rows.filter((r) => r.notPooled).map((r) => [r.tableId, r.notPooled])).toEqual([
      ['s0#1', 'study is pending'],
      ['s1#2', 'second table from the same study (only the first is pooled)'],
    ]);
    const direct = poolBivariate(input.slice(1, -1));
    expect(s!.summary!.sens).toBeCloseTo(direct.sens, 10);
  });

  it('falls back to univariate pooling with fewer than 4 studies and says so', () => {
    const [s] = synthesizeDta(tables(auditc).slice(0, 3));
    expect(s!.summary).toMatchObject({ model: 'univariate', k: 3, ratios: null, confidenceRegion: [], curve: [] });
    expect(s!.summary!.fallback).toMatch(/^Only 3 studies: the bivariate model needs at least 4, so sensitivity and specificity were pooled separately/);
    expect(s!.summary!.sensCi[0]).toBeLessThan(s!.summary!.sens);
  });

  it('keeps outcomes apart and has no summary when nothing can be pooled', () => {
    const input = [...tables(auditc, 'a').slice(0, 4), ...tables(auditc, 'b').slice(0, 2).map((t) => ({ ...t, status: 'excluded' }))];
    const out = synthesizeDta(input);
    expect(out.map((s) => [s.outcome, s.rows.length, s.summary?.model ?? null])).toEqual([['a', 4, 'bivariate'], ['b', 2, null]]);
  });
});
