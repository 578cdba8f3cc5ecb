/**
 * A study's own forest plots (one per measure it reports), built from its estimates. The build
 * draws them inline on the study page; the reader's browser builds the same figures again from
 * the page's data island (StudyFigureInput) to make their SVG, PNG, CSV and R downloads, so this
 * module imports only what the browser needs (no synthesis, no registry).
 */
import { scaleFor, tryEffectFromCI, type Unit } from '../stats/transform.ts';
import { PROPORTION_MEASURES } from '../schema/measures.ts';
import { SYNTHESIS_LEVEL } from './synthesis-level.ts';
import { figureId } from './urls.ts';
import type { FigureDatum } from './types.ts';
import type { ForestRow } from '../forest/types.ts';
import type { Estimate } from '../schema/index.ts';
import type { Figure } from './types.ts';
import type { ForestScriptContext } from './r-script.ts';

/** The fields of an estimate that its study's figures use. */
export type StudyFigureEstimate = Pick<Estimate, 'label' | 'measure' | 'value' | 'ci_low' | 'ci_high' | 'ci_level' | 'unit' | 'quote' | 'needs_review' | 'review_reason'>;

/** What a study's figures are built from: its slug, title and estimates (a study record fits). */
export interface StudyFigureInput {
  slug: string;
  study: { title: string; estimates: readonly StudyFigureEstimate[] };
}

/** The estimates reduced to the fields the figures use, as the study page's data island carries them. */
export function studyFigureInput(slug: string, study: StudyFigureInput['study']): StudyFigureInput {
  const estimates = study.estimates.map(({ label, measure, value, ci_low, ci_high, ci_level, unit, quote, needs_review, review_reason }) => ({ label, measure, value, ci_low, ci_high, ci_level, unit, quote, needs_review, review_reason }));
  return { slug, study: { title: study.title, estimates } };
}

function effect(e: StudyFigureEstimate): { yi: number | null; sei: number | null } {
  const r = tryEffectFromCI({ measure: e.measure, estimate: e.value, lower: e.ci_low, upper: e.ci_high, unit: (e.unit ?? null) as Unit, level: e.ci_level ?? SYNTHESIS_LEVEL });
  // sei as sqrt(vi), as for outcome figures (the synthesis keeps vi), so one estimate has one sei everywhere.
  return r.ok ? { yi: r.effect.yi, sei: Math.sqrt(r.effect.vi) } : { yi: null, sei: null };
}

/** The study's forest plots, one per measure in the order the estimates first name it. */
export function studyFigures({ slug, study }: StudyFigureInput): Figure[] {
  const measures = [...new Set(study.estimates.map((e) => e.measure))];
  return measures.map((measure) => {
    const own = study.estimates.map((e, i) => ({ e, i })).filter(({ e }) => e.measure === measure);
    const div = (e: StudyFigureEstimate) => (e.unit === 'percent' && PROPORTION_MEASURES.has(measure) ? 100 : 1);
    const rows: ForestRow[] = own.map(({ e, i }) => ({
      id: `e-${i + 1}`,
      label: e.label,
      value: e.value / div(e),
      ciLow: e.ci_low === null ? null : e.ci_low / div(e),
      ciHigh: e.ci_high === null ? null : e.ci_high / div(e),
      href: `#q-${i + 1}`,
      measure,
      sublabel: e.needs_review ? 'needs review' : undefined,
    }));
    const data: FigureDatum[] = own.map(({ e, i }, j) => ({
      label: e.label,
      measure,
      value: rows[j]!.value,
      ci_low: rows[j]!.ciLow,
      ci_high: rows[j]!.ciHigh,
      ci_level: e.ci_level,
      weight: null,
      ...effect(e),
      scale: scaleFor(measure),
      slug,
      estimate_id: `${slug}#${i + 1}`,
      quote: e.quote,
      pooled: false,
      note: e.needs_review ? `needs review: ${e.review_reason ?? ''}`.trim() : null,
    }));
    const title = `${measure} estimates of this study`;
    return {
      id: figureId('study', slug, measure),
      kind: 'study',
      title,
      longTitle: `${measure} estimates of ${study.title}`,
      measure,
      rows,
      options: { measure, title, description: `${rows.length} ${measure} estimates with confidence intervals` },
      page: `studies/${slug}/`,
      anchor: `forest-${measure}`,
      data,
      pooling: null,
    };
  });
}

/** The study page's data island: the figures' input, the page's absolute URL, the review's title and the data version. */
export interface StudyPageData extends StudyFigureInput {
  pageUrl: string;
  reviewTitle: string;
  dataVersion: string;
}

/** The data island as HTML-safe JSON text for a `<script type="application/json">` (no "<", so no "</script>"). */
export function studyPageDataJson(data: StudyPageData): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** The R-script context of a study figure: shown at its anchor on the page, whose "Take this figure" makes its CSV. */
export function studyScriptContext(f: Pick<Figure, 'anchor'>, page: Pick<StudyPageData, 'pageUrl' | 'reviewTitle' | 'dataVersion'>): ForestScriptContext {
  const at = `${page.pageUrl}#${f.anchor}`;
  return { pageUrl: at, csvUrl: `the CSV from "Take this figure" at ${at}`, reviewTitle: page.reviewTitle, dataVersion: page.dataVersion };
}
