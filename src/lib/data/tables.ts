/**
 * The data tables' rows, flattened from validated study pages. The rows' shape (columns, types,
 * meanings) is the row schemas' of src/lib/schema/tables.ts; this file only fills them.
 */
import type { Study } from '../schema/index.ts';
import type { DiagnosticTableRow, EstimateRow, RiskOfBiasRow, StudyRow } from '../schema/tables.ts';
import { CELLS } from '../schema/two-by-two.ts';
import { DOMAIN_LABELS, domainsByKey, domainsOf, isAssessed, overallRisk } from '../schema/risk-of-bias.ts';
import type { BodySection } from '../ingest/mdx.ts';
import { abstractText } from '../ingest/mdx.ts';

const PEOPLE = /^(patients|participants|subjects|individuals|adults|children|women|men|persons|people|infants|adolescents)$/i;

/** A validated page: its slug, frontmatter and abstract sections. */
export interface StudyRecord {
  slug: string;
  study: Study;
  sections: BodySection[];
}

/** The site's order of studies: newest first (undated last), then by slug. */
export function compareStudyRecords(a: Pick<StudyRecord, 'slug' | 'study'>, b: Pick<StudyRecord, 'slug' | 'study'>): number {
  return (b.study.published ?? '').localeCompare(a.study.published ?? '') || a.slug.localeCompare(b.slug);
}

/** Flatten a validated page into its studies row. */
export function studyRow({ slug, study, sections }: StudyRecord): StudyRow {
  const people = study.sample_sizes.find((s) => PEOPLE.test(s.unit));
  const outcomes = [...new Set(study.estimates.map((e) => e.outcome))];
  return {
    study_id: study.key,
    slug,
    title: study.title,
    title_source: study.title_source,
    authors: study.authors.length ? study.authors.join('; ') : null,
    journal: study.journal,
    published: study.published,
    published_year: study.published ? Number(study.published.slice(0, 4)) : null,
    published_source: study.published_source,
    doi: study.doi,
    pmid: study.pmid,
    pmcid: study.pmcid,
    status: study.status,
    exclusion_reason: study.exclusion_reason,
    n_participants: people?.n ?? null,
    sample_size: study.sample_sizes.length ? study.sample_sizes.map((s) => `${s.n} ${s.unit}`).join('; ') : null,
    abstract_complete: study.abstract_complete,
    outcomes: outcomes.length ? outcomes.join(',') : null,
    n_estimates: study.estimates.length,
    source_file: study.source.file,
    source_line: study.source.line,
    synthetic: study.synthetic,
    rob_overall: overallRisk(study.risk_of_bias),
    abstract: abstractText(sections),
  };
}

/** Flatten a validated page's estimates into estimates rows. */
export function estimateRows({ slug, study }: Pick<StudyRecord, 'slug' | 'study'>): EstimateRow[] {
  return study.estimates.map((e, i) => ({ estimate_id: `${slug}#${i + 1}`, study_id: study.key, slug, ...e }));
}

/** Flatten a validated page's 2×2 tables into diagnostic_tables rows. */
export function diagnosticTableRows({ slug, study }: Pick<StudyRecord, 'slug' | 'study'>): DiagnosticTableRow[] {
  return study.two_by_two.map((t, i) => {
    const derived = CELLS.filter((c) => t[c].derived !== undefined);
    const provenance = Object.fromEntries(CELLS.map((c) => [c, t[c].derived ? { rule: t[c].derived!.rule, from: t[c].derived!.from } : { quote: t[c].quote }]));
    return {
      table_id: `${slug}#${i + 1}`,
      study_id: study.key,
      slug,
      outcome: t.outcome,
      label: t.label,
      threshold: t.threshold,
      tp: t.tp.n,
      fp: t.fp.n,
      fn: t.fn.n,
      tn: t.tn.n,
      sensitivity: t.tp.n / (t.tp.n + t.fn.n),
      specificity: t.tn.n / (t.tn.n + t.fp.n),
      derived_cells: derived.length ? derived.join(',') : null,
      provenance: JSON.stringify(provenance),
    };
  });
}

/** Flatten a validated page's risk-of-bias assessment into risk_of_bias rows (none when not yet assessed). */
export function riskOfBiasRows({ slug, study }: Pick<StudyRecord, 'slug' | 'study'>): RiskOfBiasRow[] {
  const rob = study.risk_of_bias;
  if (!isAssessed(rob)) return [];
  const domains = domainsByKey(rob);
  return domainsOf(rob.tool).flatMap((d, i) => {
    const x = domains[d];
    if (!x) return [];
    return [{
      rob_id: `${slug}#${i + 1}-${d}`,
      study_id: study.key,
      slug,
      tool: rob.tool,
      part: rob.tool === 'PROBAST+AI' ? rob.part : null,
      domain: d,
      domain_label: DOMAIN_LABELS[d],
      judgement: x.judgement,
      applicability: x.applicability ?? null,
      signalling: JSON.stringify(Object.fromEntries(Object.entries(x.signalling).map(([k, a]) => [k, a.answer]))),
      support_quote: x.support?.quote ?? null,
      support_note: x.support?.note ?? null,
      assessed_by: rob.assessed_by?.length ? rob.assessed_by.join('; ') : null,
      assessed_on: rob.assessed_on ?? null,
    }];
  });
}
