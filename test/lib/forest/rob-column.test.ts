import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { layoutForest, type ForestRow } from '../../../src/lib/forest/layout.ts';
import { renderForestSvg } from '../../../src/lib/forest/svg.ts';
import { forestTableRows } from '../../../src/lib/forest/table.ts';
import { planRobColumn, robMarks } from '../../../src/lib/forest/rob-column.ts';
import { seedAucOptions, seedAucRows } from './seed.ts';
import { layoutPairedForest, type PairedForestStudy } from '../../../src/lib/forest/paired.ts';
import { pairedForestSvg } from '../../../src/lib/forest/paired-svg.ts';
import { decodeXml, parseXml } from './xml.ts';

const snapshot = (name: string) => readFileSync(fileURLToPath(new URL(`./__snapshots__/${name}`, import.meta.url)), 'utf8');
const labels = [
  { short: 'D1', label: 'Patient selection' },
  { short: 'D2', label: 'Index test' },
  { short: 'D3', label: 'Reference standard' },
  { short: 'D4', label: 'Flow and timing' },
];
const withRob: ForestRow[] = seedAucRows.map((r, i) => (i === 4 ? { ...r } : { ...r, rob: (['low', 'high', 'unclear', 'low'] as const).slice(0, 4 - (i % 2)) }));

describe('the forest plot risk-of-bias column', () => {
  it('leaves the layout and the SVG byte-identical to the snapshots when no row has rob (even with robLabels, or rob: undefined)', () => {
    const rows = seedAucRows.map((r) => ({ ...r, rob: undefined }));
    for (const L of [layoutForest(seedAucRows, seedAucOptions), layoutForest(rows, { ...seedAucOptions, robLabels: labels })]) {
      expect(L.rob).toBeUndefined();
      expect(L.rows.every((r) => r.rob === undefined)).toBe(true);
      expect(renderForestSvg(L, { idPrefix: 'seed-auc' })).toBe(snapshot('seed-auc.svg'));
      expect(`<?xml version="1.0" encoding="UTF-8"?>\n${renderForestSvg(L, { idPrefix: 'seed-auc', standalone: true })}\n`).toBe(snapshot('seed-auc.standalone.svg'));
    }
  });

  it('draws one mark per domain on every row, a missing judgement (or a row without rob) as not assessed, never low', () => {
    const L = layoutForest(withRob, { ...seedAucOptions, robLabels: labels });
    expect(L.rows.map((r) => r.rob!.map((m) => m.level))).toEqual([
      ['low', 'high', 'unclear', 'low'],
      ['low', 'high', 'unclear', 'not-assessed'],
      ['low', 'high', 'unclear', 'low'],
      ['low', 'high', 'unclear', 'not-assessed'],
      ['not-assessed', 'not-assessed', 'not-assessed', 'not-assessed'],
    ]);
    expect(L.rob!.cells.map((c) => c.text)).toEqual(['D1', 'D2', 'D3', 'D4']);
    for (const r of L.rows) expect(r.rob!.map((m) => m.cy)).toEqual([r.y, r.y, r.y, r.y]);
    expect(L.rows[4]!.textAlt).toMatch(/; risk of bias: Patient selection not yet assessed, Index test not yet assessed, /);
  });

  it('takes its width from the plot area, keeping the marks inside the figure, right of the values and apart', () => {
    const plain = layoutForest(seedAucRows, seedAucOptions);
    const L = layoutForest(withRob, { ...seedAucOptions, robLabels: labels });
    expect(L.width).toBe(plain.width);
    expect(L.columns.plot.x1).toBeLessThan(plain.columns.plot.x1);
    const xs = L.rows[0]!.rob!.map((m) => m.cx);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(2 * L.rows[0]!.rob![0]!.r + 2);
    expect(xs[0]! - L.rows[0]!.rob![0]!.r).toBeGreaterThanOrEqual(L.columns.weight.x);
    expect(xs.at(-1)! + L.rows[0]!.rob![0]!.r).toBeLessThanOrEqual(L.width - L.margin.right);
    expect(L.columns.value.x).toBeGreaterThan(L.columns.plot.x1);
  });

  it('renders the marks and headers as well-formed SVG with a title each, text at 11 px or more, and tabulates them', () => {
    const L = layoutForest(withRob, { ...seedAucOptions, robLabels: [...labels.slice(0, 3), { short: '<4>', label: '"Flow" & <timing>' }] });
    const svg = renderForestSvg(L, { standalone: true });
    const { errors, elements } = parseXml(svg);
    expect(errors).toEqual([]);
    expect(elements.filter((e) => (e.attrs.class ?? '').startsWith('forest-rob-mark')).length).toBe(20);
    expect(elements.filter((e) => (e.attrs.class ?? '').includes('forest-rob-header')).map((e) => decodeXml(e.text))).toEqual(['D1', 'D2', 'D3', '<4>']);
    expect(svg).toContain('&quot;Flow&quot; &amp; &lt;timing&gt;');
    const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    expect(forestTableRows(L)[1]!.rob).toEqual(['Low', 'High', 'Unclear', 'Not yet assessed']);
    expect(forestTableRows(layoutForest(seedAucRows, seedAucOptions))[0]!.rob).toBeUndefined();
  });

  it('shrinks marks on short rows but never below legible, and coerces unknown judgements to not assessed', () => {
    const row: ForestRow = { id: 'a', label: 'A', value: 1, ciLow: null, ciHigh: null, rob: ['low'] };
    const plan = planRobColumn([row], undefined, 12)!;
    expect(plan.r).toBe(6);
    expect(plan.labels).toEqual([{ short: 'D1', label: 'Domain 1' }]);
    expect(robMarks(['LOW', 'high', null], { ...plan, n: 3, labels: [...plan.labels, { short: 'D2', label: 'D2' }, { short: 'D3', label: 'D3' }] }, 0, 10, 'A').map((m) => m.level)).toEqual(['not-assessed', 'high', 'not-assessed']);
    expect(planRobColumn([{ ...row, rob: undefined }], labels, 24)).toBeNull();
  });
});

describe('the paired forest plot risk-of-bias column', () => {
  const studies: PairedForestStudy[] = [
    { id: 'a', label: 'Sahashi 2024', tp: 194, fp: 36, fn: 29, tn: 364 },
    { id: 'b', label: 'Kwan 2025', tp: 45, fp: 6, fn: 3, tn: 120 },
  ];
  const input = { title: 'WMA: sensitivity and specificity', studies };

  it('leaves the paired forest SVG unchanged when no study has rob', () => {
    const plain = pairedForestSvg(layoutPairedForest(input));
    const undef = pairedForestSvg(layoutPairedForest({ ...input, studies: studies.map((s) => ({ ...s, rob: undefined })) }, { robLabels: labels }));
    expect(undef).toBe(plain);
    expect(plain).not.toContain('rob');
  });

  it('adds a column of marks right of the specificity plot, widening the figure, a study without rob not assessed', () => {
    const plain = layoutPairedForest(input);
    const L = layoutPairedForest({ ...input, studies: [{ ...studies[0]!, rob: ['low', 'high', 'unclear', 'low'] }, studies[1]!] }, { robLabels: labels });
    expect(L.width).toBeGreaterThan(plain.width);
    expect(L.rows.map((r) => r.rob!.map((m) => m.level))).toEqual([['low', 'high', 'unclear', 'low'], ['not-assessed', 'not-assessed', 'not-assessed', 'not-assessed']]);
    for (const m of L.rows.flatMap((r) => r.rob!)) {
      expect(m.cx - m.r).toBeGreaterThan(L.columns.spec.x1);
      expect(m.cx + m.r).toBeLessThanOrEqual(L.width);
    }
    const svg = pairedForestSvg(L, { standalone: true });
    const { errors, elements } = parseXml(svg);
    expect(errors).toEqual([]);
    expect(elements.filter((e) => (e.attrs.class ?? '').includes('paired-rob-header')).map((e) => decodeXml(e.text))).toEqual(['D1', 'D2', 'D3', 'D4']);
    expect(L.rows[1]!.textAlt).toMatch(/; risk of bias: Patient selection not yet assessed, /);
  });
});
