import { describe, expect, it } from 'vitest';
import { columnTable, driftedTables, withColumnTables } from '../../../src/lib/data/dictionary.ts';

const COLUMNS = { things: [{ name: 'id', type: 'VARCHAR', description: 'The id.' }, { name: 'n', type: 'INTEGER', description: 'How many, or null.' }] };

const README = `# Data

Intro prose.

## things

Prose about things stays.

| column | type | meaning |
|---|---|---|
| \`id\` | VARCHAR | An old meaning. |

## Reading the data

| not | a | column table |
`;

describe('the data dictionary column tables', () => {
  it('writes one row per column, name in code, then the type and the meaning', () => {
    expect(columnTable(COLUMNS.things)).toBe('| column | type | meaning |\n|---|---|---|\n| `id` | VARCHAR | The id. |\n| `n` | INTEGER | How many, or null. |');
  });

  it('escapes a bar and a line break in a meaning so the row stays one table row', () => {
    expect(columnTable([{ name: 'x', type: 'VARCHAR', description: 'a | b\nc' }])).toContain('| `x` | VARCHAR | a \\| b c |');
  });

  it('replaces the column table under the table heading and keeps the prose around it', () => {
    const out = withColumnTables(README, COLUMNS);
    expect(out).toContain('Prose about things stays.\n\n| column | type | meaning |\n|---|---|---|\n| `id` | VARCHAR | The id. |\n| `n` | INTEGER | How many, or null. |\n\n## Reading the data');
    expect(out).toContain('| not | a | column table |');
    expect(out.startsWith('# Data\n\nIntro prose.')).toBe(true);
  });

  it('names the tables whose column table drifted, and none once rewritten', () => {
    expect(driftedTables(README, COLUMNS)).toEqual(['things']);
    expect(driftedTables(withColumnTables(README, COLUMNS), COLUMNS)).toEqual([]);
  });

  it('refuses a dictionary with no section, or no column table, for a table', () => {
    expect(() => withColumnTables(README, { ...COLUMNS, others: [] })).toThrow('data dictionary: no section "## others" for the others table');
    expect(() => withColumnTables('## things\n\nNo table here.\n\n## next\n\n| column | type | meaning |\n', COLUMNS)).toThrow('the section "## things" has no column table');
  });
});
