/**
 * "Reproduce in R" for an appraisal figure, in base R graphics only (ggplot2 and robvis are not in
 * Debian; Rscript with no packages draws them): the robvis-style traffic-light plot, the weighted
 * summary bar plot (recomputing each domain's shares and printing them), and the funnel plot (with
 * metafor, when installed, refitting the pooled estimate the funnel is centred on). Text from the
 * pages only appears inside R string literals or one-line comments.
 */
import { rComment, rNumber, rString } from './r-script.ts';
import type { AppraisalFigure, FunnelFigure, RobFigure } from './appraisal-types.ts';

/** What the generator needs besides the figure. */
export interface AppraisalScriptContext {
  pageUrl: string;
  csvUrl: string;
  reviewTitle: string;
  dataVersion: string;
}

function column(name: string, values: string[]): string {
  return `  ${name} = c(${values.join(', ')})`;
}

const KIND_TEXT: Record<AppraisalFigure['kind'], string> = {
  'rob-traffic-light': 'risk-of-bias traffic-light plot',
  'rob-summary': 'risk-of-bias summary bar plot',
  funnel: 'funnel plot',
};

function header(f: AppraisalFigure, ctx: AppraisalScriptContext): string[] {
  return [
    `# Reproduce in R: ${rComment(f.longTitle)}`,
    `# Figure ${rComment(f.id)} (${KIND_TEXT[f.kind]}) of ${rComment(ctx.reviewTitle)}, data version ${rComment(ctx.dataVersion)}.`,
    `# Shown at ${rComment(ctx.pageUrl)}`,
    `# Data: ${rComment(ctx.csvUrl)}`,
    '# Base R graphics only: runs with Rscript and no extra packages.',
    '',
  ];
}

const STYLE = [
  '# Levels as the site draws them: colour AND symbol (+ low, - high, ? unclear; a dashed square "NA" = not yet assessed, never low).',
  'lv <- c("low", "unclear", "high", "not-assessed")',
  'fill <- c(low = "#009E73", unclear = "#F0E442", high = "#A8341A", "not-assessed" = "#FFFFFF")',
  'edge <- c(low = "#00573f", unclear = "#8a8200", high = "#5c1c0e", "not-assessed" = "#6e6e6e")',
  'sym <- c(low = "+", unclear = "?", high = "-", "not-assessed" = "NA")',
  'ink <- c(low = "black", unclear = "black", high = "white", "not-assessed" = "grey35")',
  'lv_label <- c(low = "Low", unclear = "Unclear", high = "High", "not-assessed" = "Not yet assessed")',
  '# The published rule: low only if every domain is low, high if any is high, else unclear; not assessed if any domain is.',
  'overall_rule <- function(x) if (any(x == "not-assessed")) "not-assessed" else if (any(x == "high")) "high" else if (all(x == "low")) "low" else "unclear"',
];

function robData(f: RobFigure): string[] {
  const s = f.studies;
  return [
    'dat <- data.frame(',
    [
      column('label', s.map((r) => rString(r.label))),
      column('study_slug', s.map((r) => rString(r.slug))),
      ...f.domains.map((_, j) => column(`d${j + 1}`, s.map((r) => rString(r.levels[j] ?? 'not-assessed')))),
      column('overall', s.map((r) => rString(r.overall))),
      column('weight', s.map((r) => rNumber(r.weight))),
      '  stringsAsFactors = FALSE',
    ].join(',\n'),
    ')',
    `domains <- c(${f.domains.map((d) => `${d.short} = ${rString(d.label)}`).join(', ')})`,
    `cols <- paste0("d", seq_along(domains))`,
    '# Check: the overall column follows the rule.',
    'stopifnot(identical(unname(apply(dat[, cols, drop = FALSE], 1, overall_rule)), dat$overall))',
  ];
}

function trafficLight(f: RobFigure): string[] {
  return [
    ...STYLE,
    ...robData(f),
    'm <- as.matrix(dat[, c(cols, "overall")])',
    'k <- nrow(m); nc <- ncol(m)',
    'op <- par(mar = c(5, 14, 5, 1), xpd = NA)',
    'plot(NA, xlim = c(0.5, nc + 0.5), ylim = c(k + 0.5, 0.5), axes = FALSE, xlab = "", ylab = "")',
    `title(main = ${rString(f.longTitle)}, line = 3, cex.main = 0.9)`,
    'for (i in seq_len(k)) for (j in seq_len(nc)) {',
    '  l <- m[i, j]',
    '  if (l == "not-assessed") rect(j - 0.28, i - 0.28, j + 0.28, i + 0.28, col = fill[l], border = edge[l], lty = 2)',
    '  else symbols(j, i, circles = 0.3, inches = FALSE, add = TRUE, bg = fill[l], fg = edge[l])',
    '  text(j, i, sym[l], col = ink[l], font = if (l == "not-assessed") 1 else 2, cex = 0.8)',
    '}',
    'segments(nc - 0.5, 0.5, nc - 0.5, k + 0.5, col = "grey60")',
    'axis(3, at = seq_len(nc), labels = c(names(domains), "Overall"), tick = FALSE, font = 2, line = -0.5)',
    'axis(2, at = seq_len(k), labels = strtrim(dat$label, 40), las = 1, tick = FALSE, cex.axis = 0.75)',
    'legend(x = (nc + 1) / 2, y = k + 0.6, xjust = 0.5, yjust = 0, horiz = TRUE, bty = "n", legend = lv_label[lv], pch = c(21, 21, 21, 22), pt.bg = fill[lv], col = edge[lv], pt.cex = 2, cex = 0.8)',
    'par(op)',
    `cat(paste0(names(domains), ": ", domains, collapse = "\\n"), "\\n")`,
    'print(table(overall = factor(dat$overall, levels = lv)))',
  ];
}

function summary(f: RobFigure): string[] {
  return [
    ...STYLE,
    ...robData(f),
    '# Weighted by the meta-analytic weight when every study has one, else each study counts once (as the site does).',
    `weighted <- all(!is.na(dat$weight) & dat$weight >= 0) && sum(dat$weight) > 0`,
    'w <- if (weighted) dat$weight else rep(1, nrow(dat))',
    `bars <- c(cols, "overall")`,
    'share <- sapply(bars, function(cn) sapply(lv, function(l) 100 * sum(w[dat[[cn]] == l]) / sum(w)))',
    `colnames(share) <- c(unname(domains), ${rString(`Overall ${f.subject}`)})`,
    'print(round(t(share), 6))',
    'op <- par(mar = c(8, 14, 3, 1))',
    'mid <- barplot(share[, rev(seq_len(ncol(share))), drop = FALSE], horiz = TRUE, las = 1, col = fill[lv], border = edge[lv], xlim = c(0, 100), cex.names = 0.8,',
    `  xlab = if (weighted) "Share of total weight (%)" else "Share of studies (%)", main = ${rString(f.longTitle)}, cex.main = 0.9)`,
    'usr <- par("usr")',
    'legend(x = 50, y = usr[3] - 0.2 * (usr[4] - usr[3]), xjust = 0.5, yjust = 1, horiz = TRUE, bty = "n", xpd = NA, legend = lv_label[lv], fill = fill[lv], border = edge[lv], cex = 0.8)',
    'par(op)',
  ];
}

function funnel(f: FunnelFigure): string[] {
  const p = f.points;
  const deeks = f.variant === 'deeks';
  const lines = [
    'dat <- data.frame(',
    [
      column('label', p.map((r) => rString(r.label))),
      column('study_slug', p.map((r) => rString(r.slug))),
      column('yi', p.map((r) => rNumber(r.effect))),
      column(deeks ? 'inv_sqrt_ess' : 'sei', p.map((r) => rNumber(r.se))),
      '  stringsAsFactors = FALSE',
    ].join(',\n'),
    ')',
    deeks
      ? '# yi = ln DOR (0.5 added to every cell of a table with a zero cell); inv_sqrt_ess = 1/sqrt(ESS), ESS = 4 n1 n0 / (n1 + n0).'
      : `# yi and sei on the ${f.scale} scale, as the site pooled them.`,
    `pooled <- ${rNumber(f.pooled)} # the site's centre: ${rComment(f.pooledMethod)}`,
    `y <- ${deeks ? 'dat$inv_sqrt_ess' : 'dat$sei'}`,
    'ymax <- max(y) * 1.05',
    'z <- qnorm(0.975)',
    `xr <- range(c(dat$yi, if (!is.na(pooled)) pooled${f.limits ? ' + c(-1, 1) * z * ymax' : ''}${f.nullValue === null ? '' : `, ${rNumber(f.nullValue)}`}))`,
    `plot(NA, xlim = xr, ylim = c(ymax, 0), xlab = ${rString(f.xLabel)}, ylab = ${rString(deeks ? '1/sqrt(ESS)' : f.yLabel)}, main = ${rString(f.longTitle)}, cex.main = 0.9${f.transform === 'exp' ? ', xaxt = "n"' : ''})`,
  ];
  if (f.transform === 'exp') lines.push('# Ticks in natural units on the log scale: 1, 2, 5 × powers of ten within the range.', 'at <- c(outer(c(1, 2, 5), 10^(-4:6))); at <- at[log(at) >= xr[1] & log(at) <= xr[2]]', 'axis(1, at = log(at), labels = format(at, drop0trailing = TRUE))');
  if (f.limits) {
    lines.push(
      '# Pseudo 95% limits: pooled +/- 1.96 SE.',
      'if (!is.na(pooled)) {',
      '  polygon(c(pooled - z * ymax, pooled, pooled + z * ymax), c(ymax, 0, ymax), col = grey(0.94), border = NA)',
      '  segments(pooled, 0, c(pooled - z * ymax, pooled + z * ymax), ymax, lty = 2)',
      '}',
    );
  }
  if (f.nullValue !== null) lines.push(`abline(v = ${rNumber(f.nullValue)}, lty = 3, col = "grey45")`);
  lines.push('if (!is.na(pooled)) segments(pooled, 0, pooled, ymax, lwd = 1.25)', 'points(dat$yi, y, pch = 21, bg = "grey30", col = "white", cex = 1.3)');
  if (deeks) {
    lines.push(
      "# Deeks' asymmetry test (meaningful with 10 or more studies): lm(ln DOR ~ 1/sqrt(ESS), weights = ESS).",
      'fit <- lm(yi ~ inv_sqrt_ess, data = dat, weights = 1 / inv_sqrt_ess^2)',
      'print(summary(fit)$coefficients)',
    );
  } else if (f.pool) {
    lines.push(
      '# With metafor installed, refit the pooled estimate the funnel is centred on and compare.',
      'if (requireNamespace("metafor", quietly = TRUE)) {',
      `  res <- metafor::rma(yi, sei = sei, data = dat, method = ${rString(f.pool.method)}, test = ${rString(f.pool.test)})`,
      '  cat("pooled: site", format(pooled, digits = 15), " R", format(coef(res)[[1]], digits = 15), " relative_difference", abs(coef(res)[[1]] - pooled) / max(abs(pooled), 1e-12), "\\n")',
      '}',
    );
  }
  return lines;
}

/** The whole R script of an appraisal figure. */
export function appraisalRScript(f: AppraisalFigure, ctx: AppraisalScriptContext): string {
  const body = f.kind === 'funnel' ? funnel(f) : f.kind === 'rob-traffic-light' ? trafficLight(f) : summary(f);
  return `${[...header(f, ctx), ...body].join('\n')}\n`;
}
