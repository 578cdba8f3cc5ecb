import { describe, expect, it } from 'vitest';
import { MEASURE_IDS, MEASURE_TABLE, PROPORTION_MEASURES, RATIO_MEASURES, UNITS, isMeasure, measureInfo, outOfRange, rangeFor } from '../../../src/lib/schema/measures.ts';
import { Estimate, Measure } from '../../../src/lib/schema/index.ts';
import { ESTIMATE_COLUMNS } from '../../../src/lib/schema/tables.ts';
import { scaleFor } from '../../../src/lib/stats/transform.ts';
import { poolQuery } from '../../../src/lib/explore/sql.ts';
import { unitOf } from '../../../src/lib/explore/pool-columns.ts';
import { EMPTY_STATE } from '../../../src/lib/explore/state.ts';
import { unitFor } from '../../../src/lib/ingest/extract/measures.ts';
import { defaultNull, isRatio, naturalBounds } from '../../../src/lib/forest/defaults.ts';

describe('the measure table', () => {
  it('is the one list the schema, the statistics, the SQL and the data dictionary read', () => {
    expect(Measure.options).toEqual(MEASURE_IDS);
    for (const m of MEASURE_IDS) expect(scaleFor(m)).toBe(MEASURE_TABLE[m].scale);
    expect(() => scaleFor('LR+')).toThrow(/unknown measure "LR\+"/);
    expect(UNITS).toEqual(['proportion', 'percent', 'ratio', 'difference']);
    expect(Estimate.shape.unit.unwrap().unwrap().options).toEqual(UNITS);
    // the pool query sends a unit as its index + 1 in UNITS, and the reader maps it back
    const sql = poolQuery(EMPTY_STATE).sql;
    UNITS.forEach((u, i) => {
      expect(sql).toContain(`WHEN e.unit = '${u}' THEN ${i + 1}`);
      expect(unitOf(i + 1, () => null)).toBe(u);
    });
    const measureColumn = ESTIMATE_COLUMNS.find((c) => c.name === 'measure')!;
    for (const m of MEASURE_IDS) expect(measureColumn.description).toContain(m);
  });

  it('pools proportions on the logit scale, ratios on the log scale and the rest as they are', () => {
    for (const m of MEASURE_IDS) {
      const { family, scale } = MEASURE_TABLE[m];
      expect(scale).toBe(family === 'proportion' ? 'logit' : family === 'ratio' ? 'log' : 'identity');
    }
    expect([...RATIO_MEASURES]).toEqual(['PLR', 'NLR', 'DOR', 'OR', 'HR', 'RR']);
    expect(PROPORTION_MEASURES.has('AUPRC') && PROPORTION_MEASURES.has('IoU') && PROPORTION_MEASURES.has('balanced_accuracy')).toBe(true);
  });

  it('gives the extractor, the forest plot and the pages their unit, null line and axis from the same rows', () => {
    expect(unitFor('DOR', false)).toBe('ratio');
    expect(unitFor('SMD', false)).toBe('difference');
    expect(unitFor('kappa', false)).toBeNull();
    expect(unitFor('IoU', true)).toBe('percent');
    expect(isRatio('PLR')).toBe(true);
    expect(defaultNull('SMD', false)).toBe(0);
    expect(defaultNull('AUC', true)).toBe(50);
    expect(defaultNull('DOR', false)).toBe(1);
    expect(defaultNull('sensitivity', false)).toBeNull();
    expect(naturalBounds('ICC', [-0.2, 0.9])).toEqual([-1, 1]);
  });

  it('says which numbers lie outside a measure’s natural range, in the unit given', () => {
    expect(outOfRange('AUC', 'proportion', 1.7)).toBe('AUC 1.7 is outside [0, 1]');
    expect(outOfRange('AUC', 'percent', 89.4)).toBeNull();
    expect(outOfRange('AUC', 'percent', 170)).toBe('AUC 170 is outside [0, 100] (percent)');
    expect(outOfRange('OR', 'ratio', 0)).toBe('OR 0 is outside (0, ∞)');
    expect(outOfRange('HR', 'ratio', 0.01)).toBeNull();
    expect(outOfRange('kappa', null, -1.2)).toBe('kappa -1.2 is outside [-1, 1]');
    expect(outOfRange('MD', 'difference', -1e6)).toBeNull();
    expect(rangeFor('sensitivity', 'percent')).toEqual({ min: 0, max: 100 });
  });

  it('rejects a measure it does not hold by name, listing the ones it does', () => {
    expect(isMeasure('AUC')).toBe(true);
    expect(isMeasure('constructor')).toBe(false);
    expect(() => measureInfo('LR+')).toThrow(/unknown measure "LR\+": the measures are AUC, AUPRC/);
  });
});
