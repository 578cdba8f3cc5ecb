/**
 * The content's git history, read with the git CLI (Node only; called at build time from
 * src/build/history.ts and by the tests on a fixture repository). One `git log` lists the commits
 * that touched the content, `git ls-tree` gives each commit's content files and one
 * `git cat-file --batch` reads every distinct file version once. When `root` is not a git
 * checkout (or git is missing), `available` is false and the site falls back to "no history".
 */
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContentTree, TreeFile } from '../lib/changes/snapshot.ts';

/** The content paths whose history is the review's history. */
export const CONTENT_PATHS = ['content/studies', 'content/review.yaml'] as const;

/** One file changed by a commit (`git log --name-status` with rename detection). */
export interface FileChange {
  status: 'A' | 'M' | 'D' | 'R' | 'C' | 'T';
  path: string;
  /** The old path of a rename or copy. */
  from: string | null;
}

/** A commit that touched the content, with its files and the content tree as it was then. */
export interface ContentCommit {
  commit: string;
  /** Author date, ISO 8601 with offset. */
  date: string;
  subject: string;
  files: FileChange[];
  tree: ContentTree;
}

/** The content's history, newest first, plus the working tree when it differs from HEAD. */
export interface ContentHistory {
  available: boolean;
  commits: ContentCommit[];
  /** Content files with uncommitted changes (tracked or not), relative to root. */
  uncommitted: { status: string; path: string }[];
  /** The working tree's content (what this build shows). */
  working: ContentTree;
  /** Milliseconds spent in git and reading. */
  ms: number;
}

function git(root: string, args: string[], input?: string): Buffer {
  return execFileSync('git', ['-C', root, ...args], { input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'ignore'] });
}

/** True when root is inside a git work tree with at least one commit. */
export function isGitCheckout(root: string): boolean {
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']).toString().trim().length > 0;
  } catch {
    return false;
  }
}

/** Commits touching the content paths, newest first (paths relative to root, renames detected). */
export function contentLog(root: string, paths: readonly string[] = CONTENT_PATHS): Omit<ContentCommit, 'tree'>[] {
  const out = git(root, ['log', '--format=%x1e%H%x09%aI%x09%s', '--name-status', '-M', '--relative', '--', ...paths]).toString('utf8');
  return out
    .split('\x1e')
    .filter((b) => b.trim())
    .map((block) => {
      const [head, ...rest] = block.split('\n');
      const [commit, date, ...subject] = head!.split('\t');
      const files = rest.filter((l) => l.trim()).map((l) => {
        const [s, a, b] = l.split('\t');
        const status = s!.charAt(0) as FileChange['status'];
        return b === undefined ? { status, path: a!, from: null } : { status, path: b, from: a! };
      });
      return { commit: commit!, date: date!, subject: subject.join('\t'), files };
    });
}

/**
 * The history of one file with `git log --follow`, newest first. Not used by the site: --follow
 * also follows copies, so a new page that resembles an older one (study pages share most of
 * their frontmatter) is dated from the older page's first commit. contentLog's renames (-M) are not.
 */
export function fileLog(root: string, path: string): { commit: string; date: string; subject: string }[] {
  const out = git(root, ['log', '--follow', '--format=%H%x09%aI%x09%s', '--', path]).toString('utf8');
  return out.split('\n').filter(Boolean).map((l) => {
    const [commit, date, ...subject] = l.split('\t');
    return { commit: commit!, date: date!, subject: subject.join('\t') };
  });
}

/** Blob ids of the content files at a commit. */
function lsTree(root: string, commit: string, paths: readonly string[]): { oid: string; path: string }[] {
  return git(root, ['ls-tree', '-r', commit, '--', ...paths])
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [meta, path] = l.split('\t');
      return { oid: meta!.split(' ')[2]!, path: path! };
    });
}

/** Read blobs in one `git cat-file --batch` run. */
function readBlobs(root: string, oids: readonly string[]): Map<string, string> {
  const blobs = new Map<string, string>();
  if (oids.length === 0) return blobs;
  const out = git(root, ['cat-file', '--batch'], `${oids.join('\n')}\n`);
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(10, at);
    const [oid, , size] = out.subarray(at, eol).toString('utf8').split(' ');
    const start = eol + 1;
    blobs.set(oid!, out.subarray(start, start + Number(size)).toString('utf8'));
    at = start + Number(size) + 1;
  }
  return blobs;
}

/** Group files into a content tree (review.yaml and content/studies/*.mdx). */
function toTree(files: { path: string; text: string }[]): ContentTree {
  const studies: TreeFile[] = files
    .filter((f) => /^content\/studies\/[^/]+\.mdx$/.test(f.path))
    .map((f) => ({ slug: f.path.slice('content/studies/'.length, -'.mdx'.length), file: f.path, text: f.text }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
  return { reviewText: files.find((f) => f.path === 'content/review.yaml')?.text ?? null, studies };
}

/** The content folder as it is on disk. */
export async function workingTree(root: string): Promise<ContentTree> {
  const names = (await readdir(join(root, 'content', 'studies')).catch(() => [] as string[])).filter((n) => n.endsWith('.mdx'));
  const files = await Promise.all(names.map(async (n) => ({ path: `content/studies/${n}`, text: await readFile(join(root, 'content', 'studies', n), 'utf8') })));
  const review = await readFile(join(root, 'content', 'review.yaml'), 'utf8').catch(() => null);
  return toTree(review === null ? files : [...files, { path: 'content/review.yaml', text: review }]);
}

/** Uncommitted changes to the content paths (`git status --porcelain`), untracked files included. */
function uncommitted(root: string, paths: readonly string[]): { status: string; path: string }[] {
  return git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...paths])
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .filter((e) => /^[ MADRCU?!]{2} /.test(e))
    .map((e) => ({ status: e.slice(0, 2).trim() || 'M', path: e.slice(3) }));
}

/** Read the whole content history of root (every commit's tree) and the working tree. */
export async function readContentHistory(root: string, paths: readonly string[] = CONTENT_PATHS): Promise<ContentHistory> {
  const started = performance.now();
  const working = await workingTree(root);
  if (!isGitCheckout(root)) return { available: false, commits: [], uncommitted: [], working, ms: performance.now() - started };
  const log = contentLog(root, paths);
  const trees = log.map((c) => lsTree(root, c.commit, paths));
  const blobs = readBlobs(root, [...new Set(trees.flat().map((f) => f.oid))]);
  const commits = log.map((c, i) => ({ ...c, tree: toTree(trees[i]!.map((f) => ({ path: f.path, text: blobs.get(f.oid) ?? '' }))) }));
  return { available: true, commits, uncommitted: uncommitted(root, paths), working, ms: performance.now() - started };
}

/** The content folder as it was at a git ref (branch, tag or commit); throws naming the ref when it does not exist. */
export function treeAt(root: string, ref: string): ContentTree {
  let commit: string;
  try {
    commit = git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).toString('utf8').trim();
  } catch {
    throw new Error(`"${ref}" is not a commit, branch or tag in this repository (try origin/main, HEAD~1 or a commit hash)`);
  }
  const files = lsTree(root, commit, CONTENT_PATHS);
  const blobs = readBlobs(root, [...new Set(files.map((f) => f.oid))]);
  return toTree(files.map((f) => ({ path: f.path, text: blobs.get(f.oid) ?? '' })));
}
