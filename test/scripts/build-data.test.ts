import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildData } from '../../scripts/build-data.ts';
import { estimateRows, studyRow, type StudyRecord } from '../../src/lib/data/tables.ts';
import { STUDY_COLUMNS, ESTIMATE_COLUMNS, DIAGNOSTIC_TABLE_COLUMNS, RISK_OF_BIAS_COLUMNS } from '../../src/lib/schema/tables.ts';
import { DATA_FILES } from '../../scripts/lib/duckdb-tables.ts';
import { csvSafeRow } from '../../src/lib/data/csv-cell.ts';
import { ROOT } from '../helpers.ts';

let out: string;
let records: StudyRecord[];

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    const reader = await conn.runAndReadAll(sql);
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'data-'));
  records = await buildData(ROOT, out);
});
afterAll(() => rm(out, { recursive: true, force: true }));

describe('npm run data', () => {
  it('writes one studies row per page and one estimates row per estimate', () => {
    expect(records.length).toBeGreaterThanOrEqual(6);
  });

  for (const format of ['parquet', 'csv'] as const) {
    it(`round-trips every studies and estimates row through ${format}, row for row`, async () => {
      const reader = format === 'parquet' ? 'read_parquet' : 'read_csv_auto';
      const studies = await query(`SELECT * FROM ${reader}('${join(out, `studies.${format}`)}') ORDER BY study_id`);
      const estimates = await query(`SELECT * FROM ${reader}('${join(out, `estimates.${format}`)}') ORDER BY estimate_id`);
      const expectedStudies = records.map(studyRow).sort((a, b) => a.study_id.localeCompare(b.study_id));
      const expectedEstimates = records.flatMap(estimateRows).sort((a, b) => a.estimate_id.localeCompare(b.estimate_id));
      if (format === 'parquet') {
        expect(studies).toEqual(expectedStudies);
        expect(estimates).toEqual(expectedEstimates);
      } else {
        // CSV has no types: compare as text; text cells are neutralised against formula injection.
        const text = (rows: object[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : String(v)])));
        expect(text(studies)).toEqual(text(expectedStudies.map((r) => csvSafeRow(STUDY_COLUMNS, r))));
        expect(text(estimates)).toEqual(text(expectedEstimates.map((r) => csvSafeRow(ESTIMATE_COLUMNS, r))));
      }
    });
  }

  it('round-trips every studies and estimates row through JSON (an array of objects, typed values), row for row', async () => {
    const read = async (name: string) => JSON.parse(await readFile(join(out, name), 'utf8')) as Record<string, unknown>[];
    const studies = (await read('studies.json')).sort((a, b) => String(a.study_id).localeCompare(String(b.study_id)));
    const estimates = (await read('estimates.json')).sort((a, b) => String(a.estimate_id).localeCompare(String(b.estimate_id)));
    expect(studies).toEqual(records.map(studyRow).sort((a, b) => a.study_id.localeCompare(b.study_id)));
    expect(estimates).toEqual(records.flatMap(estimateRows).sort((a, b) => a.estimate_id.localeCompare(b.estimate_id)));
    expect(Object.keys(studies[0]!)).toEqual(STUDY_COLUMNS.map((c) => c.name));
    expect(Object.keys(estimates[0]!)).toEqual(ESTIMATE_COLUMNS.map((c) => c.name));
  });

  it('writes review.duckdb with the same rows as the Parquet files', async () => {
    const db = join(out, 'review.duckdb');
    const diff = await query(`
      ATTACH '${db}' AS r (READ_ONLY);
      SELECT (SELECT count(*) FROM (SELECT * FROM r.studies EXCEPT ALL SELECT * FROM read_parquet('${join(out, 'studies.parquet')}'))) +
             (SELECT count(*) FROM (SELECT * FROM read_parquet('${join(out, 'studies.parquet')}') EXCEPT ALL SELECT * FROM r.studies)) +
             (SELECT count(*) FROM (SELECT * FROM r.estimates EXCEPT ALL SELECT * FROM read_parquet('${join(out, 'estimates.parquet')}'))) +
             (SELECT count(*) FROM (SELECT * FROM read_parquet('${join(out, 'estimates.parquet')}') EXCEPT ALL SELECT * FROM r.estimates)) AS n,
             (SELECT count(*) FROM r.studies) AS studies, (SELECT count(*) FROM r.estimates) AS estimates`);
    expect(diff).toEqual([{ n: 0n, studies: BigInt(records.length), estimates: BigInt(records.flatMap(estimateRows).length) }]);
  });

  it('gives the five AUCs of the first record in the estimates table', async () => {
    const rows = await query(`SELECT label, value, ci_low, ci_high, ci_level FROM read_parquet('${join(out, 'estimates.parquet')}') WHERE study_id = 'doi:10.1101/2024.04.16.24305936' ORDER BY estimate_id`);
    expect(rows).toEqual([
      { label: 'WMA', value: 0.873, ci_low: 0.816, ci_high: 0.922, ci_level: 0.95 },
      { label: 'LGE', value: 0.699, ci_low: 0.613, ci_high: 0.78, ci_level: 0.95 },
      { label: 'native T1', value: 0.614, ci_low: 0.5, ci_high: 0.715, ci_level: 0.95 },
      { label: 'T2', value: 0.553, ci_low: 0.42, ci_high: 0.692, ci_level: 0.95 },
      { label: 'ECV', value: 0.564, ci_low: 0.455, ci_high: 0.691, ci_level: 0.95 },
    ]);
  });

  it('writes a manifest with each file size and SHA-256 and a data version', async () => {
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.version).toMatch(/^[0-9a-f]{12}$/);
    expect(manifest.files.map((f: { name: string }) => f.name)).toEqual([...DATA_FILES]);
    expect(DATA_FILES).toContain('diagnostic_tables.parquet');
    expect(DATA_FILES).toContain('risk_of_bias.parquet');
    for (const f of manifest.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('npm run data with hostile text in a study page', () => {
  const PAGE = '2024-deep-learning-applied-echocardiography-could-predict.mdx';
  const TITLE = '=HYPERLINK("http://x","y")';
  let root: string;
  let hostileOut: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'data-hostile-'));
    await cp(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
    const file = join(root, 'content', 'studies', PAGE);
    const page = (await readFile(file, 'utf8'))
      .replace(/^title: .*$/m, `title: '${TITLE}'`)
      .replace('  - Yuki Sahashi', '  - "@SUM(A1:A9)"')
      .replace('label: WMA', "label: '-WMA'");
    await writeFile(file, page);
    hostileOut = join(root, 'data');
    await buildData(root, hostileOut);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('writes the title to studies.csv with a leading single quote, so a spreadsheet shows it as text', async () => {
    const csv = await readFile(join(hostileOut, 'studies.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const [row] = await query(`SELECT title, authors FROM read_csv('${join(hostileOut, 'studies.csv')}', all_varchar = true) WHERE slug = '${PAGE.replace('.mdx', '')}'`);
    expect(row).toEqual({ title: `'${TITLE}`, authors: expect.stringMatching(/^'@SUM\(A1:A9\); Milos Vukadinovic/) });
  });

  it('neutralises text cells of estimates.csv and keeps its numeric columns numbers', async () => {
    const rows = await query(`SELECT label, value, ci_low FROM read_csv_auto('${join(hostileOut, 'estimates.csv')}') WHERE estimate_id = '${PAGE.replace('.mdx', '')}#1'`);
    expect(rows).toEqual([{ label: "'-WMA", value: 0.873, ci_low: 0.816 }]);
    const [{ type }] = await query(`SELECT typeof(value) AS type FROM read_csv_auto('${join(hostileOut, 'estimates.csv')}') LIMIT 1`) as [{ type: string }];
    expect(type).toBe('DOUBLE');
  });

  it('keeps the text verbatim in Parquet, JSON and DuckDB, which no spreadsheet evaluates', async () => {
    const [pq] = await query(`SELECT title FROM read_parquet('${join(hostileOut, 'studies.parquet')}') WHERE slug = '${PAGE.replace('.mdx', '')}'`);
    expect(pq).toEqual({ title: TITLE });
    const json = JSON.parse(await readFile(join(hostileOut, 'studies.json'), 'utf8')) as { title: string }[];
    expect(json.map((r) => r.title)).toContain(TITLE);
  });

  it('leaves no staging folder in data/ after a successful run', async () => {
    expect((await readdir(hostileOut)).sort()).toEqual([...DATA_FILES, 'manifest.json'].sort());
  });
});

describe('the data dictionary (data/README.md)', () => {
  it('documents every column of every table', async () => {
    const readme = await readFile(join(ROOT, 'data', 'README.md'), 'utf8');
    for (const c of [...STUDY_COLUMNS, ...ESTIMATE_COLUMNS, ...DIAGNOSTIC_TABLE_COLUMNS, ...RISK_OF_BIAS_COLUMNS]) expect(readme).toContain(`| \`${c.name}\` | ${c.type} |`);
  });
});

describe('the diagnostic_tables table', () => {
  it('holds each 2×2 table of a page with its sensitivity, specificity and per-cell provenance, in Parquet and DuckDB', async () => {
    const { validateStudySource } = await import('../../src/lib/content/validate.ts');
    const { diagnosticTableRows } = await import('../../src/lib/data/tables.ts');
    const { writeTables } = await import('../../scripts/lib/duckdb-tables.ts');
    const { fixture } = await import('../helpers.ts');
    const page = validateStudySource(fixture('studies/two-by-two.mdx'), 'content/studies/two-by-two.mdx', 'two-by-two');
    const record = { slug: page.slug, study: page.study!, sections: page.sections };
    const dir = await mkdtemp(join(tmpdir(), 'data-dta-'));
    try {
      await writeTables(dir, [studyRow(record)], estimateRows(record), diagnosticTableRows(record));
      const [row] = await query(`SELECT * FROM read_parquet('${join(dir, 'diagnostic_tables.parquet')}')`);
      expect(row).toMatchObject({ table_id: 'two-by-two#1', tp: 194, fp: 36, fn: 29, tn: 364, derived_cells: 'fp,fn', threshold: null });
      expect(row!.sensitivity).toBeCloseTo(194 / 223, 12);
      expect(JSON.parse(String(row!.provenance)).fn).toEqual({ rule: '223 with WMA − 194 true positives', from: ['194/223'] });
      const inDb = await query(`ATTACH '${join(dir, 'review.duckdb')}' AS r (READ_ONLY); SELECT count(*)::INTEGER AS n FROM r.diagnostic_tables`);
      expect(inDb).toEqual([{ n: 1 }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says how CSV text cells are protected against formula injection', async () => {
    const readme = await readFile(join(ROOT, 'data', 'README.md'), 'utf8');
    expect(readme).toMatch(/single quote/);
    expect(readme).toContain('`=`, `+`, `-`, `@`');
  });
});

describe('the risk_of_bias table', () => {
  it('holds one row per domain of an assessed study, and the studies row its overall by the rule, in Parquet, JSON and DuckDB', async () => {
    const { validateStudySource } = await import('../../src/lib/content/validate.ts');
    const { riskOfBiasRows } = await import('../../src/lib/data/tables.ts');
    const { writeTables } = await import('../../scripts/lib/duckdb-tables.ts');
    const { fixture } = await import('../helpers.ts');
    const page = validateStudySource(fixture('studies/rob-quadas.mdx'), 'content/studies/rob-quadas.mdx', 'rob-quadas');
    const record = { slug: page.slug, study: page.study!, sections: page.sections };
    const dir = await mkdtemp(join(tmpdir(), 'data-rob-'));
    try {
      await writeTables(dir, [studyRow(record)], estimateRows(record), [], riskOfBiasRows(record));
      const rows = await query(`SELECT * FROM read_parquet('${join(dir, 'risk_of_bias.parquet')}') ORDER BY rob_id`);
      expect(rows.map((r) => [r.domain, r.judgement, r.applicability])).toEqual([
        ['patient_selection', 'low', 'low'],
        ['index_test', 'high', 'low'],
        ['reference_standard', 'low', 'unclear'],
        ['flow_and_timing', 'unclear', null],
      ]);
      expect(rows[0]).toMatchObject({ rob_id: 'rob-quadas#1-patient_selection', tool: 'QUADAS-2', part: null, support_quote: 'We retrospectively enrolled 623 consecutive patients', support_note: null, assessed_by: 'A. Reviewer; B. Reviewer', assessed_on: '2026-01-15' });
      expect(JSON.parse(String(rows[1]!.signalling))).toEqual({ '2.1': 'yes', '2.2': 'no' });
      const json = JSON.parse(await readFile(join(dir, 'risk_of_bias.json'), 'utf8')) as Record<string, unknown>[];
      expect(Object.keys(json[0]!)).toEqual(RISK_OF_BIAS_COLUMNS.map((c) => c.name));
      const [study] = await query(`ATTACH '${join(dir, 'review.duckdb')}' AS r (READ_ONLY); SELECT rob_overall, (SELECT count(*)::INTEGER FROM r.risk_of_bias) AS n FROM r.studies`);
      expect(study).toEqual({ rob_overall: 'high', n: 4 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('has no rows for a study not yet assessed, whose rob_overall is not-assessed', async () => {
    const { riskOfBiasRows } = await import('../../src/lib/data/tables.ts');
    const unassessed = records.find((r) => r.study.risk_of_bias.tool === 'not-assessed')!;
    expect(riskOfBiasRows(unassessed)).toEqual([]);
    expect(studyRow(unassessed).rob_overall).toBe('not-assessed');
  });
});
