/**
 * The Summary of Findings as CSV: one line per table line — the pooled estimate (univariate), or
 * for DTA the summary sensitivity and specificity and then TP, FN, TN and FP per 1,000 tested at
 * each prevalence — each with studies, participants, the certainty and, per domain, the authors'
 * judgement and reason and the site's suggestion and its reason. Numbers keep full precision;
 * text cells pass through the project's CSV neutralisation (src/lib/data/csv-cell.ts).
 */
import { csvFormat } from 'd3-dsv';
import { csvCell } from '../data/csv-cell.ts';
import { GRADE_DOMAINS } from '../schema/grade.ts';
import type { SofOutcome } from './summary-of-findings.ts';
import type { PerThousandCount } from './per-thousand.ts';

const DOMAIN_COLUMNS = GRADE_DOMAINS.flatMap((d) => [`${d}_judgement`, `${d}_reason`, `${d}_suggested`, `${d}_suggestion_reason`]);

/** The CSV's columns, in order. */
export const SOF_CSV_COLUMNS = [
  'outcome', 'outcome_label', 'kind', 'line', 'measure', 'value', 'ci_low', 'ci_high', 'prevalence', 'per_1000', 'per_1000_low', 'per_1000_high',
  'studies', 'participants', 'certainty', 'certainty_computed', 'certainty_override_reason', ...DOMAIN_COLUMNS,
] as const;

type Cell = string | number | null;

function commonCells(s: SofOutcome): Record<string, Cell> {
  const r = s.rating;
  const out: Record<string, Cell> = {
    outcome: s.outcome, outcome_label: s.label, kind: s.kind, studies: s.studies, participants: s.participants,
    certainty: r.rated ? r.level : 'not rated', certainty_computed: r.rated ? r.computed : null, certainty_override_reason: r.rated ? r.override : null,
  };
  for (const d of s.domains) {
    out[`${d.domain}_judgement`] = d.author?.judgement ?? 'not rated';
    out[`${d.domain}_reason`] = d.author?.reason ?? null;
    out[`${d.domain}_suggested`] = d.suggestion ? (d.suggestion.judgement ?? 'no suggestion') : null;
    out[`${d.domain}_suggestion_reason`] = d.suggestion?.reason ?? null;
  }
  return out;
}

/** The lines of one outcome, as records keyed by column. */
export function sofCsvRecords(s: SofOutcome): Record<string, Cell>[] {
  const common = commonCells(s);
  const line = (fields: Record<string, Cell>) => ({ ...common, ...fields });
  if (s.kind === 'dta' && s.dta) {
    const d = s.dta;
    const counts = (name: string, p: number, c: PerThousandCount) => line({ line: name, prevalence: p, per_1000: c.value, per_1000_low: c.low, per_1000_high: c.high });
    return [
      line({ line: 'summary sensitivity', measure: 'sensitivity', value: d.sens.estimate, ci_low: d.sens.ciLow, ci_high: d.sens.ciHigh, participants: d.withCondition }),
      line({ line: 'summary specificity', measure: 'specificity', value: d.spec.estimate, ci_low: d.spec.ciLow, ci_high: d.spec.ciHigh, participants: d.withoutCondition }),
      ...d.perThousand.flatMap((p) => [counts('true positives', p.prevalence, p.tp), counts('false negatives', p.prevalence, p.fn), counts('true negatives', p.prevalence, p.tn), counts('false positives', p.prevalence, p.fp)]),
    ];
  }
  if (s.estimate) return [line({ line: 'pooled estimate', measure: s.estimate.measure, value: s.estimate.estimate, ci_low: s.estimate.ciLow, ci_high: s.estimate.ciHigh })];
  return [line({ line: s.note ?? 'not pooled' })];
}

/** The CSV text for the given outcomes, with a header line. */
export function sofCsv(sofs: readonly SofOutcome[]): string {
  const rows = sofs.flatMap(sofCsvRecords).map((r) => Object.fromEntries(SOF_CSV_COLUMNS.map((c) => [c, csvCell(r[c] ?? null)])));
  return `${csvFormat(rows as Record<string, unknown>[] as never, [...SOF_CSV_COLUMNS])}\n`;
}
