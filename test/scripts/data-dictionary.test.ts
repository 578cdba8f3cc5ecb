import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { dataDictionary, dictionaryFile } from '../../scripts/data-dictionary.ts';
import { TABLE_COLUMNS } from '../../src/lib/schema/tables.ts';
import { ROOT } from '../helpers.ts';

const run = promisify(execFile);
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const SCRIPT = join(ROOT, 'scripts', 'data-dictionary.ts');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dictionary-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('node scripts/data-dictionary.ts', () => {
  it('finds the committed data/README.md generated from the schema, every column of every table in order', async () => {
    expect(await dataDictionary(dictionaryFile(ROOT), true)).toEqual([]);
    const readme = await readFile(dictionaryFile(ROOT), 'utf8');
    for (const columns of Object.values(TABLE_COLUMNS)) {
      const rows = columns.map((c) => `| \`${c.name}\` | ${c.type} | ${c.description} |`);
      expect(readme).toContain(rows.join('\n'));
    }
  });

  it('--check exits 1 naming the table whose column meaning was edited by hand, and writes nothing', async () => {
    const file = join(dir, 'README.md');
    const drifted = (await readFile(dictionaryFile(ROOT), 'utf8')).replace('| `value` | DOUBLE | Point estimate as reported', '| `value` | DOUBLE | Hand-edited point estimate');
    await writeFile(file, drifted);
    const result = await run(NODE, [SCRIPT, '--check', '--file', file]).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`the column tables of estimates in ${file} differ from the schema`);
    expect(await readFile(file, 'utf8')).toBe(drifted);
  });

  it('rewrites a drifted or missing column row from the schema and leaves the prose alone', async () => {
    const file = join(dir, 'README-rewrite.md');
    const committed = await readFile(dictionaryFile(ROOT), 'utf8');
    await writeFile(file, committed.replace(/\| `rob_overall` \|[^\n]*\n/, '').replace('Values are stored as reported', 'Values (an edit to prose) are stored as reported'));
    expect(await dataDictionary(file, false)).toEqual(['studies']);
    const out = await readFile(file, 'utf8');
    expect(out).toBe(committed.replace('Values are stored as reported', 'Values (an edit to prose) are stored as reported'));
  });
});
