import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { columnDescription, columnType, columnsOf } from '../../../src/lib/schema/columns.ts';

describe('columns read off a zod row schema', () => {
  it('types text, enums and string literals VARCHAR, whole numbers INTEGER, other numbers DOUBLE, booleans BOOLEAN', () => {
    expect(columnType(z.string().regex(/x/))).toBe('VARCHAR');
    expect(columnType(z.enum(['a', 'b']))).toBe('VARCHAR');
    expect(columnType(z.literal('QUADAS-2'))).toBe('VARCHAR');
    expect(columnType(z.number().int().positive())).toBe('INTEGER');
    expect(columnType(z.int())).toBe('INTEGER');
    expect(columnType(z.number().finite())).toBe('DOUBLE');
    expect(columnType(z.boolean())).toBe('BOOLEAN');
  });

  it('looks through nullable, optional and default wrappers to the type they hold', () => {
    expect(columnType(z.number().int().nullable().default(null).meta({ description: 'x' }))).toBe('INTEGER');
    expect(columnType(z.boolean().default(false))).toBe('BOOLEAN');
    expect(columnType(z.string().optional())).toBe('VARCHAR');
  });

  it('refuses a field with no column type (an object, an array, a number literal), naming the column', () => {
    expect(() => columnType(z.object({ a: z.string() }), 'source')).toThrow('column source: a object field has no column type; flatten it to text, a number or a boolean');
    expect(() => columnType(z.array(z.string()), 'authors')).toThrow('column authors: a array field has no column type');
    expect(() => columnType(z.literal(3), 'three')).toThrow('column three: a literal field');
  });

  it('takes the description from .meta or .describe on the outermost schema, and refuses a field without one', () => {
    expect(columnDescription(z.string().meta({ description: 'The id.' }))).toBe('The id.');
    expect(columnDescription(z.string().describe('Described.'))).toBe('Described.');
    expect(() => columnDescription(z.string().meta({ description: 'inner' }).nullable(), 'title')).toThrow('column title has no description');
  });

  it('lists the columns in the order the schema declares them', () => {
    const row = z.object({ b: z.boolean().meta({ description: 'B.' }), a: z.number().nullable().meta({ description: 'A.' }) });
    expect(columnsOf(row)).toEqual([
      { name: 'b', type: 'BOOLEAN', description: 'B.' },
      { name: 'a', type: 'DOUBLE', description: 'A.' },
    ]);
  });
});
