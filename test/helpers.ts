/** Shared test helpers: project paths and the seed listing. */
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Absolute path of the project root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Project-relative path of the seed listing. */
export const SEED_FILE = 'content/sources/000_185ae1a7dc3493b2.txt';
/** The seed listing's text, as committed. */
export const SEED_TEXT = readFileSync(join(ROOT, SEED_FILE), 'utf8');
/** Read a fixture file under test/fixtures. */
export function fixture(path: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', path), 'utf8');
}

/** The study page that projectWithInvalidPage breaks, relative to the project. */
export const INVALID_PAGE = 'content/studies/2025-optimization-framework-integrates-deep-learning-solar.mdx';

/** The default break: `status: maybe`, which the schema rejects at line 20. */
const STATUS_MAYBE = (page: string) => page.replace('status: excluded', 'status: maybe');

/**
 * A copy of the project in a new temporary folder (node_modules linked) whose INVALID_PAGE is
 * broken by `breakPage` (given the page text and the copy's folder; default: `status: maybe`).
 */
export async function projectWithInvalidPage(prefix: string, breakPage: (page: string, dir: string) => string = STATUS_MAYBE): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  for (const p of ['src', 'content', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) await cp(join(ROOT, p), join(dir, p), { recursive: true });
  await cp(join(ROOT, 'data', 'README.md'), join(dir, 'data', 'README.md'));
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const page = join(dir, INVALID_PAGE);
  await writeFile(page, breakPage(await readFile(page, 'utf8'), dir));
  return dir;
}
