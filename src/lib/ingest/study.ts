/**
 * Turn one parsed source record into a proposed study page: identifiers, dates, derived
 * title, sample sizes and estimates (mapped to the protocol's outcomes), status pending.
 */
import type { Outcome, Review, StudyInput } from '../schema/index.ts';
import type { SourceRecord } from './record.ts';
import { publicationDate } from './export-date.ts';
import { dateFromPreprintDoi, doiFrom, normaliseText, pmcidFrom, recordKey, type KeyBasis } from './identity.ts';
import { deriveTitle } from './title.ts';
import { transliterate } from './transliterate.ts';
import { extractEstimates } from './extract.ts';
import type { ExtractedEstimate } from './extract/estimate.ts';
import { extractSampleSizes } from './sample-size.ts';
import { extractTwoByTwo } from './two-by-two.ts';
import type { BodySection } from './mdx.ts';

/** A proposed page: frontmatter, the verbatim abstract sections, and what its key rests on. */
export interface ProposedStudy {
  frontmatter: StudyInput;
  sections: BodySection[];
  keyBasis: KeyBasis;
}

/** `published_source` for a date the source file gives (listing, RIS or MEDLINE export alike); older pages say 'listing'. */
export const PUBLISHED_FROM_SOURCE = 'source' as const;

/** Find the declared outcome an estimate's label names (by id, label or alias), if any. */
export function matchOutcome(label: string, outcomes: readonly Outcome[]): Outcome | null {
  const l = ` ${normaliseText(label)} `;
  let best: { outcome: Outcome; length: number } | null = null;
  for (const o of outcomes) {
    for (const name of [o.label, o.id.replace(/-/g, ' '), ...o.aliases]) {
      const n = normaliseText(name);
      if (n && l.includes(` ${n} `) && (!best || n.length > best.length)) best = { outcome: o, length: n.length };
    }
  }
  return best?.outcome ?? null;
}

/** Whether an abstract looks complete: it reaches a conclusion-type section. */
export function looksComplete(record: SourceRecord): boolean {
  return record.sections.some((s) => s.label !== null && /conclusion|interpretation|clinical perspective|significance/i.test(s.label));
}

/** Build the proposed page for a source record (listing, RIS or MEDLINE); `file` is its source file. */
export async function proposeStudy(record: SourceRecord, file: string, review: Review): Promise<ProposedStudy> {
  const { doi, pmcid, pmid } = recordIds(record);
  const sections: BodySection[] = record.sections.map((s) => ({ label: s.label, text: s.text }));
  const fullText = sections.map((s) => s.text).join('\n');
  const { published, publishedSource } = recordPublished(record, doi);
  const perSection = sections.map((s) => ({ text: s.text, found: extractEstimates(s.text) }));
  const estimates = proposedEstimates(perSection, review);
  const twoByTwo = proposedTwoByTwo(perSection, review);
  const sampleSizes = sections.flatMap((s) => extractSampleSizes(s.text).map(({ n, unit, quote }) => ({ n, unit, quote })));

  const { key, basis } = await recordKey({
    doi,
    pmid,
    pmcid,
    abstractText: fullText,
    title: record.title ?? null,
    journal: record.journal,
    year: published?.slice(0, 4) ?? null,
    firstAuthor: record.authors?.[0] ?? null,
    file,
    record: record.index,
  });
  const frontmatter: StudyInput = {
    key,
    title: record.title ? record.title : sections.length > 0 ? deriveTitle(record.sections) : `Untitled record ${record.index} of ${file}`,
    title_source: record.title ? 'source' : 'derived',
    authors: record.authors ?? [],
    journal: record.journal,
    published,
    published_source: publishedSource,
    affiliation: record.affiliation,
    doi,
    pmid,
    pmcid,
    links: record.links.map((l) => ({ url: l.url, label: l.label })),
    version_of_record: null,
    source: { file, line: record.line, record: record.index },
    abstract_complete: looksComplete(record),
    status: 'pending',
    exclusion_reason: null,
    synthetic: false,
    sample_sizes: sampleSizes,
    estimates,
    two_by_two: twoByTwo,
  };
  return { frontmatter, sections, keyBasis: basis };
}

/** A record's DOI, PMCID and PMID: its own, else read from its links. */
function recordIds(record: SourceRecord): { doi: string | null; pmcid: string | null; pmid: string | null } {
  const linkText = record.links.map((l) => l.url).join(' ');
  const doi = record.doi ?? doiFrom(record.links.find((l) => /doi/i.test(l.label) || /doi\.org/.test(l.url))?.url ?? '') ?? null;
  const pmcid = record.pmcid ?? pmcidFrom(record.links.find((l) => /pmc/i.test(l.label) || /\/pmc\//i.test(l.url))?.url ?? '') ?? pmcidFrom(linkText);
  return { doi, pmcid, pmid: record.pmid ?? null };
}

/** A record's publication date and where it comes from: the source's date, else one a preprint DOI carries. */
function recordPublished(record: SourceRecord, doi: string | null): { published: string | null; publishedSource: typeof PUBLISHED_FROM_SOURCE | 'derived-from-doi' | null } {
  // An impossible date (Scopus's "0000") is null here; the parser reported it at its line.
  let published: string | null = record.dateText ? publicationDate(record.dateText).iso : null;
  let publishedSource: typeof PUBLISHED_FROM_SOURCE | 'derived-from-doi' | null = published ? PUBLISHED_FROM_SOURCE : null;
  if (!published && doi) {
    published = dateFromPreprintDoi(doi);
    publishedSource = published ? 'derived-from-doi' : null;
  }
  return { published, publishedSource };
}

/** Each section's text with the estimates read from it. */
type SectionEstimates = { text: string; found: ExtractedEstimate[] }[];

/** The page's estimates: each mapped to a declared outcome, or kept with a provisional one, with the reasons to review it. */
function proposedEstimates(perSection: SectionEstimates, review: Review): StudyInput['estimates'] {
  return perSection.flatMap(({ found }) =>
    found.map((e) => {
      const outcome = matchOutcome(e.label, review.outcomes);
      const reasons = [e.review_reason].filter((r): r is string => Boolean(r));
      let outcomeId = outcome?.id;
      if (!outcome) {
        // kept, never dropped: the phrase becomes a provisional outcome id for a curator to map
        // a slug the schema accepts: transliterated ("для выявления" → "dlya-vyyavleniya"), ASCII only.
        outcomeId = transliterate(e.label).replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, 60).replace(/-+$/, '') || 'unnamed-outcome';
        reasons.push(`outcome "${e.label}" is not declared in content/review.yaml: declare it there or map the estimate to a declared outcome`);
      } else if (!outcome.measures.includes(e.measure)) {
        reasons.push(`measure ${e.measure} is not declared for outcome ${outcome.id} in content/review.yaml`);
      }
      // every field as read but where its quote starts; the review reasons now include the outcome's
      const { start: _start, ...read } = e;
      return { outcome: outcomeId!, ...read, needs_review: reasons.length > 0, review_reason: reasons.length > 0 ? reasons.join('; ') : null, source: 'extracted' as const };
    }),
  );
}

/** The page's 2×2 tables, only for declared outcomes (an undeclared one would stop the build); the counts stay on the estimates either way. */
function proposedTwoByTwo(perSection: SectionEstimates, review: Review): StudyInput['two_by_two'] {
  return perSection.flatMap(({ text, found }) =>
    extractTwoByTwo(text, found).flatMap((t) => {
      const outcome = matchOutcome(t.label, review.outcomes);
      return outcome ? [{ outcome: outcome.id, label: t.label, threshold: null, tp: t.tp, fp: t.fp, fn: t.fn, tn: t.tn }] : [];
    }),
  );
}
