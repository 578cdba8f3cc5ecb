/**
 * Reading the real-notation corpus from disk: every *.json under a directory, merged (the first
 * record of each DOI/PMID kept), with the problems of records that do not fit the format.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mergeCorpus, parseCorpusFile, type CorpusRecord } from '../../src/lib/eval/extraction/corpus.ts';

/** The corpus directory of the repository. */
export const CORPUS_DIR = 'test/fixtures/extraction-corpus';

/** All records of the corpus files in `dir`, in file-name order. */
export async function readCorpus(dir = CORPUS_DIR): Promise<{ records: CorpusRecord[]; problems: string[]; duplicates: string[] }> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const parts: CorpusRecord[][] = [];
  const problems: string[] = [];
  for (const f of files) {
    const path = join(dir, f);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      problems.push(`${path}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = parseCorpusFile(json, path);
    parts.push(parsed.records);
    problems.push(...parsed.problems);
  }
  const { records, duplicates } = mergeCorpus(parts);
  return { records, problems, duplicates };
}
