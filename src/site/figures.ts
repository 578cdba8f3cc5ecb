/**
 * The figure registry at build time (src/lib/figures/registry.ts builds it): every forest plot on
 * the site. Pages, /figures/<id>.* files and /embed/<id>/ pages all draw from this one list.
 */
import { loadModel, outcomeLabel } from './model.ts';
import { buildFigures, type Figure } from '../lib/figures/registry.ts';
import type { ForestRow } from '../lib/forest/types.ts';

export type { Figure } from '../lib/figures/registry.ts';

let cache: Promise<Figure[]> | null = null;

/** Every forest plot of the site (computed once per build). */
export function loadFigures(): Promise<Figure[]> {
  cache ??= loadModel().then((m) => buildFigures(m.studies, m.syntheses, { base: import.meta.env.BASE_URL, outcomeLabel }));
  return cache;
}

/** The figures shown on one page (path relative to the base, e.g. "studies/<slug>/"), in page order. */
export async function figuresOn(page: string): Promise<Figure[]> {
  return (await loadFigures()).filter((f) => f.page === page);
}

/** The figure with this id; throws when there is none (a page asked for a plot the registry lacks). */
export async function figureById(id: string): Promise<Figure> {
  const f = (await loadFigures()).find((x) => x.id === id);
  if (!f) throw new Error(`no figure with id ${id} in the registry (src/lib/figures/registry.ts)`);
  return f;
}

/** The rows as drawn in take-away files and embeds: same data, without links into the site. */
export function portableRows(f: Figure): ForestRow[] {
  return f.rows.map(({ href: _href, ...r }) => r);
}
