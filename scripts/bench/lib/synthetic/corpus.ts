/**
 * The benchmark's synthetic corpus: listing-format source files (the format of
 * content/sources/000_*.txt, parsed by src/lib/ingest/listing.ts) holding realistic abstracts
 * (labelled sections, 1,500–2,500 characters, 3–8 estimates in varied notations on the
 * protocol's outcomes, a 2×2 table in about a third of them), several journals and years.
 * Deterministic for a seed. For benchmarks only: the bench writes it into a temporary project,
 * never into content/.
 */
import type { Outcome } from '../../../../src/lib/schema/index.ts';
import { createRng, type Rng } from '../../../../src/lib/prng.ts';
import { drawNumbers, intended, type IntendedEstimate } from './notations.ts';
import { workingCombos, type Combo } from './probe.ts';
import { TABLE_SHARE, drawTable, tableSentence, type Counted, type IntendedTable, type Reported } from './two-by-two.ts';
import { extractEstimates } from '../../../../src/lib/ingest/extract.ts';
import type { Estimate } from '../../../../src/lib/schema/index.ts';
import { frontmatterTable, readBackProblems, readSection, tableProblems, type SectionRead } from './read-back.ts';
import * as W from './text.ts';

/** What to generate. */
export interface CorpusOptions {
  studies: number;
  outcomes: readonly Outcome[];
  seed?: number;
  /** Records per source file (a large search is exported in pages). Default 1000. */
  recordsPerFile?: number;
  /** Combinations to write (default: workingCombos(outcomes)); pass them in to probe once for several corpora. */
  combos?: readonly Combo[];
  /** Share of records that report a 2×2 table (default TABLE_SHARE; 0 for none). */
  tableShare?: number;
}

/** One generated record and what ingest should read from it. */
export interface SyntheticRecord {
  /** Source file name (under content/sources/). */
  file: string;
  /** 1-based position in its file (the page's source.record). */
  record: number;
  journal: string;
  year: number;
  doi: string | null;
  /** Characters of the abstract ("Label: text" lines joined by newlines). */
  characters: number;
  estimates: IntendedEstimate[];
  /** 2×2 tables its Results report (the bench writes them into the page's two_by_two after ingest). */
  tables: IntendedTable[];
  /** 2×2 tables ingest proposes itself, from a sensitivity and a specificity that print n/N (the page keeps them; `tables` is then empty). */
  ingestTables: number;
}

/** The corpus: source files and the records they hold. */
export interface SyntheticCorpus {
  files: { name: string; text: string }[];
  records: SyntheticRecord[];
}

const SEPARATOR = 'View Article and Find Full Text PDF';

/** File name of the n-th (0-based) synthetic source file. */
export function sourceFileName(n: number): string {
  return `synthetic-${String(n + 1).padStart(4, '0')}.txt`;
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? k);
}

/** Pick the combinations for one abstract: 3–8 estimates over 1–3 outcomes, the first stating its CI level. */
function pickEstimates(rng: Rng, byOutcome: Map<string, Combo[]>): { combo: Combo }[] {
  const ids = [...byOutcome.keys()];
  const chosen = [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick(ids)))];
  const target = rng.int(3, 8);
  const out: { combo: Combo }[] = [];
  const used = new Set<string>();
  let count = 0;
  for (let guard = 0; count < target && guard < 200; guard++) {
    const outcome = chosen[(out.length + (count === 0 ? guard : 0)) % chosen.length]!;
    const otherLevel = out.some((o) => o.combo.notation.otherLevel);
    const unstated = out.some((o) => o.combo.notation.hasCi && !o.combo.notation.statesLevel);
    const combos = byOutcome
      .get(outcome)!
      .filter((c) => (count === 0 ? c.notation.statesLevel : true) && count + c.measures.length <= target)
      .filter((c) => !(c.notation.otherLevel && unstated) && !(otherLevel && c.notation.hasCi && !c.notation.statesLevel));
    if (combos.length === 0) continue;
    const notation = rng.pick([...new Set(combos.map((c) => c.notation.id))]);
    const combo = rng.pick(combos.filter((c) => c.notation.id === notation));
    const key = `${outcome}|${combo.measures.join('+')}`;
    if (used.has(key) && guard < 100) continue; // prefer one estimate per outcome × measure, as most abstracts report
    used.add(key);
    out.push({ combo });
    count += combo.measures.length;
  }
  return out;
}

/**
 * A record's 2×2 table (for TABLE_SHARE of records): on an outcome and label the record reports
 * sensitivity or specificity for when it has one (the counts then agree with those estimates), else
 * on any outcome that declares both measures. None when the label's sensitivities (or specificities)
 * disagree with each other, when the extractor would read an estimate from the table's sentence, or
 * when the 2×2 check would refuse the table beside the estimates ingest reads (`read()`).
 */
function drawTables(rng: Rng, share: number, draft: Draft, byOutcome: Map<string, Combo[]>, read: () => readonly Estimate[], outcomes: readonly Outcome[]): IntendedTable[] {
  if (!rng.chance(share)) return [];
  const { estimates, labels, counted } = draft;
  const dta = (c: Combo) => byOutcome.get(c.outcome)!.some((x) => x.measures.includes('sensitivity')) && byOutcome.get(c.outcome)!.some((x) => x.measures.includes('specificity'));
  const reported = [...new Set(estimates.flatMap((e, i) => (e.measure === 'sensitivity' || e.measure === 'specificity' ? [`${e.outcome}\u0000${labels[i]}`] : [])))];
  const candidates = [...byOutcome.values()].flat().filter(dta);
  if (candidates.length === 0) return [];
  const fallback = rng.pick(candidates);
  const [outcome, label] = reported.length ? rng.pick(reported).split('\u0000') as [string, string] : [fallback.outcome, fallback.alias];
  if (!candidates.some((c) => c.outcome === outcome)) return [];
  const stated = (measure: 'sensitivity' | 'specificity'): Reported | null | undefined => {
    const at = estimates.flatMap((e, i) => (e.outcome === outcome && labels[i] === label && e.measure === measure ? [i] : []));
    const values = at.map((i) => estimates[i]!);
    if (new Set(values.map((e) => `${e.value}${e.unit}`)).size > 1) return undefined;
    const counts = [...new Set(at.map((i) => (counted[i] ? `${counted[i]!.events}/${counted[i]!.total}` : '')))].filter(Boolean);
    if (counts.length > 1) return undefined;
    const c = at.map((i) => counted[i]).find((x) => x);
    return values[0] ? { value: values[0].value, unit: values[0].unit, ...(c ? { counted: c } : {}) } : null;
  };
  const sens = stated('sensitivity');
  const spec = stated('specificity');
  if (sens === undefined || spec === undefined) return [];
  const table = drawTable(rng, outcome, label, sens, spec);
  const sentence = tableSentence(table);
  return extractEstimates(sentence).length === 0 && tableProblems([frontmatterTable(table)], read(), sentence, outcomes).length === 0 ? [table] : [];
}

function dateLine(rng: Rng, year: number): string {
  const month = rng.pick(W.MONTHS);
  const r = rng.next();
  if (r < 0.7) return `${month} ${year}`;
  if (r < 0.85) return String(year);
  return `${rng.int(1, 28)} ${month.slice(0, 3)} ${year}`;
}

/** A record's abstract before its 2×2 tables: the sections, the intended estimates and what drawTables needs of them. */
interface Draft {
  journal: string;
  year: number;
  sections: { label: string; sentences: string[]; bank: string[] }[];
  estimates: IntendedEstimate[];
  labels: string[];
  counted: (Counted | null)[];
}

/** Draw a record's abstract (everything but its 2×2 tables). */
function draftRecord(rng: Rng, outcomes: readonly Outcome[], byOutcome: Map<string, Combo[]>): Draft {
  const year = rng.int(2015, 2025);
  const journal = rng.pick(W.JOURNALS);
  const picks = pickEstimates(rng, byOutcome);
  const primary = outcomes.find((o) => o.id === picks[0]!.combo.outcome)!;
  const model = rng.pick(W.MODELS);
  const modality = rng.pick(W.MODALITIES);
  const vars = { finding: primary.label.charAt(0).toLowerCase() + primary.label.slice(1), modality, model, reference: rng.pick(W.REFERENCES), domain: modality };
  const estimates: IntendedEstimate[] = [];
  const labels: string[] = [];
  // The n/N ingest reads beside an estimate ("75.2% (752/1000, …)"): a table must have that margin.
  const counted: (Counted | null)[] = [];
  const results: string[] = picks.map(({ combo }) => {
    const drawn = combo.measures.map((m) => drawNumbers(rng, m, combo.notation.pct));
    const sentence = combo.notation.render(combo.alias, combo.words, drawn);
    // The label ingest will write (the words before the measure, e.g. "model for abnormal T1"), which the 2×2 check matches on.
    const read = extractEstimates(sentence);
    combo.measures.forEach((m, k) => {
      estimates.push(intended(combo.outcome, m, drawn[k]!, combo.notation.hasCi));
      labels.push(read[k]?.label ?? combo.alias);
      const r = read[k];
      counted.push(r && r.events !== null && r.total !== null ? { events: r.events, total: r.total } : null);
    });
    return sentence;
  });
  const aim = `This study aimed to ${rng.pick(W.AIM_VERBS)} ${rng.pick(W.MODEL_ADJECTIVES)} ${model} for ${vars.finding} on ${modality} in ${rng.pick(W.POPULATIONS)}.`;
  const n = rng.int(40, 6000);
  const y1 = year - rng.int(2, 8);
  const sample = `In this ${rng.pick(W.DESIGNS)} study, ${n.toLocaleString('en-US')} patients who underwent ${modality} between ${y1} and ${year - 1} were included.`;
  const sections: Draft['sections'] = [
    { label: 'Background', sentences: [fill(rng.pick(W.BACKGROUND), vars)], bank: W.BACKGROUND },
    { label: rng.pick(['Purpose', 'Objective', 'Aim']), sentences: [aim], bank: [] },
    { label: rng.pick(['Methods', 'Materials and Methods']), sentences: [sample], bank: W.METHODS },
    { label: 'Results', sentences: results, bank: W.RESULTS },
    { label: rng.pick(['Conclusions', 'Conclusion']), sentences: [fill(rng.pick(W.CONCLUSIONS), vars)], bank: W.CONCLUSIONS },
  ];
  if (rng.chance(0.04)) sections.pop(); // an abstract cut off by the listing
  const length = () => sections.reduce((sum, s) => sum + s.label.length + 3 + s.sentences.join(' ').length, 0);
  const target = rng.int(1500, 2500);
  const fillable = sections.filter((s) => s.bank.length > 0);
  for (let k = 0; length() < target && k < 60; k++) {
    const s = fillable[k % fillable.length]!;
    const sentence = fill(rng.pick(s.bank), vars);
    if (s.sentences.includes(sentence)) continue;
    const at = s.label === 'Results' ? rng.int(0, s.sentences.length) : s.sentences.length;
    s.sentences.splice(at, 0, sentence);
  }
  return { journal, year, sections, estimates, labels, counted };
}

/** Redraws of one record before giving up (a redraw is needed for well under 1% of records). */
const MAX_DRAFTS = 50;

/** Whether ingest may propose a 2×2 table of its own: only from a sensitivity and a specificity that print n/N (no filler sentence names a cell). */
function mayProposeTable(draft: Draft): boolean {
  return (['sensitivity', 'specificity'] as const).every((m) => draft.estimates.some((e, i) => e.measure === m && draft.counted[i]));
}

/**
 * One record: its listing lines and what ingest should read from it. An abstract from which ingest
 * would propose a 2×2 table the check refuses (n/N beside a sensitivity and a specificity, while
 * the same label reports another sensitivity or specificity), or whose estimates it would then
 * read otherwise than intended, is drawn again.
 */
function generateRecord(rng: Rng, global: number, seed: number, outcomes: readonly Outcome[], byOutcome: Map<string, Combo[]>, tableShare: number) {
  for (let attempt = 0; attempt < MAX_DRAFTS; attempt++) {
    const draft = draftRecord(rng, outcomes, byOutcome);
    const resultsSection = draft.sections.find((s) => s.label === 'Results')!;
    const text = resultsSection.sentences.join(' ');
    let read: SectionRead | null = null;
    const readResults = (): SectionRead => (read ??= readSection(text, outcomes)); // only when needed: reading a section costs about as much as drawing it
    const proposed = mayProposeTable(draft) ? readResults().tables : [];
    if (proposed.length > 0 && (readBackProblems(readResults().estimates, draft.estimates).length > 0 || tableProblems(proposed, readResults().estimates, text, outcomes).length > 0)) continue;
    // Drawn from a stream of its own, so the rest of the corpus is the same with or without tables; none where ingest proposes its own (the page keeps those).
    const tables = proposed.length > 0 ? [] : drawTables(createRng((Math.imul(seed, 0x9e3779b1) + global) >>> 0), tableShare, draft, byOutcome, () => readResults().estimates, outcomes);
    for (const t of tables) resultsSection.sentences.push(tableSentence(t));
    return { ...finishRecord(rng, global, seed, draft), estimates: draft.estimates, tables, ingestTables: proposed.length };
  }
  throw new Error(`synthetic record ${global}: no abstract in ${MAX_DRAFTS} draws whose 2×2 tables the check accepts`);
}

/** The record's listing lines around its abstract: date, affiliation, DOI and links. */
function finishRecord(rng: Rng, global: number, seed: number, draft: Draft) {
  const { journal, year } = draft;
  const body = draft.sections.map((s) => `${s.label}: ${s.sentences.join(' ')}`);
  const doi = rng.chance(0.75) ? `10.5555/synth.${seed}.${global}` : null;
  const links = [...(rng.chance(0.3) ? [`http://www.ncbi.nlm.nih.gov/pmc/articles/PMC${90_000_000 + global} | PMC |`] : []), ...(doi ? [`http://dx.doi.org/${doi} | DOI Listing |`] : [])];
  const lines = [journal, dateLine(rng, year)];
  if (rng.chance(0.9)) lines.push(`Department of ${rng.pick(W.DEPARTMENTS)}, ${rng.pick(W.UNIVERSITIES)} University, ${rng.pick(W.PLACES)}.`);
  lines.push(...body);
  if (links.length) lines.push('Download full-text PDF |', 'Source |', '---|---|', ...links);
  return { lines, journal, year, doi, characters: body.join('\n').length };
}

/** Generate the corpus: `studies` records in files of `recordsPerFile`, same output for the same options. */
export function generateCorpus(options: CorpusOptions): SyntheticCorpus {
  const seed = options.seed ?? 1;
  const perFile = options.recordsPerFile ?? 1000;
  const combos = options.combos ?? workingCombos(options.outcomes);
  const byOutcome = new Map<string, Combo[]>();
  for (const c of combos) byOutcome.set(c.outcome, [...(byOutcome.get(c.outcome) ?? []), c]);
  if (![...byOutcome.values()].some((cs) => cs.some((c) => c.notation.statesLevel))) {
    throw new Error('no declared outcome has an alias the extractor reads back: check the aliases in content/review.yaml');
  }
  const rng = createRng(seed);
  const files: SyntheticCorpus['files'] = [];
  const records: SyntheticRecord[] = [];
  for (let f = 0; f * perFile < options.studies; f++) {
    const name = sourceFileName(f);
    const out: string[] = ['98%', String(rng.int(100, 999)), `${rng.int(1, 9)} minutes`, String(Math.min(perFile, options.studies - f * perFile))];
    for (let r = 0; r < perFile && f * perFile + r < options.studies; r++) {
      const global = f * perFile + r + 1;
      const rec = generateRecord(rng, global, seed, options.outcomes, byOutcome, options.tableShare ?? TABLE_SHARE);
      // The separator ends a record; listings sometimes glue it to the next journal name.
      if (r > 0 && rng.chance(0.3)) out.push(`${SEPARATOR}${rec.lines[0]}`, ...rec.lines.slice(1));
      else {
        if (r > 0) out.push(SEPARATOR);
        out.push(...rec.lines);
      }
      records.push({ file: name, record: r + 1, journal: rec.journal, year: rec.year, doi: rec.doi, characters: rec.characters, estimates: rec.estimates, tables: rec.tables, ingestTables: rec.ingestTables });
    }
    out.push(SEPARATOR);
    files.push({ name, text: `${out.join('\n')}\n` });
  }
  return { files, records };
}
