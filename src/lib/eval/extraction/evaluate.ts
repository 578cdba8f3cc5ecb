/**
 * The extraction evaluation: every corpus span (and every distractor) is placed in sentences of
 * our own, the real extractor reads them, and extracted estimates are matched to the labels.
 * Counts are kept overall, per measure and per notation family; every miss and every wrong
 * extraction is kept with its record id and text. The same matching runs on a user's export,
 * where the text is the real abstract.
 */
import { extractEstimates } from '../../ingest/extract.ts';
import type { ExtractedEstimate } from '../../ingest/extract/estimate.ts';
import { createRng } from '../../prng.ts';
import type { CorpusEstimate, CorpusRecord } from './corpus.ts';
import { embedSpan } from './embed.ts';
import { familiesOf } from './families.ts';
import { matchEstimates, measureName, sameInterval } from './match.ts';

/** Recall and precision counts of one group (overall, a measure, a family). */
export interface Tally {
  labels: number;
  pointHits: number;
  labelsWithCi: number;
  intervalHits: number;
  extracted: number;
  extractedRight: number;
  extractedWithCi: number;
  extractedCiRight: number;
}

/** A labelled estimate the extractor did not read (or read without its interval). */
export interface Miss {
  record: string;
  span: string;
  text: string;
  label: CorpusEstimate;
  /** What was read instead, if anything matched the value. */
  found: ExtractedEstimate | null;
  families: string[];
}

/** An extracted estimate that matches no label (or whose interval is not the label's). */
export interface Wrong {
  record: string;
  span: string;
  text: string;
  extracted: ExtractedEstimate;
  why: string;
}

/** The result of an evaluation run. */
export interface Evaluation {
  overall: Tally;
  byMeasure: Map<string, Tally>;
  byFamily: Map<string, Tally>;
  misses: Miss[];
  wrong: Wrong[];
  texts: number;
  records: number;
}

/** An empty tally. */
export function emptyTally(): Tally {
  return { labels: 0, pointHits: 0, labelsWithCi: 0, intervalHits: 0, extracted: 0, extractedRight: 0, extractedWithCi: 0, extractedCiRight: 0 };
}

/** Ratio of hits to a total; 1 when the total is 0 (nothing to find, nothing wrong). */
export function rate(hits: number, total: number): number {
  return total === 0 ? 1 : hits / total;
}

/** The four headline rates of a tally. */
export function rates(t: Tally): { pointRecall: number; pointPrecision: number; intervalRecall: number; intervalPrecision: number } {
  return {
    pointRecall: rate(t.pointHits, t.labels),
    pointPrecision: rate(t.extractedRight, t.extracted),
    intervalRecall: rate(t.intervalHits, t.labelsWithCi),
    intervalPrecision: rate(t.extractedCiRight, t.extractedWithCi),
  };
}

/** One text to read and what it should yield. */
export interface Item {
  record: string;
  span: string;
  text: string;
  labels: CorpusEstimate[];
  /** Families of each label (parallel to labels). */
  families: string[][];
  /** For a distractor: its kind (anything read from it is wrong). */
  distractor: string | null;
}

/** Count one item's extractions against its labels into `ev`. */
export function scoreItem(ev: Evaluation, item: Item, found: readonly ExtractedEstimate[]): void {
  const groups = (keys: readonly string[]) => [ev.overall, ...keys.map((k) => tallyOf(k.startsWith('measure:') ? ev.byMeasure : ev.byFamily, k.replace(/^(?:measure|family):/, '')))];
  const pairs = matchEstimates(item.labels, found);
  const labelOf = new Map([...pairs].map(([li, ei]) => [ei, li]));
  item.labels.forEach((l, li) => {
    const ei = pairs.get(li);
    const e = ei === undefined ? null : found[ei]!;
    const hasCi = l.ci_low !== null;
    const intervalOk = e !== null && hasCi && sameInterval(l, e);
    for (const t of groups([`measure:${measureName(l.measure)}`, ...item.families[li]!.map((f) => `family:${f}`)])) {
      t.labels++;
      if (e) t.pointHits++;
      if (hasCi) t.labelsWithCi++;
      if (intervalOk) t.intervalHits++;
    }
    if (!e || (hasCi && !intervalOk)) ev.misses.push({ record: item.record, span: item.span, text: item.text, label: l, found: e, families: item.families[li]! });
  });
  const spanFamilies = [...new Set(item.families.flat())];
  found.forEach((e, ei) => {
    const li = labelOf.get(ei);
    const l = li === undefined ? null : item.labels[li]!;
    const verbatim = item.text.slice(e.start, e.start + e.quote.length) === e.quote;
    const right = l !== null && verbatim;
    const hasCi = e.ci_low !== null;
    const ciRight = right && hasCi && sameInterval(l!, e);
    const fams = item.distractor !== null ? [`distractor:${item.distractor}`] : l ? item.families[li!]! : spanFamilies;
    for (const t of groups([`measure:${e.measure}`, ...fams.map((f) => `family:${f}`)])) {
      t.extracted++;
      if (right) t.extractedRight++;
      if (hasCi) t.extractedWithCi++;
      if (ciRight) t.extractedCiRight++;
    }
    if (!right || (hasCi && !ciRight)) {
      const why = !verbatim
        ? 'quote is not verbatim in the text'
        : item.distractor !== null
          ? `read from a distractor (${item.distractor})`
          : !l
            ? 'matches no label of the span'
            : `interval differs from the label's (${l.ci_low ?? '–'}, ${l.ci_high ?? '–'})`;
      ev.wrong.push({ record: item.record, span: item.span, text: item.text, extracted: e, why });
    }
  });
}

function tallyOf(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = emptyTally()));
  return t;
}

/** A fresh evaluation to score items into. */
export function emptyEvaluation(): Evaluation {
  return { overall: emptyTally(), byMeasure: new Map(), byFamily: new Map(), misses: [], wrong: [], texts: 0, records: 0 };
}

/** Options of a corpus run. */
export interface CorpusRunOptions {
  seed?: number;
  /** Contexts per span (each a separate text). Default 3. */
  contexts?: number;
  extract?: (text: string) => ExtractedEstimate[];
}

/** The texts a corpus run reads: each span and distractor in `contexts` sentences drawn with `seed`. */
export function corpusItems(records: readonly CorpusRecord[], seed = 1, contexts = 3): Item[] {
  const rng = createRng(seed);
  const items: Item[] = [];
  for (const r of records) {
    for (const s of r.spans) {
      const families = s.estimates.map((e) => familiesOf(s, e));
      for (const em of embedSpan(rng, s.text, contexts)) items.push({ record: r.id, span: s.text, text: em.text, labels: s.estimates, families, distractor: null });
    }
    for (const d of r.distractors) {
      for (const em of embedSpan(rng, d.text, contexts)) items.push({ record: r.id, span: d.text, text: em.text, labels: [], families: [], distractor: d.kind });
    }
  }
  return items;
}

/** Evaluate the extractor on the corpus spans and distractors placed in sentences of our own. */
export function evaluateCorpus(records: readonly CorpusRecord[], options: CorpusRunOptions = {}): Evaluation {
  const extract = options.extract ?? extractEstimates;
  const ev = emptyEvaluation();
  ev.records = records.length;
  for (const item of corpusItems(records, options.seed ?? 1, options.contexts ?? 3)) {
    scoreItem(ev, item, extract(item.text));
    ev.texts++;
  }
  return ev;
}

/** One record of a user's export: identifiers and its abstract's sections. */
export interface ExportRecord {
  doi: string | null;
  pmid: string | null;
  sections: readonly string[];
}

/** Corpus records matched to export records by PMID or DOI (case-insensitive DOI). */
export function matchExport(records: readonly CorpusRecord[], exported: readonly ExportRecord[]): { record: CorpusRecord; exported: ExportRecord }[] {
  const byPmid = new Map(records.filter((r) => r.pmid).map((r) => [r.pmid!, r]));
  const byDoi = new Map(records.filter((r) => r.doi).map((r) => [r.doi!.toLowerCase(), r]));
  const out: { record: CorpusRecord; exported: ExportRecord }[] = [];
  const taken = new Set<string>();
  for (const x of exported) {
    const r = (x.pmid ? byPmid.get(x.pmid) : undefined) ?? (x.doi ? byDoi.get(x.doi.toLowerCase()) : undefined);
    if (!r || taken.has(r.id)) continue;
    taken.add(r.id);
    out.push({ record: r, exported: x });
  }
  return out;
}

/**
 * Evaluate on real abstracts: for each export record matched to the corpus, recall over all its
 * labelled estimates and precision over everything extracted from its abstract.
 */
export function evaluateExport(records: readonly CorpusRecord[], exported: readonly ExportRecord[], extract = extractEstimates): Evaluation {
  const ev = emptyEvaluation();
  for (const { record, exported: x } of matchExport(records, exported)) {
    ev.records++;
    const labels = record.spans.flatMap((s) => s.estimates);
    const families = record.spans.flatMap((s) => s.estimates.map((e) => familiesOf(s, e)));
    // sections are read one by one, as ingest does; offsets are shifted into the joined text
    let offset = 0;
    const found: ExtractedEstimate[] = [];
    for (const sec of x.sections) {
      for (const e of extract(sec)) found.push({ ...e, start: e.start + offset });
      offset += sec.length + 1;
    }
    scoreItem(ev, { record: record.id, span: '(whole abstract)', text: x.sections.join('\n'), labels, families, distractor: null }, found);
    ev.texts++;
  }
  return ev;
}
