/**
 * A DTA figure's data as CSV (RFC 4180 quoting by d3-dsv): one line per study with its 2×2 table
 * and the sensitivity and specificity it gives (exact Clopper–Pearson intervals, as the paired
 * forest plot shows), then the summary line. Numbers keep full precision; missing values are empty.
 */
import { csvFormat } from 'd3-dsv';
import { clopperPearson } from '../stats/clopper-pearson.ts';
import type { DtaFigure } from './dta-types.ts';

/** The CSV's columns, in order. */
export const DTA_CSV_COLUMNS = [
  'row_type',
  'label',
  'study_slug',
  'tp',
  'fp',
  'fn',
  'tn',
  'n',
  'sens',
  'sens_ci_low',
  'sens_ci_high',
  'spec',
  'spec_ci_low',
  'spec_ci_high',
  'ci_level',
  'ci_method',
  'k',
  'tau2_logit_sens',
  'tau2_logit_spec',
  'rho',
  'note',
] as const;

type Row = Record<(typeof DTA_CSV_COLUMNS)[number], string | number | null>;

function exact(x: number, n: number, level: number): [number | null, number | null, number | null] {
  if (n === 0) return [null, null, null];
  const p = clopperPearson(x, n, level);
  return [p.estimate, p.lower, p.upper];
}

const EMPTY: Row = Object.fromEntries(DTA_CSV_COLUMNS.map((c) => [c, null])) as Row;

/** One CSV line per study, then the summary line (bivariate or univariate fallback), with a header line. */
export function dtaFigureCsv(f: DtaFigure): string {
  const level = f.summary?.level ?? 0.95;
  const rows: Row[] = f.studies.map((d) => {
    const [sens, sensLo, sensHi] = exact(d.tp, d.tp + d.fn, level);
    const [spec, specLo, specHi] = exact(d.tn, d.tn + d.fp, level);
    return {
      ...EMPTY,
      row_type: 'study',
      label: d.label,
      study_slug: d.slug,
      tp: d.tp,
      fp: d.fp,
      fn: d.fn,
      tn: d.tn,
      n: d.tp + d.fp + d.fn + d.tn,
      sens,
      sens_ci_low: sensLo,
      sens_ci_high: sensHi,
      spec,
      spec_ci_low: specLo,
      spec_ci_high: specHi,
      ci_level: level,
      ci_method: 'Clopper-Pearson exact',
      note: d.note,
    };
  });
  const s = f.summary;
  if (s) {
    rows.push({
      ...EMPTY,
      row_type: 'summary',
      label: s.label,
      sens: s.sens,
      sens_ci_low: s.sensCi[0],
      sens_ci_high: s.sensCi[1],
      spec: s.spec,
      spec_ci_low: s.specCi[0],
      spec_ci_high: s.specCi[1],
      ci_level: s.level,
      ci_method: s.method === 'bivariate' ? 'bivariate random effects (Reitsma), REML, Wald on the logit scale' : 'univariate random effects per measure (fallback)',
      k: s.k,
      tau2_logit_sens: s.tau2Sens,
      tau2_logit_spec: s.tau2Spec,
      rho: s.rho,
      note: s.reason,
    });
  }
  return `${csvFormat(rows, [...DTA_CSV_COLUMNS])}\n`;
}
