import { describe, expect, expectTypeOf, it } from 'vitest';
import { Estimate, Study, type Measure } from '../../../src/lib/schema/index.ts';
import { TwoByTwo } from '../../../src/lib/schema/two-by-two.ts';
import type { Unit } from '../../../src/lib/schema/measures.ts';
import { ESTIMATE_COLUMNS, STUDY_COLUMNS, TABLES, TABLE_COLUMNS, TABLE_NAMES, type EstimateRow, type StudyRow } from '../../../src/lib/schema/tables.ts';
import { diagnosticTableRows, estimateRows, riskOfBiasRows, studyRow } from '../../../src/lib/data/tables.ts';
import { validateStudySource } from '../../../src/lib/content/validate.ts';
import { fixture } from '../../helpers.ts';

const page = (name: string) => {
  const p = validateStudySource(fixture(`studies/${name}.mdx`), `content/studies/${name}.mdx`, name);
  return { slug: p.slug, study: p.study!, sections: p.sections };
};

describe('the published tables, derived from the zod schema', () => {
  it('gives the estimates table its ids, then every field of the frontmatter estimate in the schema’s order', () => {
    expect(ESTIMATE_COLUMNS.map((c) => c.name)).toEqual(['estimate_id', 'study_id', 'slug', ...Object.keys(Estimate.shape)]);
  });

  it('gives a column that holds a frontmatter field that field’s description', () => {
    const meaning = (columns: readonly { name: string; description: string }[], name: string) => columns.find((c) => c.name === name)!.description;
    expect(meaning(ESTIMATE_COLUMNS, 'quote')).toBe(Estimate.shape.quote.meta()!.description);
    expect(meaning(STUDY_COLUMNS, 'study_id')).toBe(Study.shape.key.meta()!.description);
    expect(meaning(STUDY_COLUMNS, 'source_line')).toBe(Study.shape.source.shape.line.meta()!.description);
    expect(meaning(TABLE_COLUMNS.diagnostic_tables, 'threshold')).toBe(TwoByTwo.shape.threshold.meta()!.description);
  });

  it('lists the four tables in the order of the data files', () => {
    expect(TABLE_NAMES).toEqual(['studies', 'estimates', 'diagnostic_tables', 'risk_of_bias']);
  });

  it('fills every table with rows its row schema accepts, no column missing and none extra', () => {
    const records = ['valid', 'two-by-two', 'rob-quadas', 'rob-probast'].map(page);
    const rows = {
      studies: records.map(studyRow),
      estimates: records.flatMap(estimateRows),
      diagnostic_tables: records.flatMap(diagnosticTableRows),
      risk_of_bias: records.flatMap(riskOfBiasRows),
    };
    for (const t of TABLE_NAMES) {
      expect(rows[t].length, t).toBeGreaterThan(0);
      for (const row of rows[t]) {
        expect(TABLES[t].strict().parse(row)).toEqual(row);
        expect(Object.keys(row)).toEqual(TABLE_COLUMNS[t].map((c) => c.name));
      }
    }
  });

  it('types a row’s measure, unit and status as the schema’s unions, not as any text', () => {
    expectTypeOf<EstimateRow['measure']>().toEqualTypeOf<Measure>();
    expectTypeOf<EstimateRow['unit']>().toEqualTypeOf<Unit>();
    expectTypeOf<StudyRow['status']>().toEqualTypeOf<'included' | 'excluded' | 'pending'>();
    expect(() => TABLES.estimates.parse({ ...estimateRows(page('valid'))[0]!, measure: 'LR+' })).toThrow();
  });
});
