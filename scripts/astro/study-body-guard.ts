/**
 * Sätteri mdast plugin for astro.config.mjs: the build refuses a study page (content/studies/*.mdx)
 * whose body holds code (import/export, `{…}` expressions), components other than the allowed
 * ones, or raw HTML — before the page is compiled, so none of it ever runs. The rules are those
 * of npm run check (src/lib/content/body.ts); the error lists `file:line: (body): message` lines.
 */
import { defineMdastPlugin, type MdastPluginEntry, type PluginFactoryContext } from 'satteri';
import { fileURLToPath } from 'node:url';
import { relative, sep } from 'node:path';
import { bodyProblems, type MdxNode } from '../../src/lib/content/body.ts';
import { formatProblem } from '../../src/lib/content/validate.ts';

/** Frontmatter keys the MDX compiler itself acts on (`layout` imports a module); study pages never have them. */
const COMPILER_KEYS = ['layout'];

/** The plugin for the project whose root folder is the URL `root` (ending in /): a no-op for MDX files outside root/content/studies/. */
export function studyBodyGuard(root: URL): MdastPluginEntry {
  const rootDir = fileURLToPath(root);
  const studies = fileURLToPath(new URL('content/studies/', root));
  return (ctx: PluginFactoryContext) => {
    const path = ctx.fileURL ? fileURLToPath(ctx.fileURL) : null;
    if (!path || !path.startsWith(studies) || path.slice(studies.length).includes(sep)) return null;
    const file = relative(rootDir, path);
    return defineMdastPlugin({
      name: 'study-body-guard',
      options: { position: true },
      before(tree) {
        const problems = bodyProblems(tree as unknown as MdxNode, file);
        const frontmatter = (ctx.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter ?? {};
        for (const key of COMPILER_KEYS.filter((k) => k in frontmatter)) {
          problems.unshift({ file, line: 1, field: key, message: `"${key}" is not a study page field (MDX would import it as code): remove it`, severity: 'error' });
        }
        if (problems.length > 0) {
          const error = new Error(`study page refused, nothing in it was run:\n${problems.map(formatProblem).join('\n')}\nnpm run check lists every problem.`);
          // @astrojs/mdx reports error.line/column as the error's location in the file.
          Object.assign(error, { line: problems[0]!.line, column: 1 });
          throw error;
        }
      },
    });
  };
}
