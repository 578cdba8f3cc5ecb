/**
 * Runs the appraisal figures' "Reproduce in R" scripts with the machine's Rscript (base graphics,
 * drawn into a PNG) and reads back what R computed: the overall rule holds, the summary shares are
 * the site's, the funnel's centre refits in metafor, and Deeks' regression matches deeksTest.
 * Skipped where R is absent.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAppraisalFigures } from '../../../src/lib/figures/appraisal-registry.ts';
import { appraisalRScript } from '../../../src/lib/figures/appraisal-r-script.ts';
import { robSummaryLayout } from '../../../src/lib/figures/appraisal-standalone.ts';
import type { AppraisalFigure, RobFigure } from '../../../src/lib/figures/appraisal-types.ts';
import { deeksTest } from '../../../src/lib/stats/deeks.ts';
import { rscriptPath, runRscript } from '../../../scripts/lib/rscript.ts';
import { HOSTILE } from './fixtures.ts';
import { CTX, DTA, MIXED, SYNTHESES, auditCInputs, studiesWith } from './appraisal-fixtures.ts';

const hasR = rscriptPath() !== null;
const dir = mkdtempSync(join(tmpdir(), 'appraisal-r-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ctx = { pageUrl: 'https://example.org/outcomes/x/', csvUrl: 'https://example.org/figures/x.csv', reviewTitle: 'A review', dataVersion: 'v1' };

/** Runs a figure's script with a PNG device and `extra` R lines after it; returns stdout and the JSON line, if any. */
async function run(f: AppraisalFigure, extra: string[] = []): Promise<{ stdout: string; json: Record<string, unknown> | null; png: string }> {
  const png = join(dir, `${f.id}.png`);
  const code = `png(${JSON.stringify(png)}, width = 900, height = 700)\n${appraisalRScript(f, ctx)}${extra.join('\n')}\ninvisible(dev.off())\n`;
  const { stdout } = await runRscript(code, { timeoutMs: 60_000, cwd: dir });
  const line = stdout.split('\n').find((l) => l.startsWith('JSON:'));
  return { stdout, json: line ? (JSON.parse(line.slice(5)) as Record<string, unknown>) : null, png };
}

const figures = buildAppraisalFigures(studiesWith(MIXED), SYNTHESES, DTA, CTX);
const byKind = (k: string) => figures.find((f) => f.kind === k || f.id.endsWith(k))!;

describe.skipIf(!hasR)('the appraisal R scripts in real R (base graphics)', () => {
  it('draw the traffic-light plot, with hostile study titles kept inside strings, and check the overall rule', async () => {
    const traffic = byKind('rob-traffic-light') as RobFigure;
    const hostile = { ...traffic, studies: traffic.studies.map((s, i) => ({ ...s, label: HOSTILE[i % HOSTILE.length]! })) };
    const { stdout, png } = await run(hostile, ['cat("JSON:", sprintf(\'{"labels":[%s]}\', paste0(\'"\', nchar(dat$label), \'"\', collapse = ",")), "\\n", sep = "")']);
    expect(existsSync(png) && statSync(png).size > 1000).toBe(true);
    expect(stdout).toMatch(/D1: Patient selection/);
    // The overall table R prints: 1 low, 1 unclear, 1 high, 1 not assessed.
    expect(stdout.replace(/\s+/g, ' ')).toContain('low unclear high not-assessed 1 1 1 1');
    const lengths = JSON.parse(stdout.split('\n').find((l) => l.startsWith('JSON:'))!.slice(5)).labels.map(Number);
    expect(lengths).toEqual(hostile.studies.map((s) => [...s.label].length));
  });

  it('stop when the overall column breaks the rule', async () => {
    const traffic = byKind('rob-traffic-light') as RobFigure;
    const broken = { ...traffic, studies: traffic.studies.map((s, i) => (i === 1 ? { ...s, overall: 'low' as const } : s)) };
    await expect(run(broken)).rejects.toThrow(/is not TRUE|identical/);
  });

  it("recompute the summary plot's shares as the site does, weighted, to 1e-9", async () => {
    const summary = byKind('rob-summary') as RobFigure;
    const { json } = await run(summary, ['cat("JSON:", jsonlite::toJSON(list(share = unname(t(share)), weighted = weighted), digits = NA), "\\n", sep = "")']);
    const L = robSummaryLayout(summary);
    expect(json!.weighted).toEqual([L.weighted]);
    const site = L.bars.map((b) => ['low', 'unclear', 'high', 'not-assessed'].map((l) => b.segments.find((s) => s.level === l)?.percent ?? 0));
    const r = json!.share as number[][];
    expect(r).toHaveLength(site.length);
    site.forEach((row, i) => row.forEach((x, j) => expect(Math.abs(r[i]![j]! - x)).toBeLessThan(1e-9)));
  });

  it('draw the funnel plot and refit its centre with metafor to 1e-6 relative', async () => {
    const { stdout } = await run(byKind('outcome-x-auc-funnel'));
    const m = stdout.match(/relative_difference ([0-9.e-]+)/);
    expect(m, stdout).not.toBeNull();
    expect(Number(m![1])).toBeLessThan(1e-6);
  });

  it("draw Deeks' funnel and fit Deeks' regression as deeksTest does, to 1e-9", async () => {
    const { json } = await run(byKind('outcome-alcohol-dor-funnel'), ['cat("JSON:", jsonlite::toJSON(unname(coef(fit)), digits = NA), "\\n", sep = "")']);
    const test = deeksTest(auditCInputs(), { minStudies: 3 });
    if (test.status !== 'ok') throw new Error('expected a Deeks fit');
    const [intercept, slope] = json as unknown as number[];
    expect(Math.abs(intercept! - test.intercept) / Math.abs(test.intercept)).toBeLessThan(1e-9);
    expect(Math.abs(slope! - test.slope) / Math.abs(test.slope)).toBeLessThan(1e-9);
  });
});
