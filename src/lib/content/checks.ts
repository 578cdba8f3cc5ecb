/**
 * Cross-checks of all content beyond the schema: duplicates, quotes that are not in the
 * abstract, intervals that do not contain their value, undeclared outcomes and exclusion
 * reasons, and curation left to do. Each problem names file, line, field and the fix.
 */
import type { Estimate, Review } from '../schema/index.ts';
import { normaliseText } from '../ingest/identity.ts';
import type { ContentProblem, ValidatedStudy } from './validate.ts';
import { checkTwoByTwo } from './two-by-two-checks.ts';
import { checkRiskOfBias } from './risk-of-bias-checks.ts';
import { checkCharacteristics } from './characteristics-checks.ts';

/** The set of word bigrams of a title's normalised text (a one-word title is its word). */
function bigrams(title: string): Set<string> {
  const w = normaliseText(title).split(' ').filter(Boolean);
  if (w.length <= 1) return new Set(w);
  return new Set(w.slice(1).map((x, i) => `${w[i]} ${x}`));
}

/** Dice similarity of two bigram sets. */
function dice(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size + y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** Similarity of two titles in [0, 1] (Dice coefficient over the sets of word bigrams of the normalised text). */
export function titleSimilarity(a: string, b: string): number {
  return dice(bigrams(a), bigrams(b));
}

/** Titles at least this similar are reported as possible duplicates. */
export const NEAR_DUPLICATE_TITLE = 0.9;

/**
 * Pairs of titles with similarity ≥ threshold, without comparing every pair: prefix filtering
 * (two sets with Dice ≥ t share at least ⌈t/(2−t)·|x|⌉ elements, so they share one of the
 * |x| − that + 1 rarest bigrams of x). Near-linear for real titles; 10,000 titles take well
 * under a second where all pairs took minutes.
 */
export function similarTitlePairs(titles: readonly string[], threshold = NEAR_DUPLICATE_TITLE): [number, number, number][] {
  const sets = titles.map(bigrams);
  const df = new Map<string, number>();
  for (const s of sets) for (const g of s) df.set(g, (df.get(g) ?? 0) + 1);
  const index = new Map<string, number[]>();
  const pairs: [number, number, number][] = [];
  sets.forEach((x, i) => {
    const sorted = [...x].sort((a, b) => df.get(a)! - df.get(b)! || a.localeCompare(b));
    const prefix = sorted.slice(0, sorted.length - Math.ceil((threshold / (2 - threshold)) * sorted.length) + 1);
    const candidates = new Set<number>();
    for (const g of prefix) for (const j of index.get(g) ?? []) candidates.add(j);
    for (const j of [...candidates].sort((a, b) => a - b)) {
      const sim = dice(sets[j]!, x);
      if (sim >= threshold) pairs.push([j, i, sim]);
    }
    for (const g of prefix) index.set(g, [...(index.get(g) ?? []), i]);
  });
  return pairs;
}

/** Problem makers for one page: an error or a warning at a field path. */
interface Report {
  error: (p: ValidatedStudy, path: (string | number)[], message: string) => ContentProblem;
  warning: (p: ValidatedStudy, path: (string | number)[], message: string) => ContentProblem;
}

const report: Report = {
  error: (p, path, message) => ({ file: p.file, line: p.lineOf(path), field: path.join('.'), message, severity: 'error' }),
  warning: (p, path, message) => ({ ...report.error(p, path, message), severity: 'warning' }),
};

/** Run every check on the validated pages; schema problems are included first. */
export function checkContent(pages: readonly ValidatedStudy[], review: Review): ContentProblem[] {
  const problems: ContentProblem[] = pages.flatMap((p) => p.problems);
  const outcomes = new Map(review.outcomes.map((o) => [o.id, o]));
  const reasons = new Set(review.exclusion_reasons.map((r) => r.id));
  const { error, warning } = report;
  const valid = pages.filter((p) => p.study !== null);
  for (const p of valid) {
    const s = p.study!;
    const abstract = p.sections.map((x) => x.text).join('\n');
    problems.push(...estimateProblems(p, abstract, outcomes));
    for (const t of checkTwoByTwo(s, abstract, new Set(outcomes.keys()))) problems.push(error(p, t.path, t.message));
    for (const r of checkRiskOfBias(s, abstract)) problems.push((r.severity === 'error' ? error : warning)(p, r.path, r.message));
    for (const c of checkCharacteristics(s.characteristics, review.characteristics)) problems.push(error(p, c.path, c.message));
    problems.push(...screeningProblems(p, reasons));
  }
  problems.push(...duplicateProblems(valid));
  return problems.sort((x, y) => x.file.localeCompare(y.file) || x.line - y.line);
}

/** Each estimate: its quote in the abstract, its outcome and measure declared, and the needs-review flags. */
function estimateProblems(p: ValidatedStudy, abstract: string, outcomes: ReadonlyMap<string, Review['outcomes'][number]>): ContentProblem[] {
  const { error, warning } = report;
  const problems: ContentProblem[] = [];
  p.study!.estimates.forEach((e, i) => {
    if (!abstract.includes(e.quote)) {
      problems.push(error(p, ['estimates', i, 'quote'], 'quote is not in the abstract: copy the exact words from the abstract (or fix the abstract if it was mistyped)'));
    }
    if (!outcomes.has(e.outcome)) {
      // An estimate ingest already flagged for review stays a warning, so a fresh import still builds.
      const make = e.needs_review ? warning : error;
      problems.push(make(p, ['estimates', i, 'outcome'], `outcome "${e.outcome}" is not declared in content/review.yaml: use one of ${[...outcomes.keys()].join(', ')} or declare it there`));
    } else if (!outcomes.get(e.outcome)!.measures.includes(e.measure)) {
      problems.push(error(p, ['estimates', i, 'measure'], `measure ${e.measure} is not declared for outcome ${e.outcome} in content/review.yaml: add it to that outcome's measures or correct the measure`));
    }
    if (e.ci_low !== null && e.ci_high !== null && e.needs_review && (e.ci_low > e.ci_high || e.value < e.ci_low || e.value > e.ci_high)) {
      problems.push(warning(p, ['estimates', i, 'value'], `interval [${e.ci_low}, ${e.ci_high}] does not contain ${e.value} (flagged needs_review: ${e.review_reason}): correct the numbers from the full text, then set needs_review: false`));
    } else if (e.needs_review && outcomes.has(e.outcome)) {
      problems.push(warning(p, ['estimates', i, 'needs_review'], `needs review: ${e.review_reason} (check against the quote and the full text, then set needs_review: false and review_reason: null)`));
    }
  });
  return problems;
}

/** The page's screening state: a declared exclusion reason, a pending decision, a derived title, a missing abstract. */
function screeningProblems(p: ValidatedStudy, reasons: ReadonlySet<string>): ContentProblem[] {
  const { error, warning } = report;
  const s = p.study!;
  const problems: ContentProblem[] = [];
  if (s.status === 'excluded' && s.exclusion_reason && !reasons.has(s.exclusion_reason)) {
    problems.push(error(p, ['exclusion_reason'], `"${s.exclusion_reason}" is not an exclusion reason in content/review.yaml: use one of ${[...reasons].join(', ')} or declare it there`));
  }
  if (s.status === 'pending') problems.push(warning(p, ['status'], 'screening decision pending: set included, or excluded with an exclusion_reason, once the record is screened'));
  if (s.title_source === 'derived') problems.push(warning(p, ['title'], 'working title derived from the abstract: replace it with the published title and set title_source: curated'));
  if (p.sections.length === 0) {
    // Point at where the abstract goes: the empty <Abstract> block, else the abstract_complete field.
    const where = p.abstractLine !== null ? { line: p.abstractLine, field: '<Abstract>' } : { line: p.lineOf(['abstract_complete']), field: 'abstract_complete' };
    const fix =
      p.abstractLine !== null
        ? 'paste the abstract from the paper between <Abstract> and </Abstract>'
        : 'add an <Abstract> block after the frontmatter (a line <Abstract>, the abstract, a line </Abstract>)';
    problems.push({
      file: p.file,
      line: where.line,
      field: where.field,
      severity: 'warning',
      message: `the page has no abstract, so estimates cannot be checked against it: ${fix}, and set abstract_complete: true when it is complete`,
    });
  }
  return problems;
}

/** Duplicates: the same identifier on two pages, or near-identical titles. */
function duplicateProblems(valid: readonly ValidatedStudy[]): ContentProblem[] {
  const { error, warning } = report;
  const problems: ContentProblem[] = [];
  const seen = new Map<string, ValidatedStudy>();
  for (const p of valid) {
    const s = p.study!;
    const ids: [string, (string | number)[]][] = [[s.key, ['key']]];
    if (s.doi) ids.push([`doi:${s.doi.toLowerCase()}`, ['doi']]);
    if (s.pmid) ids.push([`pmid:${s.pmid}`, ['pmid']]);
    if (s.pmcid) ids.push([`pmcid:${s.pmcid.toUpperCase()}`, ['pmcid']]);
    for (const [id, path] of new Map(ids)) {
      const other = seen.get(id);
      if (other && other !== p) problems.push(error(p, path, `duplicate of ${other.file} (both are ${id}): merge the two pages into one and delete the other`));
      else seen.set(id, p);
    }
  }
  for (const [i, j, sim] of similarTitlePairs(valid.map((p) => p.study!.title))) {
    const [a, b] = [valid[i]!, valid[j]!];
    problems.push(warning(b, ['title'], `title is ${Math.round(sim * 100)}% similar to ${a.file}: if they are the same study, merge the pages; if not, make the titles distinguishable`));
  }
  return problems;
}

/** An estimate whose outcome matches no outcome of content/review.yaml, kept for a curator to map. */
export interface UnmappedEstimate extends Pick<Estimate, 'outcome' | 'label' | 'measure' | 'value' | 'quote'> {
  file: string;
  line: number;
}

/** Every estimate whose outcome is not declared in the review (ingest keeps them with needs_review and the abstract's phrase). */
export function unmappedEstimates(pages: readonly ValidatedStudy[], review: Review): UnmappedEstimate[] {
  const declared = new Set(review.outcomes.map((o) => o.id));
  const out: UnmappedEstimate[] = [];
  for (const p of pages) {
    p.study?.estimates.forEach((e, i) => {
      if (declared.has(e.outcome)) return;
      out.push({ file: p.file, line: p.lineOf(['estimates', i, 'outcome']), outcome: e.outcome, label: e.label, measure: e.measure, value: e.value, quote: e.quote });
    });
  }
  return out;
}

/** One line per unmapped estimate: where, the phrase, and the quote. */
export function formatUnmapped(list: readonly UnmappedEstimate[]): string {
  if (list.length === 0) return '';
  const lines = list.map((u) => `  ${u.file}:${u.line}: "${u.label}" (${u.measure} ${u.value}) — quote: "${u.quote}"`);
  return `Estimates whose outcome is not in content/review.yaml (${list.length}; map each to a declared outcome or declare its phrase):\n${lines.join('\n')}`;
}

