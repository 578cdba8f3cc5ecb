import { describe, expect, it } from 'vitest';
import { RSCRIPT_INSTALL_HINT, RscriptError, rscriptPath, runRscript, runRscriptJson } from '../../../scripts/lib/rscript.ts';

const bin = rscriptPath();
const skipReason = bin ? '' : ` (skipped: Rscript not found on PATH; ${RSCRIPT_INSTALL_HINT})`;
if (!bin) console.warn(`test/scripts/lib/rscript.test.ts skipped: Rscript not found; ${RSCRIPT_INSTALL_HINT}`);

describe('rscriptPath', () => {
  it('honours RSCRIPT_PATH, and returns null when it points nowhere or PATH holds no Rscript', () => {
    expect(rscriptPath({ RSCRIPT_PATH: '/nonexistent/Rscript' })).toBeNull();
    expect(rscriptPath({ PATH: '/nonexistent-dir' })).toBeNull();
    expect(rscriptPath({ RSCRIPT_PATH: process.execPath })).toBe(process.execPath);
  });
});

describe.skipIf(!bin)(`runRscript with the real R${skipReason}`, () => {
  it('returns what the script prints on stdout', async () => {
    const run = await runRscript('cat(sprintf("%.15g", qchisq(0.95, 2)))');
    expect(Number(run.stdout)).toBeCloseTo(-2 * Math.log(0.05), 12);
    expect(run.ms).toBeGreaterThan(0);
  });

  it('passes arguments through to commandArgs(TRUE)', async () => {
    const run = await runRscript('cat(commandArgs(TRUE), sep = "|")', { args: ['a b', 'c'] });
    expect(run.stdout).toBe('a b|c');
  });

  it("rejects with R's error message and exit status when the script fails", async () => {
    const error = await runRscript('x <- 1\nstop("the data do not add up")').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RscriptError);
    expect((error as RscriptError).message).toMatch(/exited with status 1:[\s\S]*the data do not add up/);
    expect((error as RscriptError).exitCode).toBe(1);
  });

  it('rejects with a timeout', async () => {
    const error = await runRscript('Sys.sleep(5)', { timeoutMs: 300 }).catch((e: unknown) => e);
    expect((error as RscriptError).message).toMatch(/timed out after 300 ms/);
  });

  it('parses a JSON document, and says so when the output is not one', async () => {
    expect(await runRscriptJson<{ a: number }>('cat("{\\"a\\": 3}")')).toEqual({ a: 3 });
    await expect(runRscriptJson('cat("not json")')).rejects.toThrow(/no valid JSON; stdout began: "not json"/);
  });
});
