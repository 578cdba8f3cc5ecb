/**
 * node scripts/data-dictionary.ts [--check] [--file data/README.md]
 * Writes the column tables of the data dictionary from the row schemas (src/lib/schema/tables.ts):
 * the table under each `## <table>` heading. With --check it writes nothing and exits 1, naming the
 * tables, when the committed file differs from what the schema gives (the test suite runs this).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { driftedTables, withColumnTables } from '../src/lib/data/dictionary.ts';
import { TABLE_COLUMNS } from '../src/lib/schema/tables.ts';

/** The default dictionary file, data/README.md of the project at `root`. */
export function dictionaryFile(root: string): string {
  return join(root, 'data', 'README.md');
}

/** Check (`check`: true) or rewrite the dictionary at `file`; returns the tables that drifted from the schema. */
export async function dataDictionary(file: string, check: boolean): Promise<string[]> {
  const readme = await readFile(file, 'utf8');
  const drifted = driftedTables(readme, TABLE_COLUMNS);
  if (!check && drifted.length > 0) await writeFile(file, withColumnTables(readme, TABLE_COLUMNS));
  return drifted;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, file: { type: 'string' } } });
  const file = values.file ?? dictionaryFile(process.cwd());
  dataDictionary(file, values.check!).then(
    (drifted) => {
      if (drifted.length === 0) console.log(`data dictionary: ${file} matches the schema`);
      else if (values.check) {
        console.error(`data dictionary: the column tables of ${drifted.join(', ')} in ${file} differ from the schema (src/lib/schema/tables.ts): run node scripts/data-dictionary.ts`);
        process.exit(1);
      } else console.log(`data dictionary: rewrote the column tables of ${drifted.join(', ')} in ${file}`);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
