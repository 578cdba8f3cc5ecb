/**
 * "Reproduce in R" for a subgroup forest plot: the studies' yi/sei (full precision) and subgroups, one
 * metafor fit per subgroup (`rma(..., subset = )`), the test for subgroup differences from the separate
 * fits (`rma(estimates, sei = ses, method = "FE")$QE`) and the mixed-effects moderator test
 * (`rma(yi, sei = sei, mods = ~ subgroup)`), the relative difference of each to the site's number, and
 * the plot. Text from abstracts appears only inside R string literals or comments.
 */
import { defaultNull } from '../forest/defaults.ts';
import type { Scale } from '../stats/index.ts';
import { rComment, rNumber, rString } from './r-script.ts';
import type { SubgroupFigure } from './subgroup-registry.ts';

/** Where the script's data come from and which site version it reproduces. */
export interface SubgroupScriptContext {
  pageUrl: string;
  csvUrl: string;
  reviewTitle: string;
  dataVersion: string;
}

const vec = (xs: readonly string[]) => `c(${xs.join(', ')})`;

function transf(scale: Scale): { forest: string; poly: string; refline: (x: number | null) => string } {
  if (scale === 'logit') return { forest: 'transf = transf.ilogit', poly: 'transf = transf.ilogit', refline: (x) => (x === null ? '' : `refline = ${rNumber(x)}`) };
  if (scale === 'log') return { forest: 'atransf = exp', poly: 'atransf = exp', refline: (x) => (x === null ? '' : `refline = ${rNumber(Math.log(x))}`) };
  return { forest: '', poly: '', refline: (x) => (x === null ? '' : `refline = ${rNumber(x)}`) };
}

const args = (...xs: string[]) => xs.filter(Boolean).join(', ');

/** The script's header and the data frame (studies, their subgroup, yi and sei on the pooling scale). */
function dataLines(f: SubgroupFigure, ctx: SubgroupScriptContext, scale: string): string[] {
  const a = f.subgroup;
  return [
    `# Reproduce in R: ${rComment(f.longTitle)}`,
    `# Figure ${rComment(f.id)} of ${rComment(ctx.reviewTitle)}, data version ${rComment(ctx.dataVersion)}.`,
    `# Shown at ${rComment(ctx.pageUrl)}`,
    `# Data (same rows, with the subgroup estimates): ${rComment(ctx.csvUrl)}`,
    `# yi, sei on the pooling scale (${scale}); subgroup: ${rComment(a.characteristic.label)} (${rComment(a.characteristic.id)}).`,
    '# install.packages("metafor")',
    'library(metafor)',
    '',
    'dat <- data.frame(',
    `  label = ${vec(f.data.map((d) => rString(d.label)))},`,
    `  subgroup = ${vec(a.group.map(rString))},`,
    `  yi = ${vec(f.data.map((d) => rNumber(d.yi)))},`,
    `  sei = ${vec(f.data.map((d) => rNumber(d.sei)))},`,
    '  stringsAsFactors = FALSE',
    ')',
    `# Subgroups in the page's order; the first is the reference of the moderator test.`,
    `dat$subgroup <- factor(dat$subgroup, levels = ${vec(a.levels.map((l) => rString(l.level)))})`,
    `labels <- ${vec(a.levels.map((l) => rString(l.label)))}`,
    '',
  ];
}

/** One REML fit per subgroup, the between-subgroup test, the moderator test and the overall fit. */
function fitLines(test: string, level: string): string[] {
  return [
    '# One random-effects model per subgroup (a single-study subgroup is that study; metafor then uses z).',
    `fits <- lapply(levels(dat$subgroup), function(g) rma(yi, sei = sei, data = dat, subset = subgroup == g, method = "REML", test = ${test}, level = ${level}))`,
    'names(fits) <- levels(dat$subgroup)',
    'est <- sapply(fits, function(x) as.numeric(coef(x)))',
    'ses <- sapply(fits, function(x) x$se)',
    'tau2 <- sapply(fits, function(x) x$tau2)',
    '# Test for subgroup differences from the separate fits (each subgroup its own tau^2).',
    'between <- rma(est, sei = ses, method = "FE")',
    '# Mixed-effects moderator test (one tau^2 shared by all subgroups).',
    `mod <- rma(yi, sei = sei, mods = ~ subgroup, data = dat, method = "REML", test = ${test}, level = ${level})`,
    `overall <- rma(yi, sei = sei, data = dat, slab = label, method = "REML", test = ${test}, level = ${level})`,
    'print(fits)',
    'print(between)',
    'print(mod)',
    '',
  ];
}

/** The site's numbers and the relative difference of each from metafor's. */
function comparisonLines(f: SubgroupFigure): string[] {
  const a = f.subgroup;
  const site = [
    `  estimate = ${vec(a.levels.map((l) => rNumber(l.estimate)))},`,
    `  se = ${vec(a.levels.map((l) => rNumber(l.se)))},`,
    `  tau2 = ${vec(a.levels.map((l) => rNumber(l.tau2)))},`,
    `  overall = ${rNumber(a.overall.estimate)}, overall_se = ${rNumber(a.overall.se)}, overall_tau2 = ${rNumber(a.overall.tau2)},`,
    `  Qb = ${rNumber(a.Qb)}, Qb_p = ${rNumber(a.QbPval)},`,
    a.moderator ? `  QM = ${rNumber(a.moderator.QM)}, QMp = ${rNumber(a.moderator.QMp)}, QM_tau2 = ${rNumber(a.moderator.tau2)}` : '  QM = NA, QMp = NA, QM_tau2 = NA',
  ];  return [
    '# What the site computed, and the relative difference of each number from metafor\'s.',
    'site <- list(',
    ...site,
    ')',
    'rel <- function(r, s) if (is.na(s) && is.na(r)) 0 else abs(r - s) / max(abs(r), abs(s), 1e-8)',
    'r <- list(estimate = est, se = ses, tau2 = tau2, overall = as.numeric(coef(overall)), overall_se = overall$se, overall_tau2 = overall$tau2,',
    '  Qb = between$QE, Qb_p = between$QEp, QM = if (is.na(site$QM)) NA else mod$QM, QMp = if (is.na(site$QM)) NA else mod$QMp, QM_tau2 = if (is.na(site$QM)) NA else mod$tau2)',
    'for (name in names(site)) {',
    '  cat("r_value", name, format(r[[name]], digits = 17), "\\n")',
    '  cat("relative_difference", name, format(mapply(rel, r[[name]], site[[name]]), digits = 3), "\\n")',
    '}',
    '',
  ];
}

/** The forest plot grouped by subgroup, each closed by its diamond, with the test for subgroup differences. */
function plotLines(f: SubgroupFigure, t: ReturnType<typeof transf>, level: string): string[] {
  return [
    '# The plot: studies grouped under their subgroup, each subgroup closed by its diamond.',
    'n <- as.vector(table(dat$subgroup)); G <- length(n)',
    'top <- nrow(dat) + 3 * G',
    'rows <- integer(0); header <- integer(0); poly <- integer(0); y <- top',
    'for (g in seq_len(G)) { header[g] <- y; y <- y - 1; rows <- c(rows, y - seq_len(n[g]) + 1); y <- y - n[g]; poly[g] <- y; y <- y - 2 }',
    `forest(overall, ${args(t.forest, t.refline(defaultNull(f.measure, false)), 'rows = rows', 'ylim = c(-2, top + 3)', `xlab = ${rString(f.measure)}`, `header = c("Study", ${rString(`${f.measure} [${level}% CI]`)})`)})`,
    'for (g in seq_len(G)) {',
    '  text(par("usr")[1], header[g], labels[g], pos = 4, font = 4)',
    `  addpoly(fits[[g]], ${args('row = poly[g]', t.poly, 'mlab = paste("Subgroup", labels[g])')})`,
    '}',
    `text(par("usr")[1], -2, paste0("Test for subgroup differences: Q = ", formatC(between$QE, format = "f", digits = 2), ", df = ", G - 1, ", p = ", formatC(between$QEp, format = "f", digits = 3)), pos = 4, cex = 0.8)`,
  ];
}

/** The whole R script of a subgroup figure. */
export function subgroupRScript(f: SubgroupFigure, ctx: SubgroupScriptContext): string {
  const a = f.subgroup;
  const scale = f.data[0]?.scale ?? 'identity';
  const test = rString(a.test);
  const level = rNumber(Math.round(a.level * 1e6) / 1e4);
  const lines = [...dataLines(f, ctx, scale), ...fitLines(test, level), ...comparisonLines(f), ...plotLines(f, transf(scale), level)];
  return `${lines.join('\n')}\n`;
}
