/** The estimates of validated study pages as synthesis input rows (used at build time, in the changes history and in tests). */
import type { StudyRecord } from '../data/tables.ts';
import type { SynthesisInput } from './synthesis.ts';

/** The estimates of all pages as synthesis input rows (estimate_id `<slug>#<n>`). */
export function synthesisInputs(studies: readonly Pick<StudyRecord, 'slug' | 'study'>[]): SynthesisInput[] {
  return studies.flatMap(({ slug, study }) =>
    study.estimates.map((e, i) => ({
      estimate_id: `${slug}#${i + 1}`,
      slug,
      title: study.title,
      status: study.status,
      outcome: e.outcome,
      label: e.label,
      measure: e.measure,
      value: e.value,
      ci_low: e.ci_low,
      ci_high: e.ci_high,
      ci_level: e.ci_level,
      unit: e.unit,
      needs_review: e.needs_review,
    })),
  );
}
