import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Study, type Estimate } from '../../../src/lib/schema/index.ts';
import { synthesize } from '../../../src/lib/site/synthesis.ts';
import { synthesisInputs } from '../../../src/lib/site/synthesis-inputs.ts';
import { buildFigures } from '../../../src/lib/figures/registry.ts';
import { studyFigureInput, studyFigures, studyPageDataJson, studyScriptContext, type StudyPageData } from '../../../src/lib/figures/study-figures.ts';
import { forestFigureRScript } from '../../../src/lib/figures/r-script.ts';
import { hasFigureFiles } from '../../../src/lib/figures/site-figure.ts';
import { fixture } from '../../helpers.ts';

const seed = Study.parse(parse(fixture('studies/valid.mdx').split('---')[1]!));

function study(slug: string, estimates: Partial<Estimate>[]) {
  const base = seed.estimates[0]!;
  return { slug, study: { ...seed, title: `Study ${slug}`, status: 'included' as const, estimates: estimates.map((e) => ({ ...base, ...e })) } };
}

const hostile = study('z-2024', [
  { value: 0.81, ci_low: 0.75, ci_high: 0.86, quote: 'AUC 0.81 </script><script>alert(1)</script> <!-- "x" & \u2028' },
  { value: 90, ci_low: 85, ci_high: 94, unit: 'percent', needs_review: true, review_reason: 'CI level unclear' },
  { measure: 'sensitivity', value: 0.8, ci_low: 0.7, ci_high: 0.88, ci_level: 0.9 },
]);

describe("a study's own figures", () => {
  it('are the figures the registry has for the study, built from the data island alone', () => {
    const registry = buildFigures([hostile], synthesize(synthesisInputs([hostile])), { base: '/', outcomeLabel: (id) => id }).filter((f) => f.kind === 'study');
    const island = JSON.parse(JSON.stringify(studyFigureInput(hostile.slug, hostile.study))) as StudyPageData;
    expect(studyFigures(island)).toEqual(registry);
    expect(registry.map((f) => f.id)).toEqual(['study-z-2024-auc', 'study-z-2024-sensitivity']);
  });

  it('keeps only the estimate fields the figures use in the island', () => {
    const input = studyFigureInput(hostile.slug, hostile.study);
    expect(Object.keys(input.study.estimates[0]!).sort()).toEqual(['ci_high', 'ci_level', 'ci_low', 'label', 'measure', 'needs_review', 'quote', 'review_reason', 'unit', 'value']);
    expect(Object.keys(input.study)).toEqual(['title', 'estimates']);
  });

  it('have no files on the site, unlike every other kind of figure', () => {
    expect(hasFigureFiles({ kind: 'study' })).toBe(false);
    for (const kind of ['outcome', 'headline', 'subgroup', 'sroc', 'paired-forest', 'rob-traffic-light', 'rob-summary', 'funnel'] as const) expect(hasFigureFiles({ kind })).toBe(true);
  });
});

describe('the study page data island', () => {
  const data: StudyPageData = { ...studyFigureInput(hostile.slug, hostile.study), pageUrl: 'https://example.org/review/studies/z-2024/', reviewTitle: 'A <b>review</b>', dataVersion: 'abc123' };

  it('cannot close its script element or open a comment, and parses back to the same data', () => {
    const json = studyPageDataJson(data);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(data);
  });

  it("gives the R script the figure's anchor on the page and says the page makes its CSV", () => {
    const [f] = studyFigures(data);
    const ctx = studyScriptContext(f!, data);
    expect(ctx.pageUrl).toBe('https://example.org/review/studies/z-2024/#forest-AUC');
    const script = forestFigureRScript(f!, ctx);
    expect(script).toContain('# Shown at https://example.org/review/studies/z-2024/#forest-AUC\n');
    expect(script).toContain('# Data (same rows, with quotes): the CSV from "Take this figure" at https://example.org/review/studies/z-2024/#forest-AUC\n');
    expect(script).toContain('data version abc123');
    expect(script).toMatch(/come from one study \(k = 1\)/);
  });
});
