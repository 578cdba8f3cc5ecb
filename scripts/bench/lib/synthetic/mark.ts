/**
 * After ingest, the bench marks every generated page as synthetic (the schema's `synthetic`
 * field), gives it a screening decision and adds the 2×2 tables its abstract reports, so the site
 * lists, pools (also bivariately) and excludes as it would for a curated review. A text edit of
 * the frontmatter lines ingest writes; nothing else changes.
 */
import { twoByTwoYaml, type IntendedTable } from './two-by-two.ts';

/** Screening decision of a synthetic page, fixed by its slug: ~85% included, 5% excluded, 10% pending. */
export function syntheticStatus(slug: string, exclusionReason: string): { status: 'included' | 'excluded' | 'pending'; reason: string | null } {
  let h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < slug.length; i++) h = Math.imul(h ^ slug.charCodeAt(i), 0x01000193) >>> 0;
  const r = h % 100;
  if (r < 85) return { status: 'included', reason: null };
  if (r < 90) return { status: 'excluded', reason: exclusionReason };
  return { status: 'pending', reason: null };
}

/**
 * Set `synthetic: true` and the page's screening decision in an ingested page's frontmatter, and
 * write `tables` as its two_by_two (unless ingest already wrote tables of its own).
 */
export function markSynthetic(page: string, slug: string, exclusionReason: string, tables: readonly IntendedTable[] = []): string {
  const end = page.indexOf('\n---', 3);
  if (!page.startsWith('---\n') || end < 0) throw new Error(`${slug}: not an ingested page (no frontmatter)`);
  const { status, reason } = syntheticStatus(slug, exclusionReason);
  let front = page.slice(0, end);
  const replace = (re: RegExp, line: string) => {
    if (!re.test(front)) throw new Error(`${slug}: frontmatter line ${re} not found`);
    front = front.replace(re, line);
  };
  replace(/^synthetic: false$/m, 'synthetic: true');
  replace(/^status: pending$/m, `status: ${status}`);
  if (reason) replace(/^exclusion_reason: null$/m, `exclusion_reason: ${reason}`);
  if (tables.length) {
    if (/^two_by_two: \[\]$/m.test(front)) front = front.replace(/^two_by_two: \[\]$/m, twoByTwoYaml(tables));
    else if (!/^two_by_two:/m.test(front)) front = `${front}\n${twoByTwoYaml(tables)}`;
  }
  return front + page.slice(end);
}
