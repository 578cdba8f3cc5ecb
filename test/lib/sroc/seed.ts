/**
 * Test inputs for the DTA figures: ten studies' 2×2 tables (made up, shaped like an imaging
 * accuracy review) and a summary built from fixed bivariate parameters on the logit scale, the
 * way the bivariate model's output is turned into ROC space (ellipses and the HSROC line).
 */
import type { SrocInput, SrocPoint, SrocStudy } from '../../../src/lib/sroc/types.ts';

/** Ten studies; n from 60 to 2,400. */
export const SEED_STUDIES: SrocStudy[] = [
  { id: 's1', label: 'Abdi 2019', tp: 45, fp: 12, fn: 5, tn: 88 },
  { id: 's2', label: 'Bergström 2020', tp: 180, fp: 95, fn: 20, tn: 905 },
  { id: 's3', label: 'Chen 2020', tp: 27, fp: 3, fn: 8, tn: 22 },
  { id: 's4', label: 'Dubois 2021', tp: 610, fp: 230, fn: 90, tn: 1470 },
  { id: 's5', label: 'Evans 2021', tp: 88, fp: 40, fn: 12, tn: 160 },
  { id: 's6', label: 'Fujita 2022', tp: 52, fp: 9, fn: 18, tn: 121 },
  { id: 's7', label: 'García 2022', tp: 140, fp: 61, fn: 10, tn: 289 },
  { id: 's8', label: 'Haddad 2023', tp: 33, fp: 25, fn: 2, tn: 90 },
  { id: 's9', label: 'Ivanova 2023', tp: 75, fp: 6, fn: 25, tn: 194 },
  { id: 's10', label: 'Jensen 2024', tp: 230, fp: 70, fn: 40, tn: 660, href: '/studies/jensen-2024/' },
];

const expit = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

/** Bivariate parameters on the logit scale: means, covariance of the means, between-study covariance. */
export const SEED_FIT = { muSens: 1.75, muSpec: 1.6, vSens: 0.045, vSpec: 0.04, cov: -0.012, tau2Sens: 0.35, tau2Spec: 0.45, rho: -0.4 };

/** The outline of {μ + c·L·(cos t, sin t)} for a 2×2 covariance [[a, b], [b, d]], in ROC space. */
export function ellipse(a: number, b: number, d: number, radius = Math.sqrt(-2 * Math.log(0.05)), n = 72): SrocPoint[] {
  const l11 = Math.sqrt(a);
  const l21 = b / l11;
  const l22 = Math.sqrt(d - l21 * l21);
  return Array.from({ length: n }, (_, i) => {
    const t = (2 * Math.PI * i) / n;
    const u = radius * Math.cos(t);
    const v = radius * Math.sin(t);
    const ls = SEED_FIT.muSens + l11 * u;
    const lp = SEED_FIT.muSpec + l21 * u + l22 * v;
    return { fpr: 1 - expit(lp), sens: expit(ls) };
  });
}

/** The HSROC line logit(sens) = μA + (τA / τB)(logit(fpr) + μB) on a grid of false-positive rates over (0, 1). */
export function curve(n = 99): SrocPoint[] {
  const slope = Math.sqrt(SEED_FIT.tau2Sens / SEED_FIT.tau2Spec);
  return Array.from({ length: n }, (_, i) => {
    const fpr = (i + 1) / (n + 1);
    return { fpr, sens: expit(SEED_FIT.muSens + slope * (logit(fpr) + SEED_FIT.muSpec)) };
  });
}

/** The seed SROC input with a bivariate summary. */
export function seedSroc(): SrocInput {
  const f = SEED_FIT;
  const tauCov = f.rho * Math.sqrt(f.tau2Sens * f.tau2Spec);
  return {
    title: 'Pulmonary nodules on CT: AI versus reference standard',
    studies: SEED_STUDIES.map((s) => ({ ...s })),
    summary: {
      sens: expit(f.muSens),
      spec: expit(f.muSpec),
      confidenceRegion: ellipse(f.vSens, f.cov, f.vSpec),
      predictionRegion: ellipse(f.vSens + f.tau2Sens, f.cov + tauCov, f.vSpec + f.tau2Spec),
      curve: curve(),
    },
  };
}

/** Labels that try to break out of SVG text, attributes, R strings and CSV fields. */
export const HOSTILE_LABELS = ['<script>alert(1)</script>', 'Smith "quoted" & O\'Brien', '</title><a href="javascript:alert(1)">x</a>', 'line\nbreak, comma', 'tab\tand \u0007 bell'];
