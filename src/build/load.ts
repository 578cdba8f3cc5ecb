/**
 * Build-time loading for Astro pages: the review protocol and the validated study pages.
 * Invalid content stops the build with `file:line: field: message` lines.
 */
import { getCollection } from 'astro:content';
import reviewText from '../../content/review.yaml?raw';
import { formatProblem, validateReviewSource } from '../lib/content/validate.ts';
import { parseAbstractBody } from '../lib/ingest/mdx.ts';
import { compareStudyRecords, type StudyRecord } from '../lib/data/tables.ts';

function loadReview() {
  const { review, problems } = validateReviewSource(reviewText, 'content/review.yaml');
  if (!review) throw new Error(`content/review.yaml is invalid:\n${problems.map(formatProblem).join('\n')}`);
  return review;
}

/** The validated review protocol. */
export const review = loadReview();

let cache: Promise<StudyRecord[]> | null = null;

/** All study pages (validated by the collection schema), with their abstract sections, newest first. */
export function loadStudies(): Promise<StudyRecord[]> {
  cache ??= getCollection('studies').then((entries) =>
    entries
      .map((e) => {
        const { sections } = parseAbstractBody(e.body ?? '');
        return { slug: e.id, study: e.data, sections };
      })
      .sort(compareStudyRecords),
  );
  return cache;
}
