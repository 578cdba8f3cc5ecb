/**
 * What one update changed: studies added, removed or edited (which fields), the protocol keys
 * and searches added, how each outcome's synthesis moved (k, pooled estimate, CI, I², tau²), how
 * each DTA summary moved (k, summary sensitivity and specificity with their CIs), and each
 * outcome's GRADE certainty (level and the domain judgements that changed).
 * Pure: compares two snapshots.
 */
import type { Snapshot, SnapshotStudy } from './snapshot.ts';
import type { OutcomeSynthesis } from '../site/synthesis.ts';
import type { DtaSynthesis } from '../site/dta-synthesis.ts';
import { rateOutcome } from '../grade/certainty.ts';
import { GRADE_DOMAINS, type GradeDomain } from '../schema/grade.ts';

/** A study as an update names it. */
export interface StudyRef {
  slug: string;
  title: string;
  status: string | null;
}

/** An edited study: the frontmatter fields (or "abstract", "notes") that changed. */
export interface StudyChange extends StudyRef {
  fields: string[];
  /** The previous slug when the page was renamed. */
  renamedFrom: string | null;
}

/** An outcome × measure's state: how many studies/estimates it plots and its pooled result. */
export interface OutcomeState {
  studies: number;
  rows: number;
  /** Estimates that enter the pooled estimate (included study, no review needed, usable CI). */
  inSynthesis: number;
  pooled: { k: number; estimate: number; ciLow: number; ciHigh: number; I2: number; tau2: number } | null;
}

/** How one outcome × measure moved (before or after is null when it did not exist). */
export interface OutcomeShift {
  outcome: string;
  measure: string;
  before: OutcomeState | null;
  after: OutcomeState | null;
}

/** A DTA summary's state: studies pooled, the model, summary sensitivity and specificity with their CIs (0–1). */
export interface DtaState {
  k: number;
  model: 'bivariate' | 'univariate';
  sens: number;
  sensCi: [number, number];
  spec: number;
  specCi: [number, number];
}

/** How one outcome's DTA summary moved (null: no pooled summary then). */
export interface DtaShift {
  outcome: string;
  before: DtaState | null;
  after: DtaState | null;
}

/** How one outcome's certainty moved: the level ("not rated" when unrated or undeclared) and the domain judgements that changed. */
export interface CertaintyShift {
  outcome: string;
  before: string;
  after: string;
  domains: { domain: GradeDomain; before: string; after: string }[];
}

/** A search-log entry. */
export interface SearchRef {
  date: string;
  source: string;
  file: string;
  records: number;
}

/** Everything one update changed. */
export interface UpdateDiff {
  added: StudyRef[];
  removed: StudyRef[];
  changed: StudyChange[];
  outcomes: OutcomeShift[];
  /** DTA summaries that moved. */
  dta: DtaShift[];
  /** Outcomes whose certainty level or a domain judgement changed. */
  certainty: CertaintyShift[];
  /** Top-level keys of content/review.yaml that changed (all of them when it was added). */
  protocol: string[];
  /** Search-log entries new in this update. */
  searches: SearchRef[];
}

const ref = (s: SnapshotStudy): StudyRef => ({ slug: s.slug, title: s.study?.title ?? s.slug, status: s.study?.status ?? null });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Fields that differ between two versions of a page. */
function changedFields(a: SnapshotStudy, b: SnapshotStudy): string[] {
  if (a.text === b.text) return [];
  if (!a.study || !b.study) return [a.study ? 'page no longer valid' : b.study ? 'page made valid' : 'invalid page edited'];
  const keys = [...new Set([...Object.keys(a.study), ...Object.keys(b.study)])];
  const fields = keys.filter((k) => !same((a.study as Record<string, unknown>)[k], (b.study as Record<string, unknown>)[k]));
  if (!same(a.sections, b.sections)) fields.push('abstract');
  return fields.length > 0 ? fields : ['notes'];
}

/** The state of an outcome synthesis. */
export function outcomeState(s: OutcomeSynthesis): OutcomeState {
  const p = s.pooled;
  return { studies: s.studies, rows: s.rows.length, inSynthesis: s.rows.filter((r) => r.notPooled === null).length, pooled: p && { k: p.k, estimate: p.estimate, ciLow: p.ciLow, ciHigh: p.ciHigh, I2: p.I2, tau2: p.tau2 } };
}

/**
 * A synthesis's identity for change detection: its rows as plotted (in any order, whatever their
 * page is called) and its pooled result to 10 significant digits (row order moves the last bits).
 */
function signature(s: OutcomeSynthesis): string {
  const rows = s.rows.map((r) => JSON.stringify([r.label, r.value, r.ciLow, r.ciHigh, r.notPooled])).sort();
  return JSON.stringify([rows, outcomeState(s)], (_, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(10)) : v));
}

/** The state of a DTA synthesis (null when nothing is pooled). */
export function dtaState(d: DtaSynthesis | undefined): DtaState | null {
  const s = d?.summary;
  return s ? { k: s.k, model: s.model, sens: s.sens, sensCi: s.sensCi, spec: s.spec, specCi: s.specCi } : null;
}

const rounded = (x: unknown) => JSON.stringify(x, (_, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(10)) : v));

/** DTA summaries whose state changed, by outcome. */
function diffDta(before: Snapshot | null, after: Snapshot): DtaShift[] {
  const prev = new Map((before?.dta ?? []).map((d) => [d.outcome, d]));
  const next = new Map((after.dta ?? []).map((d) => [d.outcome, d]));
  return [...new Set([...prev.keys(), ...next.keys()])].sort().flatMap((outcome) => {
    const [b, a] = [dtaState(prev.get(outcome)), dtaState(next.get(outcome))];
    return rounded(b) === rounded(a) ? [] : [{ outcome, before: b, after: a }];
  });
}

/** Each outcome's certainty level and domain judgements in a snapshot's protocol. */
function certaintyOf(s: Snapshot | null): Map<string, { level: string; domains: Record<GradeDomain, string> }> {
  const out = new Map<string, { level: string; domains: Record<GradeDomain, string> }>();
  for (const [id, block] of Object.entries(s?.review?.certainty ?? {})) {
    const r = rateOutcome(block);
    out.set(id, { level: r.rated ? r.level : 'not rated', domains: Object.fromEntries(GRADE_DOMAINS.map((d) => [d, block[d]?.judgement ?? 'not rated'])) as Record<GradeDomain, string> });
  }
  return out;
}

/** Outcomes whose certainty level or a domain judgement changed. */
function diffCertainty(before: Snapshot | null, after: Snapshot): CertaintyShift[] {
  const [prev, next] = [certaintyOf(before), certaintyOf(after)];
  const none = { level: 'not rated', domains: Object.fromEntries(GRADE_DOMAINS.map((d) => [d, 'not rated'])) as Record<GradeDomain, string> };
  return [...new Set([...prev.keys(), ...next.keys()])].sort().flatMap((outcome) => {
    const [b, a] = [prev.get(outcome) ?? none, next.get(outcome) ?? none];
    const domains = GRADE_DOMAINS.filter((d) => b.domains[d] !== a.domains[d]).map((d) => ({ domain: d, before: b.domains[d], after: a.domains[d] }));
    return b.level === a.level && domains.length === 0 ? [] : [{ outcome, before: b.level, after: a.level, domains }];
  });
}

/** Compare two snapshots (before null: the first update). */
export function diffSnapshots(before: Snapshot | null, after: Snapshot): UpdateDiff {
  const old = new Map((before?.studies ?? []).map((s) => [s.slug, s]));
  const now = new Map(after.studies.map((s) => [s.slug, s]));
  let added = after.studies.filter((s) => !old.has(s.slug));
  let removed = (before?.studies ?? []).filter((s) => !now.has(s.slug));
  const changed: StudyChange[] = [];
  // A page renamed (same dedupe key under a new slug) is an edit, not a removal and an addition.
  for (const a of [...added]) {
    const r = a.study && removed.find((x) => x.study?.key === a.study!.key);
    if (!r) continue;
    added = added.filter((x) => x !== a);
    removed = removed.filter((x) => x !== r);
    changed.push({ ...ref(a), fields: ['slug', ...changedFields(r, a)], renamedFrom: r.slug });
  }
  for (const s of after.studies) {
    const o = old.get(s.slug);
    const fields = o ? changedFields(o, s) : [];
    if (fields.length > 0) changed.push({ ...ref(s), fields, renamedFrom: null });
  }

  const key = (s: OutcomeSynthesis) => `${s.outcome}\u0000${s.measure}`;
  const prev = new Map((before?.syntheses ?? []).map((s) => [key(s), s]));
  const next = new Map(after.syntheses.map((s) => [key(s), s]));
  const outcomes: OutcomeShift[] = [...new Set([...prev.keys(), ...next.keys()])]
    .sort()
    .flatMap((k) => {
      const [b, a] = [prev.get(k), next.get(k)];
      if (b && a && signature(b) === signature(a)) return [];
      const [outcome, measure] = k.split('\u0000') as [string, string];
      return [{ outcome, measure, before: b ? outcomeState(b) : null, after: a ? outcomeState(a) : null }];
    });

  const br = (before?.review ?? null) as Record<string, unknown> | null;
  const ar = after.review as Record<string, unknown> | null;
  const protocol = [...new Set([...Object.keys(br ?? {}), ...Object.keys(ar ?? {})])].filter((k) => !same(br?.[k], ar?.[k]));
  const seen = new Set((before?.review?.search_log ?? []).map((e) => JSON.stringify(e)));
  const searches = (after.review?.search_log ?? [])
    .filter((e) => !seen.has(JSON.stringify(e)))
    .map((e) => ({ date: e.date, source: e.source, file: e.file, records: e.records_found }));

  return { added: added.map(ref), removed: removed.map(ref), changed, outcomes, dta: diffDta(before, after), certainty: diffCertainty(before, after), protocol, searches };
}

/** True when the update changed nothing the review shows. */
export function isEmptyDiff(d: UpdateDiff): boolean {
  return d.added.length + d.removed.length + d.changed.length + d.outcomes.length + d.dta.length + d.certainty.length + d.protocol.length === 0;
}
