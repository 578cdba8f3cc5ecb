/**
 * QUADAS-2 assessments for a project copy (test/dta-project.ts): AuditC studies 1–6 are assessed
 * with known judgements (studies 2 and 5 at high overall risk of bias), 7–14 stay "not yet
 * assessed", and the first real study page is assessed too, so its forest plots get the column.
 * Support is given as notes (quotes would have to be verbatim from the abstracts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Judgement } from '../src/lib/schema/risk-of-bias-tools.ts';

type Four = [Judgement, Judgement, Judgement, Judgement];

/** Domain judgements (patient selection, index test, reference standard, flow and timing) of the assessed AuditC studies, by number. */
export const AUDITC_JUDGEMENTS: Record<number, Four> = {
  1: ['low', 'low', 'low', 'low'],
  2: ['low', 'high', 'low', 'low'],
  3: ['low', 'low', 'low', 'unclear'],
  4: ['low', 'low', 'low', 'low'],
  5: ['unclear', 'low', 'high', 'low'],
  6: ['low', 'low', 'low', 'low'],
};

/** The AuditC studies (1-based) at high overall risk of bias. */
export const AUDITC_HIGH = [2, 5];

/** The real study page assessed in the copy, and its judgements. */
export const REAL_ASSESSED = { slug: '2024-deep-learning-applied-echocardiography-could-predict', judgements: ['low', 'unclear', 'low', 'low'] as Four };

/** The `risk_of_bias` YAML block of a QUADAS-2 assessment with these judgements. */
export function quadasBlock(j: Four): string {
  // Every signalling question answered: yes, except the first of a high (no) or unclear (unclear) domain.
  const answers = (keys: string[], judgement: Judgement) => keys.map((k, i) => `"${k}": ${i === 0 && judgement !== 'low' ? (judgement === 'high' ? 'no' : 'unclear') : 'yes'}`).join(', ');
  const d = (name: string, judgement: Judgement, applicability: boolean, keys: string[]) =>
    `    ${name}:\n      signalling: { ${answers(keys, judgement)} }\n      judgement: ${judgement}\n${applicability ? '      applicability: low\n' : ''}      support: { note: "Fixture judgement: ${judgement}." }\n`;
  return `risk_of_bias:
  tool: QUADAS-2
  assessed_by: [Fixture Reviewer]
  assessed_on: "2026-01-15"
  domains:
${d('patient_selection', j[0], true, ['1.1', '1.2', '1.3'])}${d('index_test', j[1], true, ['2.1', '2.2'])}${d('reference_standard', j[2], true, ['3.1', '3.2'])}${d('flow_and_timing', j[3], false, ['4.1', '4.2', '4.3', '4.4'])}`;
}

async function assess(file: string, j: Four): Promise<void> {
  const text = await readFile(file, 'utf8');
  const end = text.indexOf('\n---', 4);
  if (!text.startsWith('---\n') || end < 0) throw new Error(`${file} has no frontmatter`);
  if (/^risk_of_bias:/m.test(text.slice(0, end))) throw new Error(`${file} already has risk_of_bias`);
  await writeFile(file, `${text.slice(0, end)}\n${quadasBlock(j).trimEnd()}${text.slice(end)}`);
}

/** Adds the assessments to a copy made by projectWithDtaStudies. */
export async function addRiskOfBias(dir: string): Promise<void> {
  for (const [i, j] of Object.entries(AUDITC_JUDGEMENTS)) await assess(join(dir, 'content', 'studies', `auditc-${String(i).padStart(2, '0')}.mdx`), j);
  await assess(join(dir, 'content', 'studies', `${REAL_ASSESSED.slug}.mdx`), REAL_ASSESSED.judgements);
}
