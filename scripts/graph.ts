/**
 * `npm run graph`: the import graph of src/ and scripts/ by layer (files, imports between layers, imports
 * that run up, circles, rule violations) and the functions over 60 lines — the numbers for issue #16's
 * closing note. Exits 1 when a rule of .dependency-cruiser.cjs is broken.
 */
import { importGraph, summarize } from './lib/import-graph.ts';
import { longFunctions, sourceFiles } from './lib/long-functions.ts';

const ROOT = process.cwd();
const MAX_LINES = 60;

async function main(): Promise<void> {
  const graph = await importGraph(ROOT);
  const summary = summarize(graph);
  console.log(`import graph: ${graph.modules.length} files, ${graph.edges.length} imports between them`);
  for (const { layer, files, importsTo } of summary.layers) {
    const to = Object.entries(importsTo).map(([l, n]) => `${l} ${n}`).join(', ');
    console.log(`  ${layer.padEnd(15)} ${String(files).padStart(4)} files   imports → ${to || '—'}`);
  }
  console.log(`upward imports: ${summary.upward.length}`);
  for (const e of summary.upward) console.log(`  ${e.from} → ${e.to}`);
  console.log(`circles: ${summary.circles.length}, in ${summary.circleGroups.length} group(s) of files`);
  for (const g of summary.circleGroups) console.log(`  group: ${g.join(', ')}`);
  for (const c of summary.circles) console.log(`  ${c.join(' → ')} → ${c[0]}`);
  console.log(`rule violations: ${graph.violations.length}`);
  for (const v of graph.violations) console.log(`  ${v.rule}: ${v.from} → ${v.to}${v.cycle ? ` (circle ${v.cycle.join(' → ')})` : ''}`);
  const long = longFunctions(ROOT, sourceFiles(ROOT), MAX_LINES);
  console.log(`functions over ${MAX_LINES} lines: ${long.length}`);
  for (const f of long) console.log(`  ${String(f.lines).padStart(4)}  ${f.name} (${f.file}:${f.line})`);
  if (graph.violations.length > 0) process.exitCode = 1;
}

await main();
