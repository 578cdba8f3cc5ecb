/**
 * The review's updates, newest first: one per commit that touched the content (each diffed with
 * the commit before it), plus the working tree's uncommitted changes as "unpublished", and each
 * study page's added / last-changed dates. Pure: the history comes in as data (read by
 * src/build/git-history-fs.ts).
 */
import { diffSnapshots, type SearchRef, type UpdateDiff } from './diff.ts';
import { snapshotOf, type ContentTree, type Snapshot, type ValidationCache } from './snapshot.ts';
import type { PrismaCounts } from '../prisma/index.ts';

/** A commit as the history reader gives it. */
export interface HistoryCommit {
  commit: string;
  date: string;
  subject: string;
  files: { status: string; path: string; from: string | null }[];
  tree: ContentTree;
}

/** The history reader's output (see ContentHistory in src/build/git-history-fs.ts). */
export interface HistoryInput {
  available: boolean;
  /** Newest first. */
  commits: HistoryCommit[];
  uncommitted: { status: string; path: string }[];
  working: ContentTree;
}

/** One update of the review. */
export interface Update {
  /** The commit hash, or "unpublished" for the working tree's changes. */
  id: string;
  commit: string | null;
  /** ISO 8601 author date; null for unpublished changes. */
  date: string | null;
  subject: string;
  published: boolean;
  diff: UpdateDiff;
  /** The latest search in the protocol as of this update (the search it reports). */
  search: SearchRef | null;
  /** PRISMA counts after this update. */
  prisma: PrismaCounts | null;
  /** The review after this update. */
  snapshot: Snapshot;
}

/** When a study page was added and last changed. */
export interface StudyDates {
  added: { commit: string; date: string } | null;
  changed: { commit: string; date: string } | null;
  /** committed; modified (uncommitted edits); new (not yet committed); no-history (not a git checkout). */
  state: 'committed' | 'modified' | 'new' | 'no-history';
}

/** The whole timeline. */
export interface Timeline {
  available: boolean;
  updates: Update[];
  studies: Record<string, StudyDates>;
}

function latestSearch(s: Snapshot): SearchRef | null {
  const e = [...(s.review?.search_log ?? [])].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  return e ? { date: e.date, source: e.source, file: e.file, records: e.records_found } : null;
}

/** Added / last-changed dates of the page at `path`, following renames back through the commits. */
export function studyDates(path: string, commits: readonly HistoryCommit[], uncommitted: readonly { path: string }[]): StudyDates {
  let p = path;
  let changed: StudyDates['changed'] = null;
  let added: StudyDates['added'] = null;
  for (const c of commits) {
    const f = c.files.find((x) => x.path === p);
    if (!f) continue;
    changed ??= { commit: c.commit, date: c.date };
    added = { commit: c.commit, date: c.date };
    if (f.status === 'A') break;
    if (f.from) p = f.from;
  }
  const dirty = uncommitted.some((u) => u.path === path);
  return { added, changed, state: !changed ? 'new' : dirty ? 'modified' : 'committed' };
}

/** Build the updates (newest first) and the study dates from the history; `cache` holds the file versions already validated (by text). */
export function buildTimeline(history: HistoryInput, cache: ValidationCache = new Map()): Timeline {
  const studies: Record<string, StudyDates> = {};
  if (!history.available) {
    for (const f of history.working.studies) studies[f.slug] = { added: null, changed: null, state: 'no-history' };
    return { available: false, updates: [], studies };
  }
  const oldestFirst = [...history.commits].reverse();
  const updates: Update[] = [];
  let previous: Snapshot | null = null;
  for (const c of oldestFirst) {
    const snapshot = snapshotOf(c.tree, cache);
    updates.push({ id: c.commit, commit: c.commit, date: c.date, subject: c.subject, published: true, diff: diffSnapshots(previous, snapshot), search: latestSearch(snapshot), prisma: snapshot.prisma, snapshot });
    previous = snapshot;
  }
  if (history.uncommitted.length > 0) {
    const snapshot = snapshotOf(history.working, cache);
    const subject = `Unpublished changes: ${history.uncommitted.length} content file(s) not yet committed`;
    updates.push({ id: 'unpublished', commit: null, date: null, subject, published: false, diff: diffSnapshots(previous, snapshot), search: latestSearch(snapshot), prisma: snapshot.prisma, snapshot });
  }
  for (const f of history.working.studies) studies[f.slug] = studyDates(f.file, history.commits, history.uncommitted);
  return { available: true, updates: updates.reverse(), studies };
}
