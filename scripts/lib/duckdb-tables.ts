/** Write the studies and estimates tables with @duckdb/node-api: Parquet, CSV, JSON and a DuckDB file. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { csvSafeRow } from '../../src/lib/data/csv-cell.ts';
import { DIAGNOSTIC_TABLE_COLUMNS, ESTIMATE_COLUMNS, STUDY_COLUMNS, type Column, type DiagnosticTableRow, type EstimateRow, type StudyRow } from '../../src/lib/data/tables.ts';

/** Quote an SQL string literal (file paths only; data values always go through the appender). */
function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

async function createTable<Row>(conn: DuckDBConnection, name: string, columns: Column<Row>[], rows: Row[]): Promise<void> {
  await conn.run(`CREATE TABLE ${name} (${columns.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
  const appender = await conn.createAppender(name);
  for (const row of rows) {
    for (const c of columns) {
      const v = row[c.name] as unknown;
      if (v === null || v === undefined) appender.appendNull();
      else if (c.type === 'VARCHAR') appender.appendVarchar(String(v));
      else if (c.type === 'INTEGER') appender.appendInteger(v as number);
      else if (c.type === 'DOUBLE') appender.appendDouble(v as number);
      else appender.appendBoolean(v as boolean);
    }
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}

/** Files written by writeTables. */
export const DATA_FILES = [
  'studies.parquet', 'estimates.parquet', 'diagnostic_tables.parquet',
  'studies.csv', 'estimates.csv', 'diagnostic_tables.csv',
  'studies.json', 'estimates.json', 'diagnostic_tables.json',
  'review.duckdb',
] as const;

/** The tables writeTables writes, by name. */
const TABLES = ['studies', 'estimates', 'diagnostic_tables'] as const;

/** Write all data files into outDir (replacing earlier generated files). */
export async function writeTables(outDir: string, studies: StudyRow[], estimates: EstimateRow[], diagnosticTables: DiagnosticTableRow[] = []): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const dbFile = join(outDir, 'review.duckdb');
  await rm(dbFile, { force: true });
  await rm(`${dbFile}.wal`, { force: true });
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await createTable(conn, 'studies', STUDY_COLUMNS, studies);
    await createTable(conn, 'estimates', ESTIMATE_COLUMNS, estimates);
    await createTable(conn, 'diagnostic_tables', DIAGNOSTIC_TABLE_COLUMNS, diagnosticTables);
    // The CSVs get their own copies, text cells neutralised against formula injection (numbers untouched).
    await createTable(conn, 'studies_csv', STUDY_COLUMNS, studies.map((r) => csvSafeRow(STUDY_COLUMNS, r)));
    await createTable(conn, 'estimates_csv', ESTIMATE_COLUMNS, estimates.map((r) => csvSafeRow(ESTIMATE_COLUMNS, r)));
    await createTable(conn, 'diagnostic_tables_csv', DIAGNOSTIC_TABLE_COLUMNS, diagnosticTables.map((r) => csvSafeRow(DIAGNOSTIC_TABLE_COLUMNS, r)));
    for (const t of TABLES) {
      await conn.run(`COPY (SELECT * FROM ${t} ORDER BY 1) TO ${sqlString(join(outDir, `${t}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`);
      await conn.run(`COPY (SELECT * FROM ${t}_csv ORDER BY 1) TO ${sqlString(join(outDir, `${t}.csv`))} (FORMAT csv, HEADER true)`);
      await conn.run(`COPY (SELECT * FROM ${t} ORDER BY 1) TO ${sqlString(join(outDir, `${t}.json`))} (FORMAT json, ARRAY true)`);
    }
    // The browser's copy. duckdb-wasm 1.32 embeds DuckDB 1.4: write a storage version it reads.
    await conn.run(`ATTACH ${sqlString(dbFile)} AS review (STORAGE_VERSION 'v1.0.0')`);
    for (const t of TABLES) await conn.run(`CREATE TABLE review.${t} AS SELECT * FROM ${t} ORDER BY 1`);
    await conn.run('CHECKPOINT review');
    await conn.run('DETACH review');
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
