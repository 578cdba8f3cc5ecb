/**
 * Parser for PubMed's MEDLINE format (the .nbib file of PubMed's "Send to > Citation manager"):
 * one field per "XXXX- value" line (tag left-justified in four columns), continuation lines
 * indented by six spaces, records separated by blank lines. Pure and synchronous: text in,
 * records and problems out, every problem with its file and line.
 *
 * Normalisation: field text is kept byte-for-byte (case, punctuation, non-ASCII), except that
 * a field wrapped over several lines is joined with a single space, each line's indentation and
 * trailing whitespace removed, as MEDLINE requires. That join is the only change made to text.
 *
 * Authors: FAU ("Nåsell, Hans"), i.e. family name first, as written; an author with only an AU
 * line keeps the AU form ("Lindqvist E"); collective authors (CN) are kept in their position.
 * Keywords: OT and MH lines in file order, as written (MeSH "*" major-topic marks included).
 * Title: TI, else TT (original-language title). Affiliations: every AD line (PubMed repeats them
 * per author), exact repeats dropped, joined with "; ". A known tag in a tolerant form ("TI  -Title",
 * "TI - Title") is read, with one warning per run of such lines; an impossible DP date is a warning.
 */

import { abstractSections } from './abstract-sections.ts';
import { byLine, describeRecord, exportLines, isBinaryLine, joinAffiliations, noAbstractMessage, quoteLine, runReporter, type ExportField, type RunMessage } from './export-lines.ts';
import { publicationDate } from './export-date.ts';
import type { ParsedSource, SourceLink, SourceProblem, SourceRecord } from './record.ts';

/** A MEDLINE field line: tag of 1-4 characters padded to four columns, then "- " and the value. */
const FIELD = /^([A-Z][A-Z0-9]{1,3})( *)-(?: (.*))?$/;
/**
 * A known tag in a tolerant form, read with a warning as other readers do (they split at the
 * first hyphen): padding other than four columns ("TI - Title", "AB- Text"), or no space after the
 * hyphen ("TI  -Title", "PMID-123"). A two- or three-letter tag needs a space before its hyphen,
 * so an unindented "AB-positive" is not taken for an abstract.
 */
const TOLERANT_FIELD = /^([A-Z][A-Z0-9]{1,3})( *)- ?(.*)$/;
/** The field tags of PubMed's MEDLINE display format. */
const MEDLINE_TAGS = new Set(
  ('AB AD AID AU AUID BTI CI CIN CN COI CON CP CRDT CRF CRI CTDT CTI DA DCOM DDIN DEP DLR DP DRDT ECF ECI ED EDAT EFR EIN EN ' +
    'FAU FED FIR FPS GN GR GS IP IR IRAD IS ISBN JID JT LA LID LR MH MHDA OAB OABL OCI OID ORI OT OTO OWN PB PG PHST PL PMC PMCR ' +
    'PMID PS PST PT RF RIN RN ROF RPF RPI RRF RRI SB SFM SI SO SPIN STAT TA TI TT UIN UOF VI VTI').split(' '),
);
const DOI_AID = /^(10\.\S+)\s*\[doi\]$/;

interface Draft {
  line: number;
  fields: ExportField[];
}

const MEDLINE_RUNS: Record<string, RunMessage> = {
  binary: (extent) =>
    `binary or non-text data was not read (${extent}: control characters or invalid UTF-8): export the records from PubMed again with "Send to" > "Citation manager" and ingest that UTF-8 text file`,
  tolerant: (extent, first) =>
    `field lines not in the standard form "XXXX- value" (tag padded to four characters, then "- ") were read by their tag (${extent}, starting ${quoteLine(first)}): check that these fields look right on the new pages; the export itself stays as it is`,
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
  const runs = runReporter(file, problems, MEDLINE_RUNS, new Set(['tolerant']));
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
    const m = fieldLine(t);
    if (m) {
      if (m.tolerant) runs.add('tolerant', line, t);
      else runs.ok();
      const { tag } = m;
      if (!current || (tag === 'PMID' && current.fields.some((f) => f.tag === 'PMID'))) {
        current = { line, fields: [] };
        drafts.push(current);
      }
      last = { tag, value: m.value, line };
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
  const records = drafts.map((d, i) => medlineRecord(d, i + 1, file, problems));
  recordProblems(records, file, problems);
  return { records, problems: byLine(problems) };
}

/** Problems of the records as a whole: no PMID anywhere (not a MEDLINE export) or in one record, no abstract (a warning). */
function recordProblems(records: readonly SourceRecord[], file: string, problems: SourceProblem[]): void {
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
        message: noAbstractMessage(r),
      });
    }
  }
}

/** Read a field line: the standard "XXXX- value", or a known tag in a tolerant form (flagged). */
function fieldLine(text: string): { tag: string; value: string; tolerant: boolean } | null {
  const m = FIELD.exec(text);
  if (m && m[1]!.length + m[2]!.length === 4) return { tag: m[1]!, value: (m[3] ?? '').trim(), tolerant: false };
  const t = TOLERANT_FIELD.exec(text);
  if (t && MEDLINE_TAGS.has(t[1]!) && (t[2] !== '' || t[1]!.length === 4)) return { tag: t[1]!, value: t[3]!.trim(), tolerant: true };
  return null;
}

/** Authors in order: each FAU (its AU, the short form, skipped), an AU without FAU, and group names (CN). */
function medlineAuthors(fields: readonly ExportField[]): string[] {
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
  return authors;
}

/** One record from its fields; a PMID that is not digits and an impossible date are reported. */
function medlineRecord(draft: Draft, index: number, file: string, problems: SourceProblem[]): SourceRecord {
  const fields = draft.fields;
  const first = (tag: string): ExportField | undefined => fields.find((f) => f.tag === tag && f.value !== '');
  const values = (...tags: string[]): string[] => fields.filter((f) => tags.includes(f.tag) && f.value !== '').map((f) => f.value);
  const authors = medlineAuthors(fields);

  const pmidField = first('PMID');
  const pmcField = first('PMC');
  const doiField = fields.find((f) => (f.tag === 'AID' || f.tag === 'LID') && DOI_AID.test(f.value));
  const pmid = pmidField && /^\d+$/.test(pmidField.value) ? pmidField.value : null;
  const pmcid = pmcField ? (/PMC\d+/.exec(pmcField.value)?.[0] ?? pmcField.value) : null;
  const doi = doiField ? DOI_AID.exec(doiField.value)![1]! : null;

  const links: SourceLink[] = [];
  if (pmidField && /^\d+$/.test(pmidField.value)) links.push({ url: `https://pubmed.ncbi.nlm.nih.gov/${pmidField.value}/`, label: 'PubMed', line: pmidField.line });
  if (pmcField && pmcid && /^PMC\d+$/.test(pmcid)) links.push({ url: `https://pmc.ncbi.nlm.nih.gov/articles/${pmcid}/`, label: 'PMC', line: pmcField.line });
  if (doiField && doi) links.push({ url: `https://doi.org/${doi}`, label: 'DOI', line: doiField.line });

  const dateField = first('DP');
  const record: SourceRecord = {
    index,
    line: draft.line,
    // TT (the title in its original language) only when PubMed gives no TI.
    title: first('TI')?.value ?? first('TT')?.value ?? null,
    authors,
    journal: first('JT')?.value ?? first('TA')?.value ?? null,
    dateText: dateField?.value ?? null,
    affiliation: joinAffiliations(values('AD')),
    doi,
    pmid,
    pmcid,
    keywords: values('OT', 'MH'),
    links,
    sections: fields.filter((f) => f.tag === 'AB').flatMap((f) => abstractSections(f.value, f.line)),
  };
  recordFieldProblems(record, pmidField, dateField, file, problems);
  return record;
}

/** Reports a PMID that is not digits (the record is read without it) and a date that is not a possible publication date. */
function recordFieldProblems(record: SourceRecord, pmidField: ExportField | undefined, dateField: ExportField | undefined, file: string, problems: SourceProblem[]): void {
  if (pmidField && record.pmid === null) {
    problems.push({
      file,
      line: pmidField.line,
      message: `"PMID- " value ${quoteLine(pmidField.value)} of ${describeRecord(record)} is not a PubMed id (digits only): the record is read without it; export the records from PubMed again`,
    });
  }
  const date = dateField ? publicationDate(dateField.value) : null;
  if (dateField && date?.problem) {
    problems.push({
      file,
      line: dateField.line,
      severity: 'warning',
      message: `date ${quoteLine(dateField.value)} of ${describeRecord(record)} ${date.problem}: the page gets no published date; set published on the page once you know it`,
    });
  }
}
