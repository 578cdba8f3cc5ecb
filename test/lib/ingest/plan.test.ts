/**
 * Tests of the ingest planner on the importer fixtures (test/fixtures/sources/importer), written
 * in the shapes of JabRef's and rispy's test files and of Zotero, Scopus and PubMed exports.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planIngest, type ExistingPage, type SourceFile } from '../../../src/lib/ingest/plan.ts';
import { validateReviewSource, validateStudySource } from '../../../src/lib/content/validate.ts';
import type { Outcome, Review } from '../../../src/lib/schema/index.ts';
import { PUBLISHED_FROM_SOURCE } from '../../../src/lib/ingest/study.ts';
import { fixture, ROOT } from '../../helpers.ts';

const review = validateReviewSource(readFileSync(join(ROOT, 'content', 'review.yaml'), 'utf8'), 'content/review.yaml').review!;
const DIR = 'test/fixtures/sources/importer';
const source = (name: string): SourceFile => ({ file: `${DIR}/${name}`, text: fixture(`sources/importer/${name}`) });
const frontmatter = (content: string, field: string): string | undefined => new RegExp(`^${field}: (.*)$`, 'm').exec(content)?.[1];

/** The pages a plan creates, as the next run sees them on disk. */
function asExisting(plan: Awaited<ReturnType<typeof planIngest>>): ExistingPage[] {
  return plan.create.map((p) => ({ slug: p.slug, keys: [p.key] }));
}

describe('planIngest: records without DOI, PMID, title or abstract', () => {
  it('gives each its own page and key (JabRef-style file: none merged into another)', async () => {
    const plan = await planIngest([source('no-identity.ris')], [], review);
    expect(plan.recordsFound).toBe(6);
    expect(plan.create).toHaveLength(6);
    expect(plan.duplicates).toEqual([]);
    expect(new Set(plan.create.map((p) => p.key)).size).toBe(6);
    expect(plan.create.map((p) => p.slug)).toEqual([
      expect.stringMatching(/^undated-record-[0-9a-f]{8}$/),
      expect.stringMatching(/^undated-record-[0-9a-f]{8}$/),
      expect.stringMatching(/^undated-record-[0-9a-f]{8}$/),
      expect.stringMatching(/^2003-record-[0-9a-f]{8}$/),
      expect.stringMatching(/^undated-record-[0-9a-f]{8}$/),
      expect.stringMatching(/^undated-record-[0-9a-f]{8}$/),
    ]);
    expect(frontmatter(plan.create[3]!.content, 'title')).toBe(`Untitled record 4 of ${DIR}/no-identity.ris`);
    const warned = plan.problems.filter((p) => p.message.includes('has no DOI, PMID, title or abstract'));
    expect(warned.map((p) => p.line)).toEqual([1, 2, 3, 6, 11, 15]);
    expect(warned[0]!.message).toContain('never merged with another record');
  });

  it('recognises each of them on the next run by the same stable key and slug', async () => {
    const first = await planIngest([source('no-identity.ris')], [], review);
    const again = await planIngest([source('no-identity.ris')], asExisting(first), review);
    expect(again.create).toEqual([]);
    expect(again.present.map((p) => p.slug)).toEqual(first.create.map((p) => p.slug));
    const fresh = await planIngest([source('no-identity.ris')], [], review);
    expect(fresh.create.map((p) => [p.slug, p.key])).toEqual(first.create.map((p) => [p.slug, p.key]));
  });

  it('does not merge them with the same records of another file', async () => {
    const copy = { ...source('no-identity.ris'), file: `${DIR}/copy-of-no-identity.ris` };
    const plan = await planIngest([source('no-identity.ris'), copy], [], review);
    expect(plan.create).toHaveLength(12);
  });
});

describe('planIngest: records known only by their title', () => {
  it('merges "Editorial" only when journal, year and first author agree, and keeps both "Erratum" and both "Correction"', async () => {
    const plan = await planIngest([source('same-title.ris')], [], review);
    expect(plan.create.map((p) => [p.slug, p.from.line])).toEqual([
      ['2021-erratum', 1],
      ['2021-erratum-2', 9],
      ['2022-editorial', 17],
      ['2022-correction', 31],
      ['2022-correction-2', 37],
    ]);
    expect(plan.duplicates).toEqual([{ key: plan.create[2]!.key, slug: '2022-editorial', from: { file: `${DIR}/same-title.ris`, line: 24 } }]);
  });

  it('warns at the second record, listing both with file:line', async () => {
    const plan = await planIngest([source('same-title.ris')], [], review);
    const same = plan.problems.filter((p) => p.message.includes('has the same title as'));
    expect(same).toEqual([
      {
        file: `${DIR}/same-title.ris`,
        line: 9,
        severity: 'warning',
        message: expect.stringContaining(`record 2 ("Erratum") at ${DIR}/same-title.ris:9 has the same title as ${DIR}/same-title.ris:1,`),
      },
      {
        file: `${DIR}/same-title.ris`,
        line: 37,
        severity: 'warning',
        message: expect.stringContaining(`record 6 ("Correction") at ${DIR}/same-title.ris:37 has the same title as ${DIR}/same-title.ris:31,`),
      },
    ]);
    expect(same[0]!.message).toContain('journal, year and first author do not all agree (or are missing)');
  });

  it('names an existing title-only page with the same title, its source line and its file', async () => {
    const existing: ExistingPage[] = [{ slug: '2019-erratum', keys: ['hash:0123456789abcdef'], titleOnly: { title: 'ERRATUM', file: 'content/sources/001_old.ris', line: 40 } }];
    const plan = await planIngest([source('same-title.ris')], existing, review);
    const first = plan.problems.find((p) => p.line === 1 && p.message.includes('same title'));
    expect(first?.message).toContain('has the same title as content/sources/001_old.ris:40 (content/studies/2019-erratum.mdx)');
  });
});

describe('planIngest: dates, titles and slugs from other exports', () => {
  it("gives Scopus's PY 0000 a null date, no published_source and no 0000 slug", async () => {
    const plan = await planIngest([source('scopus-dates.ris')], [], review);
    const page = plan.create[0]!;
    expect(page.slug).toBe('undated-automated-scoring-knee-osteoarthritis-radiographs-convolutional');
    expect(frontmatter(page.content, 'published')).toBe('null');
    expect(frontmatter(page.content, 'published_source')).toBe('null');
    expect(plan.create.some((p) => p.slug.startsWith('0000'))).toBe(false);
    // A possible date is marked as the source file's (one constant, to become 'source' with the schema change).
    expect(frontmatter(plan.create[1]!.content, 'published_source')).toBe(PUBLISHED_FROM_SOURCE);
  });

  it('writes every affiliation into the page', async () => {
    const plan = await planIngest([source('scopus-dates.ris')], [], review);
    expect(frontmatter(plan.create[0]!.content, 'affiliation')).toBe(
      'Department of Radiology, Example University Hospital, Beirut, Lebanon; Faculty of Medicine, Example University, Brno, Czech Republic',
    );
  });

  it('transliterates Cyrillic, Greek and French titles into slugs, gives a Japanese one an id-based slug, and uses ST', async () => {
    const plan = await planIngest([source('non-latin.ris')], [], review);
    expect(plan.create.map((p) => p.slug)).toEqual([
      '2009-sostoyanie-kostnoy-tkani-u-detey-po',
      '2020-axiologisi-tis-aktinografias-thoraka-me-techniti',
      expect.stringMatching(/^2022-record-[0-9a-f]{8}$/),
      '2021-evaluation-echographique-de-la-hanche-etude',
      '2022-hip-dysplasia-short-title',
    ]);
    expect(frontmatter(plan.create[4]!.content, 'title')).toBe('Hip dysplasia short title');
    expect(frontmatter(plan.create[4]!.content, 'title_source')).toBe('source');
  });

  it('plans pages that all validate, for every importer fixture', async () => {
    const names = ['no-identity.ris', 'same-title.ris', 'scopus-dates.ris', 'single-space.ris', 'no-space.nbib', 'non-latin.ris'];
    const plan = await planIngest(names.map(source), [], review);
    expect(plan.failures).toEqual([]);
    expect(plan.create).toHaveLength(6 + 5 + 3 + 2 + 2 + 5);
    for (const p of plan.create) expect(validateStudySource(p.content, `${p.slug}.mdx`, p.slug).problems, p.slug).toEqual([]);
  });

  it('plans a page for a 300-character word title and a 1 MB title, slugs capped, with a warning for the huge one', async () => {
    const long = 'x'.repeat(300);
    const huge = 'y'.repeat(1024 * 1024);
    const text = [long, huge].map((t, i) => `TY  - JOUR\nTI  - ${t}\nPY  - 2025\nDO  - 10.5555/long-${i}\nAB  - Abstract ${i}.\nER  - \n`).join('\n');
    const plan = await planIngest([{ file: 'content/sources/long.ris', text }], [], review);
    expect(plan.failures).toEqual([]);
    expect(plan.create.map((p) => p.slug.length)).toEqual([80, 80]);
    expect(plan.create.every((p) => p.slug.startsWith('2025-'))).toBe(true);
    expect(plan.problems).toEqual([{ file: 'content/sources/long.ris', line: 8, severity: 'warning', message: expect.stringContaining('has a title of 1,048,576 characters') }]);
  });

  it('turns an estimate label in Cyrillic into an outcome id the schema accepts', async () => {
    const text = 'TY  - JOUR\nTI  - Переломы\nPY  - 2024\nAB  - AUC для выявления переломов 0.91 (95% CI 0.85–0.95).\nER  - \n';
    const plan = await planIngest([{ file: 'content/sources/ru.ris', text }], [], review);
    expect(plan.failures).toEqual([]);
    expect(plan.create[0]!.content).toMatch(/outcome: dlya-vyyavleniya-perelomov/);
  });

  it('reports a record that cannot be planned as a failure with its file and line, and plans the rest', async () => {
    // A protocol whose outcome lacks its aliases (the schema's default): matching an estimate throws.
    const broken: Review = { ...review, outcomes: [{ id: 'x', label: 'x', measures: ['AUC'] } as unknown as Outcome] };
    const text = 'TY  - JOUR\nTI  - No estimate\nDO  - 10.5555/a\nAB  - Nothing to extract.\nER  - \n\nTY  - JOUR\nTI  - Estimate\nDO  - 10.5555/b\nAB  - AUC was 0.81 (95% CI 0.75-0.86).\nER  - \n';
    const plan = await planIngest([{ file: 'content/sources/f.ris', text }], [], broken);
    expect(plan.create.map((p) => p.from.line)).toEqual([1]);
    expect(plan.failures).toEqual([{ file: 'content/sources/f.ris', line: 7, message: expect.stringMatching(/^record 2 \("Estimate"\) could not be made into a page: /) }]);
  });

  it('reports a record whose page would not pass the schema as a failure naming the field, and plans the rest', async () => {
    // A protocol object that skipped validation: its outcome id is not a slug, so the estimate's outcome is invalid.
    const unchecked: Review = { ...review, outcomes: [{ id: 'Not A Slug', label: 'AUC', measures: ['AUC'], aliases: [] }] };
    const text = 'TY  - JOUR\nTI  - No estimate\nDO  - 10.5555/a\nAB  - Nothing to extract.\nER  - \n\nTY  - JOUR\nTI  - Estimate\nDO  - 10.5555/b\nAB  - AUC was 0.81 (95% CI 0.75-0.86).\nER  - \n';
    const plan = await planIngest([{ file: 'content/sources/f.ris', text }], [], unchecked);
    expect(plan.create.map((p) => p.from.line)).toEqual([1]);
    expect(plan.failures).toEqual([{ file: 'content/sources/f.ris', line: 7, message: expect.stringMatching(/^record 2 \("Estimate"\) would make an invalid page: estimates\.0\.outcome: must be lowercase/) }]);
  });
});
