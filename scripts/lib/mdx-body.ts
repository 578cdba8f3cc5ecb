/** Parse a study page as MDX with Sätteri (the parser Astro's MDX integration uses) and apply the body rules of src/lib/content/body.ts. */
import { mdxToMdast } from 'satteri';
import { bodyProblems, mdxSyntaxProblem, type MdxNode } from '../../src/lib/content/body.ts';
import type { ContentProblem } from '../../src/lib/content/validate.ts';

/** Problems of a page's body, with file lines: MDX syntax errors, code (ESM, expressions), components other than the allowed ones, raw HTML. */
export function studyBodyProblems(source: string, file: string): ContentProblem[] {
  let tree: MdxNode;
  try {
    // The whole file, frontmatter included, so node lines are file lines (the build blanks the frontmatter, keeping its lines).
    tree = mdxToMdast(source) as MdxNode;
  } catch (error) {
    return [mdxSyntaxProblem(error instanceof Error ? error.message : String(error), file)];
  }
  return bodyProblems(tree, file);
}
