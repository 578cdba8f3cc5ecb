/**
 * node scripts/citation-cff.ts [-- --check] [--root DIR]
 * Writes CITATION.cff (CFF 1.2.0) from content/review.yaml and package.json's version;
 * with --check, exits 1 when the committed file is out of date.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { citationCff } from '../src/lib/cite/cff.ts';
import { readReview } from './lib/content-fs.ts';

/** The CITATION.cff text the repository should hold. */
export async function expectedCff(root: string): Promise<string> {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  return citationCff({ review: await readReview(root), version: pkg.version });
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { root: { type: 'string', default: process.cwd() }, check: { type: 'boolean', default: false } } });
  const root = values.root!;
  const file = join(root, 'CITATION.cff');
  const text = await expectedCff(root);
  if (values.check) {
    const current = await readFile(file, 'utf8').catch(() => '');
    if (current !== text) {
      console.error('CITATION.cff is out of date: run node scripts/citation-cff.ts');
      process.exit(1);
    }
    console.log('CITATION.cff is up to date');
  } else {
    await writeFile(file, text);
    console.log(`wrote ${file}`);
  }
}
