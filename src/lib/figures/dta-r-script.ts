/**
 * "Reproduce in R" for a DTA figure: the studies' 2×2 tables, the exact (Clopper–Pearson)
 * intervals of the paired forest plot, the bivariate random-effects model fitted with
 * metafor::rma.mv (logit sensitivity and logit specificity, REML, unstructured between-study
 * covariance, as in metafor's DTA example), and the figure drawn with metafor's forest() or base
 * graphics (SROC). Text from abstracts only appears inside R string literals or one-line comments.
 */
import { rComment, rNumber, rString } from './r-script.ts';
import type { DtaFigure, DtaScriptContext, DtaSummaryDatum } from './dta-types.ts';

function column(name: string, values: string[]): string {
  return `  ${name} = c(${values.join(', ')})`;
}

function correctionBlock(f: DtaFigure): string[] {
  if (f.correction === 'row-only0') {
    return [
      '# Zero cells: 0.5 is added to both cells of a proportion with a zero cell (escalc: add = 1/2, to = "only0").',
      'long <- escalc(measure = "PLO", xi = xi, ni = ni, data = long, add = 1/2, to = "only0")',
    ];
  }
  return [
    '# Zero cells: 0.5 is added to every cell of a study that has a zero cell, before the logit transform.',
    'long$zero <- rep(with(dat, tp == 0 | fp == 0 | fn == 0 | tn == 0), each = 2)',
    'long$xi[long$zero] <- long$xi[long$zero] + 0.5',
    'long$ni[long$zero] <- long$ni[long$zero] + 1',
    'long <- escalc(measure = "PLO", xi = xi, ni = ni, data = long, add = 0, to = "none")',
  ];
}

function siteResult(s: DtaSummaryDatum): string[] {
  const lvl = rNumber(Math.round(s.level * 1e6) / 1e4);
  const lines = [
    `# The site's result (${s.method === 'bivariate' ? 'bivariate model' : 'univariate fallback'}, k = ${s.k}), to compare with the output above:`,
    `#   sensitivity ${s.sens} (${lvl}% CI ${s.sensCi[0]} to ${s.sensCi[1]})`,
    `#   specificity ${s.spec} (${lvl}% CI ${s.specCi[0]} to ${s.specCi[1]})`,
  ];
  if (s.method === 'bivariate') {
    lines.push(`#   logit sensitivity ${rNumber(s.logitSens)}, logit specificity ${rNumber(s.logitSpec)}`);
    lines.push(`#   tau^2 ${rNumber(s.tau2Sens)} (logit sensitivity), ${rNumber(s.tau2Spec)} (logit specificity), rho ${rNumber(s.rho)}`);
  }
  if (s.reason) lines.push(`# The site used the fallback because: ${rComment(s.reason)}`);
  lines.push(
    'site <- c(',
    `  sens = ${rNumber(s.sens)}, sens_lo = ${rNumber(s.sensCi[0])}, sens_hi = ${rNumber(s.sensCi[1])},`,
    `  spec = ${rNumber(s.spec)}, spec_lo = ${rNumber(s.specCi[0])}, spec_hi = ${rNumber(s.specCi[1])}`,
    ')',
  );
  return lines;
}

function modelBlock(f: DtaFigure): string[] {
  const s = f.summary;
  const level = s?.level ?? 0.95;
  const lvl = rNumber(Math.round(level * 1e6) / 1e4);
  const fit = [
    '# Bivariate random-effects model (Reitsma et al. 2005): one row per study and measure,',
    '# logit sensitivity (TP of TP + FN) and logit specificity (TN of TN + FP).',
    'long <- data.frame(',
    '  study = rep(seq_len(nrow(dat)), each = 2),',
    '  measure = factor(rep(c("sens", "spec"), times = nrow(dat)), levels = c("sens", "spec")),',
    '  xi = c(rbind(dat$tp, dat$tn)),',
    '  ni = c(rbind(dat$tp + dat$fn, dat$tn + dat$fp))',
    ')',
    ...correctionBlock(f),
    `res <- rma.mv(yi, vi, mods = ~ measure - 1, random = ~ measure | study, struct = "UN", data = long, method = "REML", level = ${lvl})`,
    'print(res)',
    'b <- unname(coef(res))',
    'V <- unname(vcov(res))',
    'summary_ci <- transf.ilogit(cbind(estimate = b, ci.lb = res$ci.lb, ci.ub = res$ci.ub))',
    'rownames(summary_ci) <- c("sensitivity", "specificity")',
    'print(summary_ci)',
    'cat("tau^2 (logit sens, logit spec):", res$tau2, " rho:", res$rho, "\\n")',
  ];
  const result = s ? siteResult(s) : ['# The site shows no summary for these studies.'];
  const compare = s
    ? [
        'mine <- c(sens = summary_ci[1, 1], sens_lo = summary_ci[1, 2], sens_hi = summary_ci[1, 3],',
        '          spec = summary_ci[2, 1], spec_lo = summary_ci[2, 2], spec_hi = summary_ci[2, 3])',
        'print(rbind(site = site, R = mine, relative_difference = abs(mine - site) / abs(site)))',
      ]
    : [];
  const caveat =
    s?.method === 'univariate'
      ? ['# The site did not use this fit (see the reason above); the univariate fallback pools each measure separately:', 'print(rma(yi, vi, data = long, subset = measure == "sens", method = "REML"))', 'print(rma(yi, vi, data = long, subset = measure == "spec", method = "REML"))']
      : [];
  return [...fit, ...result, ...compare, ...caveat];
}

const EXACT = [
  '# Exact (Clopper-Pearson) intervals of each study, as the paired forest plot shows (NA when not estimable).',
  'exact <- function(x, n, level) {',
  '  a <- 1 - level',
  '  lo <- ifelse(x == 0, 0, suppressWarnings(qbeta(a / 2, x, n - x + 1)))',
  '  hi <- ifelse(x == n, 1, suppressWarnings(qbeta(1 - a / 2, x + 1, n - x)))',
  '  est <- ifelse(n == 0, NA, x / n)',
  '  cbind(est = est, lo = ifelse(n == 0, NA, lo), hi = ifelse(n == 0, NA, hi))',
  '}',
];

function srocBlock(f: DtaFigure, fitted: boolean): string[] {
  const s = f.summary;
  const bivariate = fitted && s?.method === 'bivariate';
  const lines = [
    '# SROC plot in ROC space: studies as circles with area proportional to their sample size.',
    'n <- with(dat, tp + fp + fn + tn)',
    'fpr <- with(dat, fp / (fp + tn))',
    'sens <- with(dat, tp / (tp + fn))',
    'op <- par(pty = "s")',
    `plot(NA, xlim = c(0, 1), ylim = c(0, 1), xaxs = "i", yaxs = "i", xlab = "1 - specificity (false-positive rate)", ylab = "Sensitivity", main = ${rString(f.longTitle)})`,
    'abline(0, 1, col = "grey60")',
    'ok <- is.finite(fpr) & is.finite(sens)',
    'symbols(fpr[ok], sens[ok], circles = sqrt(n[ok] / max(n[ok])), inches = 0.2, add = TRUE, bg = "grey90")',
  ];
  if (!bivariate) {
    lines.push('# No bivariate summary: the site draws the studies only (no regions, no SROC curve).', 'par(op)');
    return lines;
  }
  lines.push(
    '# Confidence region: the summary point ± the covariance of the estimates; prediction region: plus the',
    '# between-study covariance; both ellipses on the logit scale at the chi-square(2) quantile, back-transformed.',
    'ellipse_roc <- function(mu, S, level = res$level, n = 200) {',
    '  r <- sqrt(qchisq(1 - level, 2, lower.tail = FALSE))',
    '  t <- seq(0, 2 * pi, length.out = n)',
    '  pts <- t(mu + t(chol(S)) %*% rbind(r * cos(t), r * sin(t)))',
    '  cbind(fpr = 1 - transf.ilogit(pts[, 2]), sens = transf.ilogit(pts[, 1]))',
    '}',
    'between <- res$rho * sqrt(res$tau2[1] * res$tau2[2])',
    'T <- matrix(c(res$tau2[1], between, between, res$tau2[2]), 2)',
    'polygon(ellipse_roc(b, V + T, level = 0.95), lty = 3, lwd = 1.5)',
    'polygon(ellipse_roc(b, V, level = 0.95), lty = 2, lwd = 1.5)',
    "# SROC curve (Rutter-Gatsonis from the bivariate fit): logit(sens) = mu_sens + (tau_sens / tau_spec) * (logit(fpr) + mu_spec),",
    "# drawn over the studies' range of false-positive rates.",
    'slope <- sqrt(res$tau2[1] / res$tau2[2])',
    'xs <- seq(min(fpr[ok]), max(fpr[ok]), length.out = 200)',
    'lines(xs, transf.ilogit(b[1] + slope * (qlogis(xs) + b[2])), lwd = 2)',
    'points(1 - transf.ilogit(b[2]), transf.ilogit(b[1]), pch = 23, bg = "black", col = "white", cex = 1.8)',
    'legend("bottomright", bty = "n", legend = c("Study", "Summary point", "95% confidence region", "95% prediction region", "SROC curve", "Chance line"),',
    '  pch = c(21, 23, NA, NA, NA, NA), pt.bg = c("grey90", "black", NA, NA, NA, NA), lty = c(NA, NA, 2, 3, 1, 1), col = c("black", "black", "black", "black", "black", "grey60"))',
    'par(op)',
  );
  return lines;
}

function pairedBlock(f: DtaFigure): string[] {
  const s = f.summary;
  const level = rNumber(s?.level ?? 0.95);
  const summary = s
    ? [
        `# Summary row (${s.method === 'bivariate' ? 'bivariate model' : 'univariate fallback'}): the site's values, as in the figure.`,
        `addpoly(site[["sens"]], ci.lb = site[["sens_lo"]], ci.ub = site[["sens_hi"]], rows = -1, mlab = ${rString(s.label)}, efac = 1.2)`,
      ]
    : [];
  const summarySpec = s ? [`addpoly(site[["spec"]], ci.lb = site[["spec_lo"]], ci.ub = site[["spec_hi"]], rows = -1, mlab = "", efac = 1.2)`] : [];
  return [
    ...EXACT,
    `se <- exact(dat$tp, dat$tp + dat$fn, ${level})`,
    `sp <- exact(dat$tn, dat$tn + dat$fp, ${level})`,
    'print(cbind(dat, sens = se, spec = sp))',
    '# Paired forest plot: sensitivity (with the 2x2 counts) and specificity side by side; best in a wide device,',
    '# e.g. png("paired.png", width = 1400, height = 120 + 30 * nrow(dat), res = 110).',
    'k <- nrow(dat)',
    'op <- par(mfrow = c(1, 2), mar = c(4, 0, 2, 1))',
    'forest(se[, "est"], ci.lb = se[, "lo"], ci.ub = se[, "hi"], slab = dat$label, xlim = c(-2.4, 1.9), alim = c(0, 1), at = seq(0, 1, 0.2),',
    `  ylim = c(-2, k + 3), refline = NA, xlab = "Sensitivity", ilab = dat[, c("tp", "fp", "fn", "tn")], ilab.xpos = c(-1.3, -1, -0.7, -0.4), header = c("Study", ${rString(`Sensitivity [${Math.round((s?.level ?? 0.95) * 100)}% CI]`)}))`,
    'text(c(-1.3, -1, -0.7, -0.4), k + 2, c("TP", "FP", "FN", "TN"), font = 2)',
    ...summary,
    `forest(sp[, "est"], ci.lb = sp[, "lo"], ci.ub = sp[, "hi"], slab = rep("", k), xlim = c(-0.2, 1.9), alim = c(0, 1), at = seq(0, 1, 0.2),`,
    `  ylim = c(-2, k + 3), refline = NA, xlab = "Specificity", header = c("", ${rString(`Specificity [${Math.round((s?.level ?? 0.95) * 100)}% CI]`)}))`,
    ...summarySpec,
    'par(op)',
  ];
}

/** The whole R script of a DTA figure (SROC or paired forest plot). */
export function dtaFigureRScript(f: DtaFigure, ctx: DtaScriptContext): string {
  const d = f.studies;
  const header = [
    `# Reproduce in R: ${rComment(f.longTitle)}`,
    `# Figure ${rComment(f.id)} (${f.kind === 'sroc' ? 'SROC plot' : 'paired forest plot of sensitivity and specificity'}) of ${rComment(ctx.reviewTitle)}, data version ${rComment(ctx.dataVersion)}.`,
    `# Shown at ${rComment(ctx.pageUrl)}`,
    `# Data (same rows, with exact intervals): ${rComment(ctx.csvUrl)}`,
    '# tp, fp, fn, tn: true positives, false positives, false negatives, true negatives of each study.',
    '# install.packages("metafor")',
    'library(metafor)',
    '',
    'dat <- data.frame(',
    [
      column('label', d.map((r) => rString(r.label))),
      column('tp', d.map((r) => rNumber(r.tp))),
      column('fp', d.map((r) => rNumber(r.fp))),
      column('fn', d.map((r) => rNumber(r.fn))),
      column('tn', d.map((r) => rNumber(r.tn))),
      '  stringsAsFactors = FALSE',
    ].join(',\n'),
    ')',
    ...d.flatMap((r, i) => (r.note ? [`# row ${i + 1} (${rComment(r.label)}): ${rComment(r.note)}`] : [])),
    '',
  ];
  const canFit = d.length >= 2;
  const model = canFit ? [...modelBlock(f), ''] : [`# ${d.length} ${d.length === 1 ? 'study' : 'studies'}: too few to fit a model.`, ...(f.summary ? siteResult(f.summary) : []), ''];
  const plot = f.kind === 'sroc' ? srocBlock(f, canFit) : pairedBlock(f);
  return `${[...header, ...model, ...plot].join('\n')}\n`;
}
