/**
 * npm run data [-- --root DIR --out DIR]
 * Validates every study page and writes data/studies.*, data/estimates.* (Parquet, CSV) and
 * data/review.duckdb from the same rows. Exits 1, listing file:line: field: message, on invalid content:
 * every error npm run check reports (the schema, and the cross-checks such as a 2×2 table that does
 * not agree with the sensitivity it is quoted with), so nothing is pooled from data check refuses.
 * All files are written to a staging folder inside data/ and renamed into place only when every
 * one is complete, so a failed or interrupted run leaves the previous data/ as it was.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { diagnosticTableRows, estimateRows, riskOfBiasRows, studyRow, type StudyRecord } from '../src/lib/data/tables.ts';
import { formatProblem } from '../src/lib/content/validate.ts';
import { checkContent } from '../src/lib/content/checks.ts';
import { readReview, ContentError } from './lib/content-fs.ts';
import { readCheckedStudies } from './lib/study-cache-fs.ts';
import { DATA_FILES, writeTables } from './lib/duckdb-tables.ts';
import { replaceFiles } from './lib/replace-files.ts';
import { writeManifest } from './lib/data-manifest.ts';
import { dataKey, dataUpToDate, recordDataKey } from './lib/data-key-fs.ts';

/** Validate content and write the tables; returns the records. */
export async function buildData(root: string, outDir: string): Promise<StudyRecord[]> {
  return (await buildDataReport(root, outDir)).records;
}

/** buildData, also saying whether the files were written (false: the rows and the code are those of the files already in outDir, which are kept). */
export async function buildDataReport(root: string, outDir: string): Promise<{ records: StudyRecord[]; written: boolean }> {
  const review = await readReview(root);
  const { pages, checks } = await readCheckedStudies(root, review);
  const problems = checkContent(pages, review, checks).filter((p) => p.severity === 'error');
  if (problems.length > 0) throw new ContentError(problems);
  const records = pages.map((p) => ({ slug: p.slug, study: p.study!, sections: p.sections }));
  const key = dataKey(root, records);
  if (await dataUpToDate(root, outDir, key)) return { records, written: false };
  await replaceFiles(outDir, async (staging) => {
    await writeTables(staging, records.map(studyRow), records.flatMap(estimateRows), records.flatMap(diagnosticTableRows), records.flatMap(riskOfBiasRows));
    await writeManifest(staging);
    return [...DATA_FILES, 'manifest.json'];
  });
  // A write-ahead log left next to an earlier review.duckdb would be replayed onto the new one.
  await rm(join(outDir, 'review.duckdb.wal'), { force: true });
  await recordDataKey(root, outDir, key);
  return { records, written: true };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { root: { type: 'string', default: process.cwd() }, out: { type: 'string' } } });
  const root = values.root!;
  const started = performance.now();
  buildDataReport(root, values.out ?? process.env.SITE_DATA_DIR ?? join(root, 'data')).then(
    ({ records, written }) => console.log(`data: ${records.length} studies, ${records.reduce((n, r) => n + r.study.estimates.length, 0)} estimates ${written ? 'written' : 'unchanged (the files in place hold these rows)'} in ${Math.round(performance.now() - started)} ms`),
    (error: unknown) => {
      console.error(error instanceof ContentError ? `${error.problems.map(formatProblem).join('\n')}\n${error.problems.length} problem(s): fix them and run npm run data again.` : error);
      process.exit(1);
    },
  );
}
