/**
 * The review as it stood at one point of its history: the content files (read from a commit or
 * the working tree) validated with the same code as the build, and the per-outcome syntheses
 * (univariate and, from 2×2 tables, diagnostic accuracy) and PRISMA counts computed from them.
 * Pure: the files come in as text.
 */
import { validateReviewSource, validateStudySource } from '../content/validate.ts';
import { synthesize, type OutcomeSynthesis, type SynthesisOptions } from '../site/synthesis.ts';
import { synthesisInputs } from '../site/synthesis-inputs.ts';
import { dtaInputs, synthesizeDta, type DtaSynthesis } from '../site/dta-synthesis.ts';
import { prismaCounts, type PrismaCounts } from '../prisma/index.ts';
import type { Review, Study } from '../schema/index.ts';
import type { BodySection } from '../ingest/mdx.ts';

/** One content file: a study page's slug, path and text. */
export interface TreeFile {
  slug: string;
  file: string;
  text: string;
}

/** The content folder at one point: review.yaml (null when absent) and the study pages. */
export interface ContentTree {
  reviewText: string | null;
  studies: TreeFile[];
}

/** A study page in a snapshot; `study` is null when the page does not validate. */
export interface SnapshotStudy {
  slug: string;
  file: string;
  text: string;
  study: Study | null;
  sections: BodySection[];
}

/** The review at one point of its history. */
export interface Snapshot {
  review: Review | null;
  studies: SnapshotStudy[];
  syntheses: OutcomeSynthesis[];
  /** The DTA synthesis of each outcome with 2×2 tables (absent in snapshots made by hand: none). */
  dta?: DtaSynthesis[];
  prisma: PrismaCounts | null;
}

/** Memo of validated pages by their text, so a page unchanged across commits is validated once. */
export type ValidationCache = Map<string, { study: Study | null; sections: BodySection[] }>;

/** Validate a content tree and compute its syntheses (site defaults: REML + Knapp-Hartung). */
export function snapshotOf(tree: ContentTree, cache: ValidationCache = new Map(), options: SynthesisOptions = {}): Snapshot {
  const review = tree.reviewText === null ? null : validateReviewSource(tree.reviewText, 'content/review.yaml').review;
  const studies = tree.studies.map((f) => {
    let v = cache.get(f.text);
    if (!v) {
      const r = validateStudySource(f.text, f.file, f.slug);
      v = { study: r.study, sections: r.sections };
      cache.set(f.text, v);
    }
    return { slug: f.slug, file: f.file, text: f.text, study: v.study, sections: v.sections };
  });
  const valid = studies.filter((s): s is SnapshotStudy & { study: Study } => s.study !== null);
  return {
    review,
    studies,
    syntheses: synthesize(synthesisInputs(valid), options),
    dta: synthesizeDta(dtaInputs(valid), { level: options.level }),
    prisma: review ? prismaCounts(review, valid.map((s) => s.study)) : null,
  };
}
