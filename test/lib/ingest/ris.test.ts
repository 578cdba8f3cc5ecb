/**
 * Tests of the RIS parser. Fixtures are hand-written in the shapes Scopus (record 1), Zotero
 * (record 2), EndNote with legacy tags (record 3) and Web of Science (record 4) export.
 * Record 1 is the real elbow-fracture study of the seed listing (real DOI; abstract abridged and
 * partly paraphrased). Records 2-4 are fictitious: their DOIs use Crossref's test prefix 10.5555,
 * and their PMIDs (39999999, 39888888) and PMCID (PMC11111111) are invented.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDateToIso } from '../../../src/lib/ingest/export-date.ts';
import { parseRis } from '../../../src/lib/ingest/ris.ts';
import { fixture } from '../../helpers.ts';

const FILE = 'test/fixtures/sources/export.ris';
const TEXT = fixture('sources/export.ris');
const BROKEN_FILE = 'test/fixtures/sources/broken.ris';
const BROKEN = fixture('sources/broken.ris');

/** The input with every line break (and the whitespace around it) as one space: the documented join. */
const joined = (text: string): string => text.replace(/[^\S\r\n]*(?:\r\n|\r|\n)\s*/g, ' ');

describe('parseRis on a multi-record export', () => {
  const { records, problems } = parseRis(TEXT, FILE);

  it('finds every record between TY and ER, each starting at its TY line', () => {
    expect(records.map((r) => [r.index, r.line])).toEqual([
      [1, 1],
      [2, 31],
      [3, 54],
      [4, 69],
    ]);
  });

  it('reads titles from TI and from the legacy T1', () => {
    expect(records.map((r) => r.title)).toEqual([
      'Use of artificial intelligence for classification of fractures around the elbow in adults according to the 2018 AO/OTA classification system',
      'Deep learning detection of distal radius fractures on wrist radiographs: a single-centre retrospective study',
      'Comment on: machine learning for fracture triage in the emergency department',
      'Gradient boosting versus logistic regression for predicting surgical site infection after hip arthroplasty',
    ]);
  });

  it('keeps authors from AU and A1 as written, family name first, non-ASCII names byte for byte', () => {
    expect(records.map((r) => r.authors)).toEqual([
      ['Pettersson, A.', 'Axenhus, M.', 'Stukan, T.', 'Ljungberg, O.', 'Nåsell, H.', 'Razavian, A.S.', 'Gordon, M.'],
      ['山田, 太郎', 'Sato, Hanako', 'Müller, Katrin'],
      ['Østergaard, Søren', 'Lefèvre, Aimé'],
      ['Novák, Petra', 'Reyes, José Luis'],
    ]);
    const bytes = Buffer.from(TEXT, 'utf8');
    for (const name of records.flatMap((r) => r.authors ?? [])) expect(bytes.includes(Buffer.from(`  - ${name}\n`, 'utf8'))).toBe(true);
  });

  it('prefers the full journal title (JF, T2) over the abbreviation', () => {
    expect(records.map((r) => r.journal)).toEqual(['BMC Musculoskeletal Disorders', 'Journal of Orthopaedic Science', 'Acta Orthopaedica', 'BONE & JOINT JOURNAL']);
  });

  it('keeps the date as written, taking PY when DA has no year, and converts it with exportDateToIso', () => {
    expect(records.map((r) => r.dateText)).toEqual(['2025', '2024/11/20/', '2025///', '2025']);
    expect(records.map((r) => exportDateToIso(r.dateText!))).toEqual(['2025', '2024-11-20', '2025', '2025']);
  });

  it('reads DOIs bare or from a doi.org URL, PMIDs from AN (PubMed) or PM (Web of Science), and the PMCID from C2', () => {
    expect(records.map((r) => r.doi)).toEqual(['10.1186/s12891-025-09161-2', '10.5555/fixture-ris-2', null, '10.5555/fixture-ris-4']);
    expect(records.map((r) => r.pmid)).toEqual([null, null, '39999999', '39888888']);
    expect(records.map((r) => r.pmcid)).toEqual([null, null, 'PMC11111111', null]);
  });

  it('does not take a Web of Science accession number for a PMID', () => {
    expect(records[3]!.pmid).toBe('39888888');
    expect(parseRis('TY  - JOUR\nAN  - 12345678\nDB  - Embase\nER  - \n', 'x.ris').records[0]!.pmid).toBeNull();
  });

  it('keeps one keyword per KW line, commas inside a keyword included', () => {
    expect(records.map((r) => r.keywords)).toEqual([
      ['AO/OTA classification', 'Artificial intelligence', 'Convolutional neural network', 'Elbow fractures'],
      ['Deep learning', 'Fractures, Bone', 'Radius fractures'],
      [],
      [],
    ]);
  });

  it('reads the affiliation of the only AD line', () => {
    expect(records[0]!.affiliation).toBe('Department of Clinical Sciences at Danderyds Hospital, Department of Orthopedic Surgery, Karolinska Institutet, Stockholm, 182 88, Sweden');
    expect(records.slice(1).map((r) => r.affiliation)).toEqual([null, null, null]);
  });

  it('labels UR and L1 links and adds a DOI link unless one is already there', () => {
    expect(records.map((r) => r.links.map((l) => [l.label, l.line]))).toEqual([
      [
        ['Scopus', 16],
        ['DOI', 15],
      ],
      [
        ['DOI', 47],
        ['PDF', 48],
      ],
      [['PubMed', 66]],
      [['DOI', 81]],
    ]);
    expect(records[0]!.links[1]!.url).toBe('https://doi.org/10.1186/s12891-025-09161-2');
    expect(records[1]!.links[1]!.url).toBe('https://example.org/fixtures/yamada-2024.pdf');
  });

  it('splits a structured abstract into its labelled sections, in order, at the line of the AB tag', () => {
    const [elbow] = records;
    expect(elbow!.sections.map((s) => [s.label, s.line])).toEqual([
      ['Background', 18],
      ['Methods', 18],
      ['Results', 18],
      ['Conclusions', 18],
    ]);
    expect(elbow!.sections[3]!.text).toBe(
      'The network detected and classified a broad range of elbow fractures and may complement clinicians in diagnosis and treatment planning. © The Author(s) 2025.',
    );
  });

  it('keeps section text verbatim: label, colon, space and text reproduce the AB line', () => {
    const abLine = TEXT.split('\n')[17]!;
    expect(abLine.slice('AB  - '.length)).toBe(records[0]!.sections.map((s) => `${s.label}: ${s.text}`).join(' '));
  });

  it('keeps an unstructured abstract as one unlabelled section, not splitting at "Odds ratio:"', () => {
    expect(records[1]!.sections.map((s) => [s.label, s.line])).toEqual([[null, 37]]);
    expect(records[3]!.sections).toHaveLength(1);
    expect(records[3]!.sections[0]!.label).toBeNull();
    expect(records[3]!.sections[0]!.text).toMatch(/Odds ratio: 1\.4 per unit/);
  });

  it('keeps the record without an abstract and reports it at its TY line', () => {
    expect(records[2]!.sections).toEqual([]);
    expect(problems).toEqual([
      {
        file: FILE,
        line: 54,
        severity: 'warning',
        message:
          'record 3 ("Comment on: machine learning for fracture triage in the emergency department") has no abstract: its page is created without one; paste the abstract from the paper between <Abstract> and </Abstract> on that page and set abstract_complete: true when it is complete (do not edit the export: files in content/sources/ stay as the search returned them)',
      },
    ]);
  });

  it('gives the same records for CRLF line ends, a byte-order mark and trailing whitespace', () => {
    const crlf = `\uFEFF${TEXT.replace(/\n/g, '  \t\r\n')}`;
    expect(parseRis(crlf, FILE)).toEqual(parseRis(TEXT, FILE));
  });
});

describe('parseRis on broken input', () => {
  const { records, problems } = parseRis(BROKEN, BROKEN_FILE);

  it('keeps every record, also one without ER and one cut off by the end of the file', () => {
    expect(records.map((r) => [r.line, r.title])).toEqual([
      [3, 'A record whose end line is missing'],
      [8, 'A record with broken tag lines'],
      [18, 'A record cut off by the end of the file'],
    ]);
    expect(records[0]!.sections.map((s) => s.text)).toEqual(['The abstract of the first record.']);
    expect(records[2]!.authors).toEqual(['Müller, K.']);
  });

  it('joins an untagged line to the abstract it continues, with a single space', () => {
    expect(records[1]!.sections).toEqual([{ label: null, text: 'Second abstract, which wraps onto an untagged line.', line: 13 }]);
  });

  it('reports each problem with the file and the exact line', () => {
    expect(problems).toEqual([
      {
        file: BROKEN_FILE,
        line: 1,
        message:
          'text outside any record was not read (1 line, starting "Exported 2025-09-12 from a reference manager"): records start with "TY  - " and end with "ER  - "; restore the missing "TY  - " line or delete the stray text',
      },
      {
        file: BROKEN_FILE,
        line: 3,
        message: 'record 1 ("A record whose end line is missing") has no "ER  - " line before the next "TY  - " on line 8: add "ER  - " after its last field',
      },
      {
        file: BROKEN_FILE,
        line: 10,
        severity: 'warning',
        message:
          'tag lines not in the standard form "XX  - value" (two spaces, hyphen, space) were read by their tag (1 line, starting "AU -Kim, J."): check that the fields on these lines look right on the new pages; the export itself stays as it is',
      },
      {
        file: BROKEN_FILE,
        line: 12,
        message:
          'untagged line "this line has no tag" after "KW  - " in record 2 was not read: only free-text fields (title, abstract, notes, affiliation) continue on untagged lines; start the line with a RIS tag "XX  - " or join it to the field it belongs to',
      },
      {
        file: BROKEN_FILE,
        line: 15,
        message: '"DO  - " value "not a doi" in record 2 ("A record with broken tag lines") is not a DOI (expected "10.xxxx/..."): fix or delete the line',
      },
      {
        file: BROKEN_FILE,
        line: 17,
        message: '"ER  - " outside any record was ignored: there is no "TY  - " line before it; delete it or add the missing "TY  - " line',
      },
      {
        file: BROKEN_FILE,
        line: 18,
        message:
          'record 3 ("A record cut off by the end of the file") has no "ER  - " line before the end of the file (the export may be cut off): add "ER  - " after its last field',
      },
      {
        file: BROKEN_FILE,
        line: 18,
        severity: 'warning',
        message: 'record 3 ("A record cut off by the end of the file") has no abstract: its page is created without one; paste the abstract from the paper between <Abstract> and </Abstract> on that page and set abstract_complete: true when it is complete (do not edit the export: files in content/sources/ stay as the search returned them)',
      },
    ]);
  });

  it('reports an empty file or a file without records at line 1', () => {
    const noRecords = {
      file: 'x.ris',
      line: 1,
      message: 'no RIS records found: a RIS export has records that start with "TY  - " and end with "ER  - "; export the references again as RIS',
    };
    expect(parseRis('', 'x.ris')).toEqual({ records: [], problems: [noRecords] });
    expect(parseRis('\uFEFF\r\n  \r\n', 'x.ris')).toEqual({ records: [], problems: [noRecords] });
  });

  it('reports binary garbage as one problem per run of lines and never throws', () => {
    const garbage = new TextDecoder().decode(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]));
    const { records: none, problems: found } = parseRis(garbage, 'x.ris');
    expect(none).toEqual([]);
    expect(found).toEqual([
      {
        file: 'x.ris',
        line: 1,
        message: 'binary or non-text data was not read (4 lines, up to line 4: control characters or invalid UTF-8): export the references again as a RIS text file in UTF-8',
      },
      expect.objectContaining({ line: 1, message: expect.stringContaining('no RIS records found') }),
    ]);
  });

  it('does not glue an untagged line to a field that cannot wrap, and says which field came before', () => {
    const { records: rs, problems: ps } = parseRis('TY  - JOUR\nDO  - 10.5555/abc\nxyz\nAB  - Text.\nER  - \n', 'x.ris');
    expect(rs[0]!.doi).toBe('10.5555/abc');
    expect(ps).toEqual([{ file: 'x.ris', line: 3, message: expect.stringContaining('untagged line "xyz" after "DO  - " in record 1') }]);
  });

  it('collapses a run of stray lines between records into one problem', () => {
    const { problems: ps } = parseRis('TY  - JOUR\nAB  - A.\nER  - \nnoise\nmore noise\n\nstill noise\nTY  - JOUR\nAB  - B.\nER  - \n', 'x.ris');
    expect(ps).toEqual([{ file: 'x.ris', line: 4, message: expect.stringContaining('(3 lines, up to line 7, starting "noise")') }]);
  });
});

describe('exportDateToIso', () => {
  it('converts MEDLINE, RIS, ISO and listing dates to ISO prefixes', () => {
    expect(exportDateToIso('2025 Sep 8')).toBe('2025-09-08');
    expect(exportDateToIso('2025/09/08')).toBe('2025-09-08');
    expect(exportDateToIso('2025/09/08/')).toBe('2025-09-08');
    expect(exportDateToIso('2025///')).toBe('2025');
    expect(exportDateToIso('2025/09//')).toBe('2025-09');
    expect(exportDateToIso('2025-09-08')).toBe('2025-09-08');
    expect(exportDateToIso('2025 Sep')).toBe('2025-09');
    expect(exportDateToIso('2025')).toBe('2025');
    expect(exportDateToIso('20250908')).toBe('2025-09-08');
    expect(exportDateToIso('September 2025')).toBe('2025-09');
    expect(exportDateToIso('12 Sep 2025')).toBe('2025-09-12');
  });

  it('takes the first month of a range and the year of a season', () => {
    expect(exportDateToIso('2025 Sep-Oct')).toBe('2025-09');
    expect(exportDateToIso('2024 Dec-2025 Jan')).toBe('2024-12');
    expect(exportDateToIso('2025 Spring')).toBe('2025');
  });

  it('returns null for dates without a year or with an impossible month or day', () => {
    expect(exportDateToIso('SEP 8')).toBeNull();
    expect(exportDateToIso('2025/13/01')).toBeNull();
    expect(exportDateToIso('2025 Sep 32')).toBeNull();
    expect(exportDateToIso('')).toBeNull();
  });
});

describe('parseRis on arbitrary text (property)', () => {
  const piece = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom('TY  - JOUR', 'ER  - ', 'ER  -', 'AB  - ', 'TI  - ', 'AU  - Nåsell, H.', 'KW  - a, b', 'DO  - 10.5555/x', 'UR  - https://doi.org/10.1/x', 'AU -x', '  ', '\t', ''),
    fc.constantFrom('Background: ', 'METHODS: ', 'Results: x. ', 'Odds ratio: 1. ', '山田 ', 'x.', ') ', '\uFEFF', '\u0000'),
  );
  const line = fc.array(piece, { maxLength: 5 }).map((ps) => ps.join(''));
  const text = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.tuple(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\r')).map(([ls, eol]) => ls.join(eol)),
  );

  it('never throws, names the file and a real line in every problem, and keeps every section a substring of the input', () => {
    fc.assert(
      fc.property(text, (input) => {
        const result = parseRis(input, 'p.ris');
        const lineCount = Math.max(1, input.split(/\r\n|\r|\n/).length);
        const flat = joined(input);
        for (const p of result.problems) {
          expect(p.file).toBe('p.ris');
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(lineCount);
        }
        for (const r of result.records) {
          expect(r.line).toBeLessThanOrEqual(lineCount);
          for (const s of r.sections) expect(flat).toContain(s.text);
        }
        expect(parseRis(input, 'p.ris')).toEqual(result);
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseRis on other tools' export shapes (test/fixtures/sources/importer)", () => {
  const dir = 'test/fixtures/sources/importer';
  const parse = (name: string) => parseRis(fixture(`sources/importer/${name}`), `${dir}/${name}`);

  it('reads "TY - JOUR" single-space tag lines with one warning for the run, and "KW  -word" too', () => {
    const { records, problems } = parse('single-space.ris');
    expect(records.map((r) => [r.line, r.title, r.doi, r.journal])).toEqual([
      [1, 'Deep learning triage of chest radiographs in a district hospital', '10.5555/single-space-1', 'Journal of Fixture Radiology'],
      [10, 'A follow-up with standard tag lines', '10.5555/single-space-2', 'Journal of Fixture Radiology'],
    ]);
    expect(records[0]!.sections.map((s) => s.text)).toEqual(['The model flagged pneumothorax with sensitivity 0.87.']);
    expect(records[1]!.keywords).toEqual(['triage']);
    expect(problems).toEqual([
      { file: `${dir}/single-space.ris`, line: 1, severity: 'warning', message: expect.stringContaining('(8 lines, up to line 8, starting "TY - JOUR")') },
      { file: `${dir}/single-space.ris`, line: 16, severity: 'warning', message: expect.stringContaining('(1 line, starting "KW  -triage")') },
    ]);
  });

  it('does not take "CT-guided" at the start of a line for a tag', () => {
    const { records, problems } = parseRis('TY  - JOUR\nTI  - A title\nAB  - First part of the abstract\nCT-guided biopsy followed.\nER  - \n', 'x.ris');
    expect(records[0]!.sections.map((s) => s.text)).toEqual(['First part of the abstract CT-guided biopsy followed.']);
    expect(problems).toEqual([]);
  });

  it("warns at the line of Scopus's PY 0000 and of a month 13, keeping the date as written", () => {
    const { records, problems } = parse('scopus-dates.ris');
    expect(records.map((r) => r.dateText)).toEqual(['0000', '2024', '2025/13/01/']);
    expect(problems).toEqual([
      { file: `${dir}/scopus-dates.ris`, line: 5, severity: 'warning', message: expect.stringMatching(/^date "0000" of record 1 .* has the impossible year 0000 .*: the page gets no published date/) },
      { file: `${dir}/scopus-dates.ris`, line: 35, severity: 'warning', message: expect.stringMatching(/^date "2025\/13\/01\/" of record 3 .* has the impossible month 13/) },
    ]);
  });

  it('takes a possible PY over an impossible DA (2024/02/30) without a warning', () => {
    const { records } = parse('scopus-dates.ris');
    expect(records[1]!.dateText).toBe('2024');
  });

  it('keeps every AD line, in order, an exact repeat once, joined with "; "', () => {
    const { records } = parse('scopus-dates.ris');
    expect(records[0]!.affiliation).toBe('Department of Radiology, Example University Hospital, Beirut, Lebanon; Faculty of Medicine, Example University, Brno, Czech Republic');
  });

  it('keeps Cyrillic, Greek and Japanese titles byte for byte and uses ST when there is no TI or T1', () => {
    const { records, problems } = parse('non-latin.ris');
    expect(records.map((r) => r.title)).toEqual([
      'Состояние костной ткани у детей по данным рентгенографии',
      'Αξιολόγηση της ακτινογραφίας θώρακα με τεχνητή νοημοσύνη',
      '深層学習による骨折検出',
      'Évaluation échographique de la hanche: étude à Orléans',
      'Hip dysplasia short title',
    ]);
    expect(problems).toEqual([]);
  });

  it('prefers TI over ST', () => {
    expect(parseRis('TY  - JOUR\nST  - Short\nTI  - The full title\nER  - \n', 'x.ris').records[0]!.title).toBe('The full title');
  });

  it('keeps every record of a JabRef-style file whose records have no title, DOI or abstract', () => {
    const { records } = parse('no-identity.ris');
    expect(records.map((r) => [r.line, r.title ?? null, r.doi, r.sections.length])).toEqual([
      [1, null, null, 0],
      [2, null, null, 0],
      [3, null, null, 0],
      [6, null, null, 0],
      [11, null, null, 0],
      [15, null, null, 0],
    ]);
  });

  it('reports the missing abstract as curation on the page, never as an edit of the export', () => {
    const { problems } = parse('same-title.ris');
    const noAbstract = problems.filter((p) => p.message.includes('has no abstract'));
    expect(noAbstract).toHaveLength(6);
    for (const p of noAbstract) {
      expect(p.severity).toBe('warning');
      expect(p.message).toContain('paste the abstract from the paper between <Abstract> and </Abstract> on that page');
      expect(p.message).not.toMatch(/add the abstract as|remove the record/);
    }
  });
});
