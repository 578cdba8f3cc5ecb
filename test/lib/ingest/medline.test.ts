/**
 * Tests of the MEDLINE (.nbib) parser and the helpers it shares with the RIS parser. The fixture
 * is hand-written in PubMed's "Citation manager" format, wrapped at 80 columns as PubMed does.
 * Records 1 and 2 are the real elbow-fracture and sarcoma-LLM studies of the seed listing (real
 * DOIs, real PMCID PMC12420562, real author names; abstracts abridged and partly paraphrased).
 * ALL PMIDs in the fixtures are fictitious (40921234, 40931111, 39777777, 39666666, 4000000x), as
 * are publication days, article numbers and MeSH terms; records 3 and 4 are fictitious studies
 * (DOI test prefix 10.5555). Given names not known to us are written as initials.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abstractSections } from '../../../src/lib/ingest/abstract-sections.ts';
import { exportDateToIso } from '../../../src/lib/ingest/export-date.ts';
import { parseMedline } from '../../../src/lib/ingest/medline.ts';
import { parseRis } from '../../../src/lib/ingest/ris.ts';
import { fixture } from '../../helpers.ts';

const FILE = 'test/fixtures/sources/export.nbib';
const TEXT = fixture('sources/export.nbib');
const BROKEN_FILE = 'test/fixtures/sources/broken.nbib';
const BROKEN = fixture('sources/broken.nbib');

/** The input with every line break (and the whitespace around it) as one space: the documented join. */
const joined = (text: string): string => text.replace(/[^\S\r\n]*(?:\r\n|\r|\n)\s*/g, ' ');

describe('parseMedline on a multi-record PubMed export', () => {
  const { records, problems } = parseMedline(TEXT, FILE);

  it('finds one record per blank-line-separated block, starting at its PMID line', () => {
    expect(records.map((r) => [r.index, r.line, r.pmid])).toEqual([
      [1, 1, '40921234'],
      [2, 77, '40931111'],
      [3, 156, '39777777'],
      [4, 192, '39666666'],
    ]);
  });

  it('joins a title wrapped onto a continuation line with a single space', () => {
    expect(records[0]!.title).toBe('Use of artificial intelligence for classification of fractures around the elbow in adults according to the 2018 AO/OTA classification system.');
    expect(records[1]!.title).toBe(
      'The imitation game: large language models versus multidisciplinary tumor boards: benchmarking AI against 21 sarcoma centers from the ring trial.',
    );
  });

  it('takes authors from FAU ("Family, Given") in order, non-ASCII names byte for byte', () => {
    expect(records[0]!.authors).toEqual(['Pettersson, A', 'Axenhus, Michael', 'Stukan, T', 'Ljungberg, O', 'Nåsell, Hans', 'Razavian, Ali Sharif', 'Gordon, Max']);
    expect(records[1]!.authors).toEqual([
      'Li, Cheng-Peng',
      'Kalisa, Aimé Terence',
      'Roohani, Siyer',
      'Hummedah, Kamal',
      'Menge, Franka',
      'Reißfelder, Christoph',
      'Albertsmeier, Markus',
      'Kasper, Bernd',
      'Jakob, Jens',
      'Yang, Cui',
    ]);
    expect(records[2]!.authors).toEqual(['Müller, Katrin', 'Østergaard, Søren', 'Yamada, Taro']);
    const bytes = Buffer.from(TEXT, 'utf8');
    for (const name of ['Nåsell, Hans', 'Kalisa, Aimé Terence', 'Reißfelder, Christoph', 'Müller, Katrin']) expect(bytes.includes(Buffer.from(`FAU - ${name}\n`, 'utf8'))).toBe(true);
  });

  it('falls back to the AU form for an author without FAU and keeps collective authors in place', () => {
    expect(records[3]!.authors).toEqual(['Nordström, Åsa', 'Lindqvist E', 'Nordic Fracture AI Study Group']);
  });

  it('prefers the full journal title (JT) and falls back to the abbreviation (TA)', () => {
    expect(records.map((r) => r.journal)).toEqual(['BMC musculoskeletal disorders', 'Journal of cancer research and clinical oncology', 'Acta orthopaedica', 'Acta Orthop']);
  });

  it('keeps DP as written and converts it with exportDateToIso', () => {
    expect(records.map((r) => r.dateText)).toEqual(['2025 Sep 8', '2025 Sep 10', '2025 Mar 14', '2025']);
    expect(records.map((r) => exportDateToIso(r.dateText!))).toEqual(['2025-09-08', '2025-09-10', '2025-03-14', '2025']);
  });

  it('reads the DOI from the [doi] AID or LID line and the PMCID from PMC', () => {
    expect(records.map((r) => r.doi)).toEqual(['10.1186/s12891-025-09161-2', '10.1007/s00432-025-06304-9', '10.5555/fixture-nbib-3', null]);
    expect(records.map((r) => r.pmcid)).toEqual([null, 'PMC12420562', null, null]);
  });

  it('keeps every affiliation, continuation lines joined, dropping one contained in another (the same with an e-mail address)', () => {
    expect(records[0]!.affiliation).toBe('Department of Clinical Sciences at Danderyds Hospital, Department of Orthopedic Surgery, Karolinska Institutet, Stockholm, 182 88, Sweden. max.gordon@example.org.');
    expect(records[1]!.affiliation).toBe('Department of Surgery, Mannheim School of Medicine, Medical Faculty Mannheim, Heidelberg University, Mannheim, Germany.');
    expect(records[3]!.affiliation).toBeNull();
  });

  it('takes MH and OT lines as keywords in file order, as written', () => {
    expect(records[1]!.keywords).toEqual([
      'Humans',
      '*Sarcoma/therapy',
      '*Soft Tissue Neoplasms/therapy',
      '*Patient Care Team',
      '*Artificial Intelligence',
      'Artificial intelligence',
      'Large language models',
      'Multidisciplinary tumor board',
      'Sarcoma',
    ]);
    expect(records[3]!.keywords).toEqual([]);
  });

  it('links PubMed, PMC and DOI, each at the line it comes from', () => {
    expect(records[1]!.links).toEqual([
      { url: 'https://pubmed.ncbi.nlm.nih.gov/40931111/', label: 'PubMed', line: 77 },
      { url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC12420562/', label: 'PMC', line: 140 },
      { url: 'https://doi.org/10.1007/s00432-025-06304-9', label: 'DOI', line: 91 },
    ]);
  });

  it('splits structured abstracts into their labelled sections in order, at the line of the AB tag', () => {
    expect(records.map((r) => r.sections.map((s) => [s.label, s.line]))).toEqual([
      [
        ['BACKGROUND', 16],
        ['METHODS', 16],
        ['RESULTS', 16],
        ['CONCLUSIONS', 16],
      ],
      [
        ['PURPOSE', 92],
        ['METHODS', 92],
        ['RESULTS', 92],
        ['CONCLUSIONS', 92],
      ],
      [[null, 167]],
      [],
    ]);
  });

  it('does not split at a colon inside a sentence ("Llama 3.2-vison: 90b")', () => {
    expect(records[1]!.sections[1]!.text).toBe(
      'We simulated STS-MTBs using four LLMs-Llama 3.2-vison: 90b, Claude 3.5 Sonnet, DeepSeek-R1 and OpenAI-o1-on five anonymised ring-trial cases, querying each model 21 times per case.',
    );
  });

  it('keeps section text verbatim apart from the single-space join of continuation lines', () => {
    const flat = joined(TEXT);
    for (const r of records) for (const s of r.sections) expect(flat).toContain(s.label ? `${s.label}: ${s.text}` : s.text);
    expect(records[0]!.sections[2]!.text).toBe('Fifty-four fracture types with at least ten cases each were evaluated on a test set of 208 radiographs. Fracture detection reached an AUC of 0.88 (95% CI 0.83-0.93).');
  });

  it('keeps the record without an abstract and reports it at its PMID line', () => {
    expect(problems).toEqual([
      {
        file: FILE,
        line: 192,
        severity: 'warning',
        message:
          'record 4 ("Artificial intelligence in fracture care: promise and caution.") has no abstract: its page is created without one; paste the abstract from the paper between <Abstract> and </Abstract> on that page and set abstract_complete: true when it is complete (do not edit the export: files in content/sources/ stay as the search returned them)',
      },
    ]);
  });

  it('gives the same records for CRLF line ends, a byte-order mark and trailing whitespace', () => {
    expect(parseMedline(`\uFEFF${TEXT.replace(/\n/g, ' \r\n')}`, FILE)).toEqual(parseMedline(TEXT, FILE));
  });

  it('finds the elbow-fracture study of the RIS export again, by DOI and by first author', () => {
    const ris = parseRis(fixture('sources/export.ris'), 'export.ris').records[0]!;
    expect(ris.doi).toBe(records[0]!.doi);
    expect(ris.authors![4]).toBe('Nåsell, H.');
    expect(records[0]!.authors![4]).toBe('Nåsell, Hans');
  });
});

describe('parseMedline on broken input', () => {
  const { records, problems } = parseMedline(BROKEN, BROKEN_FILE);

  it('keeps every record, also the one without a PMID and the one without an abstract', () => {
    expect(records.map((r) => [r.line, r.pmid, r.title])).toEqual([
      [1, '40000001', 'A record whose abstract has a line that lost its indentation.'],
      [8, null, 'A record split from its PMID by a blank line.'],
      [13, '40000003', 'A record without an abstract.'],
    ]);
    expect(records[0]!.sections.map((s) => s.text)).toEqual(['First sentence of the abstract.']);
    expect(records[0]!.authors).toEqual(['Nåsell, Hans']);
  });

  it('reports each problem with the file and the exact line', () => {
    const notAField = (first: string): string =>
      `text that is not a MEDLINE field was not read (1 line, starting ${JSON.stringify(first)}): fields are "XXXX- value" (tag padded to four characters, then "- ") and continuation lines are indented by six spaces; fix the lines or delete them`;
    expect(problems).toEqual([
      { file: BROKEN_FILE, line: 4, message: notAField('Second sentence without the six-space indentation.') },
      {
        file: BROKEN_FILE,
        line: 8,
        message:
          'record 2 ("A record split from its PMID by a blank line.") has no "PMID- " line: PubMed starts every record with one; restore it, or delete the blank line above if these lines belong to the record before',
      },
      { file: BROKEN_FILE, line: 11, message: notAField('an indented line with no field above it') },
      {
        file: BROKEN_FILE,
        line: 13,
        severity: 'warning',
        message:
          'record 3 ("A record without an abstract.") has no abstract: its page is created without one; paste the abstract from the paper between <Abstract> and </Abstract> on that page and set abstract_complete: true when it is complete (do not edit the export: files in content/sources/ stay as the search returned them)',
      },
      {
        file: BROKEN_FILE,
        line: 16,
        severity: 'warning',
        message:
          'field lines not in the standard form "XXXX- value" (tag padded to four characters, then "- ") were read by their tag (1 line, starting "AU -Kim J"): check that these fields look right on the new pages; the export itself stays as it is',
      },
    ]);
  });

  it('reports a file without any PMID line once, at its first record', () => {
    const { records: rs, problems: ps } = parseMedline('\n\nTY  - JOUR\nTI  - Not MEDLINE\nER  - \n', 'x.nbib');
    expect(rs).toHaveLength(1);
    expect(ps).toEqual([
      {
        file: 'x.nbib',
        line: 3,
        message: 'no "PMID- " line found: this is not a PubMed MEDLINE (.nbib) export; in PubMed use "Send to" > "Citation manager" and ingest that file',
      },
      expect.objectContaining({ line: 3, message: expect.stringContaining('record 1 ("Not MEDLINE") has no abstract') }),
    ]);
    expect(parseMedline('', 'x.nbib').problems).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('no "PMID- " line found') })]);
  });

  it('reports binary garbage as one problem per run of lines and never throws', () => {
    const garbage = `PMID- 1\nAB  - Fine.\n${new TextDecoder().decode(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x0a, 0xff, 0x00]))}\nTI  - After.\n`;
    const { records: rs, problems: ps } = parseMedline(garbage, 'x.nbib');
    expect(rs.map((r) => [r.pmid, r.title])).toEqual([['1', 'After.']]);
    expect(ps).toEqual([
      {
        file: 'x.nbib',
        line: 3,
        message:
          'binary or non-text data was not read (2 lines, up to line 4: control characters or invalid UTF-8): export the records from PubMed again with "Send to" > "Citation manager" and ingest that UTF-8 text file',
      },
    ]);
  });

  it('starts a new record at a second PMID even without a blank line between them', () => {
    const { records: rs } = parseMedline('PMID- 1\nTI  - One\nAB  - A.\nPMID- 2\nTI  - Two\nAB  - B.\n', 'x.nbib');
    expect(rs.map((r) => [r.line, r.pmid, r.title])).toEqual([
      [1, '1', 'One'],
      [4, '2', 'Two'],
    ]);
  });
});

describe('abstractSections', () => {
  it('splits MEDLINE-style capital headings, including multi-word and slashed ones', () => {
    const text = 'BACKGROUND AND AIMS: One. MATERIALS AND METHODS: Two (n = 3). AIMS/HYPOTHESIS: Three? CONCLUSIONS: Four.';
    expect(abstractSections(text, 7)).toEqual([
      { label: 'BACKGROUND AND AIMS', text: 'One.', line: 7 },
      { label: 'MATERIALS AND METHODS', text: 'Two (n = 3).', line: 7 },
      { label: 'AIMS/HYPOTHESIS', text: 'Three?', line: 7 },
      { label: 'CONCLUSIONS', text: 'Four.', line: 7 },
    ]);
  });

  it('splits publisher-style headings such as "Clinical Perspective" and "Level of evidence"', () => {
    const text = 'Background: A. Methods: B. Clinical Perspective: C. Level of evidence: IV.';
    expect(abstractSections(text, 1).map((s) => [s.label, s.text])).toEqual([
      ['Background', 'A.'],
      ['Methods', 'B.'],
      ['Clinical Perspective', 'C.'],
      ['Level of evidence', 'IV.'],
    ]);
  });

  it('leaves colons that are not headings inside their section', () => {
    expect(abstractSections('RESULTS: The AUC was high. AUC: 0.9. ROC: shown. CONCLUSIONS: Good.', 1).map((s) => s.label)).toEqual(['RESULTS', 'CONCLUSIONS']);
    expect(abstractSections('Results: x. RESULTS: y. Hazard ratio: 1.2.', 1).map((s) => s.label)).toEqual(['Results']);
    expect(abstractSections('Deep learning: a review of what works.', 1)).toEqual([{ label: null, text: 'Deep learning: a review of what works.', line: 1 }]);
  });

  it('returns one unlabelled section for an unstructured abstract and none for an empty one', () => {
    expect(abstractSections('  Plain text. Methods: not first.  ', 2)).toEqual([{ label: null, text: 'Plain text. Methods: not first.', line: 2 }]);
    expect(abstractSections('   ', 2)).toEqual([]);
  });
});

describe('parseMedline on arbitrary text (property)', () => {
  const piece = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom('PMID- 1', 'PMID- ', 'AB  - ', 'TI  - ', 'FAU - Nåsell, Hans', 'AU  - Nåsell H', 'CN  - G', 'AID - 10.5555/x [doi]', 'PMC - PMC1', '      ', '  ', '\t', ''),
    fc.constantFrom('BACKGROUND: ', 'METHODS: ', 'Results: x. ', 'AUC: 0.9. ', 'Reißfelder ', 'x.', ') ', '\uFEFF', '\u0000'),
  );
  const line = fc.array(piece, { maxLength: 5 }).map((ps) => ps.join(''));
  const text = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.tuple(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\r')).map(([ls, eol]) => ls.join(eol)),
  );

  it('never throws, names the file and a real line in every problem, and keeps every section a substring of the input modulo the join', () => {
    fc.assert(
      fc.property(text, (input) => {
        const result = parseMedline(input, 'p.nbib');
        const lineCount = Math.max(1, input.split(/\r\n|\r|\n/).length);
        const flat = joined(input);
        for (const p of result.problems) {
          expect(p.file).toBe('p.nbib');
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(lineCount);
        }
        for (const r of result.records) {
          expect(r.line).toBeLessThanOrEqual(lineCount);
          for (const s of r.sections) expect(flat).toContain(s.text);
        }
        expect(parseMedline(input, 'p.nbib')).toEqual(result);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseMedline on tolerant field lines (test/fixtures/sources/importer/no-space.nbib)', () => {
  const file = 'test/fixtures/sources/importer/no-space.nbib';
  const { records, problems } = parseMedline(fixture('sources/importer/no-space.nbib'), file);

  it('reads "TI  -Title", "AB  -Text" and "PMID-38000005" with a warning naming each line', () => {
    expect(records.map((r) => [r.line, r.pmid, r.title])).toEqual([
      [1, '38000005', 'Ultrasound screening for developmental dysplasia of the hip with a neural network.'],
      [21, '38000006', 'A record in the standard form with an impossible date.'],
    ]);
    expect(records[0]!.sections.map((s) => s.text)).toEqual(['A network read 2,015 infant hip ultrasound sweeps; sensitivity was 0.92.']);
    expect(problems.filter((p) => p.message.startsWith('field lines not in the standard form')).map((p) => [p.line, p.severity])).toEqual([
      [1, 'warning'],
      [3, 'warning'],
      [5, 'warning'],
    ]);
    expect(problems[1]!.message).toContain('starting "TI  -Ultrasound screening');
  });

  it('keeps every author affiliation once, in order, joined with "; "', () => {
    expect(records[0]!.affiliation).toBe(
      "Department of Paediatric Orthopaedics, Example Children's Hospital, Sofia, Bulgaria.; Department of Radiology, Example University Hospital, Aarhus, Denmark.",
    );
  });

  it('warns at the DP line of an impossible date', () => {
    expect(problems.at(-1)).toEqual({ file, line: 26, severity: 'warning', message: expect.stringMatching(/^date "0000 Jan" of record 2 .* has the impossible year 0000/) });
  });

  it('does not take an unindented "AB-positive" for an abstract field', () => {
    const r = parseMedline('PMID- 1\nTI  - T.\nAB-positive donors were excluded.\n', 'x.nbib');
    expect(r.records[0]!.sections).toEqual([]);
    expect(r.problems).toContainEqual({ file: 'x.nbib', line: 3, message: expect.stringMatching(/^text that is not a MEDLINE field was not read/) });
  });

  it('uses TT when there is no TI, and reports a PMID that is not digits as an error, reading the record without it', () => {
    const r = parseMedline('PMID- 12AB\nTT  - Состояние костной ткани.\nAB  - Text.\n', 'x.nbib');
    expect(r.records[0]!.title).toBe('Состояние костной ткани.');
    expect(r.records[0]!.pmid).toBeNull();
    expect(r.problems).toContainEqual({ file: 'x.nbib', line: 1, message: expect.stringContaining('"PMID- " value "12AB" of record 1 ("Состояние костной ткани.") is not a PubMed id') });
  });
});
