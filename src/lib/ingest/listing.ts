/**
 * Parser for the "similar articles" listing format: abstracts pasted from a literature
 * database page, page chrome included (see content/sources/README.md). Pure: text in,
 * records and problems out, every piece of text kept verbatim with its line number.
 */

import type { ParsedSource, Section, SourceLink, SourceProblem, SourceRecord } from './record.ts';

/** A listing record is a source record (kept as an alias for readability). */
export type ListingRecord = SourceRecord;
export type { Section, SourceLink as ListingLink, SourceProblem };

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const SEPARATOR = 'View Article and Find Full Text PDF';
const DATE_LINE = new RegExp(`^(?:(?:\\d{1,2} )?(?:${MONTHS.join('|')}|${MONTHS.map((m) => m.slice(0, 3)).join('|')})\\.? )?\\d{4}$`, 'i');
const CHROME_TOP = /^(?:\d{1,3}%|\d{1,6}|\d{1,3} (?:seconds?|minutes?|hours?))$/;
const SECTION = /^([A-Z][A-Za-z]*(?:[ /&-][A-Za-z]+){0,4}):[ \t]+(\S.*)$/;
const LINK_ROW = /^(https?:\/\/\S+) \| ([^|]+?) \|$/;
const TABLE_HEADER = ['Download full-text PDF |', 'Source |'];
const TABLE_RULE = /^-{3,}\|(?:-{3,}\|)*$/;

/** True when a line is a month-year (or year) date line such as "September 2025". */
export function isDateLine(line: string): boolean {
  return DATE_LINE.test(line.trim());
}

/** Convert a listing date ("September 2025", "2025", "12 Sep 2025") to YYYY[-MM[-DD]]. */
export function listingDateToIso(text: string): string | null {
  const m = /^(?:(\d{1,2}) )?(?:([A-Za-z]+)\.? )?(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [, day, month, year] = m;
  if (!month) return year ?? null;
  const mi = MONTHS.findIndex((name) => name.startsWith(month.toLowerCase().slice(0, 3)));
  if (mi < 0) return null;
  const mm = String(mi + 1).padStart(2, '0');
  return day ? `${year}-${mm}-${day.padStart(2, '0')}` : `${year}-${mm}`;
}

/** Split a source into lines, keeping 1-based line numbers; CRLF and CR line ends accepted. */
function splitLines(text: string): { text: string; line: number }[] {
  const body = text.replace(/^\uFEFF/, '');
  const lines = body.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((t, i) => ({ text: t, line: i + 1 }));
}

/**
 * Parse a listing into records. Chrome (the short counters at the top, link-table headers,
 * "View Article…" separators, also when glued to the next journal) is skipped; anything else
 * that fits no record is reported as a problem with its line.
 */
export function parseListing(text: string, file: string): ParsedSource {
  const lines = splitLines(text);
  const r: ListingReader = { file, lines, i: 0, records: [], problems: [], current: null };
  // The short counters at the very top of the page ("98%", "921", "2 minutes", "20").
  while (r.i < lines.length && (CHROME_TOP.test(lines[r.i]!.text.trim()) || lines[r.i]!.text.trim() === '')) r.i++;

  while (r.i < lines.length) {
    const { text: raw, line } = lines[r.i]!;
    let t = raw.trim();
    r.i++;
    if (t === '') continue;

    // Separator, possibly glued to the next journal name.
    if (t.startsWith(SEPARATOR)) {
      t = t.slice(SEPARATOR.length).trim();
      if (t === '') continue;
    }
    if (startsRecord(r, t, line) || readLinkTable(r, t, line)) continue;

    // Abstract text: a labelled section or an unlabelled paragraph. The first record of a
    // listing may start without journal and date lines.
    if (!r.current || r.current.links.length > 0) r.current = startRecord(r, line, null, null);
    const m = SECTION.exec(raw.replace(/^\s+/, ''));
    if (m) r.current.sections.push({ label: m[1]!, text: m[2]!, line });
    else r.current.sections.push({ label: null, text: raw.trim(), line });
  }

  for (const rec of r.records) {
    if (rec.sections.length === 0) {
      r.problems.push({ file, line: rec.line, message: `record ${rec.index} (${rec.journal ?? 'no journal'}) has no abstract text: add the abstract or remove the record's lines` });
    }
  }
  return { records: r.records.filter((rec) => rec.sections.length > 0), problems: r.problems };
}

/** The listing parser's state: the lines, the next one to read, the records so far and the open one. */
interface ListingReader {
  file: string;
  lines: { text: string; line: number }[];
  i: number;
  records: ListingRecord[];
  problems: SourceProblem[];
  current: ListingRecord | null;
}

/** Opens a new record, numbered in order. */
function startRecord(r: ListingReader, line: number, journal: string | null, dateText: string | null): ListingRecord {
  const record: ListingRecord = { index: r.records.length + 1, line, journal, dateText, affiliation: null, sections: [], links: [] };
  r.records.push(record);
  return record;
}

/** A journal line followed by a date line starts a record (with the affiliation line after them, if there is one); true when it did. */
function startsRecord(r: ListingReader, t: string, line: number): boolean {
  const { lines } = r;
  const next = lines[r.i]?.text.trim();
  if (next === undefined || !isDateLine(next) || SECTION.test(t) || LINK_ROW.test(t)) return false;
  const current = startRecord(r, line, t, next);
  r.current = current;
  r.i++;
  // The affiliation line, when the next line is not a labelled section.
  const aff = lines[r.i]?.text.trim();
  if (aff && !SECTION.test(aff) && !aff.startsWith(SEPARATOR) && !isDateLine(lines[r.i + 1]?.text.trim() ?? '')) {
    if (looksLikeAffiliation(aff)) {
      current.affiliation = aff;
      r.i++;
    }
  }
  return true;
}

/** A line of the link table belonging to the current record (header, rule, link row, or a malformed row, reported); true when it was one. */
function readLinkTable(r: ListingReader, t: string, line: number): boolean {
  const { file } = r;
  if (TABLE_HEADER.includes(t) || TABLE_RULE.test(t)) return true;
  const link = LINK_ROW.exec(t);
  if (link) {
    if (r.current) r.current.links.push({ url: link[1]!, label: link[2]!.trim(), line });
    else r.problems.push({ file, line, message: 'link row before any record: move it below the record it belongs to' });
    return true;
  }
  if (t.includes(' | ') || t.endsWith(' |')) {
    r.problems.push({ file, line, message: `malformed link-table row ${JSON.stringify(t.slice(0, 80))}: expected "<http(s) URL> | <label> |"` });
    return true;
  }
  return false;
}

/** Heuristic: an affiliation names an institution or ends with a country-like final clause. */
function looksLikeAffiliation(line: string): boolean {
  return /\b(Universit|Department|Dept\.?|Institut|Hospital|School|Faculty|College|Cent(?:er|re)|Clinic|Laborator|Foundation|Academy|Division)/i.test(line);
}
