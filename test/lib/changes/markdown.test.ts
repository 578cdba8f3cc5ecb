import { describe, expect, it } from 'vitest';
import { snapshotOf, type ContentTree } from '../../../src/lib/changes/snapshot.ts';
import { diffSnapshots } from '../../../src/lib/changes/diff.ts';
import { diffEstimates } from '../../../src/lib/changes/estimates.ts';
import { formatDataDiff, mdCell } from '../../../src/lib/changes/markdown.ts';
import { reviewText, otherStudy, FIRST_PAGE as first } from '../../study-fixtures.ts';

const tree = (studies: Record<string, string>): ContentTree => ({
  reviewText,
  studies: Object.entries(studies).map(([slug, text]) => ({ slug, file: `content/studies/${slug}.mdx`, text })),
});

describe('formatDataDiff', () => {
  const before = snapshotOf(tree({ a: first, b: otherStudy(1, [0.8, 0.75, 0.85]) }));
  const edited = otherStudy(1, [0.81, 0.75, 0.86]);
  const after = snapshotOf(tree({ a: first, b: edited, c: otherStudy(2, [0.7, 0.6, 0.79]) }));
  const md = formatDataDiff(diffSnapshots(before, after), diffEstimates(before, after), { base: 'main', head: 'working tree' });

  it('lists the added study and the changed estimate with old and new values and quotes', () => {
    expect(md).toContain('Studies: 1 added, 0 removed, 1 changed.');
    expect(md).toContain('| Another echocardiography study number 2 (`c`) | included |');
    expect(md).toMatch(/\| `b` \| wall-motion-abnormality \| AUC \| WMA \| 0\.8 \\\[0\.75, 0\.85\\\] \| 0\.81 \\\[0\.75, 0\.86\\\] \| WMA \(AUC 0\.8 \\\[95%CI 0\.75-0\.85\\\]\) → WMA \(AUC 0\.81 \\\[95%CI 0\.75-0\.86\\\]\) \|/);
  });

  it('shows the pooled estimate, CI, I² and k before and after for each outcome that moved', () => {
    const row = md.split('\n').find((l) => l.startsWith('| wall-motion-abnormality | AUC |'))!;
    expect(row).toMatch(/\| 0\.\d{3} \[0\.\d{3}, 0\.\d{3}\], I² \d+\.\d%, k 2 \| 0\.\d{3} \[0\.\d{3}, 0\.\d{3}\], I² \d+\.\d%, k 3 \|$/);
  });

  it('says so when nothing changed', () => {
    const same = formatDataDiff(diffSnapshots(before, before), diffEstimates(before, before), { base: 'a', head: 'b' });
    expect(same).toContain('No change to studies, estimates or pooled results.');
  });

  it('escapes table-breaking and markup characters from content', () => {
    expect(mdCell('a | b <script> `x` [y]\nz')).toBe('a \\| b \\<script\\> \\`x\\` \\[y\\] z');
  });
});
