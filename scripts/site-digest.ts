/**
 * node scripts/site-digest.ts [dir] [--write FILE | --check FILE | --compare DIR]
 * The sha256 manifest of a built site (default dist/): every file, sorted relative paths, in
 * sha256sum's format. Without an option it prints the manifest; --write saves it; --check compares
 * the site with a saved manifest (added, removed, changed files); --compare compares it with
 * another built site, showing each changed text file's first differing line. Exits 1 when they differ.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compareManifests, describeDiff, digestDir, formatManifest, isIdentical, parseManifest } from './lib/site-digest.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { write: { type: 'string' }, check: { type: 'string' }, compare: { type: 'string' } } });
if (positionals.length > 1 || [values.write, values.check, values.compare].filter(Boolean).length > 1) {
  console.error('usage: node scripts/site-digest.ts [dir] [--write FILE | --check FILE | --compare DIR]');
  process.exit(2);
}
const root = resolve(positionals[0] ?? 'dist');
const manifest = await digestDir(root);
if (manifest.length === 0) {
  console.error(`${root} holds no files: build the site first (npm run build).`);
  process.exit(2);
}
if (values.write) {
  await writeFile(values.write, formatManifest(manifest));
  console.error(`${manifest.length} files of ${root} → ${values.write}`);
} else if (values.check || values.compare) {
  const other = values.check ? parseManifest(await readFile(values.check, 'utf8')) : await digestDir(resolve(values.compare!));
  // before = the saved manifest or the other site; after = this site.
  const diff = compareManifests(other, manifest);
  if (isIdentical(diff)) console.log(`identical: ${manifest.length} files, each with the same sha256`);
  else {
    console.log((await describeDiff(diff, values.compare ? { before: resolve(values.compare), after: root } : null)).join('\n'));
    process.exitCode = 1;
  }
} else process.stdout.write(formatManifest(manifest));
