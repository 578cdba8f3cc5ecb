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

/** A copy of the project in a new temporary folder (node_modules linked) with the AuditC outcome and pages added. */
export async function projectWithDtaStudies(prefix = 'dta-project-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  for (const p of ['src', 'content', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) await cp(join(ROOT, p), join(dir, p), { recursive: true });
  await mkdir(join(dir, 'data'), { recursive: true });
  await cp(join(ROOT, 'data', 'README.md'), join(dir, 'data', 'README.md'));
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const review = join(dir, 'content', 'review.yaml');
  const outcome = `  - id: ${DTA_OUTCOME}
    label: "Unhealthy alcohol use (AUDIT-C)"
    measures: [sensitivity, specificity]
    aliases: ["AUDIT-C"]
    description: "Fixture outcome: the 14 studies of mada's AuditC data set."
`;
  await writeFile(review, (await readFile(review, 'utf8')).replace('search_log:', `${outcome}search_log:`));
  const c = auditC();
  for (let i = 0; i < c.tp.length; i++) {
    await writeFile(join(dir, 'content', 'studies', `auditc-${String(i + 1).padStart(2, '0')}.mdx`), dtaPage(i + 1, { tp: c.tp[i]!, fp: c.fp[i]!, fn: c.fn[i]!, tn: c.tn[i]! }));
  }
  return dir;
}
