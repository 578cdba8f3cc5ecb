/**
 * Decide what an ingest run writes: one new page per record whose key has no page yet.
 * Existing pages are never rewritten; a record already present (same key, any slug) is skipped.
 * Every page is planned (and validated) before anything is written: a record that cannot be
 * made into a valid page is a failure, and a run with a failure writes nothing.
 */
import { Slug, Study, type Review } from '../schema/index.ts';
import { parseListing } from './listing.ts';
import { parseRis } from './ris.ts';
import { parseMedline } from './medline.ts';
import type { ParsedSource, SourceProblem, SourceRecord } from './record.ts';
import { identityKeys, MAX_SLUG, normaliseText, slugFor, uniqueSlug } from './identity.ts';
import { byLine, describeRecord } from './export-lines.ts';
import { renderStudyMdx } from './mdx.ts';
import { proposeStudy } from './study.ts';

/** A source file's text and its path relative to the project (e.g. content/sources/x.txt). */
export interface SourceFile {
  file: string;
  text: string;
}

/** A page already on disk: its slug (file name without .mdx) and every key it is known by (its key, DOI, PMID, PMCID, abstract hash). */
export interface ExistingPage {
  slug: string;
  keys: string[];
  /** For a page with a title but no DOI, PMID, PMCID or abstract: the title and the source record it came from. */
  titleOnly?: { title: string; file: string; line: number };
}

/** Titles longer than this are reported: no real title is, a damaged export's can be megabytes. */
export const LONG_TITLE = 1000;

/** A page to create. */
export interface PlannedPage {
  slug: string;
  key: string;
  content: string;
  from: { file: string; line: number; record: number };
}

/** What an ingest run found and will do. */
export interface IngestPlan {
  create: PlannedPage[];
  present: { key: string; slug: string; from: { file: string; line: number } }[];
  duplicates: { key: string; slug: string; from: { file: string; line: number } }[];
  problems: SourceProblem[];
  /** Records that could not be made into a valid page: when there is any, ingest writes nothing. */
  failures: SourceProblem[];
  recordsFound: number;
}

/** Source parsers by file extension: pasted listings, RIS and MEDLINE (.nbib) exports. */
export const SOURCE_PARSERS: Record<string, (text: string, file: string) => ParsedSource> = {
  '.txt': parseListing,
  '.ris': parseRis,
  '.nbib': parseMedline,
  '.medline': parseMedline,
};

/** Formats ingest reads, by file extension. */
export const SOURCE_EXTENSIONS = Object.keys(SOURCE_PARSERS);

/** The parser for a file name, by extension (listing format by default). */
function parserFor(file: string): (text: string, file: string) => ParsedSource {
  const ext = Object.keys(SOURCE_PARSERS).find((e) => file.toLowerCase().endsWith(e));
  return SOURCE_PARSERS[ext ?? '.txt']!;
}

/** Plan an ingest over all sources (in the given order) against the pages that exist. */
export async function planIngest(sources: readonly SourceFile[], existing: readonly ExistingPage[], review: Review): Promise<IngestPlan> {
  const byKey = new Map(existing.flatMap((p) => p.keys.map((k) => [k, p.slug] as const)));
  const taken = new Set(existing.map((p) => p.slug));
  const plan: IngestPlan = { create: [], present: [], duplicates: [], problems: [], failures: [], recordsFound: 0 };
  // Records and pages known only by their title, by normalised title: same title, not merged, reported.
  const byTitle = new Map<string, string[]>();
  const titled = existing.filter((p) => p.titleOnly).sort((a, b) => a.titleOnly!.file.localeCompare(b.titleOnly!.file) || a.titleOnly!.line - b.titleOnly!.line);
  for (const p of titled) {
    if (p.titleOnly) addTo(byTitle, normaliseText(p.titleOnly.title), `${p.titleOnly.file}:${p.titleOnly.line} (content/studies/${p.slug}.mdx)`);
  }
  for (const source of sources) {
    const { records, problems } = parserFor(source.file)(source.text, source.file);
    const firstOfFile = plan.problems.length;
    plan.problems.push(...problems);
    plan.recordsFound += records.length;
    for (const record of records) {
      const from = { file: source.file, line: record.line };
      try {
        await planRecord(record, source.file, review, plan, { byKey, taken, byTitle });
      } catch (error) {
        plan.failures.push({ ...from, message: `${describeRecord(record)} could not be made into a page: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
    // The parser's problems and the planner's warnings for this file, in line order.
    plan.problems.splice(firstOfFile, Infinity, ...byLine(plan.problems.slice(firstOfFile)));
  }
  return plan;
}

interface PlanState {
  byKey: Map<string, string>;
  taken: Set<string>;
  byTitle: Map<string, string[]>;
}

/** Plan one record: skip it when its page exists, else plan its page and report what an author should know. */
async function planRecord(record: SourceRecord, file: string, review: Review, plan: IngestPlan, state: PlanState): Promise<void> {
  const { byKey, taken, byTitle } = state;
  const { frontmatter, sections, keyBasis } = await proposeStudy(record, file, review);
  const key = frontmatter.key;
  const from = { file, line: record.line };
  const keys = [...new Set([key, ...(await identityKeys(frontmatter, sections.map((s) => s.text).join('\n')))])];
  const knownKey = keys.find((k) => byKey.has(k));
  const known = knownKey === undefined ? undefined : byKey.get(knownKey);
  if (known !== undefined) {
    const createdThisRun = plan.create.some((p) => p.slug === known);
    (createdThisRun ? plan.duplicates : plan.present).push({ key, slug: known, from });
    return;
  }
  const year = frontmatter.published?.slice(0, 4) ?? null;
  // A record with neither title nor abstract has a placeholder title: its slug is `<year>-record-<hash of key>`.
  const slugTitle = record.title || sections.length > 0 ? frontmatter.title : '';
  const slug = uniqueSlug(slugFor(year, slugTitle, key), taken);
  const comment = `Abstract ingested verbatim from ${file} (record ${record.index}, line ${record.line}). Keep it verbatim: estimate quotes must stay exact substrings.`;
  const content = renderStudyMdx(frontmatter as Record<string, unknown>, sections, comment);
  // The frontmatter must pass the schema and the slug be a file name the site accepts (cheap: no re-parse of the page).
  const checked = Study.safeParse(frontmatter);
  const invalid = [
    ...(checked.success ? [] : checked.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)),
    ...(Slug.safeParse(slug).success && slug.length <= MAX_SLUG + 4 ? [] : [`slug "${slug.slice(0, 90)}" is not a valid page name`]),
  ];
  if (invalid.length > 0) {
    plan.failures.push({ ...from, message: `${describeRecord(record)} would make an invalid page: ${invalid.join('; ')}` });
    return;
  }
  taken.add(slug);
  for (const k of keys) byKey.set(k, slug);
  plan.create.push({ slug, key, content, from: { ...from, record: record.index } });

  const warn = (message: string): void => {
    plan.problems.push({ ...from, severity: 'warning', message });
  };
  if (keyBasis === 'position' && !record.title) {
    warn(`${describeRecord(record)} has no DOI, PMID, title or abstract: it gets its own page, keyed by its place in ${file} (record ${record.index}), and is never merged with another record; add what you find on the page`);
  }
  if ((keyBasis === 'title' || keyBasis === 'position') && record.title) {
    const title = normaliseText(record.title);
    const others = byTitle.get(title) ?? [];
    if (others.length > 0) {
      warn(
        `${describeRecord(record)} at ${file}:${record.line} has the same title as ${others.join(', ')}, and none of them has a DOI, PMID or abstract; ` +
          'they were not merged because journal, year and first author do not all agree (or are missing): if they are the same work, merge the pages; if not, nothing to do',
      );
    }
    addTo(byTitle, title, `${file}:${record.line}`);
  }
  if (frontmatter.title.length > LONG_TITLE) {
    warn(`${describeRecord(record)} has a title of ${frontmatter.title.length.toLocaleString('en')} characters: the export is probably damaged here; correct the title on the page (content/studies/${slug}.mdx)`);
  }
}

function addTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
