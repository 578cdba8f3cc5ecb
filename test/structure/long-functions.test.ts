import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionsIn, longFunctions, sourceFiles } from '../../scripts/lib/long-functions.ts';
import { ROOT } from '../helpers.ts';

/** Functions allowed over 60 lines, each with its reason (none today): anything else over 60 lines fails the test. */
const BEING_SPLIT: Record<string, string> = {};

describe('function length', () => {
  it('no function in src/ or scripts/ is over 60 lines, each with its named reason', () => {
    const long = longFunctions(ROOT, sourceFiles(ROOT)).filter((f) => !(`${f.file} ${f.name}` in BEING_SPLIT));
    expect(long.map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`)).toEqual([]);
  }, 60_000);
});

describe('functionsIn', () => {
  let dir: string;
  const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = 'ä²μ̂ ${i}';`).join('\n');
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'long-functions-'));
    await writeFile(
      join(dir, 'a.ts'),
      [
        '/** 「non-ASCII」 before the functions moves byte offsets away from character offsets. */',
        'export function declared(): void {', // line 2
        body(3),
        '}', // line 6: 5 lines
        'const arrow = (x: number): number => {', // line 7
        body(1),
        '  return x;',
        '};', // line 10: 4 lines
        'class K {',
        '  method(): number {', // line 12
        '    return 1;',
        '  }', // 3 lines
        '}',
        'export const obj = { prop: function () { return 2; } };', // line 16, 1 line
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'p.astro'),
      ['---', "import X from './x.ts';", 'function front(): number {', body(2), '  return 1;', '}', '---', '<p>ü</p>', '<script>', '  function inScript() {', '    return 3;', '  }', '</script>'].join('\n'),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('finds declarations, arrow functions, methods and object properties with their names, first lines and lengths', () => {
    expect(functionsIn(dir, 'a.ts').map(({ name, line, lines }) => [name, line, lines])).toEqual([
      ['declared', 2, 5],
      ['arrow', 7, 4],
      ['method', 12, 3],
      ['prop', 16, 1],
    ]);
  });

  it("reads an .astro file's frontmatter and scripts with the file's line numbers", () => {
    expect(functionsIn(dir, 'p.astro').map(({ name, line, lines }) => [name, line, lines])).toEqual([
      ['front', 3, 5],
      ['inScript', 11, 3],
    ]);
  });

  it('keeps only the functions over the limit, longest first', () => {
    expect(longFunctions(dir, ['a.ts', 'p.astro'], 3).map((f) => f.name)).toEqual(['declared', 'front', 'arrow']);
  });
});
