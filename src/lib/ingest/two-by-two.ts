/**
 * 2×2 counts from an abstract, in the shape the schema's two_by_two tables take: either the four
 * cells printed by name ("TP = 45, FP = 6, FN = 3, TN = 120", "45 true positives, …"), each cell
 * quoted, or a sensitivity and a specificity that print n/N ("sensitivity 87% (193/223)"): TP and
 * TN are quoted, FN and FP derived from the quoted totals.
 */
import { agreesWithinRounding, type TwoByTwoCell } from '../schema/two-by-two.ts';
import type { ExtractedEstimate } from './extract/estimate.ts';
import { splitSentences } from './sentences.ts';

/** A proposed 2×2 table, before ingest gives it an outcome. */
export interface ProposedTwoByTwo {
  label: string;
  tp: TwoByTwoCell;
  fp: TwoByTwoCell;
  fn: TwoByTwoCell;
  tn: TwoByTwoCell;
}

type Cell = 'tp' | 'fp' | 'fn' | 'tn';

/** Names of each cell; one table entry per spelling. */
const CELL_NAMES: readonly { cell: Cell; pattern: string }[] = [
  { cell: 'tp', pattern: String.raw`true[- ]positives?|TPs?` },
  { cell: 'fp', pattern: String.raw`false[- ]positives?|FPs?` },
  { cell: 'fn', pattern: String.raw`false[- ]negatives?|FNs?` },
  { cell: 'tn', pattern: String.raw`true[- ]negatives?|TNs?` },
];
const NAME = CELL_NAMES.map((c) => `(${c.pattern})`).join('|');
const COUNT = String.raw`(\d{1,3}(?:,\d{3})+|\d{1,7})(?![\d.,]*\d|\s?%)`;
/** "TP = 45", "true positives: 45", "true positives (n = 45)" and "45 true positives", linear-time (no nested repetition). */
const CELL_RE = new RegExp(String.raw`\b(?:(?:${NAME})\s{0,3}(?:\(n\s{0,2}=\s{0,2}|[:=]\s{0,3}|,\s{0,3}|\s)${COUNT}|${COUNT}\s{1,3}(?:${NAME})\b)`, 'gi');

/** Tables printed cell by cell: all four cells named in one sentence. */
export function namedCellTables(text: string): ProposedTwoByTwo[] {
  const out: ProposedTwoByTwo[] = [];
  for (const s of splitSentences(text)) {
    const cells = new Map<Cell, TwoByTwoCell>();
    for (const m of s.text.matchAll(CELL_RE)) {
      // groups: 1–4 names before a count, 5 that count, 6 a count before a name, 7–10 those names
      const before = [m[1], m[2], m[3], m[4]];
      const after = [m[7], m[8], m[9], m[10]];
      const k = before.findIndex((g) => g !== undefined);
      const j = after.findIndex((g) => g !== undefined);
      const cell = CELL_NAMES[k >= 0 ? k : j]?.cell;
      const n = Number((m[5] ?? m[6] ?? '').replace(/,/g, ''));
      if (!cell || !Number.isInteger(n) || cells.has(cell)) continue;
      cells.set(cell, { n, quote: m[0] });
    }
    if (cells.size === 4) out.push({ label: 'index test', tp: cells.get('tp')!, fp: cells.get('fp')!, fn: cells.get('fn')!, tn: cells.get('tn')! });
  }
  return out;
}

/** Tables from a sensitivity and a specificity that print n/N, paired in order (the same label first). */
export function countTables(estimates: readonly ExtractedEstimate[]): ProposedTwoByTwo[] {
  // only counts that give the stated value: others belong to something else
  const counted = (m: string) => estimates.filter((e) => e.measure === m && e.events !== null && e.total !== null && agreesWithinRounding(e.events / e.total, e.value, e.unit));
  const sens = counted('sensitivity');
  const spec = counted('specificity');
  const used = new Set<ExtractedEstimate>();
  const out: ProposedTwoByTwo[] = [];
  for (const se of sens) {
    const sp = spec.find((x) => !used.has(x) && x.label === se.label) ?? spec.find((x) => !used.has(x) && x.start > se.start);
    if (!sp) continue;
    used.add(sp);
    const [tp, diseased, tn, healthy] = [se.events!, se.total!, sp.events!, sp.total!];
    out.push({
      label: se.label,
      tp: { n: tp, quote: se.quote },
      fn: { n: diseased - tp, derived: { rule: `${diseased} with the condition − ${tp} true positives`, from: [se.quote] } },
      tn: { n: tn, quote: sp.quote },
      fp: { n: healthy - tn, derived: { rule: `${healthy} without the condition − ${tn} true negatives`, from: [sp.quote] } },
    });
  }
  return out;
}

/** Every 2×2 table an abstract section gives, printed cells first. */
export function extractTwoByTwo(text: string, estimates: readonly ExtractedEstimate[]): ProposedTwoByTwo[] {
  return [...namedCellTables(text), ...countTables(estimates)];
}
