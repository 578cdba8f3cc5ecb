/** Node-side reading of the content folder: sources, study pages and the review protocol. */
import { readFile, readdir } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { Review } from '../../src/lib/schema/index.ts';
import { validateReviewSource, validateStudySource, type ContentProblem, type ValidatedStudy } from '../../src/lib/content/validate.ts';
import { SOURCE_EXTENSIONS, type SourceFile } from '../../src/lib/ingest/plan.ts';
import { studyBodyProblems } from './mdx-body.ts';

/** Paths of the content folder under a project root. */
export function contentPaths(root: string) {
  return {
    root,
    sources: join(root, 'content', 'sources'),
    studies: join(root, 'content', 'studies'),
    review: join(root, 'content', 'review.yaml'),
  };
}

/** Read every source file (sorted by name, so runs are deterministic). */
export async function readSources(root: string): Promise<SourceFile[]> {
  const dir = contentPaths(root).sources;
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => SOURCE_EXTENSIONS.some((e) => n.endsWith(e))).sort();
  return Promise.all(names.map(async (n) => ({ file: relative(root, join(dir, n)), text: await readFile(join(dir, n), 'utf8') })));
}

/** Read and validate every study page: frontmatter against the schema, and the body parsed as MDX (no code, only the allowed components). */
export async function readStudies(root: string): Promise<ValidatedStudy[]> {
  const dir = contentPaths(root).studies;
  const names = await studyFileNames(root);
  return Promise.all(names.map(async (n) => validateStudyFile(await readFile(join(dir, n), 'utf8'), relative(root, join(dir, n)))));
}

/** The names of the study pages (content/studies/*.mdx), sorted. */
export async function studyFileNames(root: string): Promise<string[]> {
  return (await readdir(contentPaths(root).studies).catch(() => [] as string[])).filter((n) => n.endsWith('.mdx')).sort();
}

/** Validate one study page's text (`file` relative to the root): frontmatter against the schema, body as MDX. */
export function validateStudyFile(source: string, file: string): ValidatedStudy {
  const page = validateStudySource(source, file, basename(file).replace(/\.mdx$/, ''));
  // A page whose layout is broken (frontmatter fences, <Abstract> block) already has its one error.
  if (page.problems.some((p) => p.field === '(page)')) return page;
  const body = studyBodyProblems(source, file);
  return body.length === 0 ? page : { ...page, problems: [...page.problems, ...body] };
}

/** Read and validate the review protocol; throws with every problem listed when invalid. */
export async function readReview(root: string): Promise<Review> {
  const file = contentPaths(root).review;
  const { review, problems } = validateReviewSource(await readFile(file, 'utf8'), relative(root, file));
  if (!review) throw new ContentError(problems);
  return review;
}

/** Thrown when content is invalid; the message lists `file:line: field: message` lines. */
export class ContentError extends Error {
  problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`).join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }
}
