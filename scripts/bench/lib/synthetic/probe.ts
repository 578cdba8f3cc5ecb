/**
 * Which (outcome, alias, notation, measure word) combinations the real extractor reads back
 * exactly: value, interval, unit, no review flag, and a label that maps to the intended outcome.
 * The generator only writes combinations that pass, so a change to review.yaml or to the
 * extractor never makes the synthetic corpus silently lose estimates.
 */
import type { Measure, Outcome } from '../../../../src/lib/schema/index.ts';
import { extractEstimates } from '../../../../src/lib/ingest/extract.ts';
import { matchOutcome } from '../../../../src/lib/ingest/study.ts';
import { MEASURE_WORDS, NOTATIONS, intended, type Drawn, type IntendedEstimate, type Notation } from './notations.ts';

/** A combination that reads back as written. */
export interface Combo {
  outcome: string;
  alias: string;
  notation: Notation;
  /** Measure and measure word of each estimate the notation writes. */
  measures: Measure[];
  words: string[];
}

/** A sentence stating the CI level without any estimate, placed before probes that state none. */
const LEVEL_PREFIX = 'All intervals are 95% CI. ';

/** Whether extracted estimates equal the intended ones (values, bounds, unit, outcome mapping, no review flag). */
export function readsBack(text: string, want: readonly IntendedEstimate[], outcomes: readonly Outcome[]): boolean {
  const got = extractEstimates(text);
  if (got.length !== want.length) return false;
  return got.every((g, i) => {
    const w = want[i]!;
    return (
      g.measure === w.measure &&
      g.value === w.value &&
      g.ci_low === w.ci_low &&
      g.ci_high === w.ci_high &&
      g.unit === w.unit &&
      !g.needs_review &&
      matchOutcome(g.label, outcomes)?.id === w.outcome
    );
  });
}

function probeNumbers(measure: Measure, pct: boolean, k: number): Drawn {
  const base = measure === 'kappa' ? 0.712 : 0.853 - k * 0.05;
  const s = pct ? 100 : 1;
  const r = (x: number) => Number((x * s).toFixed(pct ? 1 : 3));
  return { value: r(base), low: r(base - 0.046), high: r(base + 0.041), pct };
}

function cartesian<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((x) => [...prefix, x])), [[]]);
}

/** Every combination of the declared outcomes that the extractor reads back exactly. */
export function workingCombos(outcomes: readonly Outcome[]): Combo[] {
  const out: Combo[] = [];
  for (const o of outcomes) {
    for (const alias of o.aliases) {
      for (const notation of NOTATIONS) {
        const choices = notation.measures.map((ms) => ms.filter((m) => o.measures.includes(m)));
        if (choices.some((c) => c.length === 0)) continue;
        for (const measures of cartesian(choices)) {
          const wordLists = measures.map((m) => MEASURE_WORDS[m] ?? [m]);
          for (const words of cartesian(wordLists)) {
            const drawn = measures.map((m, k) => probeNumbers(m, notation.pct, k));
            const sentence = notation.render(alias, words, drawn);
            const text = notation.statesLevel ? sentence : LEVEL_PREFIX + sentence;
            const want = measures.map((m, k) => intended(o.id, m, drawn[k]!, notation.hasCi));
            if (readsBack(text, want, outcomes)) out.push({ outcome: o.id, alias, notation, measures, words });
          }
        }
      }
    }
  }
  return out;
}
