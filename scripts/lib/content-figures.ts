/**
 * The site's figures with files drawn from content/ without a build (the warm-ups of the PNG and PDF
 * steps): the same registry and standalone SVGs as src/build/figures.ts and /figures/<id>.svg. A
 * study's own plots are left out: the reader's browser makes their files (hasFigureFiles).
 */
import { buildFigures } from '../../src/lib/figures/registry.ts';
import { buildDtaFigures } from '../../src/lib/figures/dta-registry.ts';
import { buildAppraisalFigures } from '../../src/lib/figures/appraisal-registry.ts';
import { hasFigureFiles, type SiteFigure } from '../../src/lib/figures/site-figure.ts';
import { dtaInputs, synthesizeDta } from '../../src/lib/site/dta-synthesis.ts';
import { compareStudyRecords, type StudyRecord } from '../../src/lib/data/tables.ts';
import { synthesize } from '../../src/lib/site/synthesis.ts';
import { synthesisInputs } from '../../src/lib/site/synthesis-inputs.ts';
import { readReview, readStudies } from './content-fs.ts';
import { buildSubgroupFigures } from '../../src/lib/figures/subgroup-registry.ts';
import { analyseSynthesis, studyFacts } from '../../src/lib/site/analyses.ts';

/** The site's figures with files from content/ in `root` under base path `base` (null when a page is invalid: check reports it). */
export async function contentFigures(root: string, base: string): Promise<SiteFigure[] | null> {
  const [review, pages] = await Promise.all([readReview(root), readStudies(root)]);
  if (pages.some((p) => p.problems.length > 0 || !p.study)) return null;
  const records: StudyRecord[] = pages.map((p) => ({ slug: p.slug, study: p.study!, sections: p.sections })).sort(compareStudyRecords);
  const label = (id: string) => review.outcomes.find((o) => o.id === id)?.label ?? id;
  const ctx = { base, outcomeLabel: label };
  const syntheses = synthesize(synthesisInputs(records));
  const facts = studyFacts(records);
  const analyses = syntheses.flatMap((s) => analyseSynthesis(s, facts, review.characteristics) ?? []);
  const dta = synthesizeDta(dtaInputs(records));
  const all: SiteFigure[] = [
    ...buildFigures(records, syntheses, ctx),
    ...buildDtaFigures(dta, { ...ctx, studies: records }),
    ...buildSubgroupFigures(analyses, ctx),
    ...buildAppraisalFigures(records, syntheses, dta, ctx),
  ];
  return all.filter(hasFigureFiles);
}
