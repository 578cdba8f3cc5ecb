/**
 * Estimate-level differences between two snapshots, for reviewers: estimates added, removed
 * and changed (old → new values, with their quotes). Estimates are matched within a study by
 * outcome, measure and label, so reordering them is not a change.
 */
import type { Estimate } from '../schema/index.ts';
import type { Snapshot } from './snapshot.ts';

/** One estimate difference; `before`/`after` is null for an added/removed estimate. */
export interface EstimateChange extends Pick<Estimate, 'outcome' | 'measure' | 'label'> {
  slug: string;
  before: Estimate | null;
  after: Estimate | null;
  /** Fields that differ (empty for added/removed). */
  fields: string[];
}

const COMPARED = ['value', 'ci_low', 'ci_high', 'ci_level', 'unit', 'quote', 'needs_review', 'review_reason', 'outcome', 'measure'] as const;
const matchKey = (e: Estimate) => `${e.outcome}\u0000${e.measure}\u0000${e.label}`;

/** Compare the estimates of every study present in either snapshot. */
export function diffEstimates(before: Snapshot | null, after: Snapshot): EstimateChange[] {
  const estimatesOf = (s: Snapshot | null) => new Map((s?.studies ?? []).map((x) => [x.slug, x.study?.estimates ?? []]));
  const [old, now] = [estimatesOf(before), estimatesOf(after)];
  const out: EstimateChange[] = [];
  for (const slug of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    const a = [...(old.get(slug) ?? [])];
    const b = [...(now.get(slug) ?? [])];
    for (const e of b) {
      const i = a.findIndex((x) => matchKey(x) === matchKey(e));
      const prev = i >= 0 ? a.splice(i, 1)[0]! : null;
      if (!prev) {
        out.push({ slug, outcome: e.outcome, measure: e.measure, label: e.label, before: null, after: e, fields: [] });
        continue;
      }
      const fields = COMPARED.filter((f) => prev[f] !== e[f]);
      if (fields.length > 0) out.push({ slug, outcome: e.outcome, measure: e.measure, label: e.label, before: prev, after: e, fields: [...fields] });
    }
    for (const e of a) out.push({ slug, outcome: e.outcome, measure: e.measure, label: e.label, before: e, after: null, fields: [] });
  }
  return out;
}
