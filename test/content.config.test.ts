import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { projectWithInvalidPage, ROOT } from './helpers.ts';

const run = promisify(execFile);

describe('the studies content collection', () => {
  it('makes astro build fail on an invalid page, naming the file and the field', async () => {
    const dir = await projectWithInvalidPage('astro-invalid-');
    try {
      const data = await run(join(ROOT, 'node_modules', '.bin', 'node'), ['scripts/build-data.ts'], { cwd: dir }).then(
        () => '',
        (e: { stderr: string }) => e.stderr,
      );
      expect(data).toContain('content/studies/2025-optimization-framework-integrates-deep-learning-solar.mdx:20: status: Invalid option');
      const result = await run(join(ROOT, 'node_modules', '.bin', 'node'), [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], { cwd: dir, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } }).then(
        () => ({ failed: false, output: '' }),
        // Astro colours its messages when FORCE_COLOR is set (as on CI): compare the plain text.
        (e: { stdout: string; stderr: string }) => ({ failed: true, output: stripVTControlCharacters(`${e.stdout}\n${e.stderr}`) }),
      );
      expect(result.failed).toBe(true);
      expect(result.output).toContain('2025-optimization-framework-integrates-deep-learning-solar');
      expect(result.output).toMatch(/status: Invalid option: expected one of "included"\|"excluded"\|"pending"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
