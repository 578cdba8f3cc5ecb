/**
 * From study assessments to figure input: the domain columns of a tool and each study's level per
 * domain. A study not yet assessed gets `not-assessed` in every column (never low); a study
 * assessed with the other tool cannot share the figure's columns and is skipped with a reason.
 */
import { DOMAIN_LABELS, domainLevels, domainsOf, type AssessmentLike, type RobLevel } from '../schema/risk-of-bias-tools.ts';
import type { RobDomainColumn, RobStudyInput } from './types.ts';

/** A study and its assessment (`risk_of_bias` of its page). */
export interface RobEntry {
  id: string;
  label: string;
  href?: string;
  weight?: number | null;
  rob: AssessmentLike | null | undefined;
}

/** The columns of a tool: D1… with the domain names. */
export function domainColumns(tool: 'QUADAS-2' | 'PROBAST+AI'): RobDomainColumn[] {
  return domainsOf(tool).map((d, i) => ({ short: `D${i + 1}`, label: DOMAIN_LABELS[d] }));
}

/** The tool most of the assessed entries use (QUADAS-2 on a tie), or null when none is assessed. */
export function dominantTool(entries: readonly RobEntry[]): 'QUADAS-2' | 'PROBAST+AI' | null {
  const n = (t: string) => entries.filter((e) => e.rob?.tool === t).length;
  const [q, p] = [n('QUADAS-2'), n('PROBAST+AI')];
  return q + p === 0 ? null : q >= p ? 'QUADAS-2' : 'PROBAST+AI';
}

/** Figure input for one tool: its columns, the studies' levels, and the studies left out (other tool) with why. */
export function robFigureInput(tool: 'QUADAS-2' | 'PROBAST+AI', entries: readonly RobEntry[]): { domains: RobDomainColumn[]; studies: RobStudyInput[]; skipped: { id: string; label: string; reason: string }[] } {
  const domains = domainColumns(tool);
  const studies: RobStudyInput[] = [];
  const skipped: { id: string; label: string; reason: string }[] = [];
  for (const e of entries) {
    const t = e.rob?.tool ?? 'not-assessed';
    let levels: RobLevel[];
    if (t === tool) levels = domainLevels(e.rob!).map((d) => d.level);
    else if (t === 'not-assessed') levels = domains.map(() => 'not-assessed');
    else {
      skipped.push({ id: e.id, label: e.label, reason: `assessed with ${t}, not ${tool}` });
      continue;
    }
    const s: RobStudyInput = { id: e.id, label: e.label, levels };
    if (e.href !== undefined) s.href = e.href;
    if (e.weight !== undefined) s.weight = e.weight;
    studies.push(s);
  }
  return { domains, studies, skipped };
}
