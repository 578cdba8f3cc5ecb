/**
 * R code that reproduces a bivariate DTA fit with metafor: the 2×2 tables embedded as literal vectors,
 * the same 0.5 correction, escalc(measure = "PLO") in long format and
 * rma.mv(yi, vi, mods = ~ outcome - 1, random = ~ outcome | study, struct = "UN", method = "REML").
 * For download next to a figure, and for the test that runs it with Rscript.
 */
import { validateDtaStudies } from './dta-input.ts';
import type { DtaStudy } from './dta-input.ts';

/** Options: `json` makes the script print one JSON document (needs jsonlite); `evaluateAt` adds metafor's fit with Σ fixed at these values. */
export interface BivariateRScriptOptions {
  json?: boolean;
  evaluateAt?: { tau2Sens: number; tau2Spec: number; rho: number };
  /** A comment line for the top of the script (e.g. the outcome and page it belongs to). */
  title?: string;
}

const num = (x: number): string => (Number.isInteger(x) ? String(x) : x.toPrecision(17));
const vec = (xs: readonly number[]): string => `c(${xs.map(num).join(', ')})`;

/**
 * The R script, runnable with `Rscript` (needs metafor; jsonlite when `json`). It prints metafor's summary
 * or, with `json`, { logitSens, logitSpec, seLogitSens, seLogitSpec, covLogit, tau2Sens, tau2Spec, rho,
 * logLik } of the REML fit (and the same under `atSite` for `evaluateAt`). Throws `DtaInputError` on bad tables.
 */
export function bivariateRScript(studies: readonly DtaStudy[], options: BivariateRScriptOptions = {}): string {
  validateDtaStudies(studies);
  const lines = [
    `# ${options.title ?? 'Bivariate random-effects meta-analysis of diagnostic accuracy (Reitsma et al. 2005)'}`,
    '# Reproduces the site\'s fit with metafor: REML, unstructured between-study covariance of',
    '# (logit sensitivity, logit specificity), 0.5 added to all four cells of a study with a zero cell.',
    '# Run with: Rscript this-file.R   (install.packages(c("metafor"' + (options.json ? ', "jsonlite"' : '') + ')) if needed)',
    'suppressPackageStartupMessages(library(metafor))',
    '',
    `tp <- ${vec(studies.map((s) => s.tp))}`,
    `fp <- ${vec(studies.map((s) => s.fp))}`,
    `fn <- ${vec(studies.map((s) => s.fn))}`,
    `tn <- ${vec(studies.map((s) => s.tn))}`,
    '',
    '# continuity correction: 0.5 on all four cells of each study with a zero cell',
    'add <- ifelse(tp == 0 | fp == 0 | fn == 0 | tn == 0, 0.5, 0)',
    'tp <- tp + add; fp <- fp + add; fn <- fn + add; tn <- tn + add',
    '',
    '# long format: one row per study and outcome, logits and variances from escalc (no further correction)',
    'k <- length(tp)',
    'sens <- escalc(measure = "PLO", xi = tp, ni = tp + fn, add = 0, to = "none")',
    'spec <- escalc(measure = "PLO", xi = tn, ni = tn + fp, add = 0, to = "none")',
    'dat <- data.frame(study = rep(seq_len(k), times = 2),',
    '                  outcome = factor(rep(c("sens", "spec"), each = k), levels = c("sens", "spec")),',
    '                  yi = c(sens$yi, spec$yi), vi = c(sens$vi, spec$vi))',
    'dat <- dat[order(dat$study, dat$outcome), ]',
    '',
    'fit <- rma.mv(yi, vi, mods = ~ outcome - 1, random = ~ outcome | study, struct = "UN", method = "REML", data = dat)',
  ];
  const at = options.evaluateAt;
  if (at) {
    lines.push(
      '# the same model with the between-study variances and correlation fixed at the site\'s estimates',
      `at_site <- rma.mv(yi, vi, mods = ~ outcome - 1, random = ~ outcome | study, struct = "UN", method = "REML", data = dat,`,
      `                  tau2 = c(${num(at.tau2Sens)}, ${num(at.tau2Spec)}), rho = ${num(at.rho)})`,
    );
  }
  if (options.json) {
    lines.push(
      '',
      'summarise <- function(f) list(',
      '  logitSens = unname(coef(f)[1]), logitSpec = unname(coef(f)[2]),',
      '  seLogitSens = f$se[1], seLogitSpec = f$se[2], covLogit = unname(as.matrix(vcov(f))),',
      '  tau2Sens = f$tau2[1], tau2Spec = f$tau2[2], rho = f$rho, logLik = as.numeric(logLik(f)))',
      `out <- list(fit = summarise(fit)${at ? ', atSite = summarise(at_site)' : ''})`,
      'cat(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE))',
    );
  } else {
    lines.push(
      '',
      'print(fit)',
      '# summary sensitivity and specificity with 95% CIs',
      'print(plogis(cbind(estimate = coef(fit), ci.lb = fit$ci.lb, ci.ub = fit$ci.ub)))',
    );
  }
  return `${lines.join('\n')}\n`;
}
