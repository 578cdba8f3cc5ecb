/**
 * Suggested publication-bias judgement from the small-study test: Egger's regression test
 * (metafor's regtest, mixed-effects model) for a univariate measure, Deeks' funnel-plot asymmetry
 * test for DTA. Serious when p < 0.10 (the conventional level for these tests); not serious
 * otherwise; not assessable with fewer than 10 studies (the tests have too little power) or when
 * the test cannot run.
 */
import { deeksTest } from '../stats/deeks.ts';
import { eggerTest } from '../stats/egger.ts';
import { SMALL_STUDY_MIN_STUDIES } from '../stats/small-study.ts';
import type { Evidence, Suggestion } from './evidence.ts';
import { dec, pValue } from './format.ts';

/** Below this p-value the test suggests small-study effects. */
export const SMALL_STUDY_ALPHA = 0.1;

/** The suggestion for either kind of evidence. */
export function suggestPublicationBias(e: Evidence): Suggestion {
  const domain = 'publication_bias' as const;
  const name = e.kind === 'dta' ? "Deeks' test" : "Egger's test";
  if (e.k < SMALL_STUDY_MIN_STUDIES) return { domain, judgement: null, reason: `Not assessable: ${e.k} ${e.k === 1 ? 'study' : 'studies'}, and ${name} needs at least ${SMALL_STUDY_MIN_STUDIES} to tell asymmetry from chance.` };
  let result: { pval: number; slope: number; k: number };
  try {
    const r = e.kind === 'dta' ? deeksTest(e.tables) : eggerTest({ yi: e.yi, vi: e.vi });
    if (r.status !== 'ok') return { domain, judgement: null, reason: `Not assessable: ${r.message}.` };
    result = r;
  } catch (error) {
    return { domain, judgement: null, reason: `Not assessable: ${name} could not run (${(error as Error).message}).` };
  }
  const facts = `${name} for funnel-plot asymmetry: slope ${dec(result.slope, 3)}, ${pValue(result.pval)} (${result.k} studies)`;
  if (result.pval < SMALL_STUDY_ALPHA) return { domain, judgement: 'serious', reason: `${facts}: p < ${SMALL_STUDY_ALPHA}, small-study effects are likely.` };
  return { domain, judgement: 'not serious', reason: `${facts}: p ≥ ${SMALL_STUDY_ALPHA}, no sign of small-study effects (the test cannot rule them out).` };
}
