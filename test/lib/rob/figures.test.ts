import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { layoutTrafficLight, wrapWords } from '../../../src/lib/rob/traffic-light.ts';
import { layoutRobSummary, levelShares } from '../../../src/lib/rob/summary.ts';
import { renderRobSummarySvg, renderTrafficLightSvg } from '../../../src/lib/rob/svg.ts';
import { robSummaryTableRows, trafficLightTableRows } from '../../../src/lib/rob/table.ts';
import { domainColumns, dominantTool, robFigureInput } from '../../../src/lib/rob/input.ts';
import { ROB_STYLES, asLevel } from '../../../src/lib/rob/marks.ts';
import { overallOfLevels } from '../../../src/lib/rob/levels.ts';
import { RiskOfBias, ROB_LEVELS, type RobLevel } from '../../../src/lib/schema/risk-of-bias.ts';
import type { RobStudyInput } from '../../../src/lib/rob/types.ts';
import { decodeXml, parseXml } from '../forest/xml.ts';

const domains = domainColumns('QUADAS-2');
const studies: RobStudyInput[] = [
  { id: 'a', label: 'Sahashi 2024', levels: ['low', 'high', 'low', 'unclear'], weight: 30, href: '/studies/a/' },
  { id: 'b', label: 'Kwan 2025', levels: ['low', 'low', 'low', 'low'], weight: 50 },
  { id: 'c', label: 'New 2026', levels: ['not-assessed', 'not-assessed', 'not-assessed', 'not-assessed'], weight: 20 },
];
const options = { title: 'Risk of bias (QUADAS-2)', domains, tool: 'QUADAS-2' };
const level = fc.constantFrom<RobLevel>(...ROB_LEVELS);
const HOSTILE = '</text><script>alert("x")</script>&amp; \u0001 \' "';

/** Every font size of a rendered SVG (root default and each text). */
function fontSizes(svg: string): number[] {
  return [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
}

describe('the traffic-light plot', () => {
  const L = layoutTrafficLight(studies, options);

  it('draws one mark per domain and an overall mark per study, the overall by the published rule', () => {
    expect(L.rows.map((r) => r.marks.map((m) => m.level))).toEqual([
      ['low', 'high', 'low', 'unclear', 'high'],
      ['low', 'low', 'low', 'low', 'low'],
      ['not-assessed', 'not-assessed', 'not-assessed', 'not-assessed', 'not-assessed'],
    ]);
    expect(L.header.cells.map((c) => c.text)).toEqual(['D1', 'D2', 'D3', 'D4', 'Overall']);
    expect(L.legend.domains.map((d) => d.text).slice(0, 4)).toEqual(['D1: Patient selection', 'D2: Index test', 'D3: Reference standard', 'D4: Flow and timing']);
  });

  it('never shows a study not assessed, or with any domain missing, as low overall', () => {
    fc.assert(
      fc.property(fc.array(level, { minLength: 0, maxLength: 6 }), (levels) => {
        const row = layoutTrafficLight([{ id: 'x', label: 'X', levels }], options).rows[0]!;
        const overall = row.marks.at(-1)!.level;
        if (levels.length < 4 || levels.slice(0, 4).includes('not-assessed')) expect(overall).toBe('not-assessed');
        if (overall === 'low') expect(levels.slice(0, 4)).toEqual(['low', 'low', 'low', 'low']);
      }),
    );
    expect(asLevel('LOW')).toBe('not-assessed');
    expect(asLevel(undefined)).toBe('not-assessed');
    expect(overallOfLevels([])).toBe('not-assessed');
  });

  it('fits a 390 px phone at its drawn size with every text at 11 px or more', () => {
    expect(L.width).toBeLessThanOrEqual(358);
    const long = layoutTrafficLight([{ id: 'l', label: 'A very long study label that goes on and on about its cohort', levels: [] }], options);
    expect(long.width).toBeLessThanOrEqual(358);
    expect(long.rows[0]!.label).toMatch(/…$/);
    const svg = renderTrafficLightSvg(L);
    expect(Math.min(...fontSizes(svg))).toBeGreaterThanOrEqual(11);
    for (const x of [...L.legend.domains.map((d) => d.text)]) expect(x.length * 12 * 0.56).toBeLessThanOrEqual(L.width);
  });

  it('renders well-formed, accessible SVG with a title per mark, a link per linked study and the level in each mark', () => {
    const svg = renderTrafficLightSvg(L, { idPrefix: 'tl' });
    const { errors, elements } = parseXml(svg);
    expect(errors).toEqual([]);
    expect(elements[0]!.attrs).toMatchObject({ role: 'group', 'aria-labelledby': 'tl-title tl-desc', class: 'rob-plot rob-traffic-light' });
    expect(elements.filter((e) => e.name === 'a').map((e) => e.attrs.href)).toEqual(['/studies/a/']);
    const marks = elements.filter((e) => (e.attrs.class ?? '').startsWith('rob-mark '));
    expect(marks.map((m) => m.attrs['data-level'])).toEqual(L.rows.flatMap((r) => r.marks.map((m) => m.level)));
    const symbols = elements.filter((e) => e.attrs.class === 'rob-symbol').map((e) => decodeXml(e.text));
    expect(new Set(symbols)).toEqual(new Set(['+', '\u2212', '?', 'NA']));
    expect(decodeXml(elements.find((e) => e.attrs.id === 'tl-desc')!.text)).toBe(
      'Traffic-light plot of risk of bias (QUADAS-2) for 3 studies across 4 domains and overall; overall: 1 low, 1 high, 1 not yet assessed. Each mark is a coloured circle with a symbol: + low, − high, ? unclear; a dashed square marked NA is not yet assessed.',
    );
  });

  it('gives every level a distinct symbol and a distinct grey (so it reads without colour)', () => {
    const grey = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const styles = ROB_LEVELS.map((l) => ROB_STYLES[l]);
    expect(new Set(styles.map((s) => s.symbol)).size).toBe(4);
    const lum = styles.map((s) => grey(s.fill)).sort((a, b) => a - b);
    for (let i = 1; i < lum.length; i++) expect(lum[i]! - lum[i - 1]!).toBeGreaterThan(0.09);
    // The symbol stands out from its fill: contrast ≥ 6:1.
    for (const s of styles) expect((Math.max(grey(s.fill), grey(s.symbolFill)) + 0.05) / (Math.min(grey(s.fill), grey(s.symbolFill)) + 0.05)).toBeGreaterThanOrEqual(6);
  });

  it('escapes hostile labels and domain names, and drops unsafe links', () => {
    const L2 = layoutTrafficLight([{ id: '"><x', label: HOSTILE, levels: ['low'], href: 'javascript:alert(1)' }], { title: HOSTILE, domains: [{ short: '<D>', label: HOSTILE }] });
    const svg = renderTrafficLightSvg(L2, { standalone: true, idPrefix: '"><svg' });
    const { errors, elements } = parseXml(svg);
    expect(errors).toEqual([]);
    expect(svg).not.toMatch(/<script|javascript:|\u0001/);
    expect(elements.some((e) => e.name === 'a')).toBe(false);
    expect(decodeXml(elements.find((e) => e.name === 'title')!.text)).toBe(HOSTILE.replace('\u0001', ''));
  });

  it('says "No studies" when there are none, and gives a table alternative with "Not yet assessed" spelled out', () => {
    expect(layoutTrafficLight([], options).message?.text).toBe('No studies');
    const t = trafficLightTableRows(L);
    expect(t.header).toEqual(['Study', 'Patient selection', 'Index test', 'Reference standard', 'Flow and timing', 'Overall risk of bias']);
    expect(t.rows[2]).toEqual({ label: 'New 2026', cells: Array(5).fill('Not yet assessed') });
    expect(t.rows[0]).toMatchObject({ href: '/studies/a/', cells: ['Low', 'High', 'Low', 'Unclear', 'High'] });
  });

  it('wraps legend lines at words', () => {
    expect(wrapWords('Overall: low only if all domains are low', 20)).toEqual(['Overall: low only if', 'all domains are low']);
    expect(wrapWords('Supercalifragilistic', 8)).toEqual(['Superca…']);
  });
});

describe('the summary bar plot', () => {
  it('gives percentages of total weight when every study has a weight', () => {
    const L = layoutRobSummary(studies, options);
    expect(L.weighted).toBe(true);
    expect(L.axis.label).toBe('Share of total weight');
    const d2 = L.bars[1]!;
    expect(d2.segments.map((s) => [s.level, s.percent])).toEqual([['low', 50], ['high', 30], ['not-assessed', 20]]);
    const overall = L.bars.at(-1)!;
    expect(overall.labelFull).toBe('Overall risk of bias');
    expect(overall.segments.map((s) => [s.level, s.percent])).toEqual([['low', 50], ['high', 30], ['not-assessed', 20]]);
    expect(robSummaryTableRows(L).rows[0]).toEqual({ label: 'Patient selection', cells: ['80%', '0%', '0%', '20%'] });
  });

  it('falls back to shares of studies, saying why, when a weight is missing or invalid', () => {
    const L = layoutRobSummary([...studies.slice(0, 2), { ...studies[2]!, weight: Number.NaN }], options);
    expect(L.weighted).toBe(false);
    expect(L.note).toBe('weights missing or invalid for 1 of 3 studies, so percentages are of studies');
    expect(L.bars[0]!.segments.map((s) => Math.round(s.percent * 100) / 100)).toEqual([66.67, 33.33]);
  });

  it('has bars that fill the axis exactly, segments in legend order, for any levels and weights', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ levels: fc.array(level, { minLength: 4, maxLength: 4 }), weight: fc.double({ min: 0.01, max: 100, noNaN: true }) }), { minLength: 1, maxLength: 12 }), (xs) => {
        const L = layoutRobSummary(xs.map((x, i) => ({ id: `s${i}`, label: `S${i}`, ...x })), options);
        for (const b of L.bars) {
          expect(b.segments.reduce((a, s) => a + s.percent, 0)).toBeCloseTo(100, 9);
          const last = b.segments.at(-1)!;
          expect(Math.abs(last.x + last.width - L.axis.x1)).toBeLessThan(0.05 * b.segments.length);
          const order = b.segments.map((s) => ROB_LEVELS.indexOf(s.level));
          expect(order).toEqual([...order].sort((p, q) => p - q));
        }
      }),
    );
    expect(levelShares(['low', 'high'], [0, 0])).toEqual({ low: 0, unclear: 0, high: 0, 'not-assessed': 0 });
  });

  it('labels a segment with its symbol and percentage only where the label fits', () => {
    const L = layoutRobSummary([...Array(19)].map((_, i) => ({ id: `s${i}`, label: 'S', levels: ['low'] as RobLevel[] })).concat([{ id: 'h', label: 'H', levels: ['high'] }]), { ...options, width: 320 });
    const [low, high] = L.bars[0]!.segments;
    expect(low!.text).toBe('+ 95%');
    expect(high!.text).toBeNull();
  });

  it('renders well-formed SVG with text at 11 px or more, hostile names escaped', () => {
    const svg = renderRobSummarySvg(layoutRobSummary(studies, { ...options, domains: [{ short: 'D1', label: HOSTILE }] }), { standalone: true });
    expect(parseXml(svg).errors).toEqual([]);
    expect(svg).not.toMatch(/<script/);
    expect(Math.min(...fontSizes(svg))).toBeGreaterThanOrEqual(11);
  });
});

describe('figure input from assessments', () => {
  const d = (j: string, app = true) => ({ judgement: j, support: { note: 'n' }, ...(app ? { applicability: 'low' } : {}) });
  const quadas = RiskOfBias.parse({ tool: 'QUADAS-2', domains: { patient_selection: d('low'), index_test: d('high'), reference_standard: d('low'), flow_and_timing: d('low', false) } });
  const probast = RiskOfBias.parse({ tool: 'PROBAST+AI', part: 'evaluation', domains: { participants_and_data_sources: d('low'), predictors: d('low'), outcome: d('low'), analysis: d('low', false) } });

  it('maps each study to its domain levels, a page not yet assessed to not-assessed in every column, and skips the other tool with a reason', () => {
    const input = robFigureInput('QUADAS-2', [
      { id: 'q', label: 'Q', rob: quadas, weight: 2 },
      { id: 'n', label: 'N', rob: { tool: 'not-assessed' } },
      { id: 'p', label: 'P', rob: probast },
      { id: 'u', label: 'U', rob: undefined },
    ]);
    expect(input.studies.map((s) => [s.id, s.levels])).toEqual([
      ['q', ['low', 'high', 'low', 'low']],
      ['n', ['not-assessed', 'not-assessed', 'not-assessed', 'not-assessed']],
      ['u', ['not-assessed', 'not-assessed', 'not-assessed', 'not-assessed']],
    ]);
    expect(input.studies[0]!.weight).toBe(2);
    expect(input.skipped).toEqual([{ id: 'p', label: 'P', reason: 'assessed with PROBAST+AI, not QUADAS-2' }]);
    expect(domainColumns('PROBAST+AI').map((c) => c.label)).toEqual(['Participants and data sources', 'Predictors', 'Outcome', 'Analysis']);
  });

  it('picks the tool most studies use, or none when none is assessed', () => {
    expect(dominantTool([{ id: 'a', label: 'A', rob: probast }, { id: 'b', label: 'B', rob: { tool: 'not-assessed' } }])).toBe('PROBAST+AI');
    expect(dominantTool([{ id: 'a', label: 'A', rob: probast }, { id: 'b', label: 'B', rob: quadas }])).toBe('QUADAS-2');
    expect(dominantTool([{ id: 'b', label: 'B', rob: { tool: 'not-assessed' } }])).toBeNull();
  });
});
