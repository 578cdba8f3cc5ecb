/** The build refuses code in a study page before compiling it: astro build fails with file:line and nothing in the page runs. */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify, stripVTControlCharacters } from 'node:util';
import { mdxToJs } from 'satteri';
import { studyBodyGuard } from '../../../scripts/astro/study-body-guard.ts';
import { buildData } from '../../../scripts/build-data.ts';
import { fixture, INVALID_PAGE, projectWithInvalidPage, ROOT } from '../../helpers.ts';

const run = promisify(execFile);
const ROOT_URL = pathToFileURL(`${ROOT}/`);
/** The document data Astro seeds a compile with. */
const astro = (frontmatter: Record<string, unknown>) => ({ astro: { frontmatter, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() } });

/** Compile a page body as the build does (frontmatter blanked, lines kept), with the guard. */
async function compile(source: string, file: string): Promise<string> {
  const end = source.indexOf('\n---', 4) + 4;
  const body = source.slice(0, end).replace(/[^\n]/g, ' ') + source.slice(end);
  const result = await mdxToJs(body, { mdastPlugins: [studyBodyGuard(ROOT_URL)], fileURL: new URL(file, ROOT_URL), jsxImportSource: 'astro', data: astro({}) });
  return result.code;
}

describe('the study body guard (a Sätteri plugin in astro.config.mjs)', () => {
  it('lets a page written by ingest compile', async () => {
    expect(await compile(fixture('studies/valid.mdx'), 'content/studies/valid.mdx')).toContain('MDXContent');
  });

  for (const [name, line, what] of [
    ['esm', 127, 'import/export statements are not allowed'],
    ['expression', 127, 'JavaScript expressions are not allowed'],
    ['html', 127, '<script> is not allowed'],
  ] as const) {
    it(`refuses the ${name} fixture with file:line: (body): message`, async () => {
      await expect(compile(fixture(`studies/code/${name}.mdx`), `content/studies/${name}.mdx`)).rejects.toThrow(`content/studies/${name}.mdx:${line}: (body): `);
      await expect(compile(fixture(`studies/code/${name}.mdx`), `content/studies/${name}.mdx`)).rejects.toThrow(what);
    });
  }

  it('refuses a frontmatter layout, which MDX would import as code', async () => {
    const compiled = (async () => mdxToJs('text\n', { mdastPlugins: [studyBodyGuard(ROOT_URL)], fileURL: new URL('content/studies/x.mdx', ROOT_URL), data: astro({ layout: '/tmp/evil.js' }) }))();
    await expect(compiled).rejects.toThrow('content/studies/x.mdx:1: layout: "layout" is not a study page field');
  });

  it('leaves MDX outside content/studies/ alone', async () => {
    const result = await mdxToJs("export const x = 1\n\n{1 + 1}\n", { mdastPlugins: [studyBodyGuard(ROOT_URL)], fileURL: new URL('src/pages/about.mdx', ROOT_URL) });
    expect(result.code).toContain('export const x = 1');
  });

  it('makes astro build fail on a page with import/export, naming file and line, and the page code never runs', async () => {
    let marker = '';
    const dir = await projectWithInvalidPage('astro-code-', (page, d) => {
      marker = join(d, 'written-by-a-study-page.txt');
      return `${page}\nimport fs from 'node:fs'\nexport const x = fs.writeFileSync(${JSON.stringify(marker)}, 'this ran on the build machine')\n`;
    });
    try {
      // The data tables come from the intact project, so the page's code is the only thing that can stop the build
      // (without the guard this build succeeds and writes the marker file).
      await buildData(ROOT, join(dir, 'data'));
      const result = await run(join(ROOT, 'node_modules', '.bin', 'node'), [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
        cwd: dir,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_DATA_DIR: join(dir, 'data'), SITE_OUT_DIR: join(dir, 'dist') },
      }).then(
        () => ({ failed: false, output: '' }),
        (e: { stdout: string; stderr: string }) => ({ failed: true, output: stripVTControlCharacters(`${e.stdout}\n${e.stderr}`) }),
      );
      expect(result.failed).toBe(true);
      expect(result.output).toContain(`${INVALID_PAGE}:41: (body): "import fs from 'node:fs'": import/export statements are not allowed`);
      expect(result.output).toContain(`${INVALID_PAGE}:41:1`);
      expect(existsSync(marker)).toBe(false);
      expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
