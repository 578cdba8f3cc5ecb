import { describe, expect, it } from 'vitest';
import { DtaInputError, bivariateRScript, poolBivariate } from '../../../src/lib/stats/index.ts';
import type { DtaStudy } from '../../../src/lib/stats/index.ts';
import { RSCRIPT_INSTALL_HINT, rscriptPath, runRscript, runRscriptJson } from '../../../scripts/lib/rscript.ts';
import { relDiff } from './bivariate-fixture.ts';

/** A small generated review (fixed seed): 7 studies, one with a zero cell. */
function generated(): DtaStudy[] {
  let seed = 424242;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const studies = Array.from({ length: 7 }, () => {
    const n1 = 30 + Math.floor(rnd() * 90);
    const n0 = 60 + Math.floor(rnd() * 240);
    const tp = Math.floor(n1 * (0.55 + 0.4 * rnd()));
    const tn = Math.floor(n0 * (0.6 + 0.35 * rnd()));
    return { tp, fn: n1 - tp, tn, fp: n0 - tn };
  });
  studies[2] = { ...(studies[2] as DtaStudy), fn: 0 };
  return studies;
}

describe('bivariateRScript', () => {
  const studies = generated();

  it('embeds the 2×2 tables as literal vectors and the metafor call of the model', () => {
    const code = bivariateRScript(studies);
    expect(code).toContain(`tp <- c(${studies.map((s) => s.tp).join(', ')})`);
    expect(code).toContain(`tn <- c(${studies.map((s) => s.tn).join(', ')})`);
    expect(code).toContain('struct = "UN", method = "REML"');
    expect(code).toContain('add <- ifelse(tp == 0 | fp == 0 | fn == 0 | tn == 0, 0.5, 0)');
    expect(code).not.toContain('jsonlite');
  });

  it('writes fixed values with 17 significant digits so that R reads back the same doubles', () => {
    const code = bivariateRScript(studies, { json: true, evaluateAt: { tau2Sens: 0.1 + 0.2, tau2Spec: 1, rho: -1 / 3 } });
    expect(code).toContain('tau2 = c(0.30000000000000004, 1), rho = -0.33333333333333331');
  });

  it('refuses bad tables with the same DtaInputError as the fit', () => {
    expect(() => bivariateRScript([{ tp: 1, fp: 1, fn: -1, tn: 1 }])).toThrow(DtaInputError);
  });
});

const bin = rscriptPath();
const skipReason = bin ? '' : ` (skipped: Rscript not found on PATH; ${RSCRIPT_INSTALL_HINT})`;
if (!bin) console.warn(`R round trip skipped: Rscript not found; ${RSCRIPT_INSTALL_HINT}`);

interface RFit {
  logitSens: number;
  logitSpec: number;
  seLogitSens: number;
  seLogitSpec: number;
  covLogit: number[][];
  tau2Sens: number;
  tau2Spec: number;
  rho: number;
  logLik: number;
}

describe.skipIf(!bin)(`the generated R script run with Rscript and metafor${skipReason}`, () => {
  it('reproduces poolBivariate: metafor at the site\'s Σ to 1e-9, metafor\'s own optimum within 1e-4 and no more likely', async () => {
    const studies = generated();
    const fit = poolBivariate(studies);
    const code = bivariateRScript(studies, { json: true, evaluateAt: { tau2Sens: fit.tau2Sens, tau2Spec: fit.tau2Spec, rho: fit.rho } });
    const r = await runRscriptJson<{ fit: RFit; atSite: RFit }>(code);
    const at = r.atSite;
    for (const key of ['logitSens', 'logitSpec', 'seLogitSens', 'seLogitSpec', 'logLik'] as const) {
      expect(relDiff(fit[key], at[key]), key).toBeLessThan(1e-9);
    }
    [0, 1].forEach((i) => [0, 1].forEach((j) => expect(relDiff(fit.covLogit[i]?.[j] as number, at.covLogit[i]?.[j] as number)).toBeLessThan(1e-9)));
    // metafor's optimiser (nlminb, default tolerance) stops within about 1e-5 of the maximum the site finds
    for (const key of ['logitSens', 'logitSpec', 'tau2Sens', 'tau2Spec', 'rho'] as const) {
      expect(relDiff(fit[key], r.fit[key]), key).toBeLessThan(1e-4);
    }
    expect(fit.logLik).toBeGreaterThanOrEqual(r.fit.logLik - 1e-10);
  });

  it('is never less likely than metafor\'s own REML optimum on 30 random reviews (4–20 studies, zero cells, ρ near ±1 included)', async () => {
    let seed = 777;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const gauss = () => Math.sqrt(-2 * Math.log(rnd())) * Math.cos(2 * Math.PI * rnd());
    const binom = (n: number, p: number) => Array.from({ length: n }, rnd).filter((u) => u < p).length;
    const reviews = Array.from({ length: 30 }, () => {
      const k = 4 + Math.floor(rnd() * 17);
      const [ta, tb, rho] = [0.1 + 2 * rnd(), 0.1 + 2 * rnd(), -0.95 + 1.9 * rnd()];
      return Array.from({ length: k }, () => {
        const z1 = gauss();
        const z2 = rho * z1 + Math.sqrt(1 - rho * rho) * gauss();
        const n1 = 5 + Math.floor(rnd() * 60);
        const n0 = 10 + Math.floor(rnd() * 200);
        const tp = binom(n1, 1 / (1 + Math.exp(-(1.5 + Math.sqrt(ta) * z1))));
        const tn = binom(n0, 1 / (1 + Math.exp(-(2 + Math.sqrt(tb) * z2))));
        return { tp, fn: n1 - tp, tn, fp: n0 - tn };
      });
    });
    const code = [
      'suppressPackageStartupMessages(library(metafor))',
      `reviews <- jsonlite::fromJSON('${JSON.stringify(reviews)}', simplifyVector = FALSE)`,
      'out <- lapply(reviews, function(r) {',
      '  g <- function(f) sapply(r, function(s) s[[f]]); tp <- g("tp"); fp <- g("fp"); fn <- g("fn"); tn <- g("tn")',
      '  add <- ifelse(tp == 0 | fp == 0 | fn == 0 | tn == 0, 0.5, 0); tp <- tp + add; fp <- fp + add; fn <- fn + add; tn <- tn + add',
      '  k <- length(tp)',
      '  dat <- data.frame(study = rep(seq_len(k), 2), outcome = factor(rep(c("sens", "spec"), each = k)),',
      '                    yi = c(log(tp / fn), log(tn / fp)), vi = c(1 / tp + 1 / fn, 1 / tn + 1 / fp))',
      '  f <- try(suppressWarnings(rma.mv(yi, vi, mods = ~ outcome - 1, random = ~ outcome | study, struct = "UN", data = dat)), silent = TRUE)',
      '  if (inherits(f, "try-error")) return(list(ok = FALSE))',
      '  list(ok = TRUE, logLik = as.numeric(logLik(f)), rho = f$rho, tau2 = f$tau2, beta = unname(coef(f)))',
      '})',
      'cat(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE))',
    ].join('\n');
    const r = await runRscriptJson<{ ok: boolean; logLik: number; rho: number; tau2: number[]; beta: number[] }[]>(code);
    expect(r).toHaveLength(30);
    let compared = 0;
    reviews.forEach((studies, n) => {
      const mine = poolBivariate(studies);
      const theirs = r[n];
      expect(mine.converged).toBe(true);
      if (!theirs?.ok) return;
      compared++;
      expect(mine.logLik, `review ${n}`).toBeGreaterThanOrEqual(theirs.logLik - 1e-9);
      expect(mine.logLik - theirs.logLik).toBeLessThan(1e-4); // the same maximum, not a different one
      if (mine.boundary.length === 0) expect(Math.abs(mine.logitSens - (theirs.beta[0] as number))).toBeLessThan(1e-3);
    });
    expect(compared).toBeGreaterThanOrEqual(25);
  });

  it('runs as printed (summary output, no JSON) without error', async () => {
    const run = await runRscript(bivariateRScript(generated()));
    expect(run.stdout).toMatch(/Multivariate Meta-Analysis Model/);
    expect(run.stdout).toMatch(/outcomesens/);
  });
});
