/** The estimates of validated study pages as synthesis input rows (used at build time, in the changes history and in tests). */
import { estimateRows, type StudyRecord } from '../data/tables.ts';
import type { SynthesisInput } from './synthesis.ts';

/** The estimates of all pages as synthesis input rows: the estimates table's rows with the study's title and status. */
export function synthesisInputs(studies: readonly Pick<StudyRecord, 'slug' | 'study'>[]): SynthesisInput[] {
  return studies.flatMap((record) => estimateRows(record).map((row) => ({ ...row, title: record.study.title, status: record.study.status })));
}
