import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../helpers.ts';

const run = promisify(execFile);

describe('npm run build (scripts/build-site.ts)', () => {
  it('stops at the first failing step with its exit code and message, and builds nothing after it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'build-site-'));
    try {
      for (const p of ['src', 'content', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) await cp(join(ROOT, p), join(dir, p), { recursive: true });
      await cp(join(ROOT, 'data', 'README.md'), join(dir, 'data', 'README.md'));
      await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
      const page = join(dir, 'content', 'studies', '2025-optimization-framework-integrates-deep-learning-solar.mdx');
      await writeFile(page, (await readFile(page, 'utf8')).replace('status: excluded', 'status: maybe'));
      const result = await run(join(ROOT, 'node_modules', '.bin', 'node'), ['scripts/build-site.ts'], { cwd: dir, env: { ...process.env, SITE_DATA_DIR: join(dir, 'data'), SITE_OUT_DIR: join(dir, 'dist') } }).then(
        () => ({ code: 0, stdout: '', stderr: '' }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      expect(result.code).toBe(1);
      expect(`${result.stdout}${result.stderr}`).toContain('content/studies/2025-optimization-framework-integrates-deep-learning-solar.mdx:20: status: Invalid option');
      expect(result.stderr).toContain('build: check failed (exit 1)');
      expect(existsSync(join(dir, 'dist'))).toBe(false);
      expect(existsSync(join(dir, 'data', 'review.duckdb'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
