/**
 * A copy of the project for the outcome-page analyses: the AuditC copy of test/dta-project.ts plus
 * (1) a univariate outcome, tuberculosis, with the 13 BCG vaccine trials of metafor's dat.bcg (one
 * risk ratio per page) and their real published characteristics, allocation (categorical) and
 * absolute latitude (continuous); (2) on the AuditC pages, a categorical characteristic and a
 * QUADAS-2 assessment. Real published characteristics and assessments of the AuditC studies are
 * not available, so both are derived from each study's index and are fixtures only: odd/even study
 * number, and risk of bias low in every domain for studies 1–8, unclear (flow and timing) for 9–11,
 * high (patient selection) for 12–14.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { auditC, dtaPage, projectWithDtaStudies } from './dta-project.ts';
import { BCG } from './bcg-fixture.ts';

/** The univariate outcome the copy adds. */
export const BCG_OUTCOME = 'tuberculosis';
/** AuditC studies (1-based) assessed low, unclear and high. */
export const AUDITC_LOW = [1, 2, 3, 4, 5, 6, 7, 8];

const REVIEW_ADDITIONS = `  - id: ${BCG_OUTCOME}
    label: "Tuberculosis (BCG vaccine trials)"
    measures: [RR]
    description: "Fixture outcome: the 13 BCG vaccine trials of metafor's dat.bcg."
characteristics:
  - id: alloc
    label: Allocation
    type: categorical
    values: [random, alternate, systematic]
  - id: ablat
    label: Absolute latitude (degrees)
    type: continuous
  - id: index_parity
    label: Study number parity (fixture)
    type: categorical
    values: [odd, even]
`;

/** The QUADAS-2 fixture assessment of AuditC study i (1-based): see the file comment. */
export function auditCAssessment(i: number): string {
  const level = i <= 8 ? 'low' : i <= 11 ? 'unclear' : 'high';
  const domain = (name: string, answers: string, judgement: string, applicability: boolean) =>
    `    ${name}:\n      signalling: { ${answers} }\n      judgement: ${judgement}\n${applicability ? '      applicability: low\n' : ''}      support: { note: "Fixture judgement derived from the study index (no published assessment)." }`;
  return `risk_of_bias:
  tool: QUADAS-2
  domains:
${domain('patient_selection', level === 'high' ? '"1.1": no, "1.2": yes, "1.3": yes' : '"1.1": yes, "1.2": yes, "1.3": yes', level === 'high' ? 'high' : 'low', true)}
${domain('index_test', '"2.1": yes, "2.2": yes', 'low', true)}
${domain('reference_standard', '"3.1": yes, "3.2": yes', 'low', true)}
${domain('flow_and_timing', level === 'unclear' ? '"4.1": yes, "4.2": yes, "4.3": yes, "4.4": unclear' : '"4.1": yes, "4.2": yes, "4.3": yes, "4.4": yes', level === 'unclear' ? 'unclear' : 'low', false)}
characteristics:
  index_parity: ${i % 2 === 1 ? 'odd' : 'even'}
`;
}

/** The page of BCG trial i (0-based): one RR with its interval, quoted at full precision, and the trial's characteristics. */
export function bcgPage(i: number): string {
  const t = BCG[i]!;
  const quote = `risk ratio ${t.value} (95% CI ${t.ciLow} to ${t.ciHigh})`;
  return `---
key: hash:bcgtrial${String(i + 1).padStart(8, '0')}
title: "BCG vaccine trial ${i + 1} of dat.bcg"
title_source: curated
journal: Fixture
published: "${1950 + i}"
published_source: curated
source:
  file: content/sources/000_185ae1a7dc3493b2.txt
  line: 1
  record: 1
abstract_complete: true
status: included
estimates:
  - outcome: ${BCG_OUTCOME}
    label: BCG vaccine vs control
    measure: RR
    value: ${t.value}
    ci_low: ${t.ciLow}
    ci_high: ${t.ciHigh}
    ci_level: 0.95
    unit: ratio
    quote: "${quote}"
    source: curated
characteristics:
  alloc: ${t.alloc}
  ablat: ${t.ablat}
---

<Abstract>

## Results

Tuberculosis with BCG vaccine against control: ${quote}.

</Abstract>
`;
}

/** The AuditC project copy with the BCG outcome, the characteristics and the AuditC assessments. */
export async function projectWithAnalyses(prefix = 'analyses-project-'): Promise<string> {
  const dir = await projectWithDtaStudies(prefix);
  const review = join(dir, 'content', 'review.yaml');
  await writeFile(review, (await readFile(review, 'utf8')).replace('search_log:', `${REVIEW_ADDITIONS}search_log:`));
  const c = auditC();
  for (let i = 0; i < c.tp.length; i++) {
    const page = dtaPage(i + 1, { tp: c.tp[i]!, fp: c.fp[i]!, fn: c.fn[i]!, tn: c.tn[i]! });
    const end = page.indexOf('\n---\n', 4);
    await writeFile(join(dir, 'content', 'studies', `auditc-${String(i + 1).padStart(2, '0')}.mdx`), `${page.slice(0, end + 1)}${auditCAssessment(i + 1)}${page.slice(end + 1)}`);
  }
  for (let i = 0; i < BCG.length; i++) await writeFile(join(dir, 'content', 'studies', `${BCG[i]!.slug}.mdx`), bcgPage(i));
  return dir;
}
