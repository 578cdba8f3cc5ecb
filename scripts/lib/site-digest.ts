/**
 * Digests of a built site for byte-identical checks: a manifest of every file's sha256 (sorted
 * relative paths, in `sha256sum` format, so `sha256sum -c` reads it too), the comparison of two
 * manifests (added, removed, changed), and for a changed text file its first differing line.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { distFiles } from './dist-files.ts';

/** One file's digest. */
export interface FileDigest {
  path: string;
  sha256: string;
}

/** sha256 of a file, hex. */
async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The manifest of every file under `root`, sorted by path. */
export async function digestDir(root: string): Promise<FileDigest[]> {
  const out: FileDigest[] = [];
  for (const f of await distFiles(root)) out.push({ path: f.path, sha256: await sha256File(join(root, f.path)) });
  return out;
}

/** The manifest as text: one `<sha256>  <path>` line per file (sha256sum's format). */
export function formatManifest(files: readonly FileDigest[]): string {
  return files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
}

/** Read a manifest written by formatManifest (or sha256sum); throws on a malformed line, naming it. */
export function parseManifest(text: string): FileDigest[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line !== '')
    .map(({ line, i }) => {
      const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
      if (!m) throw new Error(`manifest line ${i + 1} is not "<sha256>  <path>": ${JSON.stringify(line.slice(0, 120))}`);
      return { sha256: m[1]!, path: m[2]! };
    });
}

/** What differs from `before` to `after`: paths added, removed, and changed (each sorted). */
export interface ManifestDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

/** Compare two manifests by path and sha256. */
export function compareManifests(before: readonly FileDigest[], after: readonly FileDigest[]): ManifestDiff {
  const a = new Map(before.map((f) => [f.path, f.sha256]));
  const b = new Map(after.map((f) => [f.path, f.sha256]));
  const sorted = (xs: string[]) => xs.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return {
    added: sorted([...b.keys()].filter((p) => !a.has(p))),
    removed: sorted([...a.keys()].filter((p) => !b.has(p))),
    changed: sorted([...b].filter(([p, h]) => a.has(p) && a.get(p) !== h).map(([p]) => p)),
  };
}

/** True when the diff is empty. */
export function isIdentical(d: ManifestDiff): boolean {
  return d.added.length + d.removed.length + d.changed.length === 0;
}

const TEXT_EXTENSIONS = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.csv', '.xml', '.md', '.r', '.ris', '.bib', '.txt', '.cff', '.yaml', '.yml']);

/** True when a file is text: a known text extension, or no NUL byte in its first 8 KB. */
export function isText(path: string, bytes: Uint8Array): boolean {
  if (TEXT_EXTENSIONS.has(extname(path).toLowerCase())) return true;
  return !bytes.subarray(0, 8192).includes(0);
}

/** The first line (1-based) where two texts differ, with both lines (cut to `width` characters around the first differing character); null when equal. */
export function firstDifferentLine(before: string, after: string, width = 160): { line: number; before: string | null; after: string | null } | null {
  if (before === after) return null;
  const a = before.split('\n');
  const b = after.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const x = a[i];
  const y = b[i];
  // Long lines (minified JS, one-line HTML): show the part around the first differing character.
  let at = 0;
  while (x !== undefined && y !== undefined && at < x.length && at < y.length && x[at] === y[at]) at++;
  const from = Math.max(0, at - Math.floor(width / 4));
  const cut = (s: string | undefined) => (s === undefined ? null : `${from > 0 ? '…' : ''}${s.slice(from, from + width)}${s.length > from + width ? '…' : ''}`);
  return { line: i + 1, before: cut(x), after: cut(y) };
}

/** A diff as printed lines: added, removed, changed; given both sites' folders, each changed text file with its first differing line. */
export async function describeDiff(d: ManifestDiff, roots: { before: string; after: string } | null = null, maxListed = 200): Promise<string[]> {
  const out: string[] = [];
  const list = (label: string, paths: string[]) => {
    if (!paths.length) return;
    out.push(`${label} (${paths.length}):`);
    for (const p of paths.slice(0, maxListed)) out.push(`  ${p}`);
    if (paths.length > maxListed) out.push(`  … and ${paths.length - maxListed} more`);
  };
  list('added', d.added);
  list('removed', d.removed);
  if (d.changed.length) out.push(`changed (${d.changed.length}):`);
  for (const p of d.changed.slice(0, maxListed)) {
    if (!roots) {
      out.push(`  ${p}`);
      continue;
    }
    const [a, b] = await Promise.all([readFile(join(roots.before, p)), readFile(join(roots.after, p))]);
    if (!isText(p, a) || !isText(p, b)) {
      out.push(`  ${p} (binary, ${a.length} → ${b.length} bytes)`);
      continue;
    }
    const diff = firstDifferentLine(a.toString('utf8'), b.toString('utf8'))!;
    out.push(`  ${p} (line ${diff.line})`, `    - ${diff.before ?? '(no such line)'}`, `    + ${diff.after ?? '(no such line)'}`);
  }
  if (d.changed.length > maxListed) out.push(`  … and ${d.changed.length - maxListed} more`);
  return out;
}
