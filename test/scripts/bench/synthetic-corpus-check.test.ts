import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus, type SyntheticCorpus } from '../../../scripts/bench/lib/synthetic/corpus.ts';
import { markSynthetic } from '../../../scripts/bench/lib/synthetic/mark.ts';
import { pageEstimateCount } from '../../../scripts/bench/lib/synthetic/page-estimates.ts';
import { TABLE_SHARE } from '../../../scripts/bench/lib/synthetic/two-by-two.ts';
import { planIngest } from '../../../src/lib/ingest/plan.ts';
import { validateReviewSource, validateStudySource, type ValidatedStudy } from '../../../src/lib/content/validate.ts';
import { checkPage } from '../../../src/lib/content/checks.ts';
import { checkTwoByTwo } from '../../../src/lib/content/two-by-two-checks.ts';
import { ROOT } from '../../helpers.ts';

const review = validateReviewSource(readFileSync(join(ROOT, 'content', 'review.yaml'), 'utf8'), 'content/review.yaml').review!;
const STUDIES = 1000;

// What `npm run bench` makes of the corpus, in memory: the real ingest's plan (listing parser,
// extractor, its own 2×2 proposals), the bench's marking (synthetic, status, the generator's
// tables), then the schema and the per-page checks `npm run check` runs, 2×2 consistency included.
describe(`the benchmark corpus at ${STUDIES.toLocaleString('en-US')} studies with the default seed`, () => {
  let corpus: SyntheticCorpus;
  let pages: { marked: string; page: ValidatedStudy }[];
  beforeAll(async () => {
    corpus = generateCorpus({ studies: STUDIES, outcomes: review.outcomes });
    const plan = await planIngest(corpus.files.map((f) => ({ file: `content/sources/${f.name}`, text: f.text })), [], review);
    expect(plan.problems).toEqual([]);
    expect(plan.failures).toEqual([]);
    const tables = new Map(corpus.records.map((r) => [`content/sources/${r.file}#${r.record}`, r.tables]));
    pages = plan.create.map((p) => {
      const marked = markSynthetic(p.content, p.slug, review.exclusion_reasons[0]!.id, tables.get(`${p.from.file}#${p.from.record}`) ?? []);
      return { marked, page: validateStudySource(marked, `content/studies/${p.slug}.mdx`, p.slug) };
    });
  });

  it('is ingested into one valid page per record, with as many estimates as the generator wrote', () => {
    expect(pages).toHaveLength(STUDIES);
    expect(pages.flatMap(({ page }) => page.problems)).toEqual([]);
    const written = corpus.records.reduce((n, r) => n + r.estimates.length, 0);
    expect(pages.reduce((n, { page }) => n + page.study!.estimates.length, 0)).toBe(written);
    // The bench's count from the page text agrees, two_by_two entries ("- outcome:" too) not counted.
    expect(pages.reduce((n, { marked }) => n + pageEstimateCount(marked), 0)).toBe(written);
  });

  it('has 3 to 8 estimates per abstract and a 2×2 table in about a third of them, some proposed by ingest itself from n/N', () => {
    for (const r of corpus.records) expect(r.estimates.length).toBeGreaterThanOrEqual(3);
    for (const r of corpus.records) expect(r.estimates.length).toBeLessThanOrEqual(8);
    const withTables = pages.filter(({ page }) => page.study!.two_by_two.length > 0);
    expect(withTables.length).toBe(corpus.records.filter((r) => r.tables.length > 0 || r.ingestTables > 0).length);
    expect(withTables.length / STUDIES).toBeGreaterThan(TABLE_SHARE - 0.05);
    expect(withTables.length / STUDIES).toBeLessThan(TABLE_SHARE + 0.05);
    expect(corpus.records.some((r) => r.ingestTables > 0)).toBe(true);
  });

  it('passes the per-page checks of npm run check: every 2×2 table agrees with its sensitivity and specificity', () => {
    const errors = pages.flatMap(({ page }) => checkPage(page, review)).filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.file}: ${p.field}: ${p.message}`)).toEqual([]);
    const outcomes = new Set(review.outcomes.map((o) => o.id));
    const compared = pages.filter(({ page }) => page.study!.two_by_two.some((t) => page.study!.estimates.some((e) => e.label === t.label && e.outcome === t.outcome && (e.measure === 'sensitivity' || e.measure === 'specificity'))));
    expect(compared.length).toBeGreaterThan(STUDIES / 10);
    // The check really looks: the same page with its first table's true positives off by 40 is refused.
    const { page } = compared.find(({ page }) => page.study!.estimates.some((e) => e.measure === 'sensitivity' && e.label === page.study!.two_by_two[0]!.label && e.outcome === page.study!.two_by_two[0]!.outcome))!;
    const s = page.study!;
    const [first, ...rest] = s.two_by_two;
    const off = { ...s, two_by_two: [{ ...first!, tp: { ...first!.tp, n: first!.tp.n + 40 } }, ...rest] };
    const abstract = page.sections.map((x) => x.text).join('\n');
    expect(checkTwoByTwo(s, abstract, outcomes)).toEqual([]);
    expect(checkTwoByTwo(off, abstract, outcomes).map((p) => p.path.join('.'))).toContain('two_by_two.0.tp');
  });
});
