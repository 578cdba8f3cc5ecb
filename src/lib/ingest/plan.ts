/**
 * Decide what an ingest run writes: one new page per record whose key has no page yet.
 * Existing pages are never rewritten; a record already present (same key, any slug) is skipped.
 */
import type { Review } from '../schema/index.ts';
import { parseListing } from './listing.ts';
import { parseRis } from './ris.ts';
import { parseMedline } from './medline.ts';
import type { ParsedSource, SourceProblem } from './record.ts';
import { identityKeys, slugFor, uniqueSlug } from './identity.ts';
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
}

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
  const plan: IngestPlan = { create: [], present: [], duplicates: [], problems: [], recordsFound: 0 };
  for (const source of sources) {
    const { records, problems } = parserFor(source.file)(source.text, source.file);
    plan.problems.push(...problems);
    plan.recordsFound += records.length;
    for (const record of records) {
      const { frontmatter, sections } = await proposeStudy(record, source.file, review);
      const key = frontmatter.key;
      const from = { file: source.file, line: record.line };
      const keys = [...new Set([key, ...(await identityKeys(frontmatter, sections.map((s) => s.text).join('\n')))])];
      const knownKey = keys.find((k) => byKey.has(k));
      const known = knownKey === undefined ? undefined : byKey.get(knownKey);
      if (known !== undefined) {
        const createdThisRun = plan.create.some((p) => p.slug === known);
        (createdThisRun ? plan.duplicates : plan.present).push({ key, slug: known, from });
        continue;
      }
      const year = frontmatter.published?.slice(0, 4) ?? null;
      const slug = uniqueSlug(slugFor(year, frontmatter.title), taken);
      taken.add(slug);
      for (const k of keys) byKey.set(k, slug);
      const comment = `Abstract ingested verbatim from ${source.file} (record ${record.index}, line ${record.line}). Keep it verbatim: estimate quotes must stay exact substrings.`;
      plan.create.push({ slug, key, content: renderStudyMdx(frontmatter as Record<string, unknown>, sections, comment), from: { ...from, record: record.index } });
    }
  }
  return plan;
}
