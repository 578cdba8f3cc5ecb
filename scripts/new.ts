/**
 * npm run new -- --title "…" [--doi 10.x/y] [--pmid n] [--journal "…"] [--published YYYY-MM[-DD]]
 *   [--authors "A. One; B. Two"] [--abstract "Background: …\nResults: …" | --abstract-file path]
 *   [--estimate "outcome=wall-motion-abnormality,measure=AUC,value=0.87,ci=0.82-0.92,level=0.95,quote=AUC 0.87 (0.82-0.92)"]…
 * Scaffolds one study page by hand, for studies that come from no source export. The page is
 * validated (schema and checks) before it is written; an existing page is never overwritten.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Study, type StudyInput } from '../src/lib/schema/index.ts';
import { dedupeKey, slugFor, uniqueSlug } from '../src/lib/ingest/identity.ts';
import { renderStudyMdx, type BodySection } from '../src/lib/ingest/mdx.ts';
import { checkContent } from '../src/lib/content/checks.ts';
import { formatProblem, validateStudySource } from '../src/lib/content/validate.ts';
import { contentPaths, readReview, readStudies } from './lib/content-fs.ts';

/** Parse "Label: text" lines into sections (lines without a label are unlabelled). */
function sectionsFrom(text: string): BodySection[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^([A-Z][A-Za-z]*(?: [A-Za-z]+){0,3}):\s+(.+)$/.exec(l);
      return m ? { label: m[1]!, text: m[2]! } : { label: null, text: l };
    });
}

/** Parse one --estimate value: comma-separated key=value pairs; `quote` must come last (it may contain commas). */
export function parseEstimateFlag(flag: string): Record<string, unknown> {
  const quoteAt = flag.indexOf('quote=');
  const head = quoteAt >= 0 ? flag.slice(0, quoteAt) : flag;
  const out: Record<string, unknown> = {};
  for (const pair of head.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [k, ...v] = pair.split('=');
    out[k!.trim()] = v.join('=').trim();
  }
  if (quoteAt >= 0) out.quote = flag.slice(quoteAt + 'quote='.length).trim();
  const num = (k: string) => (out[k] === undefined ? null : Number(out[k]));
  const ci = typeof out.ci === 'string' ? /^(-?[\d.]+)\s*(?:-|to|,)\s*(-?[\d.]+)$/.exec(out.ci) : null;
  return {
    outcome: out.outcome,
    label: out.label ?? out.outcome,
    measure: out.measure,
    value: num('value'),
    ci_low: ci ? Number(ci[1]) : null,
    ci_high: ci ? Number(ci[2]) : null,
    ci_level: ci ? (num('level') ?? 0.95) : null,
    unit: out.unit ?? null,
    quote: out.quote,
    source: 'curated',
  };
}

/** Build, validate and write the page; returns its path or throws with every problem listed. */
export async function createStudy(root: string, v: Record<string, string | string[] | undefined>): Promise<string> {
  const review = await readReview(root);
  const abstract = typeof v['abstract-file'] === 'string' ? await readFile(v['abstract-file'], 'utf8') : ((v.abstract as string | undefined) ?? '');
  const sections = sectionsFrom(abstract.replace(/\\n/g, '\n'));
  const title = String(v.title ?? '').trim();
  const published = (v.published as string | undefined) ?? null;
  const ids = { doi: (v.doi as string | undefined) ?? null, pmid: (v.pmid as string | undefined) ?? null, pmcid: (v.pmcid as string | undefined) ?? null };
  const frontmatter: StudyInput = {
    key: await dedupeKey(ids, sections.map((s) => s.text).join('\n') || title),
    title,
    title_source: 'curated',
    authors: typeof v.authors === 'string' ? v.authors.split(';').map((a) => a.trim()).filter(Boolean) : [],
    journal: (v.journal as string | undefined) ?? null,
    published,
    published_source: published ? 'curated' : null,
    affiliation: null,
    doi: ids.doi,
    pmid: ids.pmid,
    pmcid: ids.pmcid,
    links: [],
    version_of_record: null,
    source: { file: 'npm run new', line: 1, record: 1 },
    abstract_complete: sections.length > 0,
    status: 'pending',
    exclusion_reason: null,
    synthetic: false,
    sample_sizes: [],
    estimates: ((v.estimate as string[] | undefined) ?? []).map(parseEstimateFlag) as StudyInput['estimates'],
    // Shown as "Not yet assessed" until an author fills in QUADAS-2 or PROBAST+AI (CONTRIBUTING.md).
    risk_of_bias: { tool: 'not-assessed' },
  };
  const existing = await readStudies(root);
  const slug = uniqueSlug(slugFor(published?.slice(0, 4) ?? null, title || 'untitled'), new Set(existing.map((s) => s.slug)));
  const file = `content/studies/${slug}.mdx`;
  const content = renderStudyMdx(frontmatter as Record<string, unknown>, sections, 'Abstract entered by hand with npm run new.');
  const page = validateStudySource(content, file, slug);
  const problems = checkContent([...existing, page], review).filter((p) => p.severity === 'error' && p.file === file);
  if (!title) problems.unshift({ file, line: 3, field: 'title', message: 'give a title with --title "…"', severity: 'error' });
  if (!Study.safeParse(page.study ?? {}).success || problems.length > 0) {
    throw new Error(`not written; fix these and run again:\n${problems.map(formatProblem).join('\n')}`);
  }
  await mkdir(contentPaths(root).studies, { recursive: true });
  await writeFile(join(root, file), content, { flag: 'wx' });
  return file;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      root: { type: 'string', default: process.cwd() },
      title: { type: 'string' },
      doi: { type: 'string' },
      pmid: { type: 'string' },
      pmcid: { type: 'string' },
      journal: { type: 'string' },
      published: { type: 'string' },
      authors: { type: 'string' },
      abstract: { type: 'string' },
      'abstract-file': { type: 'string' },
      estimate: { type: 'string', multiple: true },
    },
  });
  createStudy(values.root!, values).then(
    (file) => console.log(`created ${file} (status: pending; curate it, then run npm run check)`),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
