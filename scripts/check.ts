/**
 * npm run check [-- --root DIR]
 * Validates all content without building the site: one line per problem,
 * `file:line: field: message (how to fix)`, errors first, then warnings. Exits 1 on any error.
 */
import { parseArgs } from 'node:util';
import { checkContent, formatUnmapped, unmappedEstimates } from '../src/lib/content/checks.ts';
import { formatProblem, type ContentProblem } from '../src/lib/content/validate.ts';
import { readReview, ContentError } from './lib/content-fs.ts';
import { readCheckedStudies } from './lib/study-cache-fs.ts';

/** Run all checks; returns the problems found (review.yaml problems included). */
export async function runCheck(root: string): Promise<ContentProblem[]> {
  return (await runCheckWithUnmapped(root)).problems;
}

/** Run all checks, and list the estimates whose outcome is not declared (kept with needs_review). */
export async function runCheckWithUnmapped(root: string): Promise<{ problems: ContentProblem[]; unmapped: string }> {
  try {
    const review = await readReview(root);
    const { pages, checks } = await readCheckedStudies(root, review);
    return { problems: checkContent(pages, review, checks), unmapped: formatUnmapped(unmappedEstimates(pages, review)) };
  } catch (error) {
    if (error instanceof ContentError) return { problems: error.problems, unmapped: '' };
    throw error;
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { root: { type: 'string', default: process.cwd() } } });
  runCheckWithUnmapped(values.root!).then(({ problems, unmapped }) => {
    const errors = problems.filter((p) => p.severity === 'error');
    const warnings = problems.filter((p) => p.severity === 'warning');
    if (errors.length) console.error(`Errors (${errors.length}):\n${errors.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    if (warnings.length) console.log(`Warnings (${warnings.length}):\n${warnings.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    if (unmapped) console.log(unmapped);
    console.log(`check: ${errors.length} error(s), ${warnings.length} warning(s)`);
    process.exit(errors.length > 0 ? 1 : 0);
  });
}
