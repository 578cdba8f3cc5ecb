/**
 * The figure registry at build time (src/lib/figures/registry.ts builds it): every forest plot on
 * the site. Pages, /figures/<id>.* files and /embed/<id>/ pages all draw from this one list.
 */
import { loadModel, outcomeLabel } from './model.ts';
import { buildFigures, type Figure } from '../lib/figures/registry.ts';
import { hasPng } from '../lib/figures/png.ts';
import { figureLinks, type FigureLinks } from '../lib/figures/urls.ts';

export type { Figure } from '../lib/figures/registry.ts';

interface Registry {
  all: Figure[];
  byId: Map<string, Figure>;
  byPage: Map<string, Figure[]>;
}

let cache: Promise<Registry> | null = null;

// Indexed once: with 10,000 studies, a scan of every figure for each of 20,000 pages is 400 million comparisons.
function registry(): Promise<Registry> {
  cache ??= loadModel().then((m) => {
    const all = buildFigures(m.studies, m.syntheses, { base: import.meta.env.BASE_URL, outcomeLabel });
    const byPage = new Map<string, Figure[]>();
    for (const f of all) {
      const own = byPage.get(f.page);
      if (own) own.push(f);
      else byPage.set(f.page, [f]);
    }
    return { all, byId: new Map(all.map((f) => [f.id, f])), byPage };
  });
  return cache;
}

/** Every forest plot of the site (computed once per build). */
export async function loadFigures(): Promise<Figure[]> {
  return (await registry()).all;
}

/** The figures shown on one page (path relative to the base, e.g. "studies/<slug>/"), in page order. */
export async function figuresOn(page: string): Promise<Figure[]> {
  return (await registry()).byPage.get(page) ?? [];
}

/** The figure with this id; throws when there is none (a page asked for a plot the registry lacks). */
export async function figureById(id: string): Promise<Figure> {
  const f = (await registry()).byId.get(id);
  if (!f) throw new Error(`no figure with id ${id} in the registry (src/lib/figures/registry.ts)`);
  return f;
}

/** The figure's take-away files (no PNG for plots over PNG_MAX_ROWS rows; scripts/build-png.ts renders the rest, scripts/build-pdf.ts every PDF). */
export function figureFiles(f: Figure): FigureLinks {
  return figureLinks(f.id, import.meta.env.BASE_URL, hasPng(f.rows.length));
}
