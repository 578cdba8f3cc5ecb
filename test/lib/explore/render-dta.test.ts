import { describe, expect, it } from 'vitest';
import { renderDta, SROC_POINTS } from '../../../src/lib/explore/render-dta.ts';
import { synthesizeDta, type DtaInput } from '../../../src/lib/site/dta-synthesis.ts';

const table = (i: number, over: Partial<DtaInput> = {}): DtaInput => ({
  tableId: `s${i}#1`, slug: `s${i}`, title: `Study ${i}`, outcome: 'x', label: 'AI', threshold: null,
  tp: 40 + (i % 17), fp: 10 + (i % 7), fn: 5 + (i % 5), tn: 90 + (i % 23), status: 'included', ...over,
});

describe('the Explore DTA section', () => {
  it('draws at most SROC_POINTS study points, the largest, and pools every table', () => {
    const inputs = Array.from({ length: 450 }, (_, i) => table(i));
    const html = renderDta(synthesizeDta(inputs), { x: 'X' });
    expect(html).toContain(`data-drawn="${SROC_POINTS}" data-pooled="450"`);
    expect(html.match(/<g class="sroc-study"/g)).toHaveLength(SROC_POINTS);
    expect(html).toContain(`The ${SROC_POINTS} largest are drawn; the summary and regions use all 450.`);
    expect(html).toMatch(/data-k="450"/);
  });

  it('draws every point of a small review and escapes hostile titles and labels', () => {
    const inputs = Array.from({ length: 5 }, (_, i) => table(i, i === 0 ? { title: '<script>alert(1)</script>', label: '"&' } : {}));
    const html = renderDta(synthesizeDta(inputs), { x: '<b>X</b>' });
    expect(html).toContain('data-drawn="5" data-pooled="5"');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>X</b>');
    expect(html).toContain('&lt;b&gt;X&lt;/b&gt;');
  });

  it('is empty without tables', () => {
    expect(renderDta([], {})).toBe('');
  });
});
