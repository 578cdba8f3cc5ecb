/** Write the published tables with @duckdb/node-api: Parquet, CSV, JSON and a DuckDB file; columns from the row schemas (src/lib/schema/tables.ts). */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { csvSafeRow } from '../../src/lib/data/csv-cell.ts';
import type { Column } from '../../src/lib/schema/columns.ts';
import { TABLE_COLUMNS, TABLE_NAMES, type DiagnosticTableRow, type EstimateRow, type RiskOfBiasRow, type StudyRow, type TableName, type TableRow } from '../../src/lib/schema/tables.ts';

/** Quote an SQL string literal (file paths only; data values always go through the appender). */
function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

async function createTable<Row>(conn: DuckDBConnection, name: string, columns: readonly Column<Row>[], rows: readonly Row[]): Promise<void> {
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

/** Table `name` and its CSV copy `<name>_csv`, text cells neutralised against formula injection (numbers untouched). */
async function createTables<T extends TableName>(conn: DuckDBConnection, name: T, rows: readonly TableRow<T>[]): Promise<void> {
  const columns = TABLE_COLUMNS[name];
  await createTable(conn, name, columns, rows);
  await createTable(conn, `${name}_csv`, columns, rows.map((r) => csvSafeRow(columns, r)));
}

/** Files written by writeTables: each table as Parquet, then as CSV, then as JSON, and the DuckDB file. */
export const DATA_FILES: readonly string[] = [...(['parquet', 'csv', 'json'] as const).flatMap((ext) => TABLE_NAMES.map((t) => `${t}.${ext}`)), 'review.duckdb'];

/** Write all data files into outDir (replacing earlier generated files). */
export async function writeTables(outDir: string, studies: StudyRow[], estimates: EstimateRow[], diagnosticTables: DiagnosticTableRow[] = [], riskOfBias: RiskOfBiasRow[] = []): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const dbFile = join(outDir, 'review.duckdb');
  await rm(dbFile, { force: true });
  await rm(`${dbFile}.wal`, { force: true });
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await createTables(conn, 'studies', studies);
    await createTables(conn, 'estimates', estimates);
    await createTables(conn, 'diagnostic_tables', diagnosticTables);
    await createTables(conn, 'risk_of_bias', riskOfBias);
    for (const t of TABLE_NAMES) {
      await conn.run(`COPY (SELECT * FROM ${t} ORDER BY 1) TO ${sqlString(join(outDir, `${t}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`);
      await conn.run(`COPY (SELECT * FROM ${t}_csv ORDER BY 1) TO ${sqlString(join(outDir, `${t}.csv`))} (FORMAT csv, HEADER true)`);
      await conn.run(`COPY (SELECT * FROM ${t} ORDER BY 1) TO ${sqlString(join(outDir, `${t}.json`))} (FORMAT json, ARRAY true)`);
    }
    // The browser's copy. duckdb-wasm 1.32 embeds DuckDB 1.4: write a storage version it reads.
    await conn.run(`ATTACH ${sqlString(dbFile)} AS review (STORAGE_VERSION 'v1.0.0')`);
    for (const t of TABLE_NAMES) await conn.run(`CREATE TABLE review.${t} AS SELECT * FROM ${t} ORDER BY 1`);
    await conn.run('CHECKPOINT review');
    await conn.run('DETACH review');
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
