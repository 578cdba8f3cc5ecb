# Writes test/fixtures/stats/bivariate-metafor.json: the reference values that
# test/lib/stats/bivariate.metafor.test.ts checks src/lib/stats/bivariate.ts (and the derived
# regions, SROC and likelihood ratios) against. The tests only read the JSON; R is needed only to
# regenerate it.
#
# Model: the bivariate random-effects model of Reitsma et al. (2005) as metafor fits it:
#   rma.mv(yi, V, mods = ~ outcome - 1, random = ~ outcome | study, struct = "UN", method = "REML")
# on logit sensitivity and logit specificity in long format from escalc(measure = "PLO").
# Continuity correction: 0.5 is added to all four cells of every study that has a zero cell (the
# cells are corrected here, then escalc is called with add = 0). Note that escalc's own
# to = "only0" on the two PLO rows would correct only the row (tp/fn or tn/fp) holding the zero;
# mada::reitsma's default (correction.control = "all") corrects every study once any has a zero.
#
# Second method (optional): the exact binomial GLMM (lme4::glmer, Laplace) on the uncorrected cells.
#
# Requirements (Debian): apt-get install -y r-base-core r-cran-metafor r-cran-lme4 r-cran-jsonlite
# Run from the repository root: Rscript scripts/r/bivariate-reference.R

suppressPackageStartupMessages({
  library(metafor)
  library(jsonlite)
})
has_lme4 <- requireNamespace("lme4", quietly = TRUE)

if (!file.exists("package.json")) stop("run this from the repository root")
out_dir <- file.path("test", "fixtures", "stats")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

# Data ------------------------------------------------------------------------
# The mada data sets are copied from the CRAN package mada 0.5.12 (github.com/cran/mada, data/*.rda,
# read with load() and printed with dput()); mada's documentation (man/mada-data.Rd) names the sources.
datasets <- list(
  AuditC = list(
    note = "mada::AuditC: AUDIT-C for unhealthy alcohol use, Kriston et al. (2008) Ann Intern Med 149:879-888 (14 studies; two with fn = 0)",
    tp = c(47, 126, 19, 36, 130, 84, 68, 752, 59, 142, 137, 57, 34, 152),
    fn = c(9, 51, 10, 3, 19, 2, 0, 0, 5, 50, 24, 3, 1, 51),
    fp = c(101, 272, 12, 78, 211, 68, 112, 3226, 55, 571, 107, 103, 21, 88),
    tn = c(738, 1543, 192, 276, 959, 89, 423, 2977, 136, 2788, 358, 437, 56, 264)
  ),
  Dementia = list(
    note = "mada::Dementia: MMSE for dementia, Mitchell (2009) J Psychiatr Res 43:411-431 (33 studies; zero cells)",
    tp = c(66, 118, 48, 134, 24, 68, 64, 282, 14, 262, 144, 184, 22, 112, 152, 30, 32, 10, 708, 182, 60, 74, 28,
           40, 318, 388, 118, 44, 124, 26, 74, 38, 78),
    fn = c(4, 12, 20, 8, 6, 16, 18, 64, 2, 20, 18, 34, 0, 0, 82, 26, 6, 4, 88, 108, 30, 24, 12, 6, 52, 116, 66, 8,
           46, 44, 32, 46, 34),
    fp = c(240, 10, 64, 28, 44, 48, 0, 20, 44, 30, 30, 34, 152, 590, 126, 26, 4, 12, 1438, 18, 24, 16, 26, 76, 174,
           16, 2, 34, 98, 4, 2, 0, 46),
    tn = c(870, 110, 990, 152, 292, 154, 72, 286, 286, 178, 124, 52, 140, 2092, 1010, 236, 248, 334, 10448, 184, 74,
           144, 210, 528, 578, 54, 44, 396, 310, 172, 226, 440, 376)
  ),
  IAQ = list(
    note = "mada::IAQ: interviewer-administered questionnaires for smoking, Patrick et al. (1994) Am J Public Health 84:1086-1093 (20 2x2 tables; zero cells)",
    tp = c(379, 478, 312, 28, 346, 336, 149, 213, 206, 214, 187, 207, 126, 115, 77, 83, 71, 76, 1357, 1649),
    fn = c(37, 72, 24, 3, 3, 3, 8, 47, 28, 0, 6, 0, 11, 7, 2, 2, 3, 3, 185, 17),
    fp = c(9, 45, 45, 2, 13, 25, 15, 2, 9, 2, 29, 9, 0, 2, 1, 11, 7, 18, 68, 423),
    tn = c(854, 1078, 594, 164, 77, 75, 370, 76, 95, 20, 14, 20, 181, 179, 43, 43, 42, 42, 3322, 6632)
  ),
  SAQ = list(
    note = "mada::SAQ: self-administered questionnaires for smoking, Patrick et al. (1994) Am J Public Health 84:1086-1093 (31 2x2 tables; zero cells)",
    tp = c(21, 90, 104, 332, 3, 437, 23, 350, 397, 3, 59, 27, 81, 103, 81, 103, 120, 21, 15, 17, 120, 132, 158, 55,
           57, 163, 177, 141, 25, 56, 19),
    fn = c(15, 10, 8, 18, 0, 23, 13, 35, 34, 45, 5, 47, 7, 5, 24, 8, 5, 25, 0, 2, 1, 52, 8, 0, 1, 3, 4, 3, 11, 33, 2),
    fp = c(28, 120, 26, 92, 2, 78, 18, 77, 32, 6, 5, 25, 5, 13, 7, 11, 54, 22, 35, 27, 39, 110, 95, 32, 29, 24, 9,
           45, 3, 2, 1),
    tn = c(324, 969, 232, 673, 77, 901, 332, 155, 154, 198, 227, 1233, 170, 169, 213, 209, 329, 177, 198, 200, 148,
           889, 960, 180, 180, 178, 178, 180, 40, 49, 96)
  ),
  skin_tests = list(
    note = "mada::skin_tests: penicillin allergy skin tests, Sousa-Pinto et al. (2021) J Allergy Clin Immunol 147:296-308 (10 studies; no zero cell)",
    tp = c(8, 4, 2, 7, 1, 7, 2, 1, 2, 3),
    fn = c(1, 7, 3, 4, 5, 7, 23, 12, 40, 30),
    fp = c(3, 4, 3, 60, 1, 7, 1, 2, 28, 12),
    tn = c(184, 559, 122, 90, 28, 75, 312, 210, 350, 681)
  ),
  homogeneousSens = list(
    note = "constructed: identical sensitivity (40/50) in all 5 studies, so the REML maximum has tau2_sens = 0 (a boundary case; rho is not identified)",
    boundary = TRUE,
    tp = rep(40, 5), fn = rep(10, 5), fp = c(10, 30, 5, 20, 40), tn = c(90, 70, 95, 80, 60)
  ),
  AuditC_first5 = list(
    note = "the first 5 studies of mada::AuditC (a small review)",
    tp = c(47, 126, 19, 36, 130), fn = c(9, 51, 10, 3, 19), fp = c(101, 272, 12, 78, 211), tn = c(738, 1543, 192, 276, 959)
  )
)

# Fits ------------------------------------------------------------------------
num <- function(x) unname(as.numeric(x))

long_data <- function(d) {
  k <- length(d$tp)
  zero <- d$tp == 0 | d$fp == 0 | d$fn == 0 | d$tn == 0
  add <- ifelse(zero, 0.5, 0)
  tp <- d$tp + add; fp <- d$fp + add; fn <- d$fn + add; tn <- d$tn + add
  sens <- escalc(measure = "PLO", xi = tp, ni = tp + fn, add = 0, to = "none")
  spec <- escalc(measure = "PLO", xi = tn, ni = tn + fp, add = 0, to = "none")
  dat <- data.frame(
    study = rep(seq_len(k), times = 2),
    outcome = factor(rep(c("sens", "spec"), each = k), levels = c("sens", "spec")),
    yi = c(sens$yi, spec$yi),
    vi = c(sens$vi, spec$vi)
  )
  dat[order(dat$study, dat$outcome), ]
}

rma_bivariate <- function(dat, ...) {
  warnings <- character(0)
  res <- withCallingHandlers(
    rma.mv(yi, vi, mods = ~ outcome - 1, random = ~ outcome | study, struct = "UN", method = "REML", data = dat, ...),
    warning = function(w) {
      warnings <<- c(warnings, conditionMessage(w))
      invokeRestart("muffleWarning")
    }
  )
  res$captured_warnings <- warnings
  res
}

# metafor's optimiser (nlminb, relative tolerance 1e-10 on the objective) stops within about 1e-6 of
# the REML maximum (its optim/BFGS and Nelder-Mead settings disagree with it and with each other at
# that level), too coarse for a 1e-6 comparison. So the maximum is polished here: Fisher scoring on
# (log tau2_sens, log tau2_spec, atanh rho) with the textbook full-matrix REML score
# 0.5 * (y'P dV P y - tr(P dV)) and information 0.5 * tr(P dV P dV), P = W - W X (X'WX)^-1 X'W,
# started from metafor's estimate, until the step is below 1e-13. metafor is then evaluated at the
# polished values (rma.mv with tau2 and rho fixed) for the coefficients, SEs, vcov and logLik.
polish <- function(dat, tau2, rho) {
  X <- model.matrix(~ outcome - 1, data = dat)
  y <- dat$yi
  k <- length(unique(dat$study))
  same <- outer(dat$study, dat$study, "==")
  isA <- dat$outcome == "sens"
  phi <- c(log(tau2), atanh(rho))
  for (iter in 1:200) {
    tA <- sqrt(exp(phi[1])); tB <- sqrt(exp(phi[2])); r <- tanh(phi[3]); c <- r * tA * tB
    block <- function(a, b, d) same * (outer(isA, isA) * a + (outer(isA, !isA) + outer(!isA, isA)) * b + outer(!isA, !isA) * d)
    V <- diag(dat$vi) + block(tA^2, c, tB^2)
    dV <- list(block(tA^2, c / 2, 0), block(0, c / 2, tB^2), block(0, (1 - r^2) * tA * tB, 0))
    W <- solve(V)
    P <- W - W %*% X %*% solve(t(X) %*% W %*% X) %*% t(X) %*% W
    Py <- P %*% y
    score <- sapply(dV, function(D) 0.5 * (drop(t(Py) %*% D %*% Py) - sum(diag(P %*% D))))
    info <- outer(1:3, 1:3, Vectorize(function(j, l) 0.5 * sum(diag(P %*% dV[[j]] %*% P %*% dV[[l]]))))
    step <- solve(info, score)
    phi <- phi + step
    if (max(abs(step)) < 1e-13) break
  }
  list(tau2 = exp(phi[1:2]), rho = tanh(phi[3]), iterations = iter, maxScore = max(abs(score)))
}

fit_rma <- function(d) {
  dat <- long_data(d)
  optimiser <- rma_bivariate(dat)
  if (isTRUE(d$boundary)) {
    # a tau2 at 0 cannot be polished on the log scale: keep metafor's own optimum
    return(list(res = optimiser, dat = dat, optimiser = optimiser, polish = list(iterations = 0, maxScore = NA)))
  }
  p <- polish(dat, optimiser$tau2, optimiser$rho)
  res <- rma_bivariate(dat, tau2 = p$tau2, rho = p$rho)
  if (logLik(res) < logLik(optimiser) - 1e-12) stop("the polished REML estimate has a lower likelihood than metafor's own")
  list(res = res, dat = dat, optimiser = optimiser, polish = p)
}

ellipse_points <- function(centre, S, level, n = 8) {
  # points on the ellipse (x - centre)' S^-1 (x - centre) = qchisq(level, 2), as mada's ROCellipse
  # (ellipse::ellipse with t = sqrt(qchisq(level, 2))); angles a = 0, 2pi/n, ... on the Cholesky factor
  L <- t(chol(S))
  r <- sqrt(qchisq(level, 2))
  a <- 2 * pi * (seq_len(n) - 1) / n
  pts <- t(centre + r * L %*% rbind(cos(a), sin(a)))
  list(logitSens = num(pts[, 1]), logitSpec = num(pts[, 2]))
}

derived <- function(beta, vb, tau2, rho, d, level = 0.95) {
  z <- qnorm(1 - (1 - level) / 2)
  muA <- beta[1]; muB <- beta[2]
  sA <- sqrt(tau2[1]); sB <- sqrt(tau2[2]); sAB <- rho * sA * sB
  # HSROC parameters (Harbord et al. 2007, Biostatistics 8:239-251) from the bivariate fit
  hsroc <- list(
    Lambda = sqrt(sB / sA) * muA + sqrt(sA / sB) * muB,
    Theta = 0.5 * (sqrt(sB / sA) * muA - sqrt(sA / sB) * muB),
    beta = log(sB / sA),
    sigma2alpha = 2 * (sA * sB + sAB),
    sigma2theta = 0.5 * (sA * sB - sAB)
  )
  fpr_grid <- c(0.05, 0.1, 0.2, 0.4)
  sroc_sens <- plogis(hsroc$Lambda * exp(-hsroc$beta / 2) + exp(-hsroc$beta) * qlogis(fpr_grid))
  # LR+, LR-, DOR: delta method on the log scale
  sens <- plogis(muA); spec <- plogis(muB)
  g <- list(lrPos = c(1 - sens, spec), lrNeg = c(-sens, -(1 - spec)), dor = c(1, 1))
  est <- list(lrPos = log(sens / (1 - spec)), lrNeg = log((1 - sens) / spec), dor = muA + muB)
  ratios <- lapply(names(g), function(n) {
    se <- sqrt(drop(t(g[[n]]) %*% vb %*% g[[n]]))
    list(estimate = exp(est[[n]]), ciLow = exp(est[[n]] - z * se), ciHigh = exp(est[[n]] + z * se), seLog = se)
  })
  names(ratios) <- names(g)
  Sigma <- matrix(c(tau2[1], sAB, sAB, tau2[2]), 2)
  list(
    hsroc = hsroc,
    sroc = list(fpr = fpr_grid, sens = num(sroc_sens)),
    ratios = ratios,
    confidenceEllipse = ellipse_points(beta, vb, level),
    predictionEllipse = ellipse_points(beta, vb + Sigma, level)
  )
}

fit_glmer <- function(d) {
  k <- length(d$tp)
  long <- data.frame(
    study = factor(rep(seq_len(k), times = 2)),
    sens = rep(c(1, 0), each = k),
    spec = rep(c(0, 1), each = k),
    pos = c(d$tp, d$tn),
    n = c(d$tp + d$fn, d$tn + d$fp)
  )
  res <- lme4::glmer(cbind(pos, n - pos) ~ 0 + sens + spec + (0 + sens + spec | study), data = long,
                     family = binomial, control = lme4::glmerControl(optimizer = "bobyqa", optCtrl = list(maxfun = 1e5)))
  vc <- as.data.frame(lme4::VarCorr(res))
  list(
    note = "lme4::glmer binomial GLMM (Laplace, bobyqa) on the uncorrected cells",
    lme4 = as.character(packageVersion("lme4")),
    logitSens = num(lme4::fixef(res)["sens"]),
    logitSpec = num(lme4::fixef(res)["spec"]),
    covLogit = unname(as.matrix(vcov(res))),
    tau2Sens = num(vc$vcov[vc$var1 == "sens" & is.na(vc$var2)]),
    tau2Spec = num(vc$vcov[vc$var1 == "spec" & is.na(vc$var2)]),
    rho = num(vc$sdcor[!is.na(vc$var2)]),
    logLik = num(logLik(res))
  )
}

cases <- list()
for (name in names(datasets)) {
  d <- datasets[[name]]
  f <- fit_rma(d)
  res <- f$res
  default <- f$optimiser
  beta <- num(coef(res)); vb <- unname(as.matrix(vcov(res)))
  case <- list(
    dataset = name,
    note = d$note,
    boundary = isTRUE(d$boundary),
    k = length(d$tp),
    tp = I(d$tp), fp = I(d$fp), fn = I(d$fn), tn = I(d$tn),
    yi = I(num(f$dat$yi)), vi = I(num(f$dat$vi)),
    logitSens = beta[1], logitSpec = beta[2],
    seLogitSens = num(res$se[1]), seLogitSpec = num(res$se[2]),
    covLogit = vb,
    sens = plogis(beta[1]), sensCi = c(plogis(res$ci.lb[1]), plogis(res$ci.ub[1])),
    spec = plogis(beta[2]), specCi = c(plogis(res$ci.lb[2]), plogis(res$ci.ub[2])),
    tau2Sens = num(res$tau2[1]), tau2Spec = num(res$tau2[2]), rho = num(res$rho),
    logLik = num(logLik(res)),
    polish = list(iterations = f$polish$iterations, maxScore = f$polish$maxScore),
    rWarnings = I(c(default$captured_warnings, res$captured_warnings)),
    metaforOptimiser = list(
      logitSens = num(coef(default)[1]), logitSpec = num(coef(default)[2]),
      tau2Sens = num(default$tau2[1]), tau2Spec = num(default$tau2[2]), rho = num(default$rho),
      logLik = num(logLik(default))
    ),
    derived = if (isTRUE(d$boundary)) NULL else derived(beta, vb, num(res$tau2), num(res$rho), d)
  )
  if (has_lme4 && name %in% c("AuditC", "skin_tests")) case$glmer <- fit_glmer(d)
  cases[[length(cases) + 1]] <- case
}

reference <- list(
  source = paste0(
    "Generated by scripts/r/bivariate-reference.R with ", R.version.string, " and metafor ",
    as.character(packageVersion("metafor")),
    if (has_lme4) paste0(" and lme4 ", as.character(packageVersion("lme4"))) else "",
    ". rma.mv(yi, vi, mods = ~ outcome - 1, random = ~ outcome | study, struct = 'UN', method = 'REML') on escalc(measure = 'PLO') ",
    "logits after adding 0.5 to all four cells of studies with a zero cell; yi/vi are the long data (study 1 sens, study 1 spec, ...); ",
    "the variance components are metafor's own estimates polished to the exact REML maximum by Fisher scoring in R (see the script), ",
    "and every other value is metafor's at those variance components; metaforOptimiser is metafor's unpolished fit (default optimiser settings); ",
    "derived: HSROC parameters (Harbord et al. 2007), SROC sensitivities at fixed FPRs, LR+/LR-/DOR by the delta method on the log scale, ",
    "and 8 points of the 95% confidence and prediction ellipses on the logit scale (radius sqrt(qchisq(0.95, 2)))."
  ),
  cases = cases
)
write(toJSON(reference, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null"), file.path(out_dir, "bivariate-metafor.json"))
cat("wrote", file.path(out_dir, "bivariate-metafor.json"), "\n")
