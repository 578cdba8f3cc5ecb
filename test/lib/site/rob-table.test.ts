import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Study } from '../../../src/lib/schema/index.ts';
import { robTableView } from '../../../src/lib/site/rob-table.ts';
import { fixture } from '../../helpers.ts';

const page = (name: string) => Study.parse(parse(fixture(`studies/${name}.mdx`).split('---')[1]!));

describe("a study page's risk-of-bias table", () => {
  it('gives each QUADAS-2 domain its signalling answers with the question wording, judgement, applicability and support', () => {
    const view = robTableView(page('rob-quadas').risk_of_bias);
    expect(view.sentence).toBe('Overall risk of bias (QUADAS-2): high.');
    expect([view.overall, view.applicability]).toEqual(['high', 'unclear']);
    expect(view.byline).toBe('Assessed by A. Reviewer and B. Reviewer on 2026-01-15.');
    expect(view.rows.map((r) => [r.label, r.judgement, r.applicability])).toEqual([
      ['Patient selection', 'low', 'low'],
      ['Index test', 'high', 'low'],
      ['Reference standard', 'low', 'unclear'],
      ['Flow and timing', 'unclear', null],
    ]);
    expect(view.rows[0]!.signalling[0]).toEqual({ key: '1.1', question: 'Was a consecutive or random sample of patients enrolled?', answer: 'yes' });
    expect(view.rows[2]).toMatchObject({ quote: 'CMR readers were blinded to the model output.', note: 'CMR is the accepted reference for WMA.' });
    expect(view.rows[3]).toMatchObject({ quote: null, note: 'The abstract does not say whether all enrolled patients were analysed.' });
  });

  it('gives PROBAST+AI domains the question text the author wrote, or none, and no applicability for analysis', () => {
    const view = robTableView(page('rob-probast').risk_of_bias);
    expect(view.tool).toBe('PROBAST+AI');
    expect(view.rows.map((r) => r.domain)).toEqual(['participants_and_data_sources', 'predictors', 'outcome', 'analysis']);
    expect(view.rows[3]!.applicability).toBeNull();
    for (const r of view.rows) for (const s of r.signalling) expect(s.key.startsWith(String(view.rows.indexOf(r) + 1))).toBe(true);
  });

  it('says "not yet assessed" for a new page, with no rows and nothing that reads as low', () => {
    const view = robTableView(page('valid').risk_of_bias);
    expect(view).toEqual({ tool: 'not-assessed', sentence: 'Risk of bias: not yet assessed.', overall: 'not-assessed', applicability: 'not-assessed', byline: null, rows: [] });
  });
});
