import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { DTA_CSV_COLUMNS, dtaFigureCsv } from '../../../src/lib/figures/dta-csv.ts';
import { dtaFigureRScript } from '../../../src/lib/figures/dta-r-script.ts';
import { dtaLayout, dtaStandaloneSvg, pairedInput, srocFallbackNote, srocInput } from '../../../src/lib/figures/dta-standalone.ts';
import { clopperPearson } from '../../../src/lib/stats/clopper-pearson.ts';
import { parseXml } from '../forest/xml.ts';
import { HOSTILE } from './fixtures.ts';
import { DTA_CONTEXT, fallbackDtaFigure, seedDtaFigure } from './dta-fixtures.ts';

/** The values inside `name = c(...)` of the script's data.frame. */
function column(script: string, name: string): string[] {
  const m = new RegExp(`^  ${name} = c\\((.*)\\)`, 'm').exec(script);
  if (!m) throw new Error(`no column ${name}`);
  return m[1]!.split(', ');
}

/** Whether every line of the script is code, a comment, or blank and no string literal spans lines. */
function rLinesAreSafe(script: string): boolean {
  return script.split('\n').every((line) => {
    const code = line.replace(/"(?:[^"\\]|\\.)*"/g, '');
    return !code.includes('"') || code.trim().startsWith('#');
  });
}

describe('the DTA figure CSV', () => {
  it('has one line per study with its 2×2 table and exact intervals, then the summary line', () => {
    const f = seedDtaFigure('sroc');
    const rows = csvParse(dtaFigureCsv(f));
    expect(rows.columns).toEqual([...DTA_CSV_COLUMNS]);
    expect(rows).toHaveLength(f.studies.length + 1);
    const first = rows[0]!;
    const sens = clopperPearson(45, 50);
    expect(first).toMatchObject({ row_type: 'study', label: 'Abdi 2019', study_slug: 'study-1', tp: '45', fp: '12', fn: '5', tn: '88', n: '150', ci_level: '0.95', ci_method: 'Clopper-Pearson exact' });
    expect(Number(first.sens)).toBe(0.9);
    expect(Number(first.sens_ci_low)).toBe(sens.lower);
    expect(Number(first.sens_ci_high)).toBe(sens.upper);
    expect(rows[2]!.note).toBe('cells derived from sensitivity 0.77 and 35 with the condition');
    const sum = rows.at(-1)!;
    expect(sum).toMatchObject({ row_type: 'summary', label: 'Summary', tp: '', k: '10', tau2_logit_sens: String(f.summary!.tau2Sens), rho: String(f.summary!.rho) });
    expect(Number(sum.sens)).toBe(f.summary!.sens);
    expect(sum.ci_method).toMatch(/^bivariate/);
  });

  it('leaves an undefined sensitivity empty rather than writing NaN', () => {
    const f = seedDtaFigure('paired-forest');
    f.studies.push({ id: 'z', label: 'No cases', slug: null, tp: 0, fp: 3, fn: 0, tn: 9, note: null });
    const z = csvParse(dtaFigureCsv(f)).find((r) => r.label === 'No cases')!;
    expect([z.sens, z.sens_ci_low, z.sens_ci_high]).toEqual(['', '', '']);
    expect(Number(z.spec)).toBe(0.75);
  });

  it('quotes hostile labels so they read back unchanged', () => {
    const f = seedDtaFigure('sroc', HOSTILE);
    const rows = csvParse(dtaFigureCsv(f));
    expect(rows.slice(0, HOSTILE.length).map((r) => r.label)).toEqual(HOSTILE);
  });

  it('marks the univariate fallback and its reason on the summary line', () => {
    const sum = csvParse(dtaFigureCsv(fallbackDtaFigure('sroc'))).at(-1)!;
    expect(sum.ci_method).toMatch(/univariate/);
    expect(sum.note).toBe('the between-study correlation is at -1 (boundary)');
    expect(sum.rho).toBe('');
  });
});

describe('the DTA "Reproduce in R" script', () => {
  const sroc = dtaFigureRScript(seedDtaFigure('sroc'), DTA_CONTEXT);
  const paired = dtaFigureRScript(seedDtaFigure('paired-forest'), DTA_CONTEXT);

  it('carries every 2×2 cell of every study', () => {
    const f = seedDtaFigure('sroc');
    for (const cell of ['tp', 'fp', 'fn', 'tn'] as const) expect(column(sroc, cell).map(Number)).toEqual(f.studies.map((s) => s[cell]));
    expect(column(sroc, 'label')).toEqual(f.studies.map((s) => JSON.stringify(s.label)));
  });

  it('fits the bivariate model with rma.mv: logit sens and spec, unstructured covariance, REML', () => {
    for (const script of [sroc, paired]) {
      expect(script).toContain('library(metafor)');
      expect(script).toContain('escalc(measure = "PLO", xi = xi, ni = ni, data = long, add = 0, to = "none")');
      expect(script).toContain('res <- rma.mv(yi, vi, mods = ~ measure - 1, random = ~ measure | study, struct = "UN", data = long, method = "REML", level = 95)');
      expect(script).toMatch(/^long\$xi\[long\$zero\] <- long\$xi\[long\$zero\] \+ 0\.5$/m);
    }
    const rowWise = dtaFigureRScript({ ...seedDtaFigure('sroc'), correction: 'row-only0' }, DTA_CONTEXT);
    expect(rowWise).toContain('add = 1/2, to = "only0"');
    expect(rowWise).not.toContain('long$zero');
  });

  it("states the site's summary at full precision and compares it with R's", () => {
    const s = seedDtaFigure('sroc').summary!;
    expect(sroc).toContain(`#   sensitivity ${s.sens} (95% CI ${s.sensCi[0]} to ${s.sensCi[1]})`);
    expect(sroc).toContain(`sens = ${s.sens}, sens_lo = ${s.sensCi[0]}`);
    expect(sroc).toContain(`#   tau^2 ${s.tau2Sens} (logit sensitivity), ${s.tau2Spec} (logit specificity), rho ${s.rho}`);
    expect(sroc).toContain('print(rbind(site = site, R = mine, relative_difference = abs(mine - site) / abs(site)))');
  });

  it('draws the SROC plot with regions, the curve within the data range and the summary point; the paired plot with forest()', () => {
    expect(sroc).toContain('polygon(ellipse_roc(b, V + T, level = 0.95), lty = 3, lwd = 1.5)');
    expect(sroc).toContain('polygon(ellipse_roc(b, V, level = 0.95), lty = 2, lwd = 1.5)');
    expect(sroc).toContain('xs <- seq(min(fpr[ok]), max(fpr[ok]), length.out = 200)');
    expect(sroc).not.toMatch(/^forest\(/m);
    expect(paired).toMatch(/^forest\(se\[, "est"\], ci\.lb = se\[, "lo"\], ci\.ub = se\[, "hi"\]/m);
    expect(paired).toMatch(/^addpoly\(site\[\["spec"\]\]/m);
    expect(paired).not.toContain('ellipse_roc');
  });

  it('for the fallback draws the studies only, says why, and shows the univariate fits', () => {
    const script = dtaFigureRScript(fallbackDtaFigure('sroc'), DTA_CONTEXT);
    expect(script).toContain('# The site used the fallback because: the between-study correlation is at -1 (boundary)');
    expect(script).not.toContain('polygon(');
    expect(script).toContain('print(rma(yi, vi, data = long, subset = measure == "sens", method = "REML"))');
  });

  it('with one study fits nothing but still loads and draws it', () => {
    const f = { ...seedDtaFigure('sroc'), summary: null };
    f.studies = f.studies.slice(0, 1);
    const script = dtaFigureRScript(f, DTA_CONTEXT);
    expect(script).toContain('# 1 study: too few to fit a model.');
    expect(script).not.toContain('rma.mv');
    expect(script).toContain('symbols(fpr[ok], sens[ok]');
  });

  it('keeps hostile labels, titles and notes inside R string literals and one-line comments', () => {
    const f = seedDtaFigure('paired-forest', HOSTILE);
    f.longTitle = HOSTILE[1]!;
    f.studies[0]!.note = HOSTILE[3]!;
    f.summary!.label = HOSTILE[3]!;
    const script = dtaFigureRScript(f, { ...DTA_CONTEXT, reviewTitle: HOSTILE[1]! });
    expect(rLinesAreSafe(script)).toBe(true);
    const code = script.split('\n').map((l) => l.replace(/"(?:[^"\\]|\\.)*"/g, '""')).filter((l) => !l.trim().startsWith('#'));
    expect(code.filter((l) => l.includes('system('))).toEqual([]);
    const labels = JSON.parse(`[${/^  label = c\(([^\n]*)\),\n/m.exec(script)![1]!}]`) as string[];
    expect(labels.slice(0, HOSTILE.length)).toEqual(HOSTILE.map((h) => h.toWellFormed()));
  });
});

describe('DTA figures as drawn and as files', () => {
  it('links studies on the page and drops the links (and uses the long title) in take-away files', () => {
    const f = seedDtaFigure('sroc');
    expect(srocInput(f).studies.every((s) => s.href?.startsWith('/studies/'))).toBe(true);
    expect(srocInput(f, { portable: true }).studies.some((s) => 'href' in s)).toBe(false);
    expect(srocInput(f, { portable: true }).title).toBe(f.longTitle);
    expect(pairedInput(f, { portable: true }).studies.some((s) => 'href' in s)).toBe(false);
    const { svg } = dtaStandaloneSvg(f);
    expect(svg).not.toContain('<a ');
  });

  it('draws the bivariate summary on the SROC plot but not the univariate fallback, whose reason becomes the note', () => {
    expect(srocInput(seedDtaFigure('sroc')).summary).not.toBeNull();
    const fb = fallbackDtaFigure('sroc');
    expect(srocInput(fb).summary).toBeNull();
    const d = dtaLayout(fb);
    expect(d.kind).toBe('sroc');
    if (d.kind === 'sroc') expect(d.layout.note!.lines.join(' ')).toBe(srocFallbackNote(fb.summary));
    expect(srocFallbackNote(fb.summary)).toMatch(/^No bivariate summary: the between-study correlation is at -1 \(boundary\)\. Sensitivity and specificity were pooled separately/);
  });

  it('labels the summary row of the paired plot with the method', () => {
    expect(pairedInput(seedDtaFigure('paired-forest')).summaries![0]!.sublabel).toBe('bivariate model, k = 10');
    expect(pairedInput(fallbackDtaFigure('paired-forest')).summaries![0]!.sublabel).toBe('univariate (fallback), k = 10');
  });

  it('writes standalone SVG documents with an XML declaration, xmlns and the size of their layout', () => {
    for (const kind of ['sroc', 'paired-forest'] as const) {
      const f = seedDtaFigure(kind);
      const { svg, width, height } = dtaStandaloneSvg(f);
      expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      const root = parseXml(svg).elements[0]!;
      expect(root.attrs).toMatchObject({ width: String(width), height: String(height) });
      expect(root.attrs['aria-labelledby']).toBe(`${f.id}-title ${f.id}-desc`);
    }
  });
});
