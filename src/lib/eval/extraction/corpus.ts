/**
 * The real-notation corpus (test/fixtures/extraction-corpus/*.json): published abstracts, each
 * identified by DOI or PMID, with hand-checked facts — every reported estimate and the result
 * span exactly as printed — and look-alike spans that are not estimates. Only facts and short
 * number-bearing spans are stored, never an abstract's prose.
 */
import { z } from 'zod';
import { UNITS } from '../../schema/measures.ts';

/** One labelled estimate of a span, its numbers as printed (87 for "87%", -0.081 for "−0.081"). */
export const CorpusEstimate = z.object({
  measure: z.string().min(1),
  value: z.number().finite(),
  ci_low: z.number().finite().nullable(),
  ci_high: z.number().finite().nullable(),
  ci_level: z.number().gt(0).lt(1).nullable().optional().default(null),
  unit: z.enum(UNITS).nullable().optional().default(null),
  target: z.string().nullable().optional().default(null),
  n: z.number().int().nonnegative().nullable().optional().default(null),
  N: z.number().int().nonnegative().nullable().optional().default(null),
});
/** A labelled estimate. */
export type CorpusEstimate = z.infer<typeof CorpusEstimate>;

/** 2×2 counts printed in a span. */
export const CorpusCounts = z.object({
  tp: z.number().int().nonnegative(),
  fp: z.number().int().nonnegative(),
  fn: z.number().int().nonnegative(),
  tn: z.number().int().nonnegative(),
});

/** A number-bearing fragment exactly as printed, and the estimates it reports. */
export const CorpusSpan = z.object({
  text: z.string().min(1),
  estimates: z.array(CorpusEstimate),
  counts: CorpusCounts.optional(),
});
/** A labelled span. */
export type CorpusSpan = z.infer<typeof CorpusSpan>;

/** A look-alike fragment that is no estimate (age ± SD, IQR, p-value, sample size…). */
export const Distractor = z.object({ text: z.string().min(1), kind: z.string().min(1) });
/** A distractor span. */
export type Distractor = z.infer<typeof Distractor>;

/** One published abstract of the corpus. */
export const CorpusRecord = z.object({
  id: z.string().regex(/^(?:doi|pmid):\S+$/),
  doi: z.string().nullable().optional().default(null),
  pmid: z.string().nullable().optional().default(null),
  title: z.string().min(1).nullable(),
  journal: z.string().min(1).nullable(),
  year: z.number().int(),
  domain: z.string().optional(),
  url: z.string().optional(),
  spans: z.array(CorpusSpan),
  distractors: z.array(Distractor).optional().default([]),
});
/** A corpus record. */
export type CorpusRecord = z.infer<typeof CorpusRecord>;

/** A corpus file's records, and what in it could not be read (named by file and index). */
export function parseCorpusFile(json: unknown, file: string): { records: CorpusRecord[]; problems: string[] } {
  const records: CorpusRecord[] = [];
  const problems: string[] = [];
  if (!Array.isArray(json)) return { records, problems: [`${file}: expected a JSON array of records`] };
  json.forEach((raw, i) => {
    const r = CorpusRecord.safeParse(raw);
    if (r.success) records.push(r.data);
    else problems.push(`${file}[${i}]: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
  });
  return { records, problems };
}

/** Records of several files, the first of each id kept (two collectors may find the same abstract). */
export function mergeCorpus(parts: readonly CorpusRecord[][]): { records: CorpusRecord[]; duplicates: string[] } {
  const seen = new Map<string, CorpusRecord>();
  const duplicates: string[] = [];
  for (const r of parts.flat()) {
    const key = r.doi ? `doi:${r.doi.toLowerCase()}` : r.id.toLowerCase();
    if (seen.has(key)) duplicates.push(r.id);
    else seen.set(key, r);
  }
  return { records: [...seen.values()], duplicates };
}

/** The numbers printed in a span ("−0.081" → -0.081, "0·87" → 0.87, "1,234" → 1234), signed and unsigned. */
function printedNumbers(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/([−–-]?)(\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:[.·](\d+))?/g)) {
    const x = Number(`${m[2]!.replace(/,/g, '')}${m[3] ? `.${m[3]}` : ''}`);
    out.push(x, -x);
  }
  return out;
}

/** Labels whose numbers are not printed in their span (a mistyped label), as "record: measure value not in span". */
export function labelProblems(record: CorpusRecord): string[] {
  const out: string[] = [];
  for (const s of record.spans) {
    const printed = printedNumbers(s.text);
    for (const e of s.estimates) {
      for (const [field, x] of [['value', e.value], ['ci_low', e.ci_low], ['ci_high', e.ci_high]] as const) {
        if (x !== null && !printed.some((p) => Math.abs(p - x) < 1e-9)) out.push(`${record.id}: ${e.measure} ${field} ${x} is not printed in "${s.text}"`);
      }
    }
  }
  return out;
}
