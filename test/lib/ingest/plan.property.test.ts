import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planIngest } from '../../../src/lib/ingest/plan.ts';
import { parseListing } from '../../../src/lib/ingest/listing.ts';
import { validateReviewSource, validateStudySource } from '../../../src/lib/content/validate.ts';
import { ROOT } from '../../helpers.ts';

const review = validateReviewSource(readFileSync(join(ROOT, 'content', 'review.yaml'), 'utf8'), 'content/review.yaml').review!;

const hostile = fc.constantFrom(
  '<script>alert(1)</script>',
  '{props.x}',
  '}{',
  "'; DROP TABLE studies; --",
  'import fs from "node:fs"',
  'export default 1',
  '---',
  '</Abstract>',
  '## Fake heading',
  '*',
  '\\',
  '&amp;',
  'AUC 0.9 [0.95-0.8]',
  'OR 2.1 (95% CI 1.2 to 3.4)',
  'Results: sensitivity 85% (80%–90%)',
  'View Article and Find Full Text PDFBMC Oral Health',
  'September 2025',
  'http://x.org | DOI |',
  '\u0000\u0007\u202e',
  '😀 ±±',
);
const line = fc.oneof(hostile, fc.string({ minLength: 1, maxLength: 80 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }));
const listing = fc.array(line, { minLength: 1, maxLength: 12 }).map((lines) => `${lines.join('\n')}\n`);

describe('ingest on random and hostile listings', () => {
  it('never throws, writes pages that validate, and keeps every abstract character', async () => {
    await fc.assert(
      fc.asyncProperty(listing, async (text) => {
        const plan = await planIngest([{ file: 'content/sources/random.txt', text }], [], review);
        const { records } = parseListing(text, 'content/sources/random.txt');
        const expected = new Map<string, { label: string | null; text: string }[]>();
        for (const page of plan.create) {
          const v = validateStudySource(page.content, `content/studies/${page.slug}.mdx`, page.slug);
          expect(v.problems, page.content).toEqual([]);
          const record = records.find((r) => r.index === page.from.record)!;
          expected.set(page.slug, record.sections.map(({ label, text: t }) => ({ label, text: t })));
          expect(v.sections).toEqual(expected.get(page.slug));
          for (const e of v.study!.estimates) expect(v.sections.map((s) => s.text).join('\n')).toContain(e.quote);
        }
        expect(plan.create.length + plan.duplicates.length).toBe(records.length);
      }),
      { numRuns: 300 },
    );
  });
});
