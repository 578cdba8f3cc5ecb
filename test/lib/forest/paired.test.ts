import { describe, expect, it } from 'vitest';
import { MIN_TEXT_PX } from '../../../src/lib/forest/legible.ts';
import { layoutPairedForest, type PairedForestInput } from '../../../src/lib/forest/paired.ts';
import { pairedForestSvg } from '../../../src/lib/forest/paired-svg.ts';
import { pairedForestTableRows } from '../../../src/lib/forest/paired-table.ts';
import { textWidth } from '../../../src/lib/forest/text.ts';
import { clopperPearson } from '../../../src/lib/stats/clopper-pearson.ts';
import { HOSTILE_LABELS, SEED_STUDIES } from '../sroc/seed.ts';
import { decodeXml, parseXml, type XmlElement } from './xml.ts';

const SUMMARY = { label: 'Summary (bivariate model)', sublabel: 'bivariate model, k = 10', sens: [0.85, 0.8, 0.89], spec: [0.83, 0.78, 0.87] } as const;
const input = (): PairedForestInput => ({ title: 'Nodules: AI', studies: SEED_STUDIES.map((s) => ({ ...s })), summaries: [{ ...SUMMARY }] });
const seed = layoutPairedForest(input());
const withClass = (els: XmlElement[], cls: string) => els.filter((e) => (e.attrs.class ?? '').split(' ').includes(cls));

describe('the paired forest layout', () => {
  it('gives each study its counts and sensitivity and specificity with exact (Clopper–Pearson) intervals', () => {
    expect(seed.rows).toHaveLength(SEED_STUDIES.length);
    const r = seed.rows[0]!;
    const sens = clopperPearson(45, 50);
    const spec = clopperPearson(88, 100);
    expect(r.counts).toEqual({ tp: 45, fp: 12, fn: 5, tn: 88 });
    expect([r.sens.estimate, r.sens.lower, r.sens.upper]).toEqual([sens.estimate, sens.lower, sens.upper]);
    expect([r.spec.estimate, r.spec.lower, r.spec.upper]).toEqual([spec.estimate, spec.lower, spec.upper]);
    expect(r.sens.text).toBe('0.90 [0.78, 0.97]');
    expect(r.spec.text).toBe('0.88 [0.80, 0.94]');
    expect(r.textAlt).toBe('Abdi 2019: TP 45, FP 12, FN 5, TN 88; sensitivity 0.90 (0.78 to 0.97), specificity 0.88 (0.80 to 0.94)');
  });

  it('puts the columns left to right without overlap: label, TP, FP, FN, TN, the two interval texts, the two plots', () => {
    const c = seed.columns;
    const xs = [c.label.x, ...c.counts.map((k) => k.x), c.sensText.x, c.specText.x, c.sens.x0, c.sens.x1, c.spec.x0, c.spec.x1];
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
    expect(c.counts.map((k) => k.header)).toEqual(['TP', 'FP', 'FN', 'TN']);
    expect(c.specText.x - c.sensText.x).toBeGreaterThanOrEqual(textWidth('0.00 [0.00, 0.00]', 12));
    expect(c.sens.x0 - c.specText.x).toBeGreaterThanOrEqual(textWidth(seed.header.specText, 12));
    expect(c.spec.x1).toBeLessThan(seed.width);
    expect(seed.header).toMatchObject({ sensText: 'Sensitivity (95% CI)', specText: 'Specificity (95% CI)' });
  });

  it('draws each estimate inside its own plot, 0 at the left edge and 1 at the right', () => {
    const { sens, spec } = seed.columns;
    expect(sens.ticks.map((t) => t.label)).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
    expect(sens.ticks[0]!.x).toBe(sens.x0);
    expect(sens.ticks.at(-1)!.x).toBe(sens.x1);
    for (const r of seed.rows) {
      expect(r.sens.square!.x).toBeCloseTo(sens.x0 + r.sens.estimate! * (sens.x1 - sens.x0), 1);
      expect(r.spec.square!.x).toBeCloseTo(spec.x0 + r.spec.estimate! * (spec.x1 - spec.x0), 1);
      expect(r.sens.ci!.x1).toBeGreaterThanOrEqual(sens.x0);
      expect(r.sens.ci!.x2).toBeLessThanOrEqual(sens.x1);
      expect(r.spec.ci!.x1).toBeGreaterThanOrEqual(spec.x0);
      expect(r.spec.ci!.x2).toBeLessThanOrEqual(spec.x1);
      expect(r.sens.ci!.x1).toBeLessThanOrEqual(r.sens.square!.x);
      expect(r.sens.square!.x).toBeLessThanOrEqual(r.sens.ci!.x2);
    }
  });

  it('draws summary rows as diamonds spanning their intervals, below the studies', () => {
    const s = seed.summaries[0]!;
    const { sens } = seed.columns;
    const at = (v: number) => Math.round((sens.x0 + v * (sens.x1 - sens.x0)) * 100) / 100;
    expect(s.sens.diamond.points.map((p) => p[0])).toEqual([at(0.8), at(0.85), at(0.89), at(0.85)]);
    expect(s.y).toBeGreaterThan(seed.rows.at(-1)!.y);
    expect(s.sens.text).toBe('0.85 [0.80, 0.89]');
    expect(s.textAlt).toBe('Summary (bivariate model) (bivariate model, k = 10): sensitivity 0.85 (0.80 to 0.89), specificity 0.83 (0.78 to 0.87)');
  });

  it('shows "Not estimable" for a side without participants, and 0 or 1 ends for all-negative or all-positive sides', () => {
    const L = layoutPairedForest({ title: 't', studies: [{ id: 'a', label: 'No cases', tp: 0, fp: 3, fn: 0, tn: 40 }, { id: 'b', label: 'Perfect', tp: 12, fp: 0, fn: 0, tn: 30 }] });
    expect(L.rows[0]!.sens).toMatchObject({ estimate: null, text: 'Not estimable', ci: null, square: null });
    expect(L.rows[0]!.textAlt).toMatch(/sensitivity not estimable, specificity 0\.93/);
    expect(L.rows[1]!.sens.upper).toBe(1);
    expect(L.rows[1]!.spec.upper).toBe(1);
    expect(L.rows[1]!.sens.ci!.x2).toBe(L.columns.sens.x1);
  });

  it('skips studies with impossible counts and malformed summaries, saying why', () => {
    const L = layoutPairedForest({
      title: 't',
      studies: [SEED_STUDIES[0]!, { id: 'neg', label: 'Neg', tp: 3, fp: -2, fn: 1, tn: 5 }, { id: 'frac', label: 'Frac', tp: 3, fp: 2, fn: 1, tn: 5.5 }],
      summaries: [
        { label: 'Out of range', sens: [1.2, 0.8, 1.3], spec: [0.8, 0.7, 0.9] },
        { label: 'Outside its CI', sens: [0.5, 0.6, 0.7], spec: [0.8, 0.7, 0.9] },
        { ...SUMMARY },
      ],
    });
    expect(L.rows.map((r) => r.id)).toEqual(['s1']);
    expect(L.summaries.map((s) => s.labelFull)).toEqual(['Summary (bivariate model)']);
    expect(L.skipped).toEqual([
      { id: 'neg', label: 'Neg', reason: 'FP = -2 is not a non-negative whole number' },
      { id: 'frac', label: 'Frac', reason: 'TN = 5.5 is not a non-negative whole number' },
      { id: 'summary-1', label: 'Out of range', reason: 'sensitivity [1.2, 0.8, 1.3] has a value outside [0, 1]' },
      { id: 'summary-2', label: 'Outside its CI', reason: 'sensitivity estimate 0.5 is not within its interval [0.6, 0.7]' },
    ]);
  });

  it('says so when there is nothing to draw', () => {
    const L = layoutPairedForest({ title: 't', studies: [] });
    expect(L.message!.text).toMatch(/No study/);
    expect(L.description).toMatch(/no studies to show/);
  });

  it('is drawn at its own size with text of 11 px or more: its narrowest rendered width is its width', () => {
    expect(Math.min(seed.fonts.text, seed.fonts.small)).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    expect(seed.minRenderedWidth).toBe(Math.ceil(seed.width));
  });

  it('shortens long labels with an ellipsis and keeps the full label in the table and text alternative', () => {
    const long = 'A very long study label that would push every other column off the plot 2024';
    const L = layoutPairedForest({ title: 't', studies: [{ ...SEED_STUDIES[0]!, label: long }] });
    expect(L.rows[0]!.label.endsWith('…')).toBe(true);
    expect(textWidth(L.rows[0]!.label, 12)).toBeLessThanOrEqual(L.columns.counts[0]!.x);
    expect(L.rows[0]!.labelFull).toBe(long);
    expect(pairedForestTableRows(L)[0]!.label).toBe(long);
  });

  it('tabulates studies with counts and interval texts, then the summary rows', () => {
    const rows = pairedForestTableRows(seed);
    expect(rows).toHaveLength(SEED_STUDIES.length + 1);
    expect(rows[0]).toEqual({ label: 'Abdi 2019', tp: '45', fp: '12', fn: '5', tn: '88', sensitivity: '0.90 [0.78, 0.97]', specificity: '0.88 [0.80, 0.94]', summary: false });
    expect(rows.at(-1)).toMatchObject({ label: 'Summary (bivariate model) (bivariate model, k = 10)', tp: '', summary: true });
    expect(rows[9]!.href).toBe('/studies/jensen-2024/');
  });
});

describe('pairedForestSvg', () => {
  it('produces well-formed XML inline and standalone', () => {
    for (const L of [seed, layoutPairedForest({ title: 't', studies: [] })]) {
      expect(parseXml(pairedForestSvg(L)).errors).toEqual([]);
      expect(parseXml(pairedForestSvg(L, { standalone: true })).errors).toEqual([]);
    }
  });

  it('gives each row a group with its own title, four counts, two squares and two CI lines', () => {
    const { elements } = parseXml(pairedForestSvg(seed));
    const rows = withClass(elements, 'paired-row');
    expect(rows).toHaveLength(SEED_STUDIES.length);
    expect(withClass(elements, 'paired-count')).toHaveLength(4 * SEED_STUDIES.length);
    expect(withClass(elements, 'paired-sens-square')).toHaveLength(SEED_STUDIES.length);
    expect(withClass(elements, 'paired-spec-ci')).toHaveLength(SEED_STUDIES.length);
    expect(withClass(elements, 'paired-diamond')).toHaveLength(2);
    const titles = elements.filter((e) => e.name === 'title' && e.parent && rows.includes(e.parent));
    expect(titles).toHaveLength(SEED_STUDIES.length);
  });

  it('keeps its width and height inline (it scrolls rather than shrinks) and sets no text under 11 px', () => {
    const { elements } = parseXml(pairedForestSvg(seed, { idPrefix: 'pf' }));
    expect(elements[0]!.attrs).toMatchObject({ width: String(seed.width), height: String(seed.height), 'aria-labelledby': 'pf-title pf-desc', role: 'group' });
    for (const t of elements.filter((e) => e.name === 'text')) expect(Number(t.attrs['font-size'] ?? 12)).toBeGreaterThanOrEqual(11);
  });

  it('escapes hostile labels and drops javascript: links', () => {
    const L = layoutPairedForest({
      title: HOSTILE_LABELS[0]!,
      studies: SEED_STUDIES.map((s, i) => ({ ...s, label: HOSTILE_LABELS[i % HOSTILE_LABELS.length]!, sublabel: HOSTILE_LABELS[(i + 2) % HOSTILE_LABELS.length]!, href: i === 0 ? 'javascript:alert(1)' : undefined })),
      summaries: [{ ...SUMMARY, label: HOSTILE_LABELS[1]! }],
    });
    const { errors, elements } = parseXml(pairedForestSvg(L, { idPrefix: '"><x' }));
    expect(errors).toEqual([]);
    expect(elements.map((e) => e.name)).not.toContain('script');
    expect(elements.filter((e) => e.name === 'a')).toEqual([]);
    const titles = elements.filter((e) => e.name === 'title' && e.parent?.attrs.class === 'paired-row').map((e) => decodeXml(e.text));
    expect(titles.some((t) => t.startsWith('<script>alert(1)</script>: TP 45'))).toBe(true);
    expect(titles.some((t) => t.startsWith('Smith "quoted" & O\'Brien: TP'))).toBe(true);
    expect(withClass(elements, 'paired-label').map((e) => decodeXml(e.text))).toContain('Smith "quoted" & O\'Brien');
  });
});

describe('the paired forest label column', () => {
  it('is wide enough for the sublabels too, so a summary row says its method in full', () => {
    const L = layoutPairedForest({ title: 't', studies: [{ ...SEED_STUDIES[0]!, label: 'Abdi' }], summaries: [{ ...SUMMARY, label: 'Summary' }] });
    expect(L.summaries[0]!.sublabel!.text).toBe('bivariate model, k = 10');
    expect(L.columns.counts[0]!.x - textWidth('TP', 12) - 12).toBeGreaterThanOrEqual(textWidth('bivariate model, k = 10', 11));
  });
});
