/**
 * The BCG vaccine trials (metafor's dat.bcg, 13 trials) as the site sees them: one risk ratio per
 * trial with the 95% interval exp(yi ± z·√vi), and the trials' published characteristics —
 * allocation (random, alternate, systematic) and absolute latitude — with metafor's results for them
 * from test/fixtures/stats/metareg-metafor.json (scripts/r/metareg-reference.R).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.ts';
import type { MetaregCase, RegtestCase, SubgroupCase } from './lib/stats/metareg-fixture.ts';
import type { SynthesisInput } from '../src/lib/site/synthesis.ts';
import { zCrit } from '../src/lib/stats/index.ts';

const reference = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/stats/metareg-metafor.json'), 'utf8')) as { metareg: MetaregCase[]; subgroups: SubgroupCase[]; regtest: RegtestCase[] };

/** metafor's subgroup analysis of dat.bcg by allocation with Knapp–Hartung. */
export const BCG_ALLOC = reference.subgroups.find((c) => c.name === 'bcg-alloc-knha')!;
/** metafor's meta-regression of dat.bcg on absolute latitude with Knapp–Hartung. */
export const BCG_ABLAT = reference.metareg.find((c) => c.name === 'bcg-ablat-knha')!;
/** metafor's regtest of dat.bcg on the Knapp–Hartung model. */
export const BCG_EGGER = reference.regtest.find((c) => c.name === 'bcg-rma-knha')!;

/** One trial: log risk ratio, its variance and the published characteristics. */
export interface BcgTrial {
  slug: string;
  yi: number;
  vi: number;
  alloc: string;
  ablat: number;
  /** RR and its 95% interval as a page reports them (full precision). */
  value: number;
  ciLow: number;
  ciHigh: number;
}

/** The 13 trials in dat.bcg order. */
export const BCG: BcgTrial[] = BCG_ALLOC.yi.map((yi, i) => {
  const vi = BCG_ALLOC.vi[i]!;
  const half = zCrit(0.95) * Math.sqrt(vi);
  return { slug: `bcg-${String(i + 1).padStart(2, '0')}`, yi, vi, alloc: BCG_ALLOC.group[i]!, ablat: BCG_ABLAT.moderators.ablat![i] as number, value: Math.exp(yi), ciLow: Math.exp(yi - half), ciHigh: Math.exp(yi + half) };
});

/** The trials as synthesis inputs of outcome `outcome` (one RR estimate each, all included). */
export function bcgInputs(outcome = 'tuberculosis'): SynthesisInput[] {
  return BCG.map((t, i) => ({
    estimate_id: `${t.slug}#1`, slug: t.slug, outcome, label: 'BCG vaccine vs control', measure: 'RR', value: t.value, ci_low: t.ciLow, ci_high: t.ciHigh, ci_level: 0.95, unit: 'ratio',
    needs_review: false, title: `BCG trial ${i + 1}`, status: 'included',
  }));
}
