/**
 * node scripts/compare-builds.ts <git-ref> [--keep] [--npm-ci]
 * Builds <git-ref> (in a temporary git worktree, its node_modules linked to this tree's) and the
 * working tree as it is (uncommitted changes included), each into a scratch folder with `npm run
 * build`, and prints the files added, removed and changed (a changed text file with its first
 * differing line). Exits 0 when the two sites are byte-identical, 1 when they differ. --npm-ci
 * installs the ref's own packages instead (needed when its package-lock.json differs); --keep
 * keeps the two sites.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compareBuilds, removeWork, resolveCommit } from './lib/compare-builds.ts';
import { describeDiff, isIdentical } from './lib/site-digest.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { keep: { type: 'boolean', default: false }, 'npm-ci': { type: 'boolean', default: false } } });
if (positionals.length !== 1) {
  console.error('usage: node scripts/compare-builds.ts <git-ref> [--keep] [--npm-ci]');
  process.exit(2);
}
const ref = positionals[0]!;
const repo = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
const commit = resolveCommit(repo, ref);
const lockThen = execFileSync('git', ['-C', repo, 'show', `${commit}:package-lock.json`], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
if (!values['npm-ci'] && lockThen !== readFileSync(join(repo, 'package-lock.json'), 'utf8')) {
  console.error(`${ref}'s package-lock.json differs from the working tree's: its packages are not the ones in node_modules. Run again with --npm-ci.`);
  process.exit(2);
}
const work = await mkdtemp(join(tmpdir(), 'compare-builds-'));
const log = (line: string) => console.error(`[compare-builds] ${line}`);
try {
  const r = await compareBuilds({ repo, ref, work, npmCi: values['npm-ci'], log });
  if (isIdentical(r.diff)) console.log(`identical: ${ref} (${r.commit.slice(0, 12)}) and the working tree build the same ${r.files.after} files, byte for byte`);
  else {
    console.log(`${ref} (${r.commit.slice(0, 12)}): ${r.files.before} files; working tree: ${r.files.after} files`);
    console.log((await describeDiff(r.diff, { before: r.before, after: r.after })).join('\n'));
    process.exitCode = 1;
  }
} finally {
  if (values.keep) log(`kept ${work} (ref-dist, current-dist)`);
  else await removeWork(work);
}
