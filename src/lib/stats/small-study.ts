/** What Egger's and Deeks' small-study tests share: the study threshold and the result returned below it. */
import { PoolInputError } from './validate.ts';

/** The fewest studies for which the test is run (Cochrane Handbook 10.4.3.1: not with fewer than 10). */
export const SMALL_STUDY_MIN_STUDIES = 10;

/** Returned instead of a test when there are fewer than `minStudies` studies. */
export interface TooFewStudies {
  status: 'too-few-studies';
  k: number;
  minStudies: number;
  message: string;
}

/** The "too few studies" result shared by Egger's and Deeks' tests. */
export function tooFewStudies(k: number, minStudies: number, test: string): TooFewStudies {
  return {
    status: 'too-few-studies',
    k,
    minStudies,
    message: `${test} is not run with ${k} ${k === 1 ? 'study' : 'studies'}: it needs at least ${minStudies}, as it has too little power to tell asymmetry from chance with fewer`,
  };
}

/** Checks `minStudies`: a whole number ≥ 3 (the regression has two coefficients and tau² or σ²). */
export function resolveMinStudies(minStudies: number | undefined): number {
  const m = minStudies ?? SMALL_STUDY_MIN_STUDIES;
  if (!Number.isInteger(m) || m < 3) throw new PoolInputError(`minStudies ${m} must be a whole number ≥ 3`);
  return m;
}
