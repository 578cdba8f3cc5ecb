/**
 * A copy of the project whose review has a diagnostic-accuracy outcome with 2×2 tables: the 14
 * studies of mada's AuditC data set (Kriston et al. 2008, AUDIT-C against a reference interview),
 * one page per study with its four counts reported in the abstract and quoted in `two_by_two`.
 * The real review has no 2×2 data yet; the DTA pages, figures and Explore are tested on this copy.
 */
import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.ts';

/** The outcome the copy declares. */
export const DTA_OUTCOME = 'unhealthy-alcohol-use';

interface Case { dataset: string; tp: number[]; fp: number[]; fn: number[]; tn: number[] }

/** The AuditC tables, as the metafor fixture holds them. */
export function auditC(): Case {
  const { cases } = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/stats/bivariate-metafor.json'), 'utf8')) as { cases: Case[] };
  return cases.find((c) => c.dataset === 'AuditC')!;
}

/** The MDX page of study i (1-based) of AuditC. */
export function dtaPage(i: number, cells: { tp: number; fp: number; fn: number; tn: number }, status = 'included'): string {
  const q = (name: string, n: number) => `${name} ${n}`;
  const sentence = `Against the reference interview, AUDIT-C gave ${q('TP', cells.tp)}, ${q('FP', cells.fp)}, ${q('FN', cells.fn)} and ${q('TN', cells.tn)} at the cut-off of the study.`;
  const cell = (name: string, n: number) => `  ${name.toLowerCase()}: { n: ${n}, quote: "${q(name, n)}" }`;
  return `---
key: hash:auditc${String(i).padStart(10, '0')}
title: "AUDIT-C study ${i} of the AuditC data set"
title_source: curated
journal: Fixture
published: "${2000 + i}"
published_source: curated
source:
  file: content/sources/000_185ae1a7dc3493b2.txt
  line: 1
  record: 1
abstract_complete: true
status: ${status}
two_by_two:
  - outcome: ${DTA_OUTCOME}
    label: AUDIT-C
    threshold: study cut-off
${[cell('TP', cells.tp), cell('FP', cells.fp), cell('FN', cells.fn), cell('TN', cells.tn)].map((l) => `  ${l}`).join('\n')}
---

<Abstract>

## Results

${sentence}

</Abstract>
`;
}

/** A GRADE certainty block for the AuditC outcome (review.yaml text, top level): the five domains, prevalences and thresholds. */
export function auditCCertainty(judgements: { imprecision?: string; inconsistency?: string } = {}): string {
  const rate = (j: string | undefined, reason: string) => (j && j !== 'not serious' ? `{ judgement: ${j}, reason: "${reason}" }` : '{ judgement: not serious }');
  return `prevalences: [0.05, 0.2]
certainty:
  ${DTA_OUTCOME}:
    imprecision_thresholds: { ci_width: 0.1, decision: { sensitivity: 0.8 } }
    risk_of_bias: { judgement: serious, reason: "No study is assessed with QUADAS-2 yet" }
    inconsistency: ${rate(judgements.inconsistency ?? 'serious', 'Specificity varies widely between studies')}
    indirectness: { judgement: not serious }
    imprecision: ${rate(judgements.imprecision, 'Both CIs are wider than 0.1')}
    publication_bias: { judgement: not serious }
`;
}

/** The review protocol text with the AuditC outcome declared, and optional extra top-level text (e.g. a certainty block). */
export function withDtaOutcome(reviewYaml: string, extra = ''): string {
  const outcome = `  - id: ${DTA_OUTCOME}
    label: "Unhealthy alcohol use (AUDIT-C)"
    measures: [sensitivity, specificity]
    aliases: ["AUDIT-C"]
    description: "Fixture outcome: the 14 studies of mada's AuditC data set."
`;
  return `${reviewYaml.replace('search_log:', `${outcome}search_log:`).trimEnd()}\n${extra}`;
}

/** The MDX pages of the AuditC studies (file name → text), the first `n` of the 14. */
export function auditCPages(n = 14): Record<string, string> {
  const c = auditC();
  return Object.fromEntries(c.tp.slice(0, n).map((tp, i) => [`auditc-${String(i + 1).padStart(2, '0')}.mdx`, dtaPage(i + 1, { tp, fp: c.fp[i]!, fn: c.fn[i]!, tn: c.tn[i]! })]));
}

/** A copy of the project in a new temporary folder (node_modules linked) with the AuditC outcome and pages added (and `extraReview` appended to review.yaml). */
export async function projectWithDtaStudies(prefix = 'dta-project-', extraReview = ''): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  for (const p of ['src', 'content', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) await cp(join(ROOT, p), join(dir, p), { recursive: true });
  await mkdir(join(dir, 'data'), { recursive: true });
  await cp(join(ROOT, 'data', 'README.md'), join(dir, 'data', 'README.md'));
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const review = join(dir, 'content', 'review.yaml');
  await writeFile(review, withDtaOutcome(await readFile(review, 'utf8'), extraReview));
  for (const [name, text] of Object.entries(auditCPages())) await writeFile(join(dir, 'content', 'studies', name), text);
  return dir;
}
