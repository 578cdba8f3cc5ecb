/**
 * The project's import graph (src/ and scripts/) checked against the rules in .dependency-cruiser.cjs,
 * and summarised by layer. dependency-cruiser reads .ts and .mjs files; an .astro file's frontmatter and
 * <script> imports are read here (dependency-cruiser has no .astro parser) and checked against the one
 * rule that can apply to them: nothing in src/ imports scripts/.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseSync } from '@swc/core';
import { cruise } from 'dependency-cruiser';
import type { ICruiseResult, IModule } from 'dependency-cruiser';
import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config';
import { codeBlocks } from './long-functions.ts';

/** One broken rule: its name, the importing and imported module, and the circle when the rule is about one. */
export interface Violation {
  rule: string;
  from: string;
  to: string;
  cycle?: string[];
}

/** The layers, bottom first: an import from a lower layer to a higher one runs up. */
export const LAYERS = ['src/lib', 'src (root)', 'src/client', 'src/build', 'src/components', 'src/layouts', 'src/pages', 'scripts'] as const;
/** A layer name from LAYERS. */
export type Layer = (typeof LAYERS)[number];

const RANK: Record<Layer, number> = {
  'src/lib': 0,
  'src (root)': 1,
  'src/client': 2,
  'src/build': 2,
  'src/components': 3,
  'src/layouts': 3,
  'src/pages': 4,
  scripts: 5,
};

/** The layer a project file belongs to, or undefined for packages, Node built-ins and files outside src/ and scripts/. */
export function layerOf(path: string): Layer | undefined {
  if (path.startsWith('scripts/')) return 'scripts';
  const m = /^src\/(lib|client|build|components|layouts|pages)\//.exec(path);
  if (m) return `src/${m[1]}` as Layer;
  return path.startsWith('src/') ? 'src (root)' : undefined;
}

/** One import between project files. */
export interface Edge {
  from: string;
  to: string;
}

/** The cruise: every module's imports and every rule broken. */
export interface ImportGraph {
  modules: string[];
  edges: Edge[];
  violations: Violation[];
  /** Every circle, as its modules in import order (whitelisted ones included). */
  cycles: string[][];
}

async function cruiseTs(root: string): Promise<ICruiseResult> {
  const config = await extractDepcruiseConfig(join(root, '.dependency-cruiser.cjs'));
  const result = await cruise(['src', 'scripts'], { ...config.options, baseDir: root, validate: true, ruleSet: { forbidden: config.forbidden } });
  return result.output as ICruiseResult;
}

/** Import specifiers of one block of TypeScript (static imports and re-exports). */
function importSpecifiers(code: string): string[] {
  const ast = parseSync(code, { syntax: 'typescript', target: 'esnext' }) as unknown as { body: { type: string; source?: { value: string } }[] };
  return ast.body.flatMap((s) => (s.source && /^(Import|ExportAll|ExportNamed)Declaration$/.test(s.type) ? [s.source.value] : []));
}

/** The project files an .astro file imports (relative specifiers that resolve to a file). */
export function astroImports(root: string, file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specs = codeBlocks(file, text).flatMap((b) => importSpecifiers(b.code));
  return specs
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(root, join(root, dirname(file), s.replace(/\?.*$/, ''))))
    .filter((p) => existsSync(join(root, p)));
}

/** Every .astro file under src/ (pages are imported by nobody, so the cruise does not find them all). */
function astroFiles(root: string): string[] {
  return readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.astro'))
    .map((p) => `src/${p}`)
    .sort();
}

function violationsOf(result: ICruiseResult): Violation[] {
  return (result.summary.violations ?? []).map((v) => ({
    rule: v.rule.name,
    from: v.from,
    to: v.to,
    ...(v.cycle ? { cycle: v.cycle.map((c) => (typeof c === 'string' ? c : c.name)) } : {}),
  }));
}

/** Cruises src/ and scripts/ under `root` with its .dependency-cruiser.cjs, adding the .astro files' imports. */
export async function importGraph(root: string): Promise<ImportGraph> {
  const result = await cruiseTs(root);
  const edges: Edge[] = [];
  const modules = new Set<string>();
  const cycles: string[][] = [];
  for (const m of result.modules) {
    if (layerOf(m.source) === undefined) continue;
    modules.add(m.source);
    for (const d of m.dependencies) {
      if (layerOf(d.resolved) !== undefined) edges.push({ from: m.source, to: d.resolved });
      if (d.circular && d.cycle) cycles.push([m.source, ...d.cycle.map((c) => c.name)]);
    }
  }
  const violations = violationsOf(result);
  for (const file of astroFiles(root)) {
    modules.add(file);
    for (const to of astroImports(root, file)) {
      if (layerOf(to) === undefined) continue;
      edges.push({ from: file, to });
      if (to.startsWith('scripts/')) violations.push({ rule: 'src-not-to-scripts', from: file, to });
    }
  }
  return { modules: [...modules].sort(), edges, violations, cycles };
}

/** Counts per layer: files, imports to each layer, imports that run up, and the circles. */
export interface GraphSummary {
  layers: { layer: Layer; files: number; importsTo: Partial<Record<Layer, number>> }[];
  upward: Edge[];
  circles: string[][];
  /** The files of the circles merged where they share one (a circle's group is one knot to untie). */
  circleGroups: string[][];
}

/** True when an import from `from`'s layer to `to`'s layer runs up the layers (client → build counts: browser code never needs build glue). */
export function runsUp(from: Layer, to: Layer): boolean {
  return RANK[from] < RANK[to] || (from === 'src/client' && to === 'src/build');
}

/** The summary `npm run graph` prints for the closing note of issue #16. */
export function summarize(graph: ImportGraph): GraphSummary {
  const layers = LAYERS.map((layer) => {
    const importsTo: Partial<Record<Layer, number>> = {};
    for (const e of graph.edges) {
      if (layerOf(e.from) !== layer) continue;
      const to = layerOf(e.to) as Layer;
      importsTo[to] = (importsTo[to] ?? 0) + 1;
    }
    return { layer, files: graph.modules.filter((m) => layerOf(m) === layer).length, importsTo };
  });
  const upward = graph.edges.filter((e) => runsUp(layerOf(e.from) as Layer, layerOf(e.to) as Layer));
  const circles = new Map<string, string[]>();
  for (const cycle of graph.cycles) {
    const members = cycle.filter((m, i) => cycle.indexOf(m) === i);
    circles.set([...members].sort().join(' '), members);
  }
  return { layers, upward, circles: [...circles.values()], circleGroups: groupsOf([...circles.values()]) };
}

/** Merges circles that share a file; each group's files sorted, groups by their first file. */
function groupsOf(circles: readonly string[][]): string[][] {
  const groups: Set<string>[] = [];
  for (const c of circles) {
    const touching = groups.filter((g) => c.some((m) => g.has(m)));
    const merged = new Set([...c, ...touching.flatMap((g) => [...g])]);
    for (const g of touching) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  return groups.map((g) => [...g].sort()).sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}
