/**
 * Bad 2×2 input end to end (issue 12, "Bad input"): on a copy of the project whose study page holds
 * a broken 2×2 table (or a sensitivity outside [0, 1]), the real `npm run check`, `npm run data` and
 * `npm run build` each exit 1 with `file:line: field: message`, and nothing is written to data/.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fixture, INVALID_PAGE, projectWithInvalidPage, ROOT } from '../helpers.ts';

const run = promisify(execFile);
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
/** The valid page with a 2×2 table (sensitivity 87% = 194/223, specificity 91% = 364/400). */
const GOOD = fixture('studies/two-by-two.mdx');

interface Result {
  code: number;
  out: string;
  stderr: string;
}

async function command(dir: string, script: string): Promise<Result> {
  const env = { ...process.env, SITE_DATA_DIR: join(dir, 'data'), SITE_OUT_DIR: join(dir, 'dist'), ASTRO_TELEMETRY_DISABLED: '1' };
  return run(NODE, [script], { cwd: dir, env, maxBuffer: 32 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ code: 0, out: `${stdout}${stderr}`, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: `${e.stdout}${e.stderr}`, stderr: e.stderr }),
  );
}

/** The 1-based line of the first line of `page` that starts with `start`. */
function lineOf(page: string, start: string): number {
  const i = page.split('\n').findIndex((l) => l.startsWith(start));
  if (i < 0) throw new Error(`no line starts with ${JSON.stringify(start)}`);
  return i + 1;
}

const CASES: { name: string; edit: (page: string) => string; line: string; field: string; message: string }[] = [
  {
    name: 'a fractional count',
    edit: (p) => p.replace('    fn: { n: 29,', '    fn: { n: 29.5,'),
    line: '    fn:',
    field: 'two_by_two.0.fn.n',
    message: 'must be a whole number of people or exams',
  },
  {
    name: 'a negative count',
    edit: (p) => p.replace('    fp: { n: 36,', '    fp: { n: -1,'),
    line: '    fp:',
    field: 'two_by_two.0.fp.n',
    message: 'must be 0 or more',
  },
  {
    name: 'cells that do not add up to the n/N printed with the sensitivity',
    edit: (p) => p.replace('    fn: { n: 29,', '    fn: { n: 30,'),
    line: '    fn:',
    field: 'two_by_two.0.fn',
    message: 'the cells do not add up: tp = 194 and tp + fn = 224, but estimates[0] reports sensitivity 194/223',
  },
  {
    name: 'a sensitivity outside [0, 1]',
    edit: (p) => p.replace('    value: 87\n', '    value: 1.7\n').replace('    ci_low: 82\n', '    ci_low: 1.6\n').replace('    ci_high: 91\n', '    ci_high: 1.8\n').replace('    unit: percent\n    events: 194', '    unit: proportion\n    events: 194'),
    line: '    value: 1.7',
    field: 'estimates.0.value',
    message: 'sensitivity 1.7 is outside [0, 1]',
  },
  {
    name: 'a 2×2 table inconsistent with the reported sensitivity',
    edit: (p) => p.replace('    tp: { n: 194,', '    tp: { n: 150,'),
    line: '    tp:',
    field: 'two_by_two.0.tp',
    message: 'tp/(tp+fn) = 150/179 = 83.80%, but estimates[0] reports sensitivity 87% for "WMA"',
  },
];

async function dataFiles(dir: string): Promise<string[]> {
  return (await readdir(join(dir, 'data'))).sort();
}

describe('a study page with bad 2×2 input, through the real commands', () => {
  it('is accepted when its table agrees with its estimates: check passes and data writes the table (the control)', async () => {
    const dir = await projectWithInvalidPage('dta-bad-control-', () => GOOD);
    try {
      const check = await command(dir, 'scripts/check.ts');
      expect(check.code, check.out).toBe(0);
      const data = await command(dir, 'scripts/build-data.ts');
      expect(data.code, data.out).toBe(0);
      expect(await dataFiles(dir)).toContain('diagnostic_tables.csv');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  for (const c of CASES) {
    it(`refuses ${c.name} in check, data and build, naming file, line and field, and writes no data`, async () => {
      const page = c.edit(GOOD);
      expect(page).not.toBe(GOOD);
      const where = `${INVALID_PAGE}:${lineOf(page, c.line)}: ${c.field}: ${c.message}`;
      const dir = await projectWithInvalidPage('dta-bad-input-', () => page);
      try {
        const check = await command(dir, 'scripts/check.ts');
        expect(check.code).toBe(1);
        expect(check.out).toContain(where);

        const data = await command(dir, 'scripts/build-data.ts');
        expect(data.code).toBe(1);
        expect(data.stderr).toContain(where);
        expect(data.stderr).toMatch(/\d+ problem\(s\): fix them and run npm run data again/);
        expect(await dataFiles(dir)).toEqual(['README.md']);

        const build = await command(dir, 'scripts/build-site.ts');
        expect(build.code).toBe(1);
        expect(build.out).toContain(where);
        expect(build.stderr).toContain('build: check failed (exit 1)');
        expect(await dataFiles(dir)).toEqual(['README.md']);
        expect(existsSync(join(dir, 'dist'))).toBe(false);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }, 120_000);
  }
});
