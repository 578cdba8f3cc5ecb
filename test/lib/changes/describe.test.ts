import { describe, expect, it } from 'vitest';
import { describeShift, summarizeDiff, updateHtml } from '../../../src/lib/changes/describe.ts';
import { diffSnapshots, isEmptyDiff } from '../../../src/lib/changes/diff.ts';
import type { Update } from '../../../src/lib/changes/timeline.ts';
import type { Snapshot } from '../../../src/lib/changes/snapshot.ts';

const empty: Snapshot = { review: null, studies: [], syntheses: [], prisma: null };

describe('describing an update', () => {
  it('says before → after for k, the pooled estimate with its CI, and I²', () => {
    const before = { studies: 2, rows: 2, inSynthesis: 2, pooled: { k: 2, estimate: 0.8412, ciLow: 0.7, ciHigh: 0.92, I2: 12.4, tau2: 0.01 } };
    const after = { ...before, studies: 3, rows: 3, inSynthesis: 3, pooled: { k: 3, estimate: 0.8655, ciLow: 0.66, ciHigh: 0.954, I2: 80.6, tau2: 0.19 } };
    expect(describeShift({ outcome: 'wma', measure: 'AUC', before, after }, 'Wall motion')).toBe(
      'Wall motion (AUC): k 2 → 3; pooled 0.841 [0.700, 0.920] → 0.866 [0.660, 0.954]; I² 12% → 81%',
    );
    expect(describeShift({ outcome: 'wma', measure: 'AUC', before: null, after: { studies: 1, rows: 1, inSynthesis: 1, pooled: null } })).toBe('wma (AUC): k 0 → 1; pooled — → single study; I² — → —');
  });

  it('escapes study titles in the feed HTML', () => {
    const diff = { ...diffSnapshots(null, empty), added: [{ slug: 'x', title: '<script>alert(1)</script> & co', status: 'included' }] };
    const update: Update = { id: 'c', commit: 'c', date: '2025-01-01T00:00:00Z', subject: 's', published: true, diff, search: null, prisma: null, snapshot: empty };
    const html = updateHtml(update, 'https://example.org/');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(html).not.toContain('<script>');
    expect(summarizeDiff(diff)).toBe('1 study added');
  });

  it('calls an identical snapshot no change', () => {
    const d = diffSnapshots(empty, empty);
    expect(isEmptyDiff(d)).toBe(true);
    expect(summarizeDiff(d)).toBe('no change to what the review shows');
  });
});
