import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshotOf, type ContentTree } from '../../../src/lib/changes/snapshot.ts';
import { diffSnapshots, isEmptyDiff } from '../../../src/lib/changes/diff.ts';
import { describeCertaintyShift, describeDtaShift, summarizeDiff, updateHtml } from '../../../src/lib/changes/describe.ts';
import { formatDataDiff } from '../../../src/lib/changes/markdown.ts';
import type { Update } from '../../../src/lib/changes/timeline.ts';
import { poolBivariate } from '../../../src/lib/stats/index.ts';
import { auditC, auditCCertainty, auditCPages, DTA_OUTCOME, withDtaOutcome } from '../../dta-project.ts';
import { ROOT } from '../../helpers.ts';

const protocol = readFileSync(join(ROOT, 'content', 'review.yaml'), 'utf8');
const tree = (n: number, extra = ''): ContentTree => ({
  reviewText: withDtaOutcome(protocol, extra),
  studies: Object.entries(auditCPages(n)).map(([name, text]) => ({ slug: name.replace('.mdx', ''), file: `content/studies/${name}`, text })),
});
const c = auditC();
const fit = (n: number) => poolBivariate(c.tp.slice(0, n).map((tp, i) => ({ tp, fp: c.fp[i]!, fn: c.fn[i]!, tn: c.tn[i]! })));
const n3 = (x: number) => x.toFixed(3);

describe('the changes between two versions of a DTA review', () => {
  const before = snapshotOf(tree(13, auditCCertainty()));
  const after = snapshotOf(tree(14, auditCCertainty({ imprecision: 'serious' })));
  const diff = diffSnapshots(before, after);

  it('report the summary sensitivity and specificity shift of the outcome, as the bivariate model computes them', () => {
    const [b, a] = [fit(13), fit(14)];
    expect(diff.dta).toHaveLength(1);
    expect(diff.dta[0]).toMatchObject({ outcome: DTA_OUTCOME, before: { k: 13, model: 'bivariate' }, after: { k: 14, model: 'bivariate' } });
    expect(diff.dta[0]!.after!.sens).toBeCloseTo(a.sens, 10);
    expect(describeDtaShift(diff.dta[0]!, 'Alcohol')).toBe(
      `Alcohol (DTA, bivariate): k 13 → 14; summary sensitivity ${n3(b.sens)} [${n3(b.sensCi[0])}, ${n3(b.sensCi[1])}] → ${n3(a.sens)} [${n3(a.sensCi[0])}, ${n3(a.sensCi[1])}]; specificity ${n3(b.spec)} [${n3(b.specCi[0])}, ${n3(b.specCi[1])}] → ${n3(a.spec)} [${n3(a.specCi[0])}, ${n3(a.specCi[1])}]`,
    );
  });

  it('report the certainty change and the domain that caused it', () => {
    // Before: risk of bias and inconsistency serious → low; after: imprecision serious too → very low.
    expect(diff.certainty).toEqual([{ outcome: DTA_OUTCOME, before: 'low', after: 'very low', domains: [{ domain: 'imprecision', before: 'not serious', after: 'serious' }] }]);
    expect(describeCertaintyShift(diff.certainty[0]!, 'Alcohol')).toBe('Alcohol: certainty low → very low (imprecision: not serious → serious)');
    expect(summarizeDiff(diff)).toBe('1 study added; 1 DTA summary moved; certainty changed for 1 outcome; protocol edited (certainty)');
  });

  it('put both in the feed entry and the pull-request data diff', () => {
    const update: Update = { id: 'c', commit: 'c', date: '2026-01-01T00:00:00Z', subject: 's', published: true, diff, search: null, prisma: null, snapshot: after };
    const html = updateHtml(update, 'https://example.org/', () => 'Alcohol');
    expect(html).toContain('<p>Diagnostic accuracy:</p><ul><li>Alcohol (DTA, bivariate): k 13 → 14; summary sensitivity');
    expect(html).toContain('<li>Alcohol: certainty low → very low (imprecision: not serious → serious)</li>');
    const md = formatDataDiff(diff, [], { base: 'main', head: 'work' });
    expect(md).toContain(`| ${DTA_OUTCOME} | bivariate | 13 → 14 | ${n3(fit(13).sens)}`);
    expect(md).toContain(`- ${DTA_OUTCOME}: certainty low → very low (imprecision: not serious → serious)`);
  });

  it('report a certainty block added to an unchanged review as "not rated → …", and nothing for an identical one', () => {
    const plain = snapshotOf(tree(14));
    const d = diffSnapshots(plain, after);
    expect(d.dta).toEqual([]);
    expect(d.certainty).toEqual([expect.objectContaining({ before: 'not rated', after: 'very low' })]);
    expect(isEmptyDiff(diffSnapshots(after, snapshotOf(tree(14, auditCCertainty({ imprecision: 'serious' })))))).toBe(true);
  });
});
