/**
 * The Explore page's filter state: one value per filter, parsed from (and written to) the URL
 * query, which is also what the page's plain GET form submits. Parameters are validated against
 * the review's vocabulary; anything unknown or malformed is dropped with a plain-text notice.
 */

/** Every filter; `null` means "not filtered". */
export interface FilterState {
  outcome: string | null;
  measure: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  journal: string | null;
  status: string | null;
  minN: number | null;
  valueMin: number | null;
  valueMax: number | null;
  q: string | null;
  /** Overall risk of bias of the study (low, unclear, high, not-assessed). */
  rob: string | null;
  /** 1: leave out the studies whose overall risk of bias is high (and re-pool). */
  excludeHighRob: number | null;
}

/** The values the select-like filters may take (the options the page offers). */
export interface Vocabulary {
  outcomes: readonly string[];
  measures: readonly string[];
  journals: readonly string[];
  statuses: readonly string[];
}

/** The unfiltered state. */
export const EMPTY_STATE: Readonly<FilterState> = Object.freeze({
  outcome: null,
  measure: null,
  yearFrom: null,
  yearTo: null,
  journal: null,
  status: null,
  minN: null,
  valueMin: null,
  valueMax: null,
  q: null,
  rob: null,
  excludeHighRob: null,
});

/** URL parameter (and form field) name of each filter, in the order they are written. */
export const PARAM_NAMES = {
  outcome: 'outcome',
  measure: 'measure',
  yearFrom: 'year_from',
  yearTo: 'year_to',
  journal: 'journal',
  status: 'status',
  minN: 'min_n',
  valueMin: 'value_min',
  valueMax: 'value_max',
  q: 'q',
  rob: 'rob',
  excludeHighRob: 'exclude_high_rob',
} as const satisfies Record<keyof FilterState, string>;

/** The overall risk-of-bias levels a study can have (studies.rob_overall). */
export const ROB_FILTER_LEVELS = ['low', 'unclear', 'high', 'not-assessed'] as const;

/** Longest title search kept, in characters. */
export const MAX_QUERY_LENGTH = 200;

/** Most notices listed for one address; further problems are counted in one closing notice. */
export const MAX_NOTICES = 8;

type Key = keyof FilterState;
const KEYS = Object.keys(PARAM_NAMES) as Key[];
const BY_PARAM = new Map<string, Key>(KEYS.map((k) => [PARAM_NAMES[k], k]));
// C0/C1 controls, bidi overrides and unpaired surrogates never belong in a filter value.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const YEAR = /^\d{4}$/;
const COUNT = /^\d{1,9}$/;
const NUMBER = /^[-+]?(\d{1,30}(\.\d{0,30})?|\.\d{1,30})([eE][-+]?\d{1,3})?$/;

/** A value as shown in a notice: controls removed, at most 60 characters (the page sets it as text). */
export function shown(value: string): string {
  const clean = value.replace(CONTROL, '');
  return clean.length > 60 ? `${clean.slice(0, 59)}…` : clean;
}

function choice(raw: string, allowed: readonly string[], what: string, param: string, notices: string[]): string | null {
  if (allowed.includes(raw)) return raw;
  notices.push(`Ignored ${param} "${shown(raw)}": ${what}.`);
  return null;
}

function number(raw: string, pattern: RegExp, what: string, param: string, notices: string[], range?: [number, number]): number | null {
  const n = pattern.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isFinite(n) && (!range || (n >= range[0] && n <= range[1]))) return n;
  notices.push(`Ignored ${param} "${shown(raw)}": ${what}.`);
  return null;
}

function parseOne(key: Key, raw: string, vocab: Vocabulary, notices: string[]): FilterState[Key] {
  const param = PARAM_NAMES[key];
  switch (key) {
    case 'outcome':
      return choice(raw, vocab.outcomes, 'not an outcome of this review', param, notices);
    case 'measure':
      return choice(raw, vocab.measures, 'no estimate in the review uses this measure', param, notices);
    case 'journal':
      return choice(raw, vocab.journals, 'no study in the review appeared in this journal', param, notices);
    case 'status':
      return choice(raw, vocab.statuses, `not a screening status (${vocab.statuses.join(', ')})`, param, notices);
    case 'yearFrom':
    case 'yearTo':
      return number(raw, YEAR, 'not a four-digit year', param, notices);
    case 'minN':
      return number(raw, COUNT, 'not a whole number of participants', param, notices);
    case 'valueMin':
    case 'valueMax':
      return number(raw, NUMBER, 'not a number', param, notices);
    case 'rob':
      return choice(raw, ROB_FILTER_LEVELS, `not a risk-of-bias judgement (${ROB_FILTER_LEVELS.join(', ')})`, param, notices);
    case 'excludeHighRob':
      if (raw === '1') return 1;
      notices.push(`Ignored ${param} "${shown(raw)}": use 1 to exclude the studies at high risk of bias.`);
      return null;
    case 'q': {
      const text = raw.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
      if (text.length <= MAX_QUERY_LENGTH) return text || null;
      notices.push(`Shortened the title search to its first ${MAX_QUERY_LENGTH} characters.`);
      return text.slice(0, MAX_QUERY_LENGTH);
    }
  }
}

/**
 * Notices about one address, each distinct problem once: a problem seen again is counted, not
 * repeated, and past MAX_NOTICES problems only a count is kept (an address with 3,000 `q`s or
 * 3,000 unknown names gives a few lines, not thousands).
 */
class Notices {
  // Key: the message, or "repeat <param>"; value: how often it occurred. Insertion order is first occurrence.
  private readonly counts = new Map<string, number>();
  private unlisted = 0;

  /** Record one problem, by its message. */
  add(text: string): void {
    this.count(text);
  }

  /** Record one more value of a parameter that was already given. */
  repeat(param: string): void {
    this.count(`${REPEAT}${param}`);
  }

  private count(key: string): void {
    const n = this.counts.get(key);
    if (n !== undefined) this.counts.set(key, n + 1);
    else if (this.counts.size < MAX_NOTICES) this.counts.set(key, 1);
    else this.unlisted++;
  }

  /** The notices as lines of text, at most MAX_NOTICES + 1. */
  lines(): string[] {
    const times = (n: number) => n.toLocaleString('en-US');
    const out = [...this.counts].map(([key, n]) => {
      if (!key.startsWith(REPEAT)) return n === 1 ? key : `${key.replace(/\.$/, '')} (${times(n)} times).`;
      const param = key.slice(REPEAT.length);
      return n === 1 ? `Ignored a second value for ${param}.` : `Ignored ${times(n)} further values for ${param}: only the first is used.`;
    });
    if (this.unlisted > 0) out.push(`Ignored ${times(this.unlisted)} more problem${this.unlisted === 1 ? '' : 's'} in the address, not listed.`);
    return out;
  }
}
// Messages start with "Ignored" or "Shortened", so this prefix never collides with one.
const REPEAT = '\u0000repeat ';

/** Parse a query string ("?a=b", "a=b") or parameter pairs into a state and plain-text notices about what was ignored (each distinct problem once, at most MAX_NOTICES + 1 lines). */
export function parseState(query: string | Iterable<[string, string]>, vocab: Vocabulary): { state: FilterState; notices: string[] } {
  const pairs = typeof query === 'string' ? new URLSearchParams(query.replace(/^\?/, '')) : query;
  const state: FilterState = { ...EMPTY_STATE };
  const notices = new Notices();
  const seen = new Set<Key>();
  for (const [param, value] of pairs) {
    const key = BY_PARAM.get(param);
    if (!key) {
      notices.add(`Ignored unknown parameter "${shown(param)}".`);
      continue;
    }
    if (value.trim() === '') continue; // an empty form field means "not filtered"
    if (seen.has(key)) {
      notices.repeat(param);
      continue;
    }
    seen.add(key);
    const found: string[] = [];
    (state as Record<Key, unknown>)[key] = parseOne(key, value.trim(), vocab, found);
    for (const n of found) notices.add(n);
  }
  return { state, notices: notices.lines() };
}

/** The query string of a state (without "?"), listing only the filters that are set, in a fixed order. */
export function serializeState(state: FilterState): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const v = state[key];
    if (v !== null) params.append(PARAM_NAMES[key], String(v));
  }
  return params.toString();
}

/** Whether no filter is set. */
export function isEmptyState(state: FilterState): boolean {
  return KEYS.every((k) => state[k] === null);
}

/** Form field values of a state ("" for unset), keyed by field name. */
export function formValues(state: FilterState): Record<string, string> {
  return Object.fromEntries(KEYS.map((k) => [PARAM_NAMES[k], state[k] === null ? '' : String(state[k])]));
}
