/**
 * Runs the generated DTA "Reproduce in R" scripts with the real R (Rscript with metafor and
 * jsonlite, as .ci/run installs them) and reads back what R computed. Skipped where R is absent.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dtaFigureRScript } from '../../../src/lib/figures/dta-r-script.ts';
import type { DtaFigure } from '../../../src/lib/figures/dta-types.ts';
import { clopperPearson } from '../../../src/lib/stats/clopper-pearson.ts';
import { HOSTILE } from './fixtures.ts';
import { DTA_CONTEXT, fallbackDtaFigure, seedDtaFigure } from './dta-fixtures.ts';

const hasR = spawnSync('Rscript', ['-e', 'suppressMessages({library(metafor); library(jsonlite)})'], { stdio: 'ignore' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'dta-r-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface RResult {
  labels: string[];
  se?: number[][];
  sp?: number[][];
  summary?: number[][];
  tau2?: number[];
  rho?: number;
}

/** Runs the figure's script (plots go to a PNG) and returns what R computed, as JSON. */
function runScript(f: DtaFigure, name: string): RResult {
  const extra = [
    'out <- list(labels = dat$label)',
    'if (exists("se")) { out$se <- unname(se); out$sp <- unname(sp) }',
    'if (exists("res")) { out$summary <- unname(summary_ci); out$tau2 <- res$tau2; out$rho <- res$rho }',
    'cat("JSON:", jsonlite::toJSON(out, digits = NA), "\\n", sep = "")',
  ];
  const file = join(dir, `${name}.R`);
  writeFileSync(file, `png(${JSON.stringify(join(dir, `${name}.png`))}, width = 1200, height = 800)\n${dtaFigureRScript(f, DTA_CONTEXT)}${extra.join('\n')}\n`);
  const out = execFileSync('Rscript', [file], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const line = out.split('\n').find((l) => l.startsWith('JSON:'));
  if (!line) throw new Error(`no JSON line in R's output:\n${out}`);
  return JSON.parse(line.slice(5)) as RResult;
}

describe.skipIf(!hasR)('the DTA R scripts in real R', () => {
  it("give the same exact intervals as the paired forest plot, within 1e-12 relative", () => {
    const f = seedDtaFigure('paired-forest');
    const r = runScript(f, 'paired');
    expect(existsSync(join(dir, 'paired.png'))).toBe(true);
    f.studies.forEach((s, i) => {
      const sens = clopperPearson(s.tp, s.tp + s.fn);
      const spec = clopperPearson(s.tn, s.tn + s.fp);
      for (const [mine, theirs] of [[sens.lower, r.se![i]![1]!], [sens.upper, r.se![i]![2]!], [spec.lower, r.sp![i]![1]!], [spec.upper, r.sp![i]![2]!]] as const) {
        expect(Math.abs(mine - theirs) / theirs).toBeLessThan(1e-12);
      }
    });
  });

  it('fit the bivariate model: two τ², a correlation in (−1, 1) and a summary inside the CI, and draw the SROC plot', () => {
    const r = runScript(seedDtaFigure('sroc'), 'sroc');
    expect(existsSync(join(dir, 'sroc.png'))).toBe(true);
    expect(r.tau2).toHaveLength(2);
    expect(r.tau2!.every((t) => t > 0)).toBe(true);
    expect(Math.abs(r.rho!)).toBeLessThan(1);
    for (const [est, lo, hi] of r.summary!) {
      expect(lo).toBeLessThan(est!);
      expect(est).toBeLessThan(hi!);
    }
  });

  it('run for the fallback and for a single study', () => {
    expect(runScript(fallbackDtaFigure('sroc'), 'fallback').labels).toHaveLength(10);
    const one = { ...seedDtaFigure('paired-forest'), summary: null };
    one.studies = one.studies.slice(0, 1);
    const r = runScript(one, 'one');
    expect(r.summary).toBeUndefined();
    expect(r.se).toHaveLength(1);
  });

  it('read hostile labels back as the very strings they were, running none of them', () => {
    const f = seedDtaFigure('sroc', HOSTILE);
    f.studies[0]!.note = '"); system("touch pwned"); #';
    const r = runScript(f, 'hostile');
    expect(r.labels.slice(0, HOSTILE.length)).toEqual(HOSTILE.map((h) => h.toWellFormed()));
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
  });
});
