/**
 * The benchmark's synthetic corpus: listing-format source files (the format of
 * content/sources/000_*.txt, parsed by src/lib/ingest/listing.ts) holding realistic abstracts
 * (labelled sections, 1,500–2,500 characters, 3–8 estimates in varied notations on the
 * protocol's outcomes), several journals and years. Deterministic for a seed. For benchmarks
 * only: the bench writes it into a temporary project, never into content/.
 */
import type { Outcome } from '../schema/index.ts';
import { createRng, type Rng } from './prng.ts';
import { drawNumbers, intended, type IntendedEstimate } from './notations.ts';
import { workingCombos, type Combo } from './probe.ts';
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

function dateLine(rng: Rng, year: number): string {
  const month = rng.pick(W.MONTHS);
  const r = rng.next();
  if (r < 0.7) return `${month} ${year}`;
  if (r < 0.85) return String(year);
  return `${rng.int(1, 28)} ${month.slice(0, 3)} ${year}`;
}

/** One record: its listing lines and what ingest should read from it. */
function generateRecord(rng: Rng, global: number, seed: number, outcomes: readonly Outcome[], byOutcome: Map<string, Combo[]>) {
  const year = rng.int(2015, 2025);
  const journal = rng.pick(W.JOURNALS);
  const picks = pickEstimates(rng, byOutcome);
  const primary = outcomes.find((o) => o.id === picks[0]!.combo.outcome)!;
  const model = rng.pick(W.MODELS);
  const modality = rng.pick(W.MODALITIES);
  const vars = { finding: primary.label.charAt(0).toLowerCase() + primary.label.slice(1), modality, model, reference: rng.pick(W.REFERENCES), domain: modality };
  const estimates: IntendedEstimate[] = [];
  const results: string[] = picks.map(({ combo }) => {
    const drawn = combo.measures.map((m) => drawNumbers(rng, m, combo.notation.pct));
    combo.measures.forEach((m, k) => estimates.push(intended(combo.outcome, m, drawn[k]!, combo.notation.hasCi)));
    return combo.notation.render(combo.alias, combo.words, drawn);
  });
  const aim = `This study aimed to ${rng.pick(W.AIM_VERBS)} ${rng.pick(W.MODEL_ADJECTIVES)} ${model} for ${vars.finding} on ${modality} in ${rng.pick(W.POPULATIONS)}.`;
  const n = rng.int(40, 6000);
  const y1 = year - rng.int(2, 8);
  const sample = `In this ${rng.pick(W.DESIGNS)} study, ${n.toLocaleString('en-US')} patients who underwent ${modality} between ${y1} and ${year - 1} were included.`;
  const sections: { label: string; sentences: string[]; bank: string[] }[] = [
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
  const body = sections.map((s) => `${s.label}: ${s.sentences.join(' ')}`);
  const doi = rng.chance(0.75) ? `10.5555/synth.${seed}.${global}` : null;
  const links = [...(rng.chance(0.3) ? [`http://www.ncbi.nlm.nih.gov/pmc/articles/PMC${90_000_000 + global} | PMC |`] : []), ...(doi ? [`http://dx.doi.org/${doi} | DOI Listing |`] : [])];
  const lines = [journal, dateLine(rng, year)];
  if (rng.chance(0.9)) lines.push(`Department of ${rng.pick(W.DEPARTMENTS)}, ${rng.pick(W.UNIVERSITIES)} University, ${rng.pick(W.PLACES)}.`);
  lines.push(...body);
  if (links.length) lines.push('Download full-text PDF |', 'Source |', '---|---|', ...links);
  return { lines, journal, year, doi, characters: body.join('\n').length, estimates };
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
      const rec = generateRecord(rng, global, seed, options.outcomes, byOutcome);
      // The separator ends a record; listings sometimes glue it to the next journal name.
      if (r > 0 && rng.chance(0.3)) out.push(`${SEPARATOR}${rec.lines[0]}`, ...rec.lines.slice(1));
      else {
        if (r > 0) out.push(SEPARATOR);
        out.push(...rec.lines);
      }
      records.push({ file: name, record: r + 1, journal: rec.journal, year: rec.year, doi: rec.doi, characters: rec.characters, estimates: rec.estimates });
    }
    out.push(SEPARATOR);
    files.push({ name, text: `${out.join('\n')}\n` });
  }
  return { files, records };
}
