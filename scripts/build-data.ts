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
import { readReview, readStudies, ContentError } from './lib/content-fs.ts';
import { DATA_FILES, writeTables } from './lib/duckdb-tables.ts';
import { replaceFiles } from './lib/replace-files.ts';
import { writeManifest } from './lib/data-manifest.ts';

/** Validate content and write the tables; returns the records written. */
export async function buildData(root: string, outDir: string): Promise<StudyRecord[]> {
  const review = await readReview(root);
  const pages = await readStudies(root);
  const problems = checkContent(pages, review).filter((p) => p.severity === 'error');
  if (problems.length > 0) throw new ContentError(problems);
  const records = pages.map((p) => ({ slug: p.slug, study: p.study!, sections: p.sections }));
  await replaceFiles(outDir, async (staging) => {
    await writeTables(staging, records.map(studyRow), records.flatMap(estimateRows), records.flatMap(diagnosticTableRows), records.flatMap(riskOfBiasRows));
    await writeManifest(staging);
    return [...DATA_FILES, 'manifest.json'];
  });
  // A write-ahead log left next to an earlier review.duckdb would be replayed onto the new one.
  await rm(join(outDir, 'review.duckdb.wal'), { force: true });
  return records;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { root: { type: 'string', default: process.cwd() }, out: { type: 'string' } } });
  const root = values.root!;
  const started = performance.now();
  buildData(root, values.out ?? process.env.SITE_DATA_DIR ?? join(root, 'data')).then(
    (records) => console.log(`data: ${records.length} studies, ${records.reduce((n, r) => n + r.study.estimates.length, 0)} estimates written in ${Math.round(performance.now() - started)} ms`),
    (error: unknown) => {
      console.error(error instanceof ContentError ? `${error.problems.map(formatProblem).join('\n')}\n${error.problems.length} problem(s): fix them and run npm run data again.` : error);
      process.exit(1);
    },
  );
}
