import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { similarTitlePairs, titleSimilarity, NEAR_DUPLICATE_TITLE } from '../../../src/lib/content/checks.ts';

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
