import { describe, expect, it } from 'vitest';
import { isDateLine, listingDateToIso, parseListing } from '../../../src/lib/ingest/listing.ts';
import { SEED_FILE, SEED_TEXT } from '../../helpers.ts';

describe('parseListing on the seed listing', () => {
  const { records, problems } = parseListing(SEED_TEXT, SEED_FILE);

  it('finds exactly six records and reports no problems', () => {
    expect(records).toHaveLength(6);
    expect(problems).toEqual([]);
  });

  it('reads each journal, with none for the first (preprint) record, including the one glued to a separator', () => {
    expect(records.map((r) => r.journal)).toEqual([
      null,
      'BMC Oral Health',
      'BMC Psychiatry',
      'BMC Musculoskelet Disord',
      'J Cancer Res Clin Oncol',
      'Sci Rep',
    ]);
  });

  it('reads the date lines of records 2-6 as September 2025', () => {
    expect(records.map((r) => r.dateText)).toEqual([null, ...Array(5).fill('September 2025')]);
    expect(records.slice(1).map((r) => listingDateToIso(r.dateText!))).toEqual(Array(5).fill('2025-09'));
  });

  it('reads affiliations', () => {
    expect(records[0]!.affiliation).toBeNull();
    expect(records[1]!.affiliation).toBe('Oral and Maxillofacial Radiology Department, Cairo university, Cairo, Egypt.');
    expect(records[3]!.affiliation).toContain('Karolinska Institutet, Stockholm, 182 88, Sweden.');
    expect(records[5]!.affiliation).toBe('Fukushima Renewable Energy Institute, Koriyama, Japan.');
  });

  it('keeps the labelled sections in order, unknown labels included, and unlabelled paragraphs', () => {
    expect(records.map((r) => r.sections.map((s) => s.label))).toEqual([
      ['Background', 'Methods', 'Results', 'Conclusions', 'Clinical Perspective'],
      ['Aim', 'Methodology'],
      [null],
      ['Background', 'Methods'],
      ['Purpose', 'Methods'],
      [null],
    ]);
  });

  it('keeps every abstract line of the source verbatim', () => {
    const sourceLines = SEED_TEXT.split('\n');
    for (const r of records) for (const s of r.sections) expect(sourceLines[s.line - 1]).toBe(s.label ? `${s.label}: ${s.text}` : s.text);
    expect(records[0]!.sections[2]!.text).toContain('mean age 56±18 years');
    expect(records[4]!.sections[1]!.text).toBe('We simulated STS-MTBs using four LLMs-Llama 3.2-vison: 90b, Claude 3.');
  });

  it('skips the page chrome: counters, link-table header and rule, separators', () => {
    const all = records.flatMap((r) => r.sections.map((s) => s.text)).join('\n');
    for (const chrome of ['98%', '921', '2 minutes', 'Download full-text PDF', 'Source |', '---|---|', 'View Article']) {
      expect(all.split('\n')).not.toContain(chrome);
      expect(all).not.toContain('View Article and Find Full Text PDF');
    }
    expect(records[0]!.line).toBe(5);
  });

  it('attaches the link table to the first record, URLs kept as written', () => {
    expect(records[0]!.links.map((l) => [l.url, l.label])).toEqual([
      ['http://www.ncbi.nlm.nih.gov/pmc/articles/PMC11065018', 'PMC'],
      ['http://dx.doi.org/10.1101/2024.04.16.24305936', 'DOI Listing'],
    ]);
    expect(records.slice(1).every((r) => r.links.length === 0)).toBe(true);
  });
});

describe('parseListing on broken input', () => {
  it('reports a malformed link-table row with its file and line instead of dropping it', () => {
    const text = 'Background: Some text.\nDownload full-text PDF |\nSource |\n---|---|\nnot a url | PMC |\n';
    const { problems } = parseListing(text, 'content/sources/bad.txt');
    expect(problems).toEqual([{ file: 'content/sources/bad.txt', line: 5, message: expect.stringContaining('malformed link-table row') }]);
  });

  it('reports a record that has a journal and date but no abstract', () => {
    const text = 'Background: Some text.\nBMC Oral Health\nSeptember 2025\nSci Rep\nSeptember 2025\nOnly text.\n';
    const { records, problems } = parseListing(text, 'x.txt');
    expect(records).toHaveLength(2);
    expect(problems).toEqual([{ file: 'x.txt', line: 2, message: expect.stringContaining('has no abstract text') }]);
  });

  it('accepts CRLF line ends and a byte-order mark', () => {
    const { records } = parseListing('\uFEFFBMC Psychiatry\r\nSeptember 2025\r\nSome abstract.\r\n', 'x.txt');
    expect(records[0]!.journal).toBe('BMC Psychiatry');
    expect(records[0]!.sections[0]!.text).toBe('Some abstract.');
  });

  it('keeps hostile text verbatim as abstract text', () => {
    const hostile = 'Results: <script>alert(1)</script> {props.x} `code` *bold* AUC 0.9';
    const { records } = parseListing(`${hostile}\n`, 'x.txt');
    expect(records[0]!.sections[0]!.text).toBe('<script>alert(1)</script> {props.x} `code` *bold* AUC 0.9');
  });
});

describe('dates', () => {
  it('recognises month-year and year lines only', () => {
    expect(isDateLine('September 2025')).toBe(true);
    expect(isDateLine('Sep 2025')).toBe(true);
    expect(isDateLine('2025')).toBe(true);
    expect(isDateLine('Sci Rep')).toBe(false);
    expect(isDateLine('September 2025 was warm')).toBe(false);
  });

  it('converts listing dates to ISO prefixes', () => {
    expect(listingDateToIso('September 2025')).toBe('2025-09');
    expect(listingDateToIso('12 Sep 2025')).toBe('2025-09-12');
    expect(listingDateToIso('2025')).toBe('2025');
    expect(listingDateToIso('Smarch 2025')).toBeNull();
  });
});
