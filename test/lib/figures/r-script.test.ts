import { describe, expect, it } from 'vitest';
import { figureRScript, rComment, rNumber, rString } from '../../../src/lib/figures/r-script.ts';
import { AUC_VALUES, HOSTILE, OR_VALUES, pooledFigure } from './fixtures.ts';

/** The numbers inside `name = c(...)` of the script's data.frame. */
function column(script: string, name: string): string[] {
  const m = new RegExp(`^  ${name} = c\\((.*)\\)`, 'm').exec(script);
  if (!m) throw new Error(`no column ${name}`);
  return m[1]!.split(', ');
}

describe('the "Reproduce in R" script', () => {
  it('carries every yi and sei at full precision, so R reads back the very same doubles', () => {
    const fig = pooledFigure('AUC', AUC_VALUES);
    const script = figureRScript(fig);
    const yi = column(script, 'yi');
    const sei = column(script, 'sei');
    expect(yi.map(Number)).toEqual(fig.data.map((d) => d.yi));
    expect(sei.map(Number)).toEqual(fig.data.map((d) => d.sei));
    expect(yi[0]).toBe(String(fig.data[0]!.yi));
    expect(yi[0]!.replace(/^-?0\./, '').length).toBeGreaterThanOrEqual(15);
  });

  it('pools a logit-scale measure with REML and Knapp-Hartung and back-transforms with transf.ilogit', () => {
    const script = figureRScript(pooledFigure('AUC', AUC_VALUES));
    expect(script).toContain('library(metafor)');
    expect(script).toContain('res <- rma(yi, sei = sei, data = dat, subset = pooled, slab = label, method = "REML", test = "knha", level = 95)');
    expect(script).toContain('print(predict(res, transf = transf.ilogit))');
    expect(script).toMatch(/^forest\(res, transf = transf\.ilogit, refline = 0\.5, xlab = "AUC"/m);
  });

  it('labels the axis of a log-scale measure with atransf = exp and puts the line of no effect at log(1) = 0', () => {
    const script = figureRScript(pooledFigure('OR', OR_VALUES));
    expect(script).toContain('method = "REML", test = "knha"');
    expect(script).toContain('print(predict(res, transf = exp))');
    expect(script).toMatch(/^forest\(res, atransf = exp, refline = 0, xlab = "OR"/m);
  });

  it("states the site's pooled result in full precision for comparison", () => {
    const fig = pooledFigure('AUC', AUC_VALUES);
    const script = figureRScript(fig);
    expect(script).toContain(`AUC ${fig.pooling!.estimate} (95% CI ${fig.pooling!.ciLow} to ${fig.pooling!.ciHigh})`);
    expect(script).toContain(`tau^2 = ${fig.pooling!.tau2} (logit scale)`);
  });

  it('for a single-study figure still loads the values and says that pooling needs k >= 2', () => {
    const fig = { ...pooledFigure('AUC', AUC_VALUES.slice(0, 1)), kind: 'study' as const };
    expect(fig.pooling).toBeNull();
    const script = figureRScript(fig);
    expect(script).toContain('dat <- data.frame(');
    expect(column(script, 'yi')).toEqual([String(fig.data[0]!.yi)]);
    expect(script).toMatch(/Pooling needs k >= 2/);
    expect(script).not.toMatch(/^res <- rma/m);
    expect(script).toMatch(/^with\(shown, forest\(value, ci\.lb = ci_low, ci\.ub = ci_high, slab = label, refline = 0\.5, xlab = "AUC"\)\)$/m);
  });

  it('keeps hostile labels inside R string literals and comments on one line', () => {
    const fig = pooledFigure('AUC', AUC_VALUES, HOSTILE);
    fig.data = fig.data.map((d, i) => ({ ...d, note: HOSTILE[i] ?? null }));
    fig.title = HOSTILE[1]!;
    const script = figureRScript(fig);
    const labels = column(script, 'label').join(', ');
    for (const h of HOSTILE.slice(0, 4)) expect(labels).toContain(JSON.stringify(h));
    // Every line is a comment, blank, or code the generator wrote: no label starts a line of its own.
    for (const line of script.split('\n')) {
      expect(line).not.toMatch(/^(line two|three|"\); system)/);
    }
    expect(script).not.toContain('\r');
    expect(script).not.toContain('\u2028');
  });
});

describe('R literals', () => {
  it('write numbers that round-trip, and NA for missing values', () => {
    expect(rNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(rNumber(null)).toBe('NA');
    expect(rNumber(Number.NaN)).toBe('NA');
    expect(rNumber(-1e-20)).toBe('-1e-20');
  });

  it('escape strings so R parses them back to the same text', () => {
    expect(rString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c\\nd"');
    expect(rString('nul\0byte')).toBe('"nul\uFFFDbyte"');
    expect(rString(null)).toBe('NA_character_');
  });

  it('flatten comments to a single line', () => {
    expect(rComment('a\nb\r\nc\u2028d')).toBe('a b c d');
  });
});
