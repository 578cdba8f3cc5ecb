/**
 * Table columns read off a zod row schema: each field's name, its DuckDB type (from the zod type)
 * and its meaning (the field's `.meta({ description })`), in the order the schema declares them.
 * The tables build-data writes, their CSV/Parquet/JSON headers, the Data page and the data
 * dictionary (data/README.md) all come from these, so a column is declared once, in the schema.
 */
import { z } from 'zod';

/** DuckDB column types used by the tables. */
export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';

/** One column: name, DuckDB type, and its meaning (the data dictionary). */
export interface Column<Row> {
  name: keyof Row & string;
  type: ColumnType;
  description: string;
}

/**
 * The DuckDB type of a field: VARCHAR for text, enums and string literals, INTEGER for `.int()`
 * numbers, DOUBLE for other numbers, BOOLEAN; nullable, optional and default wrappers are looked
 * through. Throws for a type with no column (an object or array must be flattened first).
 */
export function columnType(field: z.ZodType, name = 'field'): ColumnType {
  if (field instanceof z.ZodNullable || field instanceof z.ZodOptional || field instanceof z.ZodDefault) return columnType(field.unwrap() as z.ZodType, name);
  if (field instanceof z.ZodString || field instanceof z.ZodEnum) return 'VARCHAR';
  if (field instanceof z.ZodLiteral && field.values.size > 0 && [...field.values].every((v) => typeof v === 'string')) return 'VARCHAR';
  if (field instanceof z.ZodNumber) return field.format?.includes('int') ? 'INTEGER' : 'DOUBLE';
  if (field instanceof z.ZodBoolean) return 'BOOLEAN';
  throw new Error(`column ${name}: a ${field.def.type} field has no column type; flatten it to text, a number or a boolean`);
}

/** The description a field carries (`.meta({ description })` or `.describe()`); throws when it has none. */
export function columnDescription(field: z.ZodType, name = 'field'): string {
  const description = field.meta()?.description;
  if (!description) throw new Error(`column ${name} has no description: give its schema field .meta({ description: '…' }) as the last call`);
  return description;
}

/** The columns of a row schema, in its order, each with its DuckDB type and description. */
export function columnsOf<S extends z.ZodObject>(row: S): Column<z.output<S>>[] {
  return Object.entries(row.shape).map(([name, field]) => ({
    name: name as keyof z.output<S> & string,
    type: columnType(field as z.ZodType, name),
    description: columnDescription(field as z.ZodType, name),
  }));
}
