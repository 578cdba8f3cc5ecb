import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '../../../../../scripts/bench/lib/synthetic/corpus.ts';
import { workingCombos } from '../../../../../scripts/bench/lib/synthetic/probe.ts';
import { NOTATIONS } from '../../../../../scripts/bench/lib/synthetic/notations.ts';
import { createRng } from '../../../../../src/lib/prng.ts';
import { TABLE_SHARE, tableSentence } from '../../../../../scripts/bench/lib/synthetic/two-by-two.ts';
import { agreesWithinRounding } from '../../../../../src/lib/schema/two-by-two.ts';
import { parseListing } from '../../../../../src/lib/ingest/listing.ts';
import { planIngest } from '../../../../../src/lib/ingest/plan.ts';
import { validateReviewSource } from '../../../../../src/lib/content/validate.ts';
import { parse } from 'yaml';
import { ROOT } from '../../../../helpers.ts';

const review = validateReviewSource(readFileSync(join(ROOT, 'content', 'review.yaml'), 'utf8'), 'content/review.yaml').review!;
const combos = workingCombos(review.outcomes);

describe('the seeded generator', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const seq = (r: typeof a) => Array.from({ length: 5 }, () => r.next());
    const first = seq(a);
    expect(seq(b)).toEqual(first);
    expect(seq(c)).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('the synthetic corpus', () => {
  const corpus = generateCorpus({ studies: 60, outcomes: review.outcomes, seed: 3, recordsPerFile: 25, combos });

  it('is the same text for the same options and differs for another seed', () => {
    const again = generateCorpus({ studies: 60, outcomes: review.outcomes, seed: 3, recordsPerFile: 25, combos });
    expect(again.files).toEqual(corpus.files);
    expect(generateCorpus({ studies: 60, outcomes: review.outcomes, seed: 4, recordsPerFile: 25, combos }).files[0]!.text).not.toBe(corpus.files[0]!.text);
  });

  it('writes listing files that parse back into every record without problems', () => {
    expect(corpus.files.map((f) => f.name)).toEqual(['synthetic-0001.txt', 'synthetic-0002.txt', 'synthetic-0003.txt']);
    const parsed = corpus.files.map((f) => parseListing(f.text, f.name));
    expect(parsed.flatMap((p) => p.problems)).toEqual([]);
    expect(parsed.reduce((n, p) => n + p.records.length, 0)).toBe(60);
  });

  it('has realistic abstracts: 1,500 to about 2,500 characters, labelled sections, 3 to 8 estimates, several journals and years', () => {
    for (const r of corpus.records) {
      expect(r.characters).toBeGreaterThanOrEqual(1400);
      expect(r.characters).toBeLessThanOrEqual(2700);
      expect(r.estimates.length).toBeGreaterThanOrEqual(3);
      expect(r.estimates.length).toBeLessThanOrEqual(8);
    }
    expect(new Set(corpus.records.map((r) => r.journal)).size).toBeGreaterThan(5);
    expect(new Set(corpus.records.map((r) => r.year)).size).toBeGreaterThan(4);
    expect(corpus.files[0]!.text).toMatch(/^Results: /m);
  });

  it('reports every declared outcome in at least two studies, so the site pools', () => {
    for (const o of review.outcomes) {
      const studies = corpus.records.filter((r) => r.estimates.some((e) => e.outcome === o.id));
      expect(studies.length, o.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('uses every notation of the catalogue somewhere in a larger corpus', () => {
    const big = generateCorpus({ studies: 300, outcomes: review.outcomes, seed: 5, combos });
    for (const n of NOTATIONS) expect(combos.some((c) => c.notation.id === n.id), n.id).toBe(true);
    expect(big.files[0]!.text).toMatch(/\[95%CI /);
    expect(big.files[0]!.text).toMatch(/95% CI [\d.]+ to [\d.]+/);
    expect(big.files[0]!.text).toMatch(/κ = /);
  });

  it('is read back by the ingest with exactly the intended estimates, outcomes and values', async () => {
    const small = generateCorpus({ studies: 30, outcomes: review.outcomes, seed: 11, combos });
    const plan = await planIngest(small.files.map((f) => ({ file: `content/sources/${f.name}`, text: f.text })), [], review);
    expect(plan.problems).toEqual([]);
    expect(plan.create).toHaveLength(30);
    plan.create.forEach((page, i) => {
      const front = parse(page.content.split('\n---\n')[0]!.slice(4)) as { estimates: { outcome: string; measure: string; value: number; ci_low: number | null; ci_high: number | null; needs_review: boolean }[] };
      const want = small.records[i]!.estimates;
      expect(front.estimates.map((e) => [e.outcome, e.measure, e.value, e.ci_low, e.ci_high, e.needs_review])).toEqual(want.map((e) => [e.outcome, e.measure, e.value, e.ci_low, e.ci_high, false]));
    });
  });

  it('reports a 2×2 table in about a third of the abstracts, agreeing with the sensitivity and specificity ingest reads for the same label', async () => {
    const big = generateCorpus({ studies: 200, outcomes: review.outcomes, seed: 13, combos });
    const tabled = big.records.filter((r) => r.tables.length > 0);
    expect(tabled.length / big.records.length).toBeGreaterThan(TABLE_SHARE - 0.12);
    expect(tabled.length / big.records.length).toBeLessThan(TABLE_SHARE + 0.12);
    const plan = await planIngest(big.files.map((f) => ({ file: `content/sources/${f.name}`, text: f.text })), [], review);
    expect(plan.problems).toEqual([]);
    let compared = 0;
    plan.create.forEach((page, i) => {
      const record = big.records[i]!;
      const [front, body] = [parse(page.content.split('\n---\n')[0]!.slice(4)) as { estimates: { outcome: string; label: string; measure: string; value: number; unit: string }[] }, page.content.split('\n---\n').slice(1).join('\n---\n')];
      // The table sentence adds no estimate: ingest still reads exactly the intended ones.
      expect(front.estimates.map((e) => [e.outcome, e.measure, e.value])).toEqual(record.estimates.map((e) => [e.outcome, e.measure, e.value]));
      for (const t of record.tables) {
        expect(body).toContain(tableSentence(t));
        expect(Math.min(t.tp, t.fp, t.fn, t.tn)).toBeGreaterThanOrEqual(0);
        for (const e of front.estimates.filter((x) => x.outcome === t.outcome && x.label === t.label)) {
          if (e.measure === 'sensitivity') expect(agreesWithinRounding(t.tp / (t.tp + t.fn), e.value, e.unit), `${record.file}#${record.record}`).toBe(true);
          if (e.measure === 'specificity') expect(agreesWithinRounding(t.tn / (t.tn + t.fp), e.value, e.unit), `${record.file}#${record.record}`).toBe(true);
          if (e.measure === 'sensitivity' || e.measure === 'specificity') compared++;
        }
      }
    });
    expect(compared).toBeGreaterThan(tabled.length / 2);
  });

  it('leaves the rest of the corpus as it was: the tables are drawn from a stream of their own', () => {
    const a = generateCorpus({ studies: 40, outcomes: review.outcomes, seed: 3, combos });
    const none = generateCorpus({ studies: 40, outcomes: review.outcomes, seed: 3, combos, tableShare: 0 });
    expect(none.records.every((r) => r.tables.length === 0)).toBe(true);
    expect(a.records.some((r) => r.tables.length > 0)).toBe(true);
    const strip = (text: string) => text.replace(/ Against the reference standard, the readings for [^.]*\./g, '');
    expect(a.files.map((f) => strip(f.text))).toEqual(none.files.map((f) => f.text));
    expect(a.records.map((r) => r.estimates)).toEqual(none.records.map((r) => r.estimates));
  });
});

describe('the notation catalogue and the real-notation corpus', async () => {
  const { FAMILIES, familiesOf } = await import('../../../../../src/lib/eval/extraction/families.ts');
  const { readCorpus } = await import('../../../../../scripts/lib/extraction-corpus-fs.ts');
  const { extractEstimates } = await import('../../../../../src/lib/ingest/extract.ts');
  const corpus = await readCorpus();

  it('names only families the evaluation knows, and the classifier finds them in each rendered sentence', () => {
    const ids = new Set(FAMILIES.map((f) => f.id));
    for (const n of NOTATIONS) {
      const combo = combos.find((c) => c.notation.id === n.id)!;
      const drawn = combo.measures.map((m) => ({ value: m === 'kappa' ? 0.712 : 0.853, low: 0.807, high: 0.894, pct: n.pct }));
      const d = drawn.map((x) => (n.pct ? { ...x, value: 85.3, low: 80.7, high: 89.4 } : x));
      const text = n.render(combo.alias, combo.words, d);
      const estimates = extractEstimates(text).map((e) => ({ measure: e.measure, value: e.value, ci_low: e.ci_low, ci_high: e.ci_high, ci_level: e.ci_level, unit: e.unit, target: combo.words[0] ?? null, n: e.events, N: e.total }));
      const found = new Set(estimates.flatMap((e) => familiesOf({ text, estimates }, e)));
      for (const f of n.families) {
        expect(ids.has(f), `${n.id}: ${f}`).toBe(true);
        expect(found.has(f), `${n.id} writes ${f}: ${text}`).toBe(true);
      }
    }
  });

  it('writes every family that is at least 2% of the real corpus’s labelled estimates (besides series of many values)', () => {
    const counts = new Map<string, number>();
    let total = 0;
    for (const r of corpus.records) for (const s of r.spans) for (const e of s.estimates) {
      total++;
      for (const f of familiesOf(s, e)) counts.set(f, (counts.get(f) ?? 0) + 1);
    }
    const written = new Set(NOTATIONS.flatMap((n) => n.families));
    const common = [...counts].filter(([f, n]) => n / total >= 0.02 && !['versus', 'negative', 'unicode-minus', 'percent-scale-no-sign'].includes(f)).map(([f]) => f);
    expect(common.filter((f) => !written.has(f))).toEqual([]);
  });
});
