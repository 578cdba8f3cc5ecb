import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runCheck } from '../../scripts/check.ts';
import { formatProblem } from '../../src/lib/content/validate.ts';
import { fixture, ROOT } from '../helpers.ts';

const BROKEN = join(ROOT, 'test', 'fixtures', 'broken-project');
const run = promisify(execFile);

describe('npm run check', () => {
  it('passes on the committed content, with warnings only', async () => {
    const problems = await runCheck(ROOT);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('fires every check on the broken fixture with file, line, field and fix', async () => {
    const lines = (await runCheck(BROKEN)).map((p) => `${p.severity}: ${formatProblem(p)}`);
    const f = 'content/studies/';
    expect(lines).toEqual(
      expect.arrayContaining([
        `error: ${f}a-first.mdx:65: estimates.1.quote: quote is not in the abstract: copy the exact words from the abstract (or fix the abstract if it was mistyped)`,
        expect.stringMatching(new RegExp(`^error: ${f}a-first\\.mdx:81: estimates\\.3\\.outcome: outcome "t2-weighted" is not declared in content/review\\.yaml: use one of wall-motion-abnormality, `)),
        `warning: ${f}a-first.mdx:96: estimates.4.value: interval [0.691, 0.455] does not contain 0.564 (flagged needs_review: CI bounds swapped in extraction): correct the numbers from the full text, then set needs_review: false`,
        expect.stringMatching(new RegExp(`^error: ${f}b-duplicate\\.mdx:\\d+: doi: duplicate of ${f}a-first\\.mdx \\(both are doi:10\\.1101/2024\\.04\\.16\\.24305936\\): merge the two pages`)),
        expect.stringMatching(new RegExp(`^warning: ${f}b-duplicate\\.mdx:3: title: title is 100% similar to ${f}a-first\\.mdx`)),
        expect.stringMatching(new RegExp(`^error: ${f}c-excluded\\.mdx:\\d+: exclusion_reason: "wrong-moon-phase" is not an exclusion reason in content/review\\.yaml: use one of not-clinical, no-ai-model, no-accuracy-outcome`)),
        expect.stringMatching(new RegExp(`^error: ${f}d-no-reason\\.mdx:\\d+: exclusion_reason: status "excluded" needs an exclusion_reason`)),
      ]),
    );
  });

  it('exits 1 and prints errors and warnings separately', async () => {
    const result = await run(join(ROOT, 'node_modules', '.bin', 'node'), [join(ROOT, 'scripts', 'check.ts'), '--root', BROKEN]).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Errors \(\d+\):\n  content\/studies\//);
    expect(result.stdout).toMatch(/Warnings \(\d+\):\n  content\/studies\//);
    expect(result.stdout).toMatch(/check: \d+ error\(s\), \d+ warning\(s\)\n$/);
  });
});

describe('npm run check on study pages with code in their body', () => {
  const PAGES = ['esm', 'expression', 'html', 'unbalanced', 'allowed'];

  async function projectWithCodePages(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'check-code-'));
    await cp(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    for (const name of PAGES) await writeFile(join(dir, 'content', 'studies', `code-${name}.mdx`), fixture(`studies/code/${name}.mdx`));
    return dir;
  }

  it('reports each with file:line: (body): message as an error, and passes comments and escaped braces', async () => {
    const dir = await projectWithCodePages();
    try {
      const body = (await runCheck(dir)).filter((p) => p.field === '(body)');
      expect(body.every((p) => p.severity === 'error')).toBe(true);
      expect(body.map(formatProblem)).toEqual([
        expect.stringMatching(/^content\/studies\/code-esm\.mdx:127: \(body\): "import fs from 'node:fs'": import\/export statements are not allowed in a study page \(they run on the machine that builds the site\): delete them/),
        expect.stringMatching(/^content\/studies\/code-expression\.mdx:127: \(body\): "\{process\.exit\(1\)\}": JavaScript expressions are not allowed .*: delete it, or write a literal brace as \\\{/),
        expect.stringMatching(/^content\/studies\/code-html\.mdx:127: \(body\): <script> is not allowed in a study page/),
        expect.stringMatching(/^content\/studies\/code-html\.mdx:129: \(body\): <div> is not allowed in a study page/),
        expect.stringMatching(/^content\/studies\/code-unbalanced\.mdx:127: \(body\): the body is not valid MDX: /),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 and prints the body errors among the errors', async () => {
    const dir = await projectWithCodePages();
    try {
      const result = await run(join(ROOT, 'node_modules', '.bin', 'node'), [join(ROOT, 'scripts', 'check.ts'), '--root', dir]).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => e,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('  content/studies/code-esm.mdx:127: (body): ');
      expect(result.stderr).toContain('  content/studies/code-html.mdx:127: (body): <script>');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
