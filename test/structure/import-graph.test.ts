import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGraph, summarize } from '../../scripts/lib/import-graph.ts';
import type { ImportGraph, Violation } from '../../scripts/lib/import-graph.ts';
import { ROOT } from '../helpers.ts';

const describeViolation = (v: Violation) => `${v.rule}: ${v.from} → ${v.to}${v.cycle ? ` (circle ${v.cycle.join(' → ')})` : ''}`;

describe('the import graph of src/ and scripts/', () => {
  let graph: ImportGraph;
  beforeAll(async () => {
    graph = await importGraph(ROOT);
  }, 120_000);

  it('breaks no rule of .dependency-cruiser.cjs (no circle, nothing running up the layers)', () => {
    expect(graph.violations.map(describeViolation)).toEqual([]);
  });

  it('reads the TypeScript sources and the .astro pages (a cruise that parsed nothing would pass the rules)', () => {
    expect(graph.modules).toContain('src/lib/stats/pool.ts');
    expect(graph.modules).toContain('src/pages/index.astro');
    expect(graph.edges).toContainEqual({ from: 'src/lib/stats/index.ts', to: 'src/lib/stats/pool.ts' });
    expect(graph.edges.some((e) => e.from.startsWith('src/pages/') && e.to.startsWith('src/lib/'))).toBe(true);
  });

  it('has no import that runs up the layers', () => {
    expect(summarize(graph).upward).toEqual([]);
  });
});

/** A small project that breaks every rule once, checked with the project's own config. */
const BROKEN: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'broken', type: 'module', dependencies: { 'd3-selection': '*' } }),
  'node_modules/d3-selection/package.json': JSON.stringify({ name: 'd3-selection', main: 'index.js' }),
  'node_modules/d3-selection/index.js': 'export const select = 1;\n',
  'src/lib/reads-disk.ts': "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
  'src/lib/draws.ts': "import { select } from 'd3-selection';\nimport { y } from '../client/widget.ts';\nexport const x = [select, y];\n",
  'src/lib/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
  'src/lib/b.ts': "import type { a } from './a.ts';\nexport const b: typeof a | 1 = 1;\n",
  'src/lib/ingest/extract/p.ts': "import { q } from './q.ts';\nexport const p = () => q;\n",
  'src/lib/ingest/extract/q.ts': "import { p } from './p.ts';\nexport const q = () => p;\n",
  'src/client/widget.ts': "import { g } from '../build/glue.ts';\nexport const y = g;\n",
  'src/build/glue.ts': "import { s } from '../../scripts/tool.ts';\nexport const g = s;\n",
  'src/pages/index.astro': "---\nimport { s } from '../../scripts/tool.ts';\n---\n<p>{s}</p>\n",
  'scripts/tool.ts': "import { readFileSync } from 'node:fs';\nexport const s = readFileSync;\n",
  'test/tool.test.ts': "import { s } from '../scripts/tool.ts';\nimport { a } from '../src/lib/a.ts';\nexport const t = [s, a];\n",
};

describe('the import rules', () => {
  let dir: string;
  let graph: ImportGraph;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'import-graph-'));
    await cp(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
    for (const [path, text] of Object.entries(BROKEN)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    graph = await importGraph(dir);
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('report each broken rule once (a circle once), with the importing and the imported file', () => {
    const found = graph.violations.map((v) => `${v.rule}: ${v.from} → ${v.to}`).sort();
    expect(found).toEqual(
      [
        'client-not-build: src/client/widget.ts → src/build/glue.ts',
        'lib-no-dom-package: src/lib/draws.ts → node_modules/d3-selection/index.js',
        'lib-no-node: src/lib/reads-disk.ts → fs',
        'lib-not-up: src/lib/draws.ts → src/client/widget.ts',
        'no-circular: src/lib/a.ts → src/lib/b.ts',
        'no-circular: src/lib/ingest/extract/p.ts → src/lib/ingest/extract/q.ts',
        'src-not-to-scripts: src/build/glue.ts → scripts/tool.ts',
        'src-not-to-scripts: src/pages/index.astro → scripts/tool.ts',
      ].sort(),
    );
  });

  it('count each circle once, as a group of files', () => {
    expect(summarize(graph).circleGroups).toEqual([
      ['src/lib/a.ts', 'src/lib/b.ts'],
      ['src/lib/ingest/extract/p.ts', 'src/lib/ingest/extract/q.ts'],
    ]);
  });

  it('count scripts → src and test imports as fine and src/build → scripts as running up', () => {
    const upward = summarize(graph).upward.map((e) => `${e.from} → ${e.to}`);
    expect(upward).toContain('src/build/glue.ts → scripts/tool.ts');
    expect(upward).toContain('src/lib/draws.ts → src/client/widget.ts');
    expect(upward.filter((u) => u.startsWith('test/') || u.startsWith('scripts/'))).toEqual([]);
  });
});
