/**
 * "Reproduce in R": a metafor script with a figure's exact yi/sei (full precision), the pooling
 * options the site used (REML, Knapp-Hartung by default) and a forest() call. Text from abstracts
 * only ever appears inside R string literals or single-line comments, so it cannot become code.
 */
import { defaultNull } from '../forest/defaults.ts';
import type { Scale } from '../stats/index.ts';
import type { FigureDatum, FigurePooling, FigureScriptInput } from './types.ts';
import type { Figure } from './types.ts';

/** What a forest plot's R script says besides the figure: where it is shown, where its CSV is, the review and the data version. */
export type ForestScriptContext = Pick<FigureScriptInput, 'pageUrl' | 'csvUrl' | 'reviewTitle' | 'dataVersion'>;

/** A number as an R literal that parses back to the same double ("NA" for null). */
export function rNumber(x: number | null): string {
  if (x === null || Number.isNaN(x)) return 'NA';
  if (x === Infinity) return 'Inf';
  if (x === -Infinity) return '-Inf';
  return String(x);
}

/** Any text as an R double-quoted string literal (escapes quotes, backslashes and control characters). */
export function rString(s: string | null): string {
  if (s === null) return 'NA_character_';
  return JSON.stringify(s.replace(/\0/g, '\uFFFD').toWellFormed());
}

/** Any text made safe for a `#` comment: one line, control characters replaced by spaces. */
export function rComment(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}

function column(name: string, values: string[]): string {
  return `  ${name} = c(${values.join(', ')})`;
}

const SCALE_TEXT: Record<Scale, string> = {
  logit: 'logit scale, yi = log(p / (1 - p))',
  log: 'log scale, yi = log(ratio)',
  identity: 'scale of the measure itself',
};

/** How forest()/predict() show results on the measure's scale, as R arguments. */
function transfArgs(scale: Scale, nullValue: number | null): { transf: string; refline: string } {
  if (scale === 'logit') return { transf: 'transf = transf.ilogit', refline: nullValue === null ? '' : `refline = ${rNumber(nullValue)}` };
  if (scale === 'log') return { transf: 'atransf = exp', refline: nullValue === null ? '' : `refline = ${rNumber(Math.log(nullValue))}` };
  return { transf: '', refline: nullValue === null ? '' : `refline = ${rNumber(nullValue)}` };
}

function args(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(', ');
}

function pooledBlock(input: FigureScriptInput, p: FigurePooling, nullValue: number | null): string[] {
  const { transf, refline } = transfArgs(p.scale, nullValue);
  const predictTransf = p.scale === 'logit' ? 'transf = transf.ilogit' : p.scale === 'log' ? 'transf = exp' : '';
  const level = rNumber(Math.round(p.level * 1e6) / 1e4);
  const m = input.measure;
  return [
    `# The site pooled k = ${p.k} estimates with ${p.method}${p.test === 'knha' ? ' and the Knapp-Hartung adjustment' : ''} and got:`,
    `#   ${m} ${p.estimate} (${level}% CI ${p.ciLow} to ${p.ciHigh}), prediction interval ${p.piLow} to ${p.piHigh},`,
    `#   tau^2 = ${p.tau2} (${p.scale} scale), I^2 = ${p.I2}%`,
    `res <- rma(yi, sei = sei, data = dat, subset = pooled, slab = label, method = ${rString(p.method)}, test = ${rString(p.test)}, level = ${level})`,
    'print(res)',
    `print(predict(res${predictTransf ? `, ${predictTransf}` : ''}))`,
    `forest(res, ${args(transf, refline, `xlab = ${rString(m)}`, `header = c("Estimate", ${rString(`${m} [${level}% CI]`)})`)})`,
  ];
}

function whyNotPooled(input: FigureScriptInput, poolable: number): string[] {
  if (input.kind === 'study') {
    return [
      `# These ${input.data.length} estimates come from one study (k = 1). Pooling needs k >= 2 studies reporting`,
      '# the same outcome and measure (see the outcome pages), so the script loads the values and draws them.',
    ];
  }
  if (input.kind === 'headline') {
    return [
      '# One row per outcome: its pooled estimate (reproduced by the script of the outcome figure) or the',
      "# single study's estimate. yi and sei of a pooled row are the pooled estimate and its standard error.",
      '# The rows are different outcomes, so the script draws them and pools nothing.',
    ];
  }
  return [`# Pooling needs k >= 2 studies; this figure has k = ${poolable} estimate${poolable === 1 ? '' : 's'} that can be pooled, so the script loads the values and draws them.`];
}

function drawOnlyBlock(input: FigureScriptInput, scale: Scale, nullValue: number | null, poolable: number): string[] {
  const m = input.measure;
  const refline = (x: number) => (nullValue === null ? '' : `refline = ${rNumber(x)}`);
  const shown = 'shown <- dat[!is.na(dat$ci_low) & !is.na(dat$ci_high), ]';
  const draw = scale === 'log'
    ? `with(shown, forest(log(value), ci.lb = log(ci_low), ci.ub = log(ci_high), ${args('slab = label', 'atransf = exp', refline(Math.log(nullValue ?? 1)), `xlab = ${rString(m)}`)}))`
    : `with(shown, forest(value, ci.lb = ci_low, ci.ub = ci_high, ${args('slab = label', refline(nullValue ?? 0), `xlab = ${rString(m)}`)}))`;
  return [...whyNotPooled(input, poolable), shown, draw];
}

/** The whole R script for one figure. */
export function figureRScript(input: FigureScriptInput): string {
  const d: readonly FigureDatum[] = input.data;
  const scale = input.pooling?.scale ?? d[0]?.scale ?? 'identity';
  const nullValue = defaultNull(input.measure, false);
  const poolable = d.filter((r) => r.pooled && r.yi !== null && r.sei !== null).length;
  const header = [
    `# Reproduce in R: ${rComment(input.title)}`,
    `# Figure ${rComment(input.id)} of ${rComment(input.reviewTitle)}, data version ${rComment(input.dataVersion)}.`,
    `# Shown at ${rComment(input.pageUrl)}`,
    `# Data (same rows, with quotes): ${rComment(input.csvUrl)}`,
    `# value, ci_low, ci_high: as reported (display scale). yi, sei: ${SCALE_TEXT[scale]};`,
    '# sei = (g(ci_high) - g(ci_low)) / (2 * qnorm(1 - (1 - ci_level) / 2)) with g the link of that scale.',
    '# install.packages("metafor")',
    'library(metafor)',
    '',
  ];
  const notes = d.flatMap((r, i) => (r.note ? [`# row ${i + 1} (${rComment(r.label)}): ${rComment(r.note)}`] : []));
  const frame = [
    'dat <- data.frame(',
    [
      column('label', d.map((r) => rString(r.label))),
      column('value', d.map((r) => rNumber(r.value))),
      column('ci_low', d.map((r) => rNumber(r.ci_low))),
      column('ci_high', d.map((r) => rNumber(r.ci_high))),
      column('yi', d.map((r) => rNumber(r.yi))),
      column('sei', d.map((r) => rNumber(r.sei))),
      column('pooled', d.map((r) => (r.pooled ? 'TRUE' : 'FALSE'))),
      '  stringsAsFactors = FALSE',
    ].join(',\n'),
    ')',
    ...notes,
    '',
  ];
  const body = input.pooling && poolable >= 2 ? pooledBlock(input, input.pooling, nullValue) : drawOnlyBlock(input, scale, nullValue, poolable);
  return `${[...header, ...frame, ...body].join('\n')}\n`;
}

/** The R script of a registry forest plot (study, outcome or headline figure). */
export function forestFigureRScript(f: Figure, ctx: ForestScriptContext): string {
  return figureRScript({ id: f.id, kind: f.kind, title: f.longTitle, measure: f.measure, ...ctx, data: f.data, pooling: f.pooling });
}
