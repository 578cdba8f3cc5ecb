/**
 * The review as columns, read once when the engine starts (sql.ts studiesTableQuery,
 * estimatesTableQuery, tablesTableQuery), and the view of a filter state assembled from the row
 * ids its one match query returns (matchQuery): the join of estimates to studies, the counts, the
 * page of studies, the pool rows (each estimate's effect on the pooling scale computed once and
 * kept; a group whose matching estimates are the ones of a recent change keeps its synthesis) and
 * the 2×2 tables (the last few syntheses kept by their tables). The browser gives the columns from Arrow (src/client/explore/read.ts),
 * the tests and the bench as plain arrays (@duckdb/node-api); the result is what applyFilters +
 * viewOf give (test/lib/explore/sql-matches-apply.test.ts).
 */
import { synthesizeRows, type CappedSynthesis, type PoolGroup, type PoolRows } from '../site/synthesis-rows.ts';
import { tryEffectFromCI, type Unit } from '../stats/index.ts';
import { synthesizeDta, type DtaInput } from '../site/dta-synthesis.ts';
import type { SynthesisInput } from '../site/synthesis.ts';
import { activeFilters, ESTIMATE_FILTERS, STUDY_FILTERS, tablesMatch } from './filters.ts';
import { dtaInputOf, type ExploreStudy, type ExploreTable } from './rows.ts';
import { MATCH_SIDE } from './sql.ts';
import { UNITS } from '../schema/measures.ts';
import type { Measure } from '../schema/index.ts';
import type { FilterState } from './state.ts';
import { FOREST_ROWS, STUDY_PAGE, type ExploreView } from './view.ts';

type Id = number | bigint;

/** studiesTableQuery's result: row ids and each row (BIGINT as Number), in display order. */
export interface StudyColumns {
  length: number;
  studyRow: ArrayLike<Id>;
  /** Row i's status alone (read for every study when the columns are indexed). */
  status(i: number): string;
  row(i: number): ExploreStudy;
}

/** estimatesTableQuery's result, in pool order: numbers as columns, texts read by position. */
export interface EstimateColumns {
  length: number;
  estimateRow: ArrayLike<Id>;
  studyRow: ArrayLike<Id>;
  groupIndex: ArrayLike<number>;
  value: ArrayLike<number>;
  ciLow: ArrayLike<number | null>;
  ciHigh: ArrayLike<number | null>;
  ciLevel: ArrayLike<number | null>;
  unitCode: ArrayLike<number>;
  needsReview: ArrayLike<boolean | null>;
  /** Texts of row i (unit_other is the unit when unit_code is -1). */
  text(i: number, column: 'outcome' | 'measure' | 'estimate_id' | 'label' | 'unit_other'): string | null;
}

/** tablesTableQuery's result, in table order. */
export interface TableColumns {
  length: number;
  studyRow: ArrayLike<Id>;
  /** Row i's outcome alone (read for every table when the columns are indexed). */
  outcome(i: number): string;
  row(i: number): ExploreTable;
}

/** matchQuery's result: each row id with its side (MATCH_SIDE). */
export interface MatchColumns {
  length: number;
  side: ArrayLike<number>;
  rowId: ArrayLike<Id>;
}

/** An outcome × measure of the estimates: its pool positions start..end. */
interface Group {
  outcome: string;
  measure: string;
  start: number;
  end: number;
}

type Effect = ReturnType<typeof tryEffectFromCI>;

/** The review's columns with what every filter change needs precomputed (positions by row id, groups, included studies). */
export interface ExploreIndex {
  studies: StudyColumns;
  estimates: EstimateColumns;
  tables: TableColumns;
  /** Total studies in the review. */
  total: number;
  studyAt: Int32Array;
  estimateAt: Int32Array;
  estimateStudy: Int32Array;
  tableStudy: Int32Array;
  tableOutcome: string[];
  included: Uint8Array;
  groups: Group[];
  /** Each estimate's effect on the pooling scale at the default level (filled as pooled). */
  effects: (Effect | undefined)[];
  /** The last few DTA syntheses, by their tables' positions. */
  dtaMemo: { key: string; value: ExploreView['dta'] }[];
  /** Per group, its last few syntheses, by the positions of its matching estimates and the rows drawn. */
  groupMemo: { positions: Int32Array; cap: number; value: CappedSynthesis }[][];
}

/** Default CI level of the synthesis (synthesizeRows' own default). */
const LEVEL = 0.95;
const DTA_MEMO = 8;
const GROUP_MEMO = 2;

function positions(rows: ArrayLike<Id>): Int32Array {
  let max = -1;
  for (let i = 0; i < rows.length; i++) max = Math.max(max, Number(rows[i]));
  const at = new Int32Array(max + 1).fill(-1);
  for (let i = 0; i < rows.length; i++) at[Number(rows[i])] = i;
  return at;
}

function studyPositions(at: Int32Array, rows: ArrayLike<Id>): Int32Array {
  const out = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = at[Number(rows[i])]!;
  return out;
}

/** Index the columns read at engine start. */
export function indexColumns(studies: StudyColumns, estimates: EstimateColumns, tables: TableColumns): ExploreIndex {
  const studyAt = positions(studies.studyRow);
  const included = new Uint8Array(studies.length);
  for (let i = 0; i < studies.length; i++) included[i] = studies.status(i) === 'included' ? 1 : 0;
  const groups: Group[] = [];
  for (let i = 0; i < estimates.length; i++) {
    const last = groups.at(-1);
    if (last && estimates.groupIndex[i] === estimates.groupIndex[i - 1]) last.end = i + 1;
    else groups.push({ outcome: estimates.text(i, 'outcome')!, measure: estimates.text(i, 'measure')!, start: i, end: i + 1 });
  }
  return {
    studies, estimates, tables, total: studies.length, studyAt, included, groups,
    estimateAt: positions(estimates.estimateRow),
    estimateStudy: studyPositions(studyAt, estimates.studyRow),
    tableStudy: studyPositions(studyAt, tables.studyRow),
    tableOutcome: Array.from({ length: tables.length }, (_, t) => tables.outcome(t)),
    effects: new Array<Effect | undefined>(estimates.length),
    dtaMemo: [],
    groupMemo: groups.map(() => []),
  };
}

/** The studies that pass the study filters and the estimates that pass the estimate filters, by position (null: the state sets no filter of that level, all pass). */
function passes(index: ExploreIndex, state: FilterState, match: MatchColumns | null): { study: Uint8Array | null; estimate: Uint8Array | null } {
  const study = activeFilters(STUDY_FILTERS, state).length ? new Uint8Array(index.total) : null;
  const estimate = activeFilters(ESTIMATE_FILTERS, state).length ? new Uint8Array(index.estimates.length) : null;
  for (let i = 0; i < (match?.length ?? 0); i++) {
    const id = Number(match!.rowId[i]);
    const [pass, at] = match!.side[i] === MATCH_SIDE.study ? [study, index.studyAt[id]] : [estimate, index.estimateAt[id]];
    if (pass && at !== undefined && at >= 0) pass[at] = 1;
  }
  return { study, estimate };
}

/** The effect of estimate `p` (pool position) on its measure's pooling scale, kept for the default level. */
function effectOf(index: ExploreIndex, p: number, measure: string, level: number): Effect {
  const kept = level === LEVEL ? index.effects[p] : undefined;
  if (kept) return kept;
  const e = index.estimates;
  const unit = unitAt(e, p) as Unit | null;
  const effect = tryEffectFromCI({ measure, estimate: e.value[p]!, lower: e.ciLow[p] ?? null, upper: e.ciHigh[p] ?? null, unit, level: e.ciLevel[p] ?? level });
  if (level === LEVEL) index.effects[p] = effect;
  return effect;
}

/** A unit from the estimates query's unit_code (its index in UNITS + 1; 0 = null; -1 = another text, read by `other`). */
export function unitOf(code: number, other: () => string | null): Unit {
  return code === 0 ? null : code > 0 ? UNITS[code - 1]! : (other() as Unit);
}

function unitAt(e: EstimateColumns, p: number): Unit {
  return unitOf(Number(e.unitCode[p]), () => e.text(p, 'unit_other'));
}

/** Estimate `p`'s full row with its study's title and status (only the rows drawn are read). */
function inputAt(index: ExploreIndex, p: number): SynthesisInput {
  const e = index.estimates;
  const s = index.studies.row(index.estimateStudy[p]!);
  const text = (c: 'outcome' | 'measure' | 'estimate_id' | 'label') => e.text(p, c)!;
  return {
    estimate_id: text('estimate_id'), slug: s.slug, outcome: text('outcome'), label: text('label'), measure: text('measure') as Measure, value: e.value[p]!,
    ci_low: e.ciLow[p] ?? null, ci_high: e.ciHigh[p] ?? null, ci_level: e.ciLevel[p] ?? null, unit: unitAt(e, p), needs_review: e.needsReview[p] ?? false, title: s.title, status: s.status,
  };
}

/** Pool rows of one group's matching estimates (pool positions, in pool order). */
function poolRowsAt(index: ExploreIndex, selected: Int32Array, group: PoolGroup): PoolRows {
  const e = index.estimates;
  const n = selected.length;
  const study = new Int32Array(n);
  const value = new Float64Array(n);
  const included = new Uint8Array(n);
  const needsReview = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = selected[i]!;
    study[i] = index.estimateStudy[p]!;
    value[i] = e.value[p]!;
    included[i] = index.included[study[i]!]!;
    needsReview[i] = e.needsReview[p] ? 1 : 0;
  }
  const column = (c: ArrayLike<number | null>) => Array.from(selected, (p) => c[p] ?? null);
  return {
    groups: [group],
    study,
    value,
    ciLow: column(e.ciLow),
    ciHigh: column(e.ciHigh),
    ciLevel: column(e.ciLevel),
    unit: (i) => unitAt(e, selected[i]!),
    included: included as unknown as ArrayLike<boolean>,
    needsReview: needsReview as unknown as ArrayLike<boolean>,
    input: (i) => inputAt(index, selected[i]!),
    effect: (i, level) => effectOf(index, selected[i]!, group.measure, level),
  };
}

function same(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Group k's synthesis of its matching estimates (the one kept when the same estimates matched before). */
function groupSynthesis(index: ExploreIndex, k: number, selected: Int32Array, group: PoolGroup, cap: number): CappedSynthesis {
  const memo = index.groupMemo[k]!;
  const kept = memo.find((m) => m.cap === cap && same(m.positions, selected));
  if (kept) return kept.value;
  const value = synthesizeRows(poolRowsAt(index, selected, group), cap)[0]!;
  memo.unshift({ positions: selected.slice(), cap, value });
  memo.length = Math.min(memo.length, GROUP_MEMO);
  return value;
}

/** What a filter state selects, from its match (null: no filter set). */
export interface Selection {
  /** Positions of the matching studies, in display order (pages of them are listed). */
  studies: Int32Array;
  /** The results as the page draws them (the first page of studies, `cap` rows per plot). */
  view: ExploreView;
}

/** The selection of a filter state from its match query's rows (`cap` rows per plot, `page` studies listed). */
export function selectView(index: ExploreIndex, state: FilterState, match: MatchColumns | null, cap = FOREST_ROWS, page = STUDY_PAGE): Selection {
  const pass = passes(index, state, match);
  const estimateFiltered = pass.estimate !== null;
  const hasEstimate = estimateFiltered ? new Uint8Array(index.total) : null;
  const selected = new Int32Array(index.estimates.length);
  let n = 0;
  const syntheses: [string, CappedSynthesis][] = [];
  index.groups.forEach((g, k) => {
    const first = n;
    let studies = 0;
    let lastStudy = -1;
    for (let p = g.start; p < g.end; p++) {
      const s = index.estimateStudy[p]!;
      if ((pass.study && !pass.study[s]) || (pass.estimate && !pass.estimate[p])) continue;
      selected[n++] = p;
      if (s !== lastStudy) studies++; // a study's estimates are next to each other within a group
      lastStudy = s;
      if (hasEstimate) hasEstimate[s] = 1;
    }
    if (n > first) {
      const group = { outcome: g.outcome, measure: g.measure, estimates: n - first, studies };
      syntheses.push([`${g.outcome}\u0000${g.measure}`, groupSynthesis(index, k, selected.subarray(first, n), group, cap)]);
    }
  });
  const matching: number[] = [];
  for (let s = 0; s < index.total; s++) if ((!pass.study || pass.study[s]) && (!hasEstimate || hasEstimate[s])) matching.push(s);
  const studies = Int32Array.from(matching);
  // In synthesizeRows' order of groups.
  syntheses.sort(([a], [b]) => a.localeCompare(b));
  return {
    studies,
    view: { matching: studies.length, estimates: n, studies: studiesAt(index, studies, 0, page), syntheses: syntheses.map(([, x]) => x), dta: dtaOf(index, state, pass.study) },
  };
}

/** `limit` matching studies from `offset` (the first page, and each "Show more"). */
export function studiesAt(index: ExploreIndex, matching: Int32Array, offset: number, limit: number): ExploreStudy[] {
  return Array.from(matching.subarray(offset, offset + limit), (s) => index.studies.row(s));
}

/** Positions of the 2×2 tables of the studies that pass the study filters, of the chosen outcome (none when the measure filter excludes tables). */
function tablePositions(index: ExploreIndex, state: FilterState, studyPass: Uint8Array | null): number[] {
  const chosen: number[] = [];
  if (!tablesMatch(state)) return chosen;
  for (let t = 0; t < index.tables.length; t++) {
    if (studyPass && !studyPass[index.tableStudy[t]!]) continue;
    if (state.outcome !== null && index.tableOutcome[t] !== state.outcome) continue;
    chosen.push(t);
  }
  return chosen;
}

function tableInputs(index: ExploreIndex, chosen: readonly number[]): DtaInput[] {
  return chosen.map((t) => {
    const s = index.studies.row(index.tableStudy[t]!);
    return dtaInputOf({ ...index.tables.row(t), title: s.title, status: s.status });
  });
}

/** The 2×2 tables a state re-pools, as synthesizeDta reads them (the bench times their re-pooling alone). */
export function chosenTables(index: ExploreIndex, state: FilterState, match: MatchColumns | null): DtaInput[] {
  return tableInputs(index, tablePositions(index, state, passes(index, state, match).study));
}

/** The re-pooled 2×2 tables of a state (kept for the last few sets of tables: a change of measure or of an estimate filter keeps them). */
function dtaOf(index: ExploreIndex, state: FilterState, studyPass: Uint8Array | null): ExploreView['dta'] {
  const chosen = tablePositions(index, state, studyPass);
  const key = chosen.join(',');
  const kept = index.dtaMemo.find((m) => m.key === key);
  if (kept) return kept.value;
  const value = synthesizeDta(tableInputs(index, chosen));
  index.dtaMemo.unshift({ key, value });
  index.dtaMemo.length = Math.min(index.dtaMemo.length, DTA_MEMO);
  return value;
}

/** Compute the kept effects of the estimates from pool position `from` until `more()` says stop (the browser's idle time); returns the next position (the count of estimates: all done). */
export function warmEffects(index: ExploreIndex, from: number, more: () => boolean): number {
  let p = from;
  for (const g of index.groups) {
    if (g.end <= p) continue;
    for (p = Math.max(p, g.start); p < g.end; p++) {
      if ((p & 255) === 0 && !more()) return p;
      effectOf(index, p, g.measure, LEVEL);
    }
  }
  return index.estimates.length;
}
