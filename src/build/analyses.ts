/** Build-time analyses of every outcome (src/lib/site/analyses.ts, dta-analyses.ts), computed once from the site model. */
import { loadModel } from './model.ts';
import { review } from './load.ts';
import { analyseSynthesis, studyFacts, type UnivariateAnalyses } from '../lib/site/analyses.ts';
import { analyseDta, type DtaAnalyses } from '../lib/site/dta-analyses.ts';

/** The analyses of each pooled outcome × measure and of each pooled DTA outcome. */
export interface SiteAnalyses {
  univariate: UnivariateAnalyses[];
  dta: DtaAnalyses[];
}

let cache: Promise<SiteAnalyses> | null = null;

/** Load (once) the analyses of the site's syntheses. */
export function loadAnalyses(): Promise<SiteAnalyses> {
  cache ??= loadModel().then((m) => {
    const facts = studyFacts(m.studies);
    return {
      univariate: m.syntheses.flatMap((s) => analyseSynthesis(s, facts, review.characteristics) ?? []),
      dta: m.dta.flatMap((s) => analyseDta(s, facts, review.characteristics) ?? []),
    };
  });
  return cache;
}
