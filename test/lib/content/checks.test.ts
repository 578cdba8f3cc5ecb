import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkContent, formatUnmapped, similarTitlePairs, titleSimilarity, unmappedEstimates, NEAR_DUPLICATE_TITLE } from '../../../src/lib/content/checks.ts';
import { validateReviewSource, validateStudySource, type ValidatedStudy } from '../../../src/lib/content/validate.ts';
import type { Review } from '../../../src/lib/schema/index.ts';
import { fixture } from '../../helpers.ts';

describe('similarTitlePairs', () => {
  it('finds exactly the pairs an all-pairs comparison finds', () => {
    const word = fc.constantFrom('deep', 'learning', 'for', 'echo', 'cardiac', 'mri', 'ai', 'fracture', 'elbow', 'the', 'of', 'x');
    const title = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(title, { maxLength: 25 }), fc.constantFrom(0.5, 0.75, NEAR_DUPLICATE_TITLE, 1), (titles, t) => {
        const brute: string[] = [];
        for (let i = 0; i < titles.length; i++) for (let j = i + 1; j < titles.length; j++) if (titleSimilarity(titles[i]!, titles[j]!) >= t) brute.push(`${i}-${j}`);
        const fast = similarTitlePairs(titles, t).map(([i, j]) => `${i}-${j}`);
        expect(fast.sort()).toEqual(brute.sort());
      }),
      { numRuns: 300 },
    );
  });

  it('reports a near-identical title and not an unrelated one', () => {
    const pairs = similarTitlePairs([
      'Using deep learning to predict cardiovascular magnetic resonance findings from echocardiography videos',
      'Using Deep Learning to Predict Cardiovascular Magnetic Resonance Findings From Echocardiographic Videos.',
      'Use of artificial intelligence for classification of fractures around the elbow',
    ]);
    expect(pairs.map(([i, j]) => [i, j])).toEqual([]);
    expect(similarTitlePairs(['A study of X in Y', 'a study of x in y!'])).toEqual([[0, 1, 1]]);
  });
});

describe('unmappedEstimates', () => {
  const review = { outcomes: [{ id: 'wall-motion-abnormality', label: 'WMA', measures: ['AUC'], aliases: [] }] } as unknown as Review;
  const estimate = (outcome: string, label: string) => ({ outcome, label, measure: 'AUC', value: 0.9, quote: `${label} (AUC 0.9)` });
  const page = (file: string, estimates: ReturnType<typeof estimate>[]) =>
    ({ file, study: { estimates }, lineOf: (path: (string | number)[]) => 10 + Number(path[1]) }) as unknown as ValidatedStudy;

  it('lists every estimate whose outcome is not declared, with file, line, phrase and quote', () => {
    const list = unmappedEstimates([page('a.mdx', [estimate('wall-motion-abnormality', 'WMA'), estimate('native-t1', 'native T1')]), page('b.mdx', [estimate('lge', 'LGE')])], review);
    expect(list.map((u) => [u.file, u.line, u.label])).toEqual([
      ['a.mdx', 11, 'native T1'],
      ['b.mdx', 10, 'LGE'],
    ]);
    expect(formatUnmapped(list)).toContain('a.mdx:11: "native T1" (AUC 0.9) — quote: "native T1 (AUC 0.9)"');
  });

  it('prints nothing when every outcome is declared', () => {
    expect(formatUnmapped(unmappedEstimates([page('a.mdx', [estimate('wall-motion-abnormality', 'WMA')])], review))).toBe('');
  });
});

describe('checkContent on a page without an abstract', () => {
  const review = validateReviewSource(fixture('../../content/review.yaml'), 'content/review.yaml').review!;
  const valid = fixture('studies/valid.mdx');
  const start = valid.indexOf('<Abstract>');
  const end = valid.indexOf('</Abstract>') + '</Abstract>'.length;
  const noEstimates = (text: string): string => text.replace(/^estimates:\n(?:  .*\n)*/m, 'estimates: []\n').replace(/^sample_sizes:\n(?:  .*\n)*/m, 'sample_sizes: []\n');

  it('points at the empty <Abstract> line, not at key:, and says to paste the abstract there', () => {
    const text = noEstimates(`${valid.slice(0, start)}<Abstract>\n\n</Abstract>${valid.slice(end)}`);
    const page = validateStudySource(text, 'content/studies/x.mdx', 'x');
    expect(page.problems).toEqual([]);
    const [p] = checkContent([page], review).filter((q) => q.message.includes('no abstract'));
    expect(p).toMatchObject({ line: text.split('\n').indexOf('<Abstract>') + 1, field: '<Abstract>', severity: 'warning' });
    expect(p!.message).toContain('paste the abstract from the paper between <Abstract> and </Abstract>');
  });

  it('points at abstract_complete when the page has no <Abstract> block at all', () => {
    const text = noEstimates(`${valid.slice(0, start)}${valid.slice(end)}`);
    const page = validateStudySource(text, 'content/studies/x.mdx', 'x');
    const [p] = checkContent([page], review).filter((q) => q.message.includes('no abstract'));
    expect(p).toMatchObject({ line: text.split('\n').findIndex((l) => l.startsWith('abstract_complete:')) + 1, field: 'abstract_complete' });
    expect(p!.message).toContain('add an <Abstract> block after the frontmatter');
  });
});
