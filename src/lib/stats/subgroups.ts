/**
 * Subgroup analysis: a random-effects (REML) pooled estimate per subgroup and two tests for subgroup
 * differences, (1) Q-between from the separate fits and (2) the mixed-effects moderator test QM.
 */
import { pchisq } from './distributions.ts';
import { designMatrix } from './design-matrix.ts';
import { metaRegression } from './meta-regression.ts';
import type { MetaRegressionResult } from './meta-regression.ts';
import { MetaRegressionError } from './meta-regression-input.ts';
import { pool } from './pool.ts';
import { validatePoolInput } from './validate.ts';
import type { PoolResult, PoolTest } from './types.ts';

/** Effect sizes, sampling variances and each study's subgroup (a study characteristic). */
export interface SubgroupData {
  yi: readonly number[];
  vi: readonly number[];
  group: readonly (string | number | boolean)[];
}

/** Options: inference `test` and CI `level` for every fit, `reference` subgroup for QM's dummies, and the characteristic's `name` for messages. */
export interface SubgroupOptions {
  test?: PoolTest;
  level?: number;
  reference?: string | number | boolean;
  name?: string;
}

/** One subgroup's REML fit (`pool`) and which studies (input positions) it holds. */
export interface SubgroupEstimate {
  level: string;
  k: number;
  indices: number[];
  result: PoolResult;
}

/** The test for subgroup differences from the separate fits (RevMan's; metafor rma(estimates, sei = ses, method = "FE")). */
export interface SubgroupBetweenTest {
  /** Qb = Σ w_g(μ̂_g − μ̄)², w_g = 1/se_g², μ̄ = Σw_gμ̂_g/Σw_g. */
  Qb: number;
  /** G − 1. */
  df: number;
  pval: number;
  /** μ̄ and its SE 1/sqrt(Σw_g), the fixed-effect combination of the subgroup estimates. */
  estimate: number;
  se: number;
}

/** The mixed-effects moderator test: metaRegression on the subgroup dummies (one tau² shared by all subgroups). */
export interface SubgroupModeratorTest {
  QM: number;
  QMdf: [number] | [number, number];
  QMp: number;
  /** The residual tau² common to all subgroups. */
  tau2: number;
  fit: MetaRegressionResult;
}

/** Per-subgroup estimates and both tests for subgroup differences. */
export interface SubgroupAnalysis {
  /** Subgroup levels in order (reference first), as strings. */
  levels: string[];
  subgroups: SubgroupEstimate[];
  between: SubgroupBetweenTest;
  /** Undefined when there are not more studies than subgroups (k ≤ G): then only `between` is available. */
  moderatorTest: SubgroupModeratorTest | undefined;
  warnings: string[];
}

/**
 * Pools each subgroup separately with `pool` (REML, `test`, `level`; a single-study subgroup is that
 * study, and 'knha' falls back to 'z' there, as metafor), then tests for subgroup differences in two
 * ways. `between`: the separate-fits test RevMan reports and metafor gives as
 * rma(yi = estimates, sei = ses, method = "FE")$QE — each subgroup has its own tau², and
 * Qb ~ χ²(G − 1). `moderatorTest`: metafor's rma(yi, vi, mods = ~ factor(group), method = "REML",
 * test)$QM — one residual tau² shared across subgroups, QM ~ χ²(G − 1) ('z') or QM/(G − 1) ~ F(G − 1,
 * k − G) ('knha'). The two differ when subgroup tau² differ. Throws `DesignMatrixError` (via
 * `designMatrix`) for a missing group or a single subgroup, `PoolInputError` for bad yi/vi.
 */
export function subgroupAnalysis(data: SubgroupData, options: SubgroupOptions = {}): SubgroupAnalysis {
  const { test, level } = validatePoolInput(data, { method: 'REML', test: options.test, level: options.level });
  const { yi, vi, group } = data;
  const name = options.name ?? 'group';
  if (!Array.isArray(group) || group.length !== yi.length) {
    throw new MetaRegressionError(`${name} must give one subgroup per study (${yi.length} studies)`, 'input');
  }
  const design = designMatrix(
    group.map((g) => ({ [name]: g })),
    [{ name, type: 'categorical', ...(options.reference === undefined ? {} : { reference: options.reference }) }],
  );
  const levels = design.terms[0]?.levels as string[];
  const warnings: string[] = [];

  const subgroups = levels.map((level_) => {
    const indices = group.flatMap((g, i) => (String(g) === level_ ? [i] : []));
    const result = pool({ yi: indices.map((i) => yi[i] as number), vi: indices.map((i) => vi[i] as number) }, { method: 'REML', test, level });
    for (const w of result.warnings) warnings.push(`subgroup "${level_}": ${w}`);
    return { level: level_, k: indices.length, indices, result };
  });

  const w = subgroups.map((s) => 1 / s.result.se ** 2);
  let between: SubgroupBetweenTest;
  if (w.every((x) => Number.isFinite(x))) {
    const sumW = w.reduce((s, x) => s + x, 0);
    const estimate = subgroups.reduce((s, g, i) => s + (w[i] as number) * g.result.estimate, 0) / sumW;
    const Qb = subgroups.reduce((s, g, i) => s + (w[i] as number) * (g.result.estimate - estimate) ** 2, 0);
    between = { Qb, df: levels.length - 1, pval: pchisq(Qb, levels.length - 1, false), estimate, se: 1 / Math.sqrt(sumW) };
  } else {
    warnings.push('a subgroup estimate has standard error 0 (Knapp-Hartung factor 0): the test from the separate fits cannot be computed');
    between = { Qb: Number.NaN, df: levels.length - 1, pval: Number.NaN, estimate: Number.NaN, se: Number.NaN };
  }

  let moderatorTest: SubgroupModeratorTest | undefined;
  try {
    const fit = metaRegression({ yi, vi, X: design.X, names: design.names }, { method: 'REML', test, level });
    warnings.push(...fit.warnings);
    moderatorTest = { QM: fit.QM, QMdf: fit.QMdf, QMp: fit.QMp, tau2: fit.tau2, fit };
  } catch (e) {
    if (!(e instanceof MetaRegressionError && e.code === 'too-few-studies')) throw e;
    warnings.push(`${yi.length} studies in ${levels.length} subgroups: the moderator test needs more studies than subgroups`);
  }
  return { levels, subgroups, between, moderatorTest, warnings };
}
