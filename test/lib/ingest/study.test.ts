import { describe, expect, it } from 'vitest';
import { proposeStudy } from '../../../src/lib/ingest/study.ts';
import type { SourceRecord } from '../../../src/lib/ingest/record.ts';
import { Study, type Review } from '../../../src/lib/schema/index.ts';

const review = {
  outcomes: [{ id: 'wall-motion-abnormality', label: 'wall motion abnormality', measures: ['AUC', 'sensitivity', 'specificity'], aliases: ['WMA'] }],
} as unknown as Review;

const record = (text: string): SourceRecord => ({
  index: 1, line: 1, journal: 'J', dateText: '2024', affiliation: null, links: [], title: 'A fictitious study', doi: '10.5555/study.1',
  sections: [{ label: 'Results', text, line: 2 }, { label: 'Conclusions', text: 'It works.', line: 3 }],
});

describe('proposeStudy', () => {
  it('keeps an estimate whose outcome is not declared, flagged with its phrase, never dropped', async () => {
    const { frontmatter } = await proposeStudy(record('The model detected WMA (AUC 0.873 [95%CI 0.816-0.922]) but not LGE (AUC 0.699 [0.613-0.780]).'), 'x.ris', review);
    const [wma, lge] = frontmatter.estimates!;
    expect([wma?.outcome, wma?.needs_review]).toEqual(['wall-motion-abnormality', false]);
    expect([lge?.outcome, lge?.label, lge?.needs_review]).toEqual(['lge', 'LGE', true]);
    expect(lge?.review_reason).toContain('outcome "LGE" is not declared in content/review.yaml');
  });

  it('fills events/total from n/N and proposes the 2×2 table the schema accepts', async () => {
    const text = 'The sensitivity for WMA was 87% (95% CI 82–91; 194/223) and the specificity for WMA was 91% (88–94; 364/400).';
    const { frontmatter } = await proposeStudy(record(text), 'x.ris', review);
    expect(frontmatter.estimates!.map((e) => [e.measure, e.events, e.total])).toEqual([
      ['sensitivity', 194, 223],
      ['specificity', 364, 400],
    ]);
    expect(frontmatter.two_by_two).toHaveLength(1);
    expect(frontmatter.two_by_two![0]).toMatchObject({ outcome: 'wall-motion-abnormality', tp: { n: 194 }, fn: { n: 29 }, tn: { n: 364 }, fp: { n: 36 } });
    const parsed = Study.safeParse(frontmatter);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });
});
