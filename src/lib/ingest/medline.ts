/**
 * Parser for PubMed's MEDLINE format (the .nbib file of PubMed's "Send to > Citation manager"):
 * one field per "XXXX- value" line (tag left-justified in four columns), continuation lines
 * indented by six spaces, records separated by blank lines. Pure and synchronous: text in,
 * records and problems out, every problem with its file and line.
 *
 * Also home of the helpers shared with the RIS parser (line splitting, structured-abstract
 * splitting, export dates), because both formats need them and neither may import Node.
 *
 * Normalisation: field text is kept byte-for-byte (case, punctuation, non-ASCII), except that
 * a field wrapped over several lines is joined with a single space, each line's indentation and
 * trailing whitespace removed, as MEDLINE requires. That join is the only change made to text.
 *
 * Authors: FAU ("Nåsell, Hans"), i.e. family name first, as written; an author with only an AU
 * line keeps the AU form ("Lindqvist E"); collective authors (CN) are kept in their position.
 * Keywords: OT and MH lines in file order, as written (MeSH "*" major-topic marks included).
 */

import { listingDateToIso } from './listing.ts';
import type { ParsedSource, Section, SourceLink, SourceProblem, SourceRecord } from './record.ts';

/** A numbered line of an export, BOM removed and trailing whitespace trimmed. */
export interface ExportLine {
  text: string;
  line: number;
}

/** One tagged field of an export record; `value` has its continuation lines joined. */
export interface ExportField {
  tag: string;
  value: string;
  line: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Characters that never occur in a text export: C0 controls (tab excepted), DEL, U+FFFD. */
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

/** Split an export into 1-based lines; CRLF, CR and LF accepted, BOMs and trailing whitespace removed. */
export function exportLines(text: string): ExportLine[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((t, i) => ({ text: t.replace(/^\uFEFF+/, '').trimEnd(), line: i + 1 }));
}

/** True when a line holds control characters or invalid UTF-8 (U+FFFD), i.e. is not text. */
export function isBinaryLine(text: string): boolean {
  return BINARY.test(text);
}

/**
 * Collects problems that come in runs of lines (binary data, stray text) into one problem per
 * run, so a garbage file gives a handful of problems rather than one per line.
 */
export function runReporter(file: string, problems: SourceProblem[], messages: Record<string, RunMessage>) {
  let pending: { kind: string; first: number; last: number; count: number; text: string } | null = null;
  const flush = (): void => {
    if (!pending) return;
    const make = messages[pending.kind];
    if (make) problems.push({ file, line: pending.first, message: make(runExtent(pending.count, pending.last), pending.text) });
    pending = null;
  };
  return {
    /** Record a problem line of the given kind, extending the current run when it continues it. */
    add(kind: string, line: number, text = ''): void {
      if (pending && pending.kind === kind) {
        pending.last = line;
        pending.count++;
        return;
      }
      flush();
      pending = { kind, first: line, last: line, count: 1, text };
    },
    /** A line that was read normally ends the current run. */
    ok: flush,
    /** End of input. */
    flush,
  };
}

/** Builds a run problem's message from its extent ("3 lines, up to line 9") and first line's text. */
export type RunMessage = (extent: string, firstLine: string) => string;

/** "N lines, up to line M" / "1 line" for run messages. */
export function runExtent(count: number, last: number): string {
  return count === 1 ? '1 line' : `${count} lines, up to line ${last}`;
}

/** The record named in a problem message: `record 2 ("Title…")` or `record 2 (no title)`. */
export function describeRecord(record: SourceRecord): string {
  const title = record.title;
  if (!title) return `record ${record.index} (no title)`;
  const chars = Array.from(title);
  const short = chars.length > 80 ? `${chars.slice(0, 77).join('')}…` : title;
  return `record ${record.index} (${JSON.stringify(short)})`;
}

/** Quote a line for a problem message, cut to 60 characters. */
export function quoteLine(text: string): string {
  const chars = Array.from(text.trim());
  return JSON.stringify(chars.length > 60 ? `${chars.slice(0, 57).join('')}…` : chars.join(''));
}

/** Sort problems by line, keeping the order of problems on the same line. */
export function byLine(problems: SourceProblem[]): SourceProblem[] {
  return problems.map((p, i) => ({ p, i })).sort((a, b) => a.p.line - b.p.line || a.i - b.i).map(({ p }) => p);
}

/**
 * Convert an export date to YYYY[-MM[-DD]]: MEDLINE "2025 Sep 8", "2025 Sep", "2025 Sep-Oct",
 * "2024 Dec-2025 Jan" (first month), "2025 Spring" (year only); RIS "2025/09/08", "2025/09/08/",
 * "2025///"; ISO "2025-09-08"; compact "20250908"; and the listing forms "September 2025",
 * "12 Sep 2025". Null when there is no leading year or a month/day is out of range.
 */
export function exportDateToIso(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})(?:\/(\d{1,2})?(?:\/(\d{1,2})?(?:\/.*)?)?)?$/.exec(t);
  if (m) return isoDate(m[1]!, m[2], m[3]);
  m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(t);
  if (m) return isoDate(m[1]!, m[2], m[3]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return isoDate(m[1]!, m[2], m[3]);
  m = /^(\d{4}) ([A-Za-z]+)\.?(?:-[A-Za-z]+\.?)?(?: (\d{1,2}))?(?:[- ].*)?$/.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? isoDate(m[1]!, String(month), m[3]) : m[1]!;
  }
  return listingDateToIso(t);
}

function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  const i = MONTHS.indexOf(w.slice(0, 3));
  return i >= 0 && MONTH_NAMES[i]!.startsWith(w) ? i + 1 : null;
}

function isoDate(year: string, month: string | undefined, day: string | undefined): string | null {
  if (!month) return year;
  const mm = Number(month);
  if (mm < 1 || mm > 12) return null;
  const ym = `${year}-${String(mm).padStart(2, '0')}`;
  if (!day) return ym;
  const dd = Number(day);
  if (dd < 1 || dd > 31) return null;
  return `${ym}-${String(dd).padStart(2, '0')}`;
}

/**
 * Words that make a "Label:" at a sentence start an abstract heading (matched as word prefixes,
 * so "method" covers "Methods" and "Methodology"). Keeps "Odds ratio: 1.4" or "AUC: 0.9" inside
 * their section instead of starting a new one.
 */
const LABEL_STEMS = [
  'abstract', 'aim', 'analys', 'approach', 'appraisal', 'background', 'case', 'clinical', 'conclu', 'comparison',
  'context', 'criteria', 'data', 'design', 'discussion', 'eligib', 'evaluation', 'evidence', 'exposure', 'extraction',
  'finding', 'funding', 'goal', 'highlight', 'hypothes', 'impact', 'implication', 'importance', 'interpretation',
  'intervention', 'introduction', 'key', 'level', 'limitation', 'main', 'material', 'measure', 'method', 'objective',
  'observation', 'outcome', 'participant', 'patient', 'perspective', 'population', 'practice', 'procedure', 'protocol',
  'purpose', 'question', 'rationale', 'recommendation', 'registration', 'relevance', 'research', 'result', 'review',
  'sample', 'search', 'selection', 'setting', 'significance', 'source', 'statistic', 'study', 'subject', 'summary',
  'synthesis', 'technique', 'trial', 'translational', 'what', 'why',
];
/** Up to six words, the first capitalised, joined by space, "/", "&", "-" or ", "; then a colon. */
const LABEL_AT = /(\p{Lu}[\p{L}'’]*(?:(?: | ?[/&] ?|-|, )\p{L}[\p{L}'’]*){0,5}):(?=\s|$)/uy;
/** A sentence end followed by whitespace and a capital letter: where a heading may start. */
const SENTENCE_START = /[.?!)\]"'”’](\s+)(?=\p{Lu})/gu;

function labelMode(label: string): 'caps' | 'title' | null {
  const words = label.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  if (!words.some((w) => LABEL_STEMS.some((s) => w.startsWith(s)))) return null;
  if (label === label.toUpperCase()) return /\p{Lu}{2}/u.test(label) ? 'caps' : null;
  return /^\p{Lu}\p{Ll}/u.test(label) ? 'title' : null;
}

/**
 * Split an abstract into sections. A structured abstract starts with a heading ("BACKGROUND:"
 * as MEDLINE writes them, or "Background:" as Scopus and publishers do); later headings of the
 * same style count when they start a sentence and contain a usual heading word (see
 * LABEL_STEMS). Otherwise the abstract is one unlabelled section. Section text is an exact
 * substring of `text` (trimmed); every section gets `line`, the line of the abstract's tag.
 */
export function abstractSections(text: string, line: number): Section[] {
  const body = text.trim();
  if (body === '') return [];
  LABEL_AT.lastIndex = 0;
  const first = LABEL_AT.exec(body);
  const mode = first ? labelMode(first[1]!) : null;
  if (!first || !mode) return [{ label: null, text: body, line }];

  const heads: { label: string; start: number; end: number }[] = [{ label: first[1]!, start: 0, end: first[0].length }];
  for (const s of body.matchAll(SENTENCE_START)) {
    const at = s.index + 1 + s[1]!.length;
    if (at < heads[heads.length - 1]!.end) continue;
    LABEL_AT.lastIndex = at;
    const m = LABEL_AT.exec(body);
    if (m && labelMode(m[1]!) === mode) heads.push({ label: m[1]!, start: at, end: at + m[0].length });
  }
  return heads.map((h, i) => {
    const stop = heads[i + 1]?.start ?? body.length;
    return { label: h.label, text: body.slice(h.end, stop).trim(), line };
  });
}

// --- MEDLINE -------------------------------------------------------------------------------

/** A MEDLINE field line: tag of 1-4 characters padded to four columns, then "- " and the value. */
const FIELD = /^([A-Z][A-Z0-9]{1,3})( *)-(?: (.*))?$/;
const DOI_AID = /^(10\.\S+)\s*\[doi\]$/;

interface Draft {
  line: number;
  fields: ExportField[];
}

const MEDLINE_RUNS: Record<string, RunMessage> = {
  binary: (extent) =>
    `binary or non-text data was not read (${extent}: control characters or invalid UTF-8): export the records from PubMed again with "Send to" > "Citation manager" and ingest that UTF-8 text file`,
  malformed: (extent, first) =>
    `text that is not a MEDLINE field was not read (${extent}, starting ${quoteLine(first)}): fields are "XXXX- value" (tag padded to four characters, then "- ") and continuation lines are indented by six spaces; fix the lines or delete them`,
};

/**
 * Parse a PubMed MEDLINE (.nbib) export. Every record (a block of field lines) is kept, also
 * without PMID or abstract; those, lines that are not fields, and binary data are reported as
 * problems with their line. Never throws.
 */
export function parseMedline(text: string, file: string): ParsedSource {
  const problems: SourceProblem[] = [];
  const runs = runReporter(file, problems, MEDLINE_RUNS);
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let last: ExportField | null = null;

  for (const { text: t, line } of exportLines(text)) {
    if (isBinaryLine(t)) {
      runs.add('binary', line);
      last = null;
      continue;
    }
    if (t.trim() === '') {
      current = null;
      last = null;
      continue;
    }
    const m = FIELD.exec(t);
    if (m && m[1]!.length + m[2]!.length === 4) {
      runs.ok();
      const tag = m[1]!;
      if (!current || (tag === 'PMID' && current.fields.some((f) => f.tag === 'PMID'))) {
        current = { line, fields: [] };
        drafts.push(current);
      }
      last = { tag, value: (m[3] ?? '').trim(), line };
      current.fields.push(last);
      continue;
    }
    if (/^\s/.test(t) && last) {
      runs.ok();
      const more = t.trim();
      last.value = last.value === '' ? more : `${last.value} ${more}`;
      continue;
    }
    runs.add('malformed', line, t);
    last = null;
  }
  runs.flush();

  const records = drafts.map((d, i) => medlineRecord(d, i + 1));
  if (!records.some((r) => r.pmid)) {
    problems.push({
      file,
      line: records[0]?.line ?? 1,
      message:
        'no "PMID- " line found: this is not a PubMed MEDLINE (.nbib) export; in PubMed use "Send to" > "Citation manager" and ingest that file',
    });
  } else {
    for (const r of records) {
      if (!r.pmid) {
        problems.push({
          file,
          line: r.line,
          message: `${describeRecord(r)} has no "PMID- " line: PubMed starts every record with one; restore it, or delete the blank line above if these lines belong to the record before`,
        });
      }
    }
  }
  for (const r of records) {
    if (r.sections.length === 0) {
      problems.push({
        file,
        line: r.line,
        severity: 'warning',
        message: `${describeRecord(r)} has no abstract: PubMed gave no "AB  - " field; add the abstract as an "AB  - " field (continuation lines indented by six spaces), or remove the record`,
      });
    }
  }
  return { records, problems: byLine(problems) };
}

function medlineRecord(draft: Draft, index: number): SourceRecord {
  const fields = draft.fields;
  const first = (tag: string): ExportField | undefined => fields.find((f) => f.tag === tag && f.value !== '');
  const values = (...tags: string[]): string[] => fields.filter((f) => tags.includes(f.tag) && f.value !== '').map((f) => f.value);

  const authors: string[] = [];
  let fullNameOpen = false;
  for (const f of fields) {
    if (f.value === '') continue;
    if (f.tag === 'FAU') {
      authors.push(f.value);
      fullNameOpen = true;
    } else if (f.tag === 'AU') {
      if (fullNameOpen) fullNameOpen = false;
      else authors.push(f.value);
    } else if (f.tag === 'CN') {
      authors.push(f.value);
      fullNameOpen = false;
    }
  }

  const pmidField = first('PMID');
  const pmcField = first('PMC');
  const doiField = fields.find((f) => (f.tag === 'AID' || f.tag === 'LID') && DOI_AID.test(f.value));
  const pmid = pmidField?.value ?? null;
  const pmcid = pmcField ? (/PMC\d+/.exec(pmcField.value)?.[0] ?? pmcField.value) : null;
  const doi = doiField ? DOI_AID.exec(doiField.value)![1]! : null;

  const links: SourceLink[] = [];
  if (pmidField && /^\d+$/.test(pmidField.value)) links.push({ url: `https://pubmed.ncbi.nlm.nih.gov/${pmidField.value}/`, label: 'PubMed', line: pmidField.line });
  if (pmcField && pmcid && /^PMC\d+$/.test(pmcid)) links.push({ url: `https://pmc.ncbi.nlm.nih.gov/articles/${pmcid}/`, label: 'PMC', line: pmcField.line });
  if (doiField && doi) links.push({ url: `https://doi.org/${doi}`, label: 'DOI', line: doiField.line });

  return {
    index,
    line: draft.line,
    title: first('TI')?.value ?? null,
    authors,
    journal: first('JT')?.value ?? first('TA')?.value ?? null,
    dateText: first('DP')?.value ?? null,
    affiliation: first('AD')?.value ?? null,
    doi,
    pmid,
    pmcid,
    keywords: values('OT', 'MH'),
    links,
    sections: fields.filter((f) => f.tag === 'AB').flatMap((f) => abstractSections(f.value, f.line)),
  };
}
