/**
 * npm run eval:extraction [-- --seed N] [--contexts K] [--export FILE.nbib|ris] [--corpus DIR] [--markdown]
 *
 * Runs the real ingest extraction on the real-notation corpus (test/fixtures/extraction-corpus):
 * each labelled span and each distractor placed in K sentences of our own (drawn with seed N),
 * then prints interval and point recall/precision overall, per measure and per notation family,
 * and lists every miss and every wrong extraction. With --export, runs instead on the abstracts
 * of a user's RIS or MEDLINE export, matched to corpus records by PMID/DOI.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluateCorpus, evaluateExport, type Evaluation, type ExportRecord } from '../src/lib/eval/extraction/evaluate.ts';
import { headline, listProblems, markdownTable, textTable } from '../src/lib/eval/extraction/report.ts';
import { SOURCE_PARSERS } from '../src/lib/ingest/plan.ts';
import { CORPUS_DIR, readCorpus } from './lib/extraction-corpus-fs.ts';

/** Read an export file with the project's own RIS/MEDLINE parser. */
export async function readExport(file: string): Promise<{ records: ExportRecord[]; problems: string[] }> {
  const ext = Object.keys(SOURCE_PARSERS).find((e) => file.toLowerCase().endsWith(e));
  if (ext !== '.ris' && ext !== '.nbib' && ext !== '.medline') throw new Error(`${file}: --export takes a .ris, .nbib or .medline file`);
  const parsed = SOURCE_PARSERS[ext]!(await readFile(file, 'utf8'), basename(file));
  return {
    records: parsed.records.map((r) => ({ doi: r.doi ?? null, pmid: r.pmid ?? null, sections: r.sections.map((s) => s.text) })),
    problems: parsed.problems.map((p) => `${p.file}:${p.line}: ${p.message}`),
  };
}

/** Run the evaluation the arguments ask for and return it with the text to print. */
export async function runEval(args: { seed: number; contexts: number; corpus: string; export?: string; markdown?: boolean }): Promise<{ ev: Evaluation; report: string }> {
  const started = performance.now();
  const corpus = await readCorpus(args.corpus);
  const notes = [...corpus.problems.map((p) => `corpus problem: ${p}`), ...corpus.duplicates.map((d) => `duplicate record skipped: ${d}`)];
  let ev: Evaluation;
  let title: string;
  if (args.export) {
    const x = await readExport(args.export);
    notes.push(...x.problems.map((p) => `export problem: ${p}`));
    ev = evaluateExport(corpus.records, x.records);
    title = `Extraction on ${args.export}: ${x.records.length} records, ${ev.records} matched to the corpus by PMID/DOI`;
  } else {
    ev = evaluateCorpus(corpus.records, { seed: args.seed, contexts: args.contexts });
    title = `Extraction on the real-notation corpus (${args.corpus}), seed ${args.seed}, ${args.contexts} contexts per span`;
  }
  const ms = performance.now() - started;
  const report = [
    title,
    ...notes,
    '',
    args.markdown ? markdownTable(ev) : textTable(ev),
    '',
    listProblems(ev),
    '',
    headline(ev),
    `(took ${(ms / 1000).toFixed(2)} s)`,
  ].join('\n');
  return { ev, report };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      contexts: { type: 'string', default: '3' },
      corpus: { type: 'string', default: CORPUS_DIR },
      export: { type: 'string' },
      markdown: { type: 'boolean', default: false },
    },
  });
  const seed = Number(values.seed);
  const contexts = Number(values.contexts);
  if (!Number.isInteger(seed) || !Number.isInteger(contexts) || contexts < 1) {
    console.error('--seed and --contexts take whole numbers (contexts ≥ 1)');
    process.exit(2);
  }
  runEval({ seed, contexts, corpus: values.corpus!, export: values.export, markdown: values.markdown }).then(
    ({ report }) => console.log(report),
    (error: Error) => {
      console.error(error.message);
      process.exit(2);
    },
  );
}
