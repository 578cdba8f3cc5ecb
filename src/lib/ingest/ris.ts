/**
 * Parser for RIS exports (PubMed via reference managers, Scopus, Web of Science, EndNote,
 * Zotero): records from "TY  - " to "ER  - ", one "XX  - value" field per line. Pure and
 * synchronous: text in, records and problems out, every problem with its file and line.
 *
 * Why not @citation-js/plugin-ris (tried: 0.8.2 via @citation-js/core's synchronous
 * plugins.input.chain with forceType '@ris/file' and '@ris/record'): it is synchronous and keeps
 * abstracts and non-ASCII names intact, but for this contract it (1) returns an empty object,
 * title and authors included, for a record whose TY it does not know (a silent drop);
 * (2) joins all KW lines into one comma-separated string, so "Fractures, Bone" cannot be told
 * from two keywords; (3) does not map AN, PM, C2, AD, L1 or L2 (PMID, PMCID, affiliation,
 * PDF links); (4) returns arrays instead of strings when a tag repeats; (5) normalises dates
 * instead of keeping them as written; (6) has no line numbers; and @citation-js/core ships no
 * types and registers plugins in a global registry. What it would still have done (pick TI/T1,
 * the journal tag, split "Family, Given") is a few lines here, following its tag preferences.
 *
 * Normalisation: field text is kept byte-for-byte, except that a free-text field some writers
 * wrap onto untagged following lines is joined with a single space (each line's indentation and
 * trailing whitespace removed). That join is the only change made to text.
 *
 * Authors: AU/A1 lines as written, normally "Family, Given" or "Family, G." (family name first).
 * Keywords: one per KW line, as written. Title: TI, else T1, else ST (short title). Affiliations:
 * every AD line, joined with "; ". Dates: `dateText` is DA, Y1 or PY as written (the first that
 * is a possible date, see `publicationDate` in export-date.ts; an impossible one such as Scopus's
 * "0000" is reported as a warning at its line). Tag lines with non-standard spacing of a known tag
 * ("TY - JOUR", "TI  -Title") are read, with one warning per run of such lines.
 */

import { abstractSections } from './abstract-sections.ts';
import { byLine, describeRecord, exportLines, isBinaryLine, joinAffiliations, noAbstractMessage, quoteLine, runReporter, type ExportField, type RunMessage } from './export-lines.ts';
import { publicationDate } from './export-date.ts';
import type { ParsedSource, SourceLink, SourceProblem, SourceRecord } from './record.ts';

/** A RIS field line: two-character tag, two spaces, hyphen, then a space and the value (or nothing). */
const TAG_LINE = /^([A-Z][A-Z0-9])  -(?: (.*))?$/;
/**
 * A known tag with non-standard spacing, read as that tag with a warning (other readers accept
 * these too: rispy starts a record at any line beginning "TY"; JabRef reads the tag from the first
 * two columns): one, three or four spaces before the hyphen ("TY - JOUR"), or no space after it
 * ("TY  -JOUR"). No space before the hyphen ("CT-guided") is never a tag line.
 */
const TOLERANT_TAG_LINE = /^([A-Z][A-Z0-9])( {1,4})-( ?)(.*)$/;
/** The tags of the RIS specification (RefMan) and of the common writers (EndNote, Zotero, Scopus, Web of Science). */
const RIS_TAGS = new Set(
  ('TY A1 A2 A3 A4 AB AD AN AU AV BT C1 C2 C3 C4 C5 C6 C7 C8 CA CN CP CT CY DA DB DO DP ED EP ER ET ID IS J1 J2 JA JF JO ' +
    'KW L1 L2 L3 L4 LA LB LK M1 M2 M3 N1 N2 NV OP PB PM PP PY RI RN RP SE SN SP ST T1 T2 T3 TA TI TT U1 U2 U3 U4 U5 UR VL VO Y1 Y2').split(' '),
);
/** A line meant as a tag line but not shaped "XX  - ": wrong spacing, lowercase, or a MEDLINE tag. */
const BROKEN_TAG = /^(?:[A-Z][A-Z0-9]{1,3}|[a-z][a-z0-9]) {0,4}-(?: |$)|^[A-Za-z][A-Za-z0-9] {1,4}-\S/;
/** Fields some writers wrap onto untagged lines; an untagged line after any other field is an error. */
const TEXT_TAGS = new Set(['TI', 'T1', 'T2', 'T3', 'BT', 'CT', 'ST', 'TT', 'AB', 'N1', 'N2', 'AD', 'JF', 'JO', 'JA', 'J1', 'J2', 'PB']);
const DOI = /10\.\d{4,9}\/[^\s"<>]+/;

interface Draft {
  index: number;
  line: number;
  fields: ExportField[];
}

const RIS_RUNS: Record<string, RunMessage> = {
  binary: (extent) =>
    `binary or non-text data was not read (${extent}: control characters or invalid UTF-8): export the references again as a RIS text file in UTF-8`,
  tolerant: (extent, first) =>
    `tag lines not in the standard form "XX  - value" (two spaces, hyphen, space) were read by their tag (${extent}, starting ${quoteLine(first)}): check that the fields on these lines look right on the new pages; the export itself stays as it is`,
  outside: (extent, first) =>
    `text outside any record was not read (${extent}, starting ${quoteLine(first)}): records start with "TY  - " and end with "ER  - "; restore the missing "TY  - " line or delete the stray text`,
};

/** The parser's state while reading lines: the records so far, the open one, the field untagged lines may continue. */
interface RisReader {
  file: string;
  problems: SourceProblem[];
  runs: ReturnType<typeof runReporter>;
  drafts: Draft[];
  current: Draft | null;
  last: ExportField | null;
  unended: { index: number; where: string }[];
}

/**
 * Parse a RIS export. Record boundaries and line numbers are this parser's own; every record
 * found is kept (also without "ER  - " or abstract), and anything not understood is reported as
 * a problem with its line. Never throws.
 */
export function parseRis(text: string, file: string): ParsedSource {
  const problems: SourceProblem[] = [];
  const r: RisReader = { file, problems, runs: runReporter(file, problems, RIS_RUNS, new Set(['tolerant'])), drafts: [], current: null, last: null, unended: [] };
  for (const { text: t, line } of exportLines(text)) {
    if (isBinaryLine(t)) {
      r.runs.add('binary', line);
      r.last = null;
    } else if (t.trim() === '') {
      r.last = null;
    } else {
      const m = tagLine(t);
      if (m) readTagLine(r, m, t, line);
      else readUntaggedLine(r, t, line);
    }
  }
  r.runs.flush();
  if (r.current) r.unended.push({ index: r.current.index, where: 'before the end of the file (the export may be cut off)' });
  const records = r.drafts.map((d) => risRecord(d, file, problems));
  recordProblems(records, r.unended, file, problems);
  return { records, problems: byLine(problems) };
}

/** A tag line: TY opens a record, ER closes it, any other tag adds a field to the open record (outside one it is reported). */
function readTagLine(r: RisReader, m: { tag: string; value: string; tolerant: boolean }, t: string, line: number): void {
  const { tag, value, tolerant } = m;
  // A tolerant line continues a run of them (one warning per run); a standard line ends it.
  const read = tolerant ? () => r.runs.add('tolerant', line, t) : r.runs.ok;
  if (tag === 'TY') {
    read();
    if (r.current) r.unended.push({ index: r.current.index, where: `before the next "TY  - " on line ${line}` });
    r.current = { index: r.drafts.length + 1, line, fields: [] };
    r.drafts.push(r.current);
    r.last = { tag, value, line };
    r.current.fields.push(r.last);
    return;
  }
  if (!r.current) {
    if (tag === 'ER') {
      read();
      r.problems.push({ file: r.file, line, message: '"ER  - " outside any record was ignored: there is no "TY  - " line before it; delete it or add the missing "TY  - " line' });
    } else {
      r.runs.add('outside', line, t);
    }
    r.last = null;
    return;
  }
  read();
  if (tag === 'ER') {
    r.current = null;
    r.last = null;
    return;
  }
  r.last = { tag, value, line };
  r.current.fields.push(r.last);
}

/** A line without a tag: continues a free-text field, else is reported (outside a record, malformed tag, or untagged). */
function readUntaggedLine(r: RisReader, t: string, line: number): void {
  const { file, current, last } = r;
  if (!current) {
    r.runs.add('outside', line, t);
    r.last = null;
    return;
  }
  r.runs.ok();
  if (BROKEN_TAG.test(t)) {
    r.problems.push({
      file,
      line,
      message: `malformed tag line ${quoteLine(t)} in record ${current.index} was not read: RIS tag lines are "XX  - value" (two-character capital tag, two spaces, hyphen, space); fix the spacing`,
    });
    r.last = null;
    return;
  }
  if (last && TEXT_TAGS.has(last.tag)) {
    const more = t.trim();
    last.value = last.value === '' ? more : `${last.value} ${more}`;
    return;
  }
  const after = last ? ` after "${last.tag}  - "` : '';
  r.problems.push({
    file,
    line,
    message: `untagged line ${quoteLine(t)}${after} in record ${current.index} was not read: only free-text fields (title, abstract, notes, affiliation) continue on untagged lines; start the line with a RIS tag "XX  - " or join it to the field it belongs to`,
  });
  r.last = null;
}

/** Problems of the records as a whole: no "ER  - ", no records at all, no abstract (a warning). */
function recordProblems(records: readonly SourceRecord[], unended: readonly { index: number; where: string }[], file: string, problems: SourceProblem[]): void {
  for (const { index, where } of unended) {
    const r = records[index - 1]!;
    problems.push({ file, line: r.line, message: `${describeRecord(r)} has no "ER  - " line ${where}: add "ER  - " after its last field` });
  }
  if (records.length === 0) {
    problems.push({ file, line: 1, message: 'no RIS records found: a RIS export has records that start with "TY  - " and end with "ER  - "; export the references again as RIS' });
  }
  for (const r of records) {
    if (r.sections.length === 0) {
      problems.push({
        file,
        line: r.line,
        severity: 'warning',
        message: noAbstractMessage(r),
      });
    }
  }
}

/** Read a tag line: the standard "XX  - value", or a known tag in a tolerant form (flagged). */
function tagLine(text: string): { tag: string; value: string; tolerant: boolean } | null {
  const m = TAG_LINE.exec(text);
  if (m) return { tag: m[1]!, value: (m[2] ?? '').trim(), tolerant: false };
  const t = TOLERANT_TAG_LINE.exec(text);
  if (t && RIS_TAGS.has(t[1]!) && (t[2] !== '  ' || t[3] === '')) return { tag: t[1]!, value: t[4]!.trim(), tolerant: true };
  return null;
}

/** A record's fields with the lookups the record reader uses: non-empty fields of a tag, and the first of several tags. */
interface RisFields {
  fields: ExportField[];
  withValue: (tag: string) => ExportField[];
  first: (...tags: string[]) => ExportField | undefined;
  /** UR and L1–L4 fields with a value. */
  urlFields: ExportField[];
}

/** The lookups over one record's fields. */
function risFields(fields: ExportField[]): RisFields {
  const withValue = (tag: string): ExportField[] => fields.filter((f) => f.tag === tag && f.value !== '');
  const first = (...tags: string[]): ExportField | undefined => {
    for (const tag of tags) {
      const f = withValue(tag)[0];
      if (f) return f;
    }
    return undefined;
  };
  return { fields, withValue, first, urlFields: fields.filter((f) => ['UR', 'L1', 'L2', 'L3', 'L4'].includes(f.tag) && f.value !== '') };
}

/** One record from its fields; problems (bad DOI, impossible date, invalid URL) go to `problems`. */
function risRecord(draft: Draft, file: string, problems: SourceProblem[]): SourceRecord {
  const f = risFields(draft.fields);
  const { fields, withValue, first } = f;
  // ST (short title) only when there is no full title: some writers give nothing else.
  const title = first('TI', 'T1', 'ST')?.value ?? null;
  const date = pickDate(['DA', 'Y1', 'PY'].map((t) => first(t)).filter((x): x is ExportField => x !== undefined));
  const record: SourceRecord = {
    index: draft.index,
    line: draft.line,
    title,
    authors: fields.filter((x) => (x.tag === 'AU' || x.tag === 'A1') && x.value !== '').map((x) => x.value),
    journal: first('JF', 'T2', 'JO', 'JA', 'J2', 'J1')?.value ?? null,
    dateText: date?.value ?? null,
    affiliation: joinAffiliations(withValue('AD').map((x) => x.value)),
    doi: null,
    pmid: null,
    pmcid: null,
    keywords: withValue('KW').map((x) => x.value),
    links: [],
    sections: [],
  };
  if (date) checkDate(date, record, file, problems);
  const doiLine = readDoi(f, record, file, problems);
  record.pmid = readPmid(f);
  // PMCID: EndNote's C2, a note, or a PMC link.
  record.pmcid = [...withValue('C2'), ...withValue('N1'), ...f.urlFields].map((x) => /\bPMC\d+\b/.exec(x.value)?.[0]).find(Boolean) ?? null;
  record.links = readLinks(f, record, doiLine, file, problems);
  // Abstract: AB lines (N2 when there is no AB: EndNote writes the abstract as N2, sometimes as both).
  const abstract = withValue('AB').length > 0 ? withValue('AB') : withValue('N2');
  record.sections = abstract.flatMap((x) => abstractSections(x.value, x.line));
  return record;
}

/** Warns about a date that is not a possible publication date (the page then gets none). */
function checkDate(date: ExportField, record: SourceRecord, file: string, problems: SourceProblem[]): void {
  const { problem } = publicationDate(date.value);
  if (problem) {
    problems.push({
      file,
      line: date.line,
      severity: 'warning',
      message: `date ${quoteLine(date.value)} of ${describeRecord(record)} ${problem}: the page gets no published date; set published on the page once you know it`,
    });
  }
}

/** Sets the record's DOI from the DO field (bare or as a doi.org URL), else a doi.org link; returns the line it came from. */
function readDoi(f: RisFields, record: SourceRecord, file: string, problems: SourceProblem[]): number | null {
  const doField = f.first('DO');
  let doiLine = doField?.line ?? null;
  if (doField) {
    record.doi = DOI.exec(doField.value)?.[0]?.replace(/[.,;]+$/, '') ?? null;
    if (!record.doi) {
      problems.push({
        file,
        line: doField.line,
        message: `"DO  - " value ${quoteLine(doField.value)} in ${describeRecord(record)} is not a DOI (expected "10.xxxx/..."): fix or delete the line`,
      });
    }
  }
  if (!record.doi) {
    for (const u of f.urlFields) {
      const m = /^https?:\/\/(?:dx\.)?doi\.org\/(.+)$/i.exec(u.value);
      const doi = m ? DOI.exec(safeDecode(m[1]!))?.[0] : undefined;
      if (doi) {
        record.doi = doi;
        doiLine = u.line;
        break;
      }
    }
  }
  return doiLine;
}

/** PMID: PM (Web of Science), or AN when the record comes from PubMed/MEDLINE, or a PubMed link. */
function readPmid(f: RisFields): string | null {
  const { withValue, first } = f;
  const database = [...withValue('DB'), ...withValue('DP')].map((x) => x.value).join(' ');
  const an = first('AN')?.value;
  const anPmid = an && (database === '' || /pubmed|medline|nlm/i.test(database)) ? /^(?:PMID:?\s*)?(\d{1,8})$/i.exec(an)?.[1] : undefined;
  const urlPmid = f.urlFields.map((x) => /(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov\/pubmed)\/(\d{1,8})\b/.exec(x.value)?.[1]).find(Boolean);
  return (/^\d{1,8}$/.test(first('PM')?.value ?? '') ? first('PM')!.value : undefined) ?? anPmid ?? urlPmid ?? null;
}

/** Links: http(s) URLs of UR/L1/L2 (local file paths of reference managers are not links), then the DOI. */
function readLinks(f: RisFields, record: SourceRecord, doiLine: number | null, file: string, problems: SourceProblem[]): SourceLink[] {
  const links: SourceLink[] = [];
  for (const u of f.urlFields) {
    if (u.tag === 'L3' || u.tag === 'L4') continue;
    for (const url of u.value.split(/[\s;]+/)) {
      if (!/^https?:\/\/\S+$/i.test(url)) continue;
      if (isUrl(url)) links.push({ url, label: linkLabel(url, u.tag), line: u.line });
      else problems.push({ file, line: u.line, severity: 'warning', message: `${quoteLine(url)} in ${describeRecord(record)} is not a valid URL and was not linked: add the right link on the page if there is one` });
    }
  }
  if (record.doi && doiLine !== null) {
    const doiUrl = `https://doi.org/${record.doi}`;
    if (!links.some((l) => l.label === 'DOI' || l.url.toLowerCase() === doiUrl.toLowerCase())) links.push({ url: doiUrl, label: 'DOI', line: doiLine });
  }
  return links;
}

/**
 * The date field to use: the first of DA, Y1, PY that is a possible date, else the first given
 * (reported as impossible by the caller).
 */
function pickDate(fields: ExportField[]): ExportField | undefined {
  return fields.find((f) => publicationDate(f.value).iso !== null) ?? fields[0];
}

function isUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

function linkLabel(url: string, tag: string): string {
  if (/^https?:\/\/(?:dx\.)?doi\.org\//i.test(url)) return 'DOI';
  if (/pmc\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov\/pmc\//i.test(url)) return 'PMC';
  if (/pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov\/pubmed/i.test(url)) return 'PubMed';
  if (/scopus\.com/i.test(url)) return 'Scopus';
  if (/webofscience\.com|webofknowledge\.com/i.test(url)) return 'Web of Science';
  if (tag === 'L1') return 'PDF';
  if (tag === 'L2') return 'Full text';
  return 'URL';
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
