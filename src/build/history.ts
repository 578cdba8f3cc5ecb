/**
 * Build-time glue for the review's history: reads the content's git history once per build
 * (src/build/git-history-fs.ts) and turns it into updates and study dates (src/lib/changes); the file
 * versions it validates are kept between builds (src/build/validation-cache-fs.ts).
 * Outside a git checkout the timeline is empty and study pages say so.
 */
import { readContentHistory } from './git-history-fs.ts';
import { StoredValidations } from './validation-cache-fs.ts';
import { buildTimeline, type StudyDates, type Timeline } from '../lib/changes/timeline.ts';

/** The timeline plus what the git step cost. */
export interface SiteTimeline extends Timeline {
  /** Milliseconds spent reading git (log, ls-tree, cat-file) and the working tree. */
  gitMs: number;
  /** Milliseconds for the whole step (git + validating and pooling every commit). */
  totalMs: number;
}

let cache: Promise<SiteTimeline> | null = null;

/** Load (once per build) the review's timeline from the project's git history. */
export function loadTimeline(root = process.cwd()): Promise<SiteTimeline> {
  cache ??= (async () => {
    const started = performance.now();
    const history = await readContentHistory(root);
    const validations = new StoredValidations(root);
    const timeline = buildTimeline(history, validations);
    validations.save();
    const totalMs = Math.round(performance.now() - started);
    console.log(`[history] ${timeline.updates.length} update(s) from ${history.commits.length} commit(s): git ${Math.round(history.ms)} ms, total ${totalMs} ms`);
    return { ...timeline, gitMs: Math.round(history.ms), totalMs };
  })();
  return cache;
}

/** A study page's added / last-changed dates (no-history when unknown). */
export async function studyDatesFor(slug: string): Promise<StudyDates> {
  return (await loadTimeline()).studies[slug] ?? { added: null, changed: null, state: 'new' };
}
