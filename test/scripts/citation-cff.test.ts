import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expectedCff } from '../../scripts/citation-cff.ts';
import { ROOT } from '../helpers.ts';

const text = readFileSync(join(ROOT, 'CITATION.cff'), 'utf8');
const review = parse(readFileSync(join(ROOT, 'content', 'review.yaml'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('CITATION.cff', () => {
  it('is valid YAML with the keys CFF 1.2.0 requires', () => {
    const cff = parse(text);
    expect(cff['cff-version']).toBe('1.2.0');
    expect(typeof cff.message).toBe('string');
    expect(cff.title).toBe(review.title);
    expect(Array.isArray(cff.authors) && cff.authors.length > 0).toBe(true);
    for (const a of cff.authors) expect(typeof a.name === 'string' || (typeof a['family-names'] === 'string' && typeof a['given-names'] === 'string')).toBe(true);
  });

  it('gives the package version and the last search as a quoted YYYY-MM-DD date-released', () => {
    const cff = parse(text);
    expect(cff.version).toBe(pkg.version);
    expect(cff['date-released']).toBe(review.search_log.map((s: { date: string }) => s.date).sort().at(-1).padEnd(10, '-01').slice(0, 10));
    expect(text).toMatch(/^date-released: "\d{4}-\d{2}-\d{2}"$/m);
  });

  it('is up to date with content/review.yaml and package.json (node scripts/citation-cff.ts rewrites it)', async () => {
    expect(text).toBe(await expectedCff(ROOT));
  });
});
