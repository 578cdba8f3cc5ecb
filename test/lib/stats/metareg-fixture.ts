/** The metafor reference cases of test/fixtures/stats/metareg-metafor.json (written by scripts/r/metareg-reference.R). */
import type { ModeratorSpec, PoolTest } from '../../../src/lib/stats/index.ts';
import { loadFixture } from './fixtures.ts';

/** One rma(yi, vi, mods = X, intercept = FALSE, method = "REML") fit. */
export interface MetaregCase {
  name: string;
  note: string;
  test: PoolTest;
  level: number;
  yi: number[];
  vi: number[];
  X: number[][];
  colnames: string[];
  moderators: Record<string, (number | string)[]>;
  spec: ModeratorSpec[];
  result: {
    beta: number[];
    se: number[];
    stat: number[];
    pval: number[];
    ciLow: number[];
    ciHigh: number[];
    vb: number[][];
    tau2: number;
    tau2Se: number;
    QM: number;
    QMdf: [number, number | null];
    QMp: number;
    QE: number;
    QEdf: number;
    QEp: number;
    I2: number;
    H2: number;
    R2: number;
    k: number;
    p: number;
    df: number | null;
  };
  rWarnings: string[];
}

/** Per-subgroup rma fits, the FE test on their estimates and the moderator QM. */
export interface SubgroupCase {
  name: string;
  note: string;
  test: PoolTest;
  yi: number[];
  vi: number[];
  group: string[];
  subgroups: { level: string; k: number; estimate: number; se: number; pval: number; ciLow: number; ciHigh: number; tau2: number; I2: number; Q: number }[];
  Qb: number;
  QbDf: number;
  QbP: number;
  pooledEstimate: number;
  QM: number;
  QMdf: [number, number | null];
  QMp: number;
  tau2Residual: number;
}

/** One regtest(rma(yi, vi), model, predictor = "sei") result. */
export interface RegtestCase {
  name: string;
  note: string;
  model: 'rma' | 'lm';
  test: PoolTest;
  yi: number[];
  vi: number[];
  stat: number;
  pval: number;
  df: number | null;
  est: number;
  ciLow: number;
  ciHigh: number;
  slope: number;
  slopeSe: number;
}

/** One lm(lnDOR ~ I(1/sqrt(ESS)), weights = ESS) fit. */
export interface DeeksCase {
  name: string;
  note: string;
  tp: number[];
  fp: number[];
  fn: number[];
  tn: number[];
  lnDOR: number[];
  ESS: number[];
  intercept: number;
  interceptSe: number;
  slope: number;
  se: number;
  t: number;
  df: number;
  p: number;
}

interface Reference {
  source: string;
  metareg: MetaregCase[];
  subgroups: SubgroupCase[];
  regtest: RegtestCase[];
  deeks: DeeksCase[];
  pf: { q: number; df1: number; df2: number; upper: number; lower: number }[];
}

/** The whole fixture. */
export const metaregReference = loadFixture<Reference>('metareg-metafor.json');

/** |actual − expected| / |expected| (absolute when expected is 0). */
export function relDiff(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

/** Keeps the largest relative difference per quantity, for the summary a test file prints. */
export class WorstDiff {
  readonly worst: Record<string, number> = {};
  /** Records and returns relDiff(actual, expected) under `quantity`. */
  track(quantity: string, actual: number, expected: number): number {
    const d = relDiff(actual, expected);
    this.worst[quantity] = Math.max(this.worst[quantity] ?? 0, Number.isNaN(d) ? Infinity : d);
    return d;
  }
  /** One line per quantity, for console output. */
  summary(): string {
    return Object.entries(this.worst)
      .map(([k, v]) => `  ${k.padEnd(24)} ${v.toExponential(2)}`)
      .join('\n');
  }
}
