/**
 * PRISMA 2020 flow counts computed from the search log and the study pages' screening
 * status: identified, duplicates removed, screened, excluded (with reasons), awaiting
 * classification, included, and included in the synthesis (an included study with at least
 * one estimate that needs no review, i.e. one that appears in an outcome's forest plot).
 */
import type { Review, Study } from '../schema/index.ts';

/** The numbers of a PRISMA 2020 flow diagram. */
export interface PrismaCounts {
  identified: number;
  identifiedBySource: { source: string; file: string; date: string; records: number }[];
  otherMethods: number;
  duplicatesRemoved: number;
  screened: number;
  excluded: number;
  excludedByReason: { id: string; label: string; count: number }[];
  pending: number;
  included: number;
  inSynthesis: number;
}

/** Compute the flow from the protocol and the pages (only non-synthetic pages count). */
export function prismaCounts(review: Review, studies: readonly Pick<Study, 'status' | 'exclusion_reason' | 'source' | 'estimates' | 'synthetic'>[]): PrismaCounts {
  const real = studies.filter((s) => !s.synthetic);
  const logFiles = new Set(review.search_log.map((e) => e.file));
  const fromSearch = real.filter((s) => logFiles.has(s.source.file)).length;
  const identified = review.search_log.reduce((n, e) => n + e.records_found, 0);
  const labels = new Map(review.exclusion_reasons.map((r) => [r.id, r.label]));
  const byReason = new Map<string, number>();
  for (const s of real) if (s.status === 'excluded') byReason.set(s.exclusion_reason ?? 'unspecified', (byReason.get(s.exclusion_reason ?? 'unspecified') ?? 0) + 1);
  const included = real.filter((s) => s.status === 'included');
  return {
    identified,
    identifiedBySource: review.search_log.map((e) => ({ source: e.source, file: e.file, date: e.date, records: e.records_found })),
    otherMethods: real.length - fromSearch,
    duplicatesRemoved: Math.max(0, identified - fromSearch),
    screened: real.length,
    excluded: real.filter((s) => s.status === 'excluded').length,
    excludedByReason: [...byReason].map(([id, count]) => ({ id, label: labels.get(id) ?? id, count })).sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)),
    pending: real.filter((s) => s.status === 'pending').length,
    included: included.length,
    inSynthesis: included.filter((s) => s.estimates.some((e) => !e.needs_review)).length,
  };
}
