/** Build-time view model shared by pages: studies, per-outcome syntheses and PRISMA counts. */
import { loadStudies, review } from './load.ts';
import { synthesize, type OutcomeSynthesis } from '../lib/site/synthesis.ts';
import { synthesisInputs } from '../lib/site/synthesis-inputs.ts';
import { dtaInputs, synthesizeDta, type DtaSynthesis } from '../lib/site/dta-synthesis.ts';
import { prismaCounts, type PrismaCounts } from '../lib/prisma/index.ts';
import type { StudyRecord } from '../lib/data/tables.ts';
import type { Outcome } from '../lib/schema/index.ts';

/** Everything the pages show, computed once per build. */
export interface SiteModel {
  studies: StudyRecord[];
  syntheses: OutcomeSynthesis[];
  /** The diagnostic-accuracy synthesis of each outcome with 2×2 tables. */
  dta: DtaSynthesis[];
  outcomes: (Outcome & { syntheses: OutcomeSynthesis[]; studies: number })[];
  prisma: PrismaCounts;
}

/** The estimates of all pages as synthesis input rows (moved to src/lib so the changes history can use it). */
export { synthesisInputs };

let cache: Promise<SiteModel> | null = null;

/** Load (once) the site model. */
export function loadModel(): Promise<SiteModel> {
  cache ??= loadStudies().then((studies) => {
    const syntheses = synthesize(synthesisInputs(studies));
    const outcomes = review.outcomes.map((o) => {
      const own = syntheses.filter((s) => s.outcome === o.id);
      return { ...o, syntheses: own, studies: new Set(own.flatMap((s) => s.rows.map((r) => r.slug))).size };
    });
    const dta = synthesizeDta(dtaInputs(studies));
    return { studies, syntheses, dta, outcomes, prisma: prismaCounts(review, studies.map((s) => s.study)) };
  });
  return cache;
}

/** The outcome's display label, or its id when undeclared. */
export function outcomeLabel(id: string): string {
  return review.outcomes.find((o) => o.id === id)?.label ?? id;
}
