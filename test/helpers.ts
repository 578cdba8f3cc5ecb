/** Shared test helpers: project paths and the seed listing. */
import { readFileSync } from 'node:fs';
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
