import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { INVALID_PAGE, projectWithInvalidPage, ROOT } from '../helpers.ts';

const run = promisify(execFile);

describe('npm run build (scripts/build-site.ts)', () => {
  it('stops at the first failing step with its exit code and message, and builds nothing after it', async () => {
    const dir = await projectWithInvalidPage('build-site-');
    try {
      const result = await run(join(ROOT, 'node_modules', '.bin', 'node'), ['scripts/build-site.ts'], { cwd: dir, env: { ...process.env, SITE_DATA_DIR: join(dir, 'data'), SITE_OUT_DIR: join(dir, 'dist') } }).then(
        () => ({ code: 0, stdout: '', stderr: '' }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      expect(result.code).toBe(1);
      expect(`${result.stdout}${result.stderr}`).toContain(`${INVALID_PAGE}:20: status: Invalid option`);
      expect(result.stderr).toContain('build: check failed (exit 1)');
      expect(existsSync(join(dir, 'dist'))).toBe(false);
      expect(existsSync(join(dir, 'data', 'review.duckdb'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses a study page with code at the check step, naming file and line, and runs none of it', async () => {
    let marker = '';
    const dir = await projectWithInvalidPage('build-site-code-', (page, d) => {
      marker = join(d, 'written-by-a-study-page.txt');
      return `${page}\nimport fs from 'node:fs'\nexport const x = fs.writeFileSync(${JSON.stringify(marker)}, 'ran')\n\nThe model was good {process.exit(0)} on the test set.\n`;
    });
    try {
      const result = await run(join(ROOT, 'node_modules', '.bin', 'node'), ['scripts/build-site.ts'], { cwd: dir, env: { ...process.env, SITE_DATA_DIR: join(dir, 'data'), SITE_OUT_DIR: join(dir, 'dist') } }).then(
        () => ({ code: 0, stdout: '', stderr: '' }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${INVALID_PAGE}:41: (body): "import fs from 'node:fs'": import/export statements are not allowed`);
      expect(result.stderr).toContain(`${INVALID_PAGE}:44: (body): "{process.exit(0)}": JavaScript expressions are not allowed`);
      expect(result.stderr).toContain('build: check failed (exit 1)');
      expect(existsSync(marker)).toBe(false);
      expect(existsSync(join(dir, 'dist'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

