/**
 * Where `astro build` spends its time, by kind of output: Astro logs each route it writes with
 * the time it took ("├─ /studies/x/index.html (+12ms)"); this sums those times per kind.
 */

/** Time Astro spent on one kind of output. */
export interface RouteCost {
  kind: string;
  files: number;
  ms: number;
}

/** Kinds of output, first match wins; anything else is "other pages and files". */
const KINDS: [kind: string, pattern: RegExp][] = [
  ['study pages', /^\/studies\/[^/]+\/index\.html$/],
  ['study citation files (bib, ris, json)', /^\/studies\/[^/]+\/cite\.\w+$/],
  ['embed pages', /^\/embed\/[^/]+\/index\.html$/],
  ['figure SVG files', /^\/figures\/[^/]+\.svg$/],
  ['figure CSV and R files', /^\/figures\/[^/]+\.(csv|R)$/],
  ['outcome pages', /^\/outcomes\/[^/]+\/index\.html$/],
  ['bare pages', /^\/page-\d+\/index\.html$/],
];

const LINE = /[├└]─ (\/\S*) \(\+([\d.]+)(ms|s)\)/;

/** Per kind, the files Astro wrote and the milliseconds it logged for them, largest first. */
export function routeCosts(log: string): RouteCost[] {
  const byKind = new Map<string, RouteCost>();
  // eslint-disable-next-line no-control-regex
  for (const line of log.replace(/\x1b\[[0-9;]*m/g, '').split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const ms = Number(m[2]) * (m[3] === 's' ? 1000 : 1);
    const kind = KINDS.find(([, p]) => p.test(m[1]!))?.[0] ?? 'other pages and files';
    const cost = byKind.get(kind) ?? { kind, files: 0, ms: 0 };
    cost.files++;
    cost.ms += ms;
    byKind.set(kind, cost);
  }
  return [...byKind.values()].sort((a, b) => b.ms - a.ms);
}
