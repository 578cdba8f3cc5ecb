/**
 * npm run diff -- <base-ref> [--root DIR]
 * Compares the review's data at a git ref with the working tree and prints Markdown for a
 * pull-request comment: studies added/removed/changed, estimates changed (old → new with
 * quotes), and each outcome's pooled estimate, CI, I² and k before → after.
 */
import { parseArgs } from 'node:util';
import { snapshotOf } from '../src/lib/changes/snapshot.ts';
import { diffSnapshots } from '../src/lib/changes/diff.ts';
import { diffEstimates } from '../src/lib/changes/estimates.ts';
import { formatDataDiff } from '../src/lib/changes/markdown.ts';
import { treeAt, workingTree } from '../src/build/git-history-fs.ts';

/** The Markdown diff between `base` and the working tree of `root`. */
export async function dataDiff(root: string, base: string): Promise<string> {
  const before = snapshotOf(treeAt(root, base));
  const after = snapshotOf(await workingTree(root));
  return formatDataDiff(diffSnapshots(before, after), diffEstimates(before, after), { base, head: 'working tree' });
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { root: { type: 'string', default: process.cwd() } } });
  const base = positionals[0];
  if (!base) {
    console.error('usage: npm run diff -- <base-ref>   (for example: npm run diff -- origin/main)');
    process.exit(2);
  }
  dataDiff(values.root!, base).then(
    (md) => process.stdout.write(md),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
