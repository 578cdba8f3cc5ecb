import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitSentences } from '../../../src/lib/ingest/sentences.ts';

const texts = (text: string) => splitSentences(text).map((s) => s.text.trim());

describe('splitSentences', () => {
  it('splits ordinary sentences and reports where each starts', () => {
    const text = 'Echo is common. CMR is not. Deep learning helps!';
    const parts = splitSentences(text);
    expect(parts.map((p) => p.text.trim())).toEqual(['Echo is common.', 'CMR is not.', 'Deep learning helps!']);
    for (const p of parts) expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });

  it('does not split after "e.g.", "vs." or "et al."', () => {
    expect(texts('Values were compared, e.g. AUC 0.9 vs. T2 0.5. Next one.')).toEqual([
      'Values were compared, e.g. AUC 0.9 vs. T2 0.5.',
      'Next one.',
    ]);
    expect(texts('As Smith et al. Reported before, it works. Fine.')).toEqual(['As Smith et al. Reported before, it works.', 'Fine.']);
  });

  it('does not split inside "(95% CI. 0.8-0.9)"', () => {
    expect(texts('The AUC was high (95% CI. 0.8-0.9) overall. Then more.')).toEqual([
      'The AUC was high (95% CI. 0.8-0.9) overall.',
      'Then more.',
    ]);
  });

  it('keeps decimals and thousands separators inside one sentence', () => {
    expect(texts('We included 1,453 patients with AUC 0.873. Done.')).toEqual(['We included 1,453 patients with AUC 0.873.', 'Done.']);
  });

  it('treats a line break as a sentence boundary', () => {
    expect(texts('Results: one\nMethods: two.')).toEqual(['Results: one', 'Methods: two.']);
  });

  it('returns nothing for an empty string', () => {
    expect(splitSentences('')).toEqual([]);
  });

  it('never loses a character: the pieces concatenate back to any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const parts = splitSentences(text);
        expect(parts.map((p) => p.text).join('')).toBe(text);
        let at = 0;
        for (const p of parts) {
          expect(p.start).toBe(at);
          at += p.text.length;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never loses a character on sentence-like text full of abbreviations and brackets', () => {
    const piece = fc.constantFrom('e.g. ', 'vs. ', 'AUC 0.87 ', '(95% CI. ', '0.8-0.9) ', 'Fig. 2 ', '. ', 'The end. ', '\n', 'a ', ')', '(');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        expect(splitSentences(text).map((p) => p.text).join('')).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('still splits losslessly where Intl.Segmenter is missing', () => {
    const intl = Intl as { Segmenter?: typeof Intl.Segmenter };
    const original = intl.Segmenter;
    intl.Segmenter = undefined;
    try {
      const text = 'One (AUC 0.9 vs. 0.8). Two e.g. three.\nFour';
      expect(texts(text)).toEqual(['One (AUC 0.9 vs. 0.8).', 'Two e.g. three.', 'Four']);
      expect(splitSentences(text).map((p) => p.text).join('')).toBe(text);
    } finally {
      intl.Segmenter = original;
    }
  });

  it('stays fast on long inputs that ICU breaks into many false pieces', () => {
    const text = 'e.g. A '.repeat(5000);
    const t0 = performance.now();
    expect(splitSentences(text).map((p) => p.text).join('')).toBe(text);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
