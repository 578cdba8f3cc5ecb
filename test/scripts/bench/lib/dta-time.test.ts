import { describe, expect, it } from 'vitest';
import { timeDtaRepool } from '../../../../scripts/bench/lib/dta-time.ts';

describe('timing the bivariate re-pooling alone', () => {
  it('re-pools and renders n tables once per run after the warm-ups, drawing each time when asked, each stage timed from the same start', () => {
    const drawn: string[] = [];
    const t = timeDtaRepool(30, 4, 2, (html) => drawn.push(html), 2);
    expect(drawn).toHaveLength(6);
    expect(drawn[5]!.match(/class="sroc-study"/g)).toHaveLength(30);
    expect(t.tables).toBe(30);
    expect(t.model).toBe('bivariate');
    expect(t.htmlChars).toBe(drawn[5]!.length);
    expect([t.poolMs.length, t.renderMs.length, t.drawnMs!.length]).toEqual([4, 4, 4]);
    t.poolMs.forEach((p, i) => {
      expect(p).toBeGreaterThan(0);
      expect(t.renderMs[i]!).toBeGreaterThanOrEqual(p);
      expect(t.drawnMs![i]!).toBeGreaterThanOrEqual(t.renderMs[i]!);
    });
  });

  it('has no drawn times without a draw step, and reports the fallback model below four tables', () => {
    const t = timeDtaRepool(3, 2, 1, undefined, 0);
    expect(t.drawnMs).toBeNull();
    expect(t.model).toBe('univariate');
  });
});
