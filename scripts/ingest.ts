/**
 * npm run ingest [-- --check] [--root DIR]
 * Creates content/studies/<slug>.mdx for each source record that has no page yet. Never
 * rewrites an existing page. With --check, writes nothing and exits 1 if any record lacks a page.
 */
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { planIngest, type ExistingPage } from '../src/lib/ingest/plan.ts';
import { identityKeys } from '../src/lib/ingest/identity.ts';
import { contentPaths, readReview, readSources, readStudies, ContentError } from './lib/content-fs.ts';

/** Run the ingest; returns the process exit code. */
export async function runIngest(root: string, check: boolean, log = console.log, warn = console.error): Promise<number> {
  const paths = contentPaths(root);
  const review = await readReview(root);
  const existing: ExistingPage[] = await Promise.all(
    (await readStudies(root)).map(async (s) => {
      const key = s.study?.key ?? keyFallback(await readFile(join(root, s.file), 'utf8'));
      const ids = s.study ? await identityKeys(s.study, s.sections.map((x) => x.text).join('\n')) : [];
      return { slug: s.slug, keys: [...(key ? [key] : []), ...ids] };
    }),
  );
  const plan = await planIngest(await readSources(root), existing, review);
  const errors = plan.problems.filter((p) => p.severity !== 'warning');
  for (const p of plan.problems) warn(`${p.file}:${p.line}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`);

  if (check) {
    for (const p of plan.create) warn(`${p.from.file}:${p.from.line}: record ${p.from.record} (${p.key}) has no page: run npm run ingest`);
    log(`ingest --check: ${plan.recordsFound} records, ${plan.present.length} with a page, ${plan.create.length} without`);
    return plan.create.length > 0 || errors.length > 0 ? 1 : 0;
  }

  await mkdir(paths.studies, { recursive: true });
  for (const page of plan.create) {
    // 'wx': fail rather than overwrite if a file appeared meanwhile.
    await writeFile(join(paths.studies, `${page.slug}.mdx`), page.content, { flag: 'wx' });
    log(`created content/studies/${page.slug}.mdx  (${page.from.file}:${page.from.line}, ${page.key})`);
  }
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
