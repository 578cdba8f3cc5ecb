/**
 * npm run check [-- --root DIR]
 * Validates all content without building the site: one line per problem,
 * `file:line: field: message (how to fix)`, errors first, then warnings. Exits 1 on any error.
 */
import { parseArgs } from 'node:util';
import { checkContent } from '../src/lib/content/checks.ts';
import { formatProblem, type ContentProblem } from '../src/lib/content/validate.ts';
import { readReview, readStudies, ContentError } from './lib/content-fs.ts';

/** Run all checks; returns the problems found (review.yaml problems included). */
export async function runCheck(root: string): Promise<ContentProblem[]> {
  try {
    const review = await readReview(root);
    return checkContent(await readStudies(root), review);
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { root: { type: 'string', default: process.cwd() } } });
  runCheck(values.root!).then((problems) => {
    const errors = problems.filter((p) => p.severity === 'error');
    const warnings = problems.filter((p) => p.severity === 'warning');
    if (errors.length) console.error(`Errors (${errors.length}):\n${errors.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    if (warnings.length) console.log(`Warnings (${warnings.length}):\n${warnings.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    console.log(`check: ${errors.length} error(s), ${warnings.length} warning(s)`);
    process.exit(errors.length > 0 ? 1 : 0);
  });
}
