import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { certaintyFromJudgements, certaintyLabel, certaintySymbols, downgrade, rateOutcome } from '../../../src/lib/grade/certainty.ts';
import { CERTAINTY_LEVELS, DOMAIN_JUDGEMENTS, GRADE_DOMAINS, OutcomeCertainty, type DomainJudgement } from '../../../src/lib/schema/grade.ts';

const block = (judgements: DomainJudgement[], extra: Record<string, unknown> = {}) =>
  OutcomeCertainty.parse({ ...Object.fromEntries(GRADE_DOMAINS.map((d, i) => [d, { judgement: judgements[i], reason: judgements[i] === 'not serious' ? undefined : `why ${d}` }])), ...extra });

describe('GRADE certainty arithmetic', () => {
  it('starts high and goes down one level per serious and two per very serious concern', () => {
    expect(rateOutcome(block(['not serious', 'not serious', 'not serious', 'not serious', 'not serious']))).toMatchObject({ rated: true, level: 'high', downgrades: 0 });
    expect(rateOutcome(block(['serious', 'not serious', 'not serious', 'not serious', 'not serious']))).toMatchObject({ level: 'moderate', downgrades: 1 });
    expect(rateOutcome(block(['serious', 'not serious', 'not serious', 'serious', 'not serious']))).toMatchObject({ level: 'low', downgrades: 2 });
    expect(rateOutcome(block(['not serious', 'very serious', 'not serious', 'not serious', 'not serious']))).toMatchObject({ level: 'low', downgrades: 2 });
    expect(rateOutcome(block(['very serious', 'serious', 'not serious', 'not serious', 'not serious']))).toMatchObject({ level: 'very low', downgrades: 3 });
  });

  it('never goes below very low, and starts low when the block says so', () => {
    expect(rateOutcome(block(['very serious', 'very serious', 'very serious', 'very serious', 'very serious']))).toMatchObject({ level: 'very low', downgrades: 10 });
    expect(rateOutcome(block(['not serious', 'not serious', 'not serious', 'not serious', 'not serious'], { start: 'low' }))).toMatchObject({ level: 'low', start: 'low' });
    expect(rateOutcome(block(['serious', 'not serious', 'not serious', 'not serious', 'not serious'], { start: 'low' }))).toMatchObject({ level: 'very low' });
  });

  it('shows an override as the level, keeping the computed one and the reason', () => {
    const r = rateOutcome(block(['serious', 'serious', 'not serious', 'not serious', 'not serious'], { overall: { certainty: 'moderate', reason: 'rated up: large effect' } }));
    expect(r).toEqual({ rated: true, level: 'moderate', computed: 'low', start: 'high', downgrades: 2, override: 'rated up: large effect' });
  });

  it('is not rated without a block or without domain judgements', () => {
    expect(rateOutcome(undefined)).toEqual({ rated: false });
    expect(rateOutcome(OutcomeCertainty.parse({ prevalences: [0.1] }))).toEqual({ rated: false });
  });

  it('writes levels as GRADE symbols and words', () => {
    expect(CERTAINTY_LEVELS.map(certaintySymbols)).toEqual(['⊕⊕⊕⊕', '⊕⊕⊕⊝', '⊕⊕⊝⊝', '⊕⊝⊝⊝']);
    expect(CERTAINTY_LEVELS.map(certaintyLabel)).toEqual(['High', 'Moderate', 'Low', 'Very low']);
    expect(() => downgrade('high', -1)).toThrow(RangeError);
  });

  it('equals the start minus the summed downgrades, floored at very low, for any judgements (property)', () => {
    const judgement = fc.constantFrom(...DOMAIN_JUDGEMENTS);
    fc.assert(
      fc.property(fc.constantFrom('high' as const, 'low' as const), fc.tuple(judgement, judgement, judgement, judgement, judgement), (start, js) => {
        const steps = js.reduce((n, j) => n + (j === 'serious' ? 1 : j === 'very serious' ? 2 : 0), 0);
        const { level, downgrades } = certaintyFromJudgements(start, Object.fromEntries(GRADE_DOMAINS.map((d, i) => [d, js[i]])));
        expect(downgrades).toBe(steps);
        expect(CERTAINTY_LEVELS.indexOf(level)).toBe(Math.min(3, CERTAINTY_LEVELS.indexOf(start) + steps));
      }),
    );
  });

  it('never rises when a judgement gets worse (property)', () => {
    const judgement = fc.constantFrom(...DOMAIN_JUDGEMENTS);
    fc.assert(
      fc.property(fc.tuple(judgement, judgement, judgement, judgement, judgement), fc.integer({ min: 0, max: 4 }), (js, i) => {
        const worse = [...js];
        worse[i] = js[i] === 'not serious' ? 'serious' : 'very serious';
        const rank = (xs: DomainJudgement[]) => CERTAINTY_LEVELS.indexOf(certaintyFromJudgements('high', Object.fromEntries(GRADE_DOMAINS.map((d, k) => [d, xs[k]]))).level);
        expect(rank(worse)).toBeGreaterThanOrEqual(rank(js));
      }),
    );
  });
});
