/**
 * npm run ingest [-- --check] [--root DIR]
 * Creates content/studies/<slug>.mdx for each source record that has no page yet. Never
 * rewrites an existing page. With --check, writes nothing and exits 1 if any record lacks a page.
 * A run writes all its pages or none: planning comes first, and a failed write is undone.
 */
import { mkdir, writeFile, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { planIngest, type ExistingPage } from '../src/lib/ingest/plan.ts';
import { identityKeys } from '../src/lib/ingest/identity.ts';
import { contentPaths, readReview, readSources, readStudies, ContentError } from './lib/content-fs.ts';

/** Writes one new page; fails rather than overwrite a file that appeared meanwhile. */
export type PageWriter = (path: string, content: string) => Promise<void>;

const writeNewFile: PageWriter = (path, content) => writeFile(path, content, { flag: 'wx' });

/**
 * Run the ingest; returns the process exit code. All pages are planned and validated first; if
 * any record cannot be made into a page, or a write fails, nothing is left written (the pages
 * this run wrote are removed) and every failure is printed as file:line.
 */
export async function runIngest(root: string, check: boolean, log = console.log, warn = console.error, write: PageWriter = writeNewFile): Promise<number> {
  const paths = contentPaths(root);
  const review = await readReview(root);
  const existing: ExistingPage[] = await Promise.all(
    (await readStudies(root)).map(async (s) => {
      const key = s.study?.key ?? keyFallback(await readFile(join(root, s.file), 'utf8'));
      const ids = s.study ? await identityKeys(s.study, s.sections.map((x) => x.text).join('\n')) : [];
      const page: ExistingPage = { slug: s.slug, keys: [...(key ? [key] : []), ...ids] };
      const st = s.study;
      if (st && !st.doi && !st.pmid && !st.pmcid && s.sections.length === 0) page.titleOnly = { title: st.title, file: st.source.file, line: st.source.line };
      return page;
    }),
  );
  const plan = await planIngest(await readSources(root), existing, review);
  const errors = plan.problems.filter((p) => p.severity !== 'warning');
  for (const p of plan.problems) warn(`${p.file}:${p.line}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`);
  for (const p of plan.failures) warn(`${p.file}:${p.line}: ${p.message}`);

  if (check) {
    for (const p of plan.create) warn(`${p.from.file}:${p.from.line}: record ${p.from.record} (${p.key}) has no page: run npm run ingest`);
    log(`ingest --check: ${plan.recordsFound} records, ${plan.present.length} with a page, ${plan.create.length} without`);
    return plan.create.length > 0 || errors.length > 0 || plan.failures.length > 0 ? 1 : 0;
  }
  if (plan.failures.length > 0) {
    log(`ingest: wrote nothing: ${plan.failures.length} of ${plan.recordsFound} records could not be made into pages (listed above with file:line)`);
    return 1;
  }

  const createdDir = plan.create.length > 0 ? await mkdir(paths.studies, { recursive: true }) : undefined;
  const written: string[] = [];
  for (const page of plan.create) {
    const file = join(paths.studies, `${page.slug}.mdx`);
    try {
      await write(file, page.content);
    } catch (error) {
      // Undo this run: remove what it wrote (and the folder, if it made it), so nothing changed.
      await Promise.all(written.map((f) => rm(f, { force: true })));
      if (createdDir) await rm(createdDir, { recursive: true, force: true });
      warn(`${page.from.file}:${page.from.line}: record ${page.from.record}: could not write content/studies/${page.slug}.mdx: ${error instanceof Error ? error.message : String(error)}`);
      log(`ingest: wrote nothing: the write for ${page.from.file}:${page.from.line} failed, so the ${written.length} pages this run had written were removed`);
      return 1;
    }
    written.push(file);
  }
  for (const page of plan.create) log(`created content/studies/${page.slug}.mdx  (${page.from.file}:${page.from.line}, ${page.key})`);
  for (const d of plan.duplicates) log(`duplicate: ${d.from.file}:${d.from.line} is the same study as content/studies/${d.slug}.mdx (${d.key})`);
  log(`ingest: ${plan.recordsFound} records, ${plan.create.length} pages created, ${plan.present.length} already present, ${plan.duplicates.length} duplicates, ${plan.problems.length} problems`);
  return errors.length > 0 ? 1 : 0;
}

/** Read the dedupe key of a page whose frontmatter does not validate (so it is still never duplicated). */
function keyFallback(source: string): string | null {
  const m = /^key:\s*["']?([^"'\n]+?)["']?\s*$/m.exec(source);
  return m?.[1] ?? null;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, root: { type: 'string', default: process.cwd() } } });
  runIngest(values.root!, values.check!).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof ContentError ? error.message : error);
      process.exit(2);
    },
  );
}
