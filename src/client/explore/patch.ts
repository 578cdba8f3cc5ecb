/**
 * Redraw the results region from its parts (render.ts resultParts), keeping every element whose
 * HTML is the same as when it was drawn (a plot whose estimates did not change, the DTA section of
 * the same 2×2 tables, the same page of studies): only the changed parts are parsed and put in.
 * The page ends up with the markup renderResults gives, as a full redraw would.
 */
import { joinParts, type ResultParts } from '../../lib/explore/render.ts';

/** What is on the page: each element by the HTML it was drawn from. */
export interface Drawn {
  plotsOpen: string;
  head: Map<string, Element>;
  plots: Map<string, Element>;
  section: Element;
}

/** Elements for `htmls`: the kept ones, the others parsed together; null when a part is not exactly one element. */
function elementsFor(htmls: readonly string[], kept: Map<string, Element>): { nodes: Element[]; by: Map<string, Element> } | null {
  const fresh = htmls.filter((h) => !kept.has(h));
  const template = document.createElement('template');
  template.innerHTML = fresh.join('');
  const parsed = [...template.content.children];
  if (parsed.length !== fresh.length) return null;
  let k = 0;
  const nodes = htmls.map((h) => kept.get(h) ?? parsed[k++]!);
  return { nodes, by: new Map(htmls.map((h, i) => [h, nodes[i]!])) };
}

/** Draw everything (the first time, and whenever the parts do not line up with the page). */
function drawAll(results: HTMLElement, parts: ResultParts): Drawn | null {
  results.innerHTML = joinParts(parts); // escaped by resultParts, like the prerender
  const children = [...results.children];
  const section = children[parts.head.length];
  if (children.length !== parts.head.length + 1 || !section) return null;
  const plots = [...section.children].slice(2);
  if (plots.length !== parts.plots.length) return null;
  return { plotsOpen: parts.plotsOpen, section, head: new Map(parts.head.map((h, i) => [h, children[i]!])), plots: new Map(parts.plots.map((h, i) => [h, plots[i]!])) };
}

/** Redraw the results from `parts`, keeping the unchanged elements of what `last` drew; returns what is drawn now (null: the next redraw draws everything). */
export function redraw(results: HTMLElement, parts: ResultParts, last: Drawn | null): Drawn | null {
  if (!last || last.plotsOpen !== parts.plotsOpen || !last.section.isConnected) return drawAll(results, parts);
  const head = elementsFor(parts.head, last.head);
  const plots = elementsFor(parts.plots, last.plots);
  if (!head || !plots) return drawAll(results, parts);
  const fixed = [...last.section.children].slice(0, 2); // the heading and the note
  last.section.replaceChildren(...fixed, ...plots.nodes);
  results.replaceChildren(...head.nodes, last.section);
  return { plotsOpen: parts.plotsOpen, section: last.section, head: head.by, plots: plots.by };
}

/** Forget a drawn element changed since (e.g. the studies list after "Show more"), so it is drawn again next time. */
export function forget(drawn: Drawn | null, element: Element): void {
  for (const map of drawn ? [drawn.head, drawn.plots] : []) for (const [h, e] of map) if (e === element || e.contains(element)) map.delete(h);
}
