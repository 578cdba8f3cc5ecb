import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { layoutFunnel } from '../../../src/lib/funnel/layout.ts';
import { renderFunnelSvg } from '../../../src/lib/funnel/svg.ts';
import { decodeXml, parseXml } from '../forest/xml.ts';
import bcg from '../../fixtures/stats/bcg-metafor.json' with { type: 'json' };

// The BCG vaccine trials (metafor's dat.bcg): log risk ratios and their variances.
const { yi, vi } = bcg as unknown as { yi: number[]; vi: number[] };
const points = yi.map((y, i) => ({ id: `trial-${i + 1}`, label: `Trial ${i + 1}`, effect: y, se: Math.sqrt(vi[i]!) }));
const POOLED = -0.7145;
const options = { title: 'BCG: risk ratio', pooled: POOLED, transform: 'exp' as const, xLabel: 'Risk ratio (log scale)', nullValue: 0 };

/** x (px) of an analysis-scale value, from two ticks of a log-labelled axis. */
function xOf(L: ReturnType<typeof layoutFunnel>, v: number): number {
  const [a, b] = [L.xAxis.ticks[0]!, L.xAxis.ticks.at(-1)!];
  const la = Math.log(Number(a.label));
  const lb = Math.log(Number(b.label));
  return a.x + ((v - la) / (lb - la)) * (b.x - a.x);
}

describe('the funnel plot', () => {
  const L = layoutFunnel(points, options);

  it('puts the most precise study at the top: y grows with the standard error, SE 0 at the top of the plot', () => {
    expect(L.yAxis.ticks[0]).toEqual({ y: L.plot.y0, label: '0' });
    const bySe = [...points].sort((a, b) => a.se - b.se).map((p) => L.points.find((q) => q.id === p.id)!.cy);
    expect(bySe).toEqual([...bySe].sort((a, b) => a - b));
    expect(L.points).toHaveLength(13);
  });

  it('places each study at its effect on the log axis, labelled in natural units', () => {
    expect(L.xAxis.ticks.map((t) => t.label)).toContain('1');
    for (const [i, p] of L.points.entries()) expect(p.cx).toBeCloseTo(xOf(L, yi[i]!), 1);
    expect(L.nullLine!.x).toBeCloseTo(xOf(L, 0), 1);
  });

  it('draws the pseudo 95% limits as pooled ± 1.96·SE: apex at the pooled estimate at SE 0, the base at the largest SE', () => {
    const { region, centre } = L;
    expect(centre!.x).toBeCloseTo(xOf(L, POOLED), 1);
    const [left, apex, right] = region!.points;
    expect(apex).toEqual([centre!.x, L.plot.y0]);
    const seMax = Number(L.yAxis.ticks.at(-1)!.label);
    expect(left![1]).toBe(L.plot.y1);
    expect(left![0]).toBeCloseTo(xOf(L, POOLED - 1.959964 * seMax), 1);
    expect(right![0]).toBeCloseTo(xOf(L, POOLED + 1.959964 * seMax), 1);
    // Every point and the funnel's base lie inside the plot.
    for (const p of L.points) {
      expect(p.cx).toBeGreaterThanOrEqual(L.plot.x0);
      expect(p.cx).toBeLessThanOrEqual(L.plot.x1);
    }
    expect(left![0]).toBeGreaterThanOrEqual(L.plot.x0);
    expect(right![0]).toBeLessThanOrEqual(L.plot.x1);
  });

  it('keeps every study inside the plot for any effects and standard errors, on a linear axis too', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ effect: fc.double({ min: -5, max: 5, noNaN: true }), se: fc.double({ min: 0.001, max: 3, noNaN: true }) }), { minLength: 1, maxLength: 30 }), fc.double({ min: -3, max: 3, noNaN: true }), (xs, pooled) => {
        const F = layoutFunnel(xs.map((x, i) => ({ id: `s${i}`, label: 'S', ...x })), { title: 'T', pooled, xLabel: 'MD' });
        for (const p of F.points) {
          expect(p.cx).toBeGreaterThanOrEqual(F.plot.x0 - 1e-9);
          expect(p.cx).toBeLessThanOrEqual(F.plot.x1 + 1e-9);
          expect(p.cy).toBeGreaterThanOrEqual(F.plot.y0);
          expect(p.cy).toBeLessThanOrEqual(F.plot.y1);
        }
      }),
    );
  });

  it('skips studies with a non-positive or non-finite standard error, saying why, and draws none when none is left', () => {
    const F = layoutFunnel([{ id: 'a', label: 'A', effect: 0.1, se: 0 }, { id: 'b', label: 'B', effect: Number.NaN, se: 0.2 }, { id: 'c', label: 'C', effect: 0.2, se: Number.POSITIVE_INFINITY }], options);
    expect(F.skipped.map((s) => s.reason)).toEqual(['standard error is not positive', 'effect is not a finite number on the analysis scale', 'standard error is not a finite number']);
    expect(F.points).toEqual([]);
    expect(F.region).toBeNull();
    expect(F.message?.text).toBe('No studies');
    expect(parseXml(renderFunnelSvg(F)).errors).toEqual([]);
  });

  it('draws no limits when asked, and names another level in the legend', () => {
    expect(layoutFunnel(points, { ...options, limits: false }).region).toBeNull();
    expect(layoutFunnel(points, { ...options, level: 0.99 }).legend.map((l) => l.text)).toEqual(['Pooled estimate', 'Pseudo 99% limits']);
  });

  it('renders well-formed, accessible SVG with a title per study, text at 11 px or more, hostile labels escaped and unsafe links dropped', () => {
    const hostile = [{ id: 'x"', label: '</title><script>alert(1)</script>', effect: 0.1, se: 0.2, href: 'javascript:alert(1)' }, { id: 'y', label: 'Y & Z', effect: -0.2, se: 0.1, href: '/studies/y/' }];
    const svg = renderFunnelSvg(layoutFunnel(hostile, { ...options, title: '<b>T</b>', xLabel: 'log "OR"' }), { standalone: true, idPrefix: 'f' });
    const { errors, elements } = parseXml(svg);
    expect(errors).toEqual([]);
    expect(svg).not.toMatch(/<script|javascript:/);
    expect(elements[0]!.attrs).toMatchObject({ role: 'group', 'aria-labelledby': 'f-title f-desc', class: 'funnel-plot' });
    expect(elements.filter((e) => e.name === 'a').map((e) => e.attrs.href)).toEqual(['/studies/y/']);
    expect(decodeXml(elements.find((e) => e.attrs.id === 'f-title')!.text)).toBe('<b>T</b>');
    const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    expect(decodeXml(elements.find((e) => e.attrs.id === 'f-desc')!.text)).toMatch(/^Funnel plot of 2 studies: log "OR" against standard error \(inverted, most precise at the top\), centred on the pooled estimate 0\.489 with pseudo 95% confidence limits\./);
  });
});
