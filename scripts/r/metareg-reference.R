# Writes test/fixtures/stats/metareg-metafor.json: the reference values that
# test/lib/stats/*.metafor.test.ts check src/lib/stats/meta-regression.ts, design-matrix.ts,
# subgroups.ts, egger.ts and deeks.ts (and pf in distributions.ts) against. The tests only read the
# JSON; R is needed only to regenerate it.
#
#   metareg:   rma(yi, vi, mods = X, intercept = FALSE, method = "REML", test = "z" | "knha", level)
#              with X = model.matrix(...) (intercept column included); the raw moderator values are
#              written too, so designMatrix() can be checked to build the same X.
#   subgroups: per-subgroup rma(method = "REML"), the test for subgroup differences from the separate
#              fits, rma(yi = estimates, sei = ses, method = "FE") (its QE, QEp), and the mixed-effects
#              moderator test rma(mods = ~ factor(group), method = "REML") (its QM, QMp).
#   regtest:   metafor::regtest(res, model = "rma" | "lm", predictor = "sei").
#   deeks:     Deeks et al. (2005): lm(lnDOR ~ I(1/sqrt(ESS)), weights = ESS), ESS = 4 n1 n0 / (n1 + n0)
#              from the uncorrected counts, 0.5 added to all four cells of a study with a zero cell.
#   pf:        base R pf(), the F distribution function used for Knapp-Hartung QM.
#
# Requirements (Debian): apt-get install -y r-base-core r-cran-metafor r-cran-jsonlite
# Run from the repository root: Rscript scripts/r/metareg-reference.R

suppressPackageStartupMessages({
  library(metafor)
  library(jsonlite)
})

if (!file.exists("package.json")) stop("run this from the repository root")
out_dir <- file.path("test", "fixtures", "stats")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

num <- function(x) if (is.null(x) || length(x) == 0) NA else unname(as.numeric(x))
vec <- function(x) I(unname(as.numeric(x)))

quietly <- function(expr) {
  warnings <- character(0)
  value <- withCallingHandlers(expr, warning = function(w) {
    warnings <<- c(warnings, conditionMessage(w))
    invokeRestart("muffleWarning")
  })
  list(value = value, warnings = warnings)
}

# Data ------------------------------------------------------------------------
bcg <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
raud <- dat.raudenbush1985
raud$weeks.c <- ifelse(raud$weeks > 3, 3, raud$weeks)
molloy <- escalc(measure = "ZCOR", ri = ri, ni = ni, data = dat.molloy2014)
hack <- dat.hackshaw1998

# Meta-regression -------------------------------------------------------------
# spec: the moderators as designMatrix() is asked for them (categorical reference = first sorted level).
metareg_case <- function(name, note, data, formula, spec, test, level = 95) {
  X <- model.matrix(formula, data = data)
  fit <- quietly(rma(yi = data$yi, vi = data$vi, mods = X, intercept = FALSE, method = "REML", test = test, level = level))
  res <- fit$value
  raw <- lapply(spec, function(s) {
    v <- data[[s$name]]
    if (s$type == "categorical") I(as.character(v)) else vec(v)
  })
  names(raw) <- vapply(spec, function(s) s$name, "")
  list(
    name = name, note = note, test = test, level = level / 100,
    yi = vec(data$yi), vi = vec(data$vi),
    X = unname(X), colnames = I(colnames(X)),
    moderators = raw, spec = spec,
    result = list(
      beta = vec(res$beta), se = vec(res$se), stat = vec(res$zval), pval = vec(res$pval),
      ciLow = vec(res$ci.lb), ciHigh = vec(res$ci.ub), vb = unname(res$vb),
      tau2 = num(res$tau2), tau2Se = num(res$se.tau2),
      QM = num(res$QM), QMdf = I(num(res$QMdf)), QMp = num(res$QMp),
      QE = num(res$QE), QEdf = res$k - res$p, QEp = num(res$QEp),
      I2 = num(res$I2), H2 = num(res$H2), R2 = num(res$R2),
      k = res$k, p = res$p, df = num(res$ddf)
    ),
    rWarnings = I(fit$warnings)
  )
}

cont <- function(name) list(name = name, type = "continuous")
categ <- function(name) list(name = name, type = "categorical")

metareg <- list(
  metareg_case("bcg-ablat-z", "dat.bcg log risk ratios on absolute latitude (continuous)", bcg, ~ ablat, list(cont("ablat")), "z"),
  metareg_case("bcg-ablat-knha", "dat.bcg on absolute latitude, Knapp-Hartung", bcg, ~ ablat, list(cont("ablat")), "knha"),
  metareg_case("bcg-alloc-z", "dat.bcg on allocation (categorical: alternate, random, systematic)", bcg, ~ alloc, list(categ("alloc")), "z"),
  metareg_case("bcg-alloc-knha", "dat.bcg on allocation, Knapp-Hartung", bcg, ~ alloc, list(categ("alloc")), "knha"),
  metareg_case("bcg-ablat-year-alloc-z", "dat.bcg on latitude, year and allocation (p = 5, k = 13)", bcg, ~ ablat + year + alloc, list(cont("ablat"), cont("year"), categ("alloc")), "z"),
  metareg_case("bcg-ablat-year-alloc-knha-90", "dat.bcg on latitude, year and allocation, Knapp-Hartung at level 90%", bcg, ~ ablat + year + alloc, list(cont("ablat"), cont("year"), categ("alloc")), "knha", level = 90),
  metareg_case("raudenbush-weeks-z", "dat.raudenbush1985 standardized mean differences on weeks of prior contact (continuous)", raud, ~ weeks, list(cont("weeks")), "z"),
  metareg_case("raudenbush-weeksc-knha", "dat.raudenbush1985 on weeks capped at 3: residual tau^2 = 0, R^2 = 100", raud, ~ weeks.c, list(cont("weeks.c")), "knha"),
  metareg_case("raudenbush-weeksc-setting-tester-z", "dat.raudenbush1985 on capped weeks, setting and tester", raud, ~ weeks.c + setting + tester, list(cont("weeks.c"), categ("setting"), categ("tester")), "z"),
  metareg_case("molloy-meanage-quality-z", "dat.molloy2014 Fisher-z correlations on mean age and study quality (both continuous)", molloy, ~ meanage + quality, list(cont("meanage"), cont("quality")), "z"),
  metareg_case("molloy-meanage-knha", "dat.molloy2014 on mean age, Knapp-Hartung", molloy, ~ meanage, list(cont("meanage")), "knha")
)

# Subgroups -------------------------------------------------------------------
subgroup_case <- function(name, note, data, group, test) {
  g <- as.character(data[[group]])
  levels <- sort(unique(g))
  fits <- lapply(levels, function(l) {
    sel <- g == l
    res <- rma(yi = data$yi[sel], vi = data$vi[sel], method = "REML", test = test)
    list(level = l, k = res$k, estimate = num(res$beta), se = num(res$se), pval = num(res$pval),
         ciLow = num(res$ci.lb), ciHigh = num(res$ci.ub), tau2 = num(res$tau2), I2 = num(res$I2), Q = num(res$QE))
  })
  est <- vapply(fits, function(f) f$estimate, 0)
  ses <- vapply(fits, function(f) f$se, 0)
  between <- rma(yi = est, sei = ses, method = "FE")
  mod <- rma(yi = data$yi, vi = data$vi, mods = ~ factor(g), method = "REML", test = test)
  list(
    name = name, note = note, test = test, yi = vec(data$yi), vi = vec(data$vi), group = I(g),
    subgroups = fits,
    Qb = num(between$QE), QbDf = between$k - 1, QbP = num(between$QEp), pooledEstimate = num(between$beta),
    QM = num(mod$QM), QMdf = I(num(mod$QMdf)), QMp = num(mod$QMp), tau2Residual = num(mod$tau2)
  )
}

subgroups <- list(
  subgroup_case("bcg-alloc-z", "dat.bcg by allocation", bcg, "alloc", "z"),
  subgroup_case("bcg-alloc-knha", "dat.bcg by allocation, Knapp-Hartung", bcg, "alloc", "knha"),
  subgroup_case("raudenbush-tester-z", "dat.raudenbush1985 by tester (aware, blind)", raud, "tester", "z"),
  subgroup_case("molloy-design-z", "dat.molloy2014 by design (cross-sectional, prospective)", molloy, "design", "z")
)

# Egger (regtest) -------------------------------------------------------------
regtest_case <- function(name, note, yi, vi, model, test = "z") {
  res <- rma(yi = yi, vi = vi, method = "REML", test = test)
  rt <- regtest(res, model = model, predictor = "sei")
  slope <- if (model == "rma") c(rt$fit$beta[2], rt$fit$se[2]) else summary(rt$fit)$coefficients[2, 1:2]
  list(name = name, note = note, model = model, test = test, yi = vec(yi), vi = vec(vi),
       stat = num(rt$zval), pval = num(rt$pval), df = num(rt$ddf),
       est = num(rt$est), ciLow = num(rt$ci.lb), ciHigh = num(rt$ci.ub),
       slope = num(slope[1]), slopeSe = num(slope[2]))
}

regtests <- list(
  regtest_case("bcg-rma", "dat.bcg (k = 13)", bcg$yi, bcg$vi, "rma"),
  regtest_case("bcg-rma-knha", "dat.bcg (k = 13), Knapp-Hartung", bcg$yi, bcg$vi, "rma", test = "knha"),
  regtest_case("bcg-lm", "dat.bcg (k = 13), classic Egger", bcg$yi, bcg$vi, "lm"),
  regtest_case("hackshaw-rma", "dat.hackshaw1998 (k = 37)", hack$yi, hack$vi, "rma"),
  regtest_case("hackshaw-lm", "dat.hackshaw1998 (k = 37), classic Egger", hack$yi, hack$vi, "lm"),
  regtest_case("raudenbush-rma", "dat.raudenbush1985 (k = 19)", raud$yi, raud$vi, "rma")
)

# Deeks -----------------------------------------------------------------------
# The mada data sets are copied from the CRAN package mada 0.5.12 (as in scripts/r/bivariate-reference.R).
deeks_case <- function(name, note, tp, fp, fn, tn) {
  zero <- tp == 0 | fp == 0 | fn == 0 | tn == 0
  add <- ifelse(zero, 0.5, 0)
  lnDOR <- log(((tp + add) * (tn + add)) / ((fp + add) * (fn + add)))
  n1 <- tp + fn
  n0 <- fp + tn
  ESS <- 4 * n1 * n0 / (n1 + n0)
  fit <- lm(lnDOR ~ I(1 / sqrt(ESS)), weights = ESS)
  co <- summary(fit)$coefficients
  list(name = name, note = note, tp = vec(tp), fp = vec(fp), fn = vec(fn), tn = vec(tn),
       lnDOR = vec(lnDOR), ESS = vec(ESS),
       intercept = co[1, 1], interceptSe = co[1, 2],
       slope = co[2, 1], se = co[2, 2], t = co[2, 3], df = fit$df.residual, p = co[2, 4])
}

deeks <- list(
  deeks_case("AuditC", "mada::AuditC (14 studies; two with fn = 0)",
    tp = c(47, 126, 19, 36, 130, 84, 68, 752, 59, 142, 137, 57, 34, 152),
    fp = c(101, 272, 12, 78, 211, 68, 112, 3226, 55, 571, 107, 103, 21, 88),
    fn = c(9, 51, 10, 3, 19, 2, 0, 0, 5, 50, 24, 3, 1, 51),
    tn = c(738, 1543, 192, 276, 959, 89, 423, 2977, 136, 2788, 358, 437, 56, 264)),
  deeks_case("Dementia", "mada::Dementia (33 studies; zero cells)",
    tp = c(66, 118, 48, 134, 24, 68, 64, 282, 14, 262, 144, 184, 22, 112, 152, 30, 32, 10, 708, 182, 60, 74, 28,
           40, 318, 388, 118, 44, 124, 26, 74, 38, 78),
    fp = c(240, 10, 64, 28, 44, 48, 0, 20, 44, 30, 30, 34, 152, 590, 126, 26, 4, 12, 1438, 18, 24, 16, 26, 76, 174,
           16, 2, 34, 98, 4, 2, 0, 46),
    fn = c(4, 12, 20, 8, 6, 16, 18, 64, 2, 20, 18, 34, 0, 0, 82, 26, 6, 4, 88, 108, 30, 24, 12, 6, 52, 116, 66, 8,
           46, 44, 32, 46, 34),
    tn = c(870, 110, 990, 152, 292, 154, 72, 286, 286, 178, 124, 52, 140, 2092, 1010, 236, 248, 334, 10448, 184, 74,
           144, 210, 528, 578, 54, 44, 396, 310, 172, 226, 440, 376))
)

# F distribution --------------------------------------------------------------
pf_grid <- expand.grid(q = c(0.01, 0.5, 1, 2.5, 4, 10, 50), df1 = c(1, 2, 3, 5), df2 = c(1, 2, 5, 11, 30, 100))
pf_values <- lapply(seq_len(nrow(pf_grid)), function(i) {
  r <- pf_grid[i, ]
  list(q = r$q, df1 = r$df1, df2 = r$df2, upper = pf(r$q, r$df1, r$df2, lower.tail = FALSE), lower = pf(r$q, r$df1, r$df2))
})

reference <- list(
  source = paste0(
    "Generated by scripts/r/metareg-reference.R with ", R.version.string, " and metafor ",
    as.character(packageVersion("metafor")), ". stat is zval (test z) or tval (test knha); QMdf is c(m, NA) ",
    "for z (chi-square) and c(m, k - p) for knha (F); I2, H2 and R2 as metafor prints them (I2 and R2 in percent); ",
    "level is a fraction; X rows are studies."
  ),
  metareg = metareg,
  subgroups = subgroups,
  regtest = regtests,
  deeks = deeks,
  pf = pf_values
)
path <- file.path(out_dir, "metareg-metafor.json")
write(toJSON(reference, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null", matrix = "rowmajor"), path)
cat("wrote", path, "\n")
