/** Study pages for history and diff tests, derived from the committed first record. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.ts';

/** The committed review protocol. */
export const reviewText = readFileSync(join(ROOT, 'content', 'review.yaml'), 'utf8');
/** The committed page of the first seed record. */
export const FIRST_PAGE = readFileSync(join(ROOT, 'content', 'studies', '2024-deep-learning-applied-echocardiography-could-predict.mdx'), 'utf8');

/** A copy of the first record as another included study with its own DOI and WMA AUC [value, low, high]. */
export function otherStudy(n: number, auc: [number, number, number]): string {
  const quote = `WMA (AUC ${auc[0]} [95%CI ${auc[1]}-${auc[2]}])`;
  return FIRST_PAGE.replace('key: doi:10.1101/2024.04.16.24305936', `key: doi:10.5555/other-${n}`)
    .replace('doi: 10.1101/2024.04.16.24305936', `doi: 10.5555/other-${n}`)
    .replace('pmcid: PMC11065018', 'pmcid: null')
    .replace(/^title: .*$/m, `title: Another echocardiography study number ${n}`)
    .replace('value: 0.873\n    ci_low: 0.816\n    ci_high: 0.922', `value: ${auc[0]}\n    ci_low: ${auc[1]}\n    ci_high: ${auc[2]}`)
    .replace('quote: WMA (AUC 0.873 [95%CI 0.816-0.922])', `quote: ${quote}`)
    .replace('WMA (AUC 0.873 \\[95%CI 0.816-0.922\\])', quote.replace(/[[\]]/g, '\\$&'));
}
