import { describe, expect, it } from 'vitest';
import { pageEstimateCount } from '../../../../../scripts/bench/lib/synthetic/page-estimates.ts';

const page = (estimates: string, tables: string) => `---\nkey: doi:10.5555/x\nestimates:${estimates}\ntwo_by_two:${tables}\n---\n\n<Abstract>\n- outcome: not frontmatter\n</Abstract>\n`;
const estimate = (o: string) => `\n  - outcome: ${o}\n    label: ECV\n    quote: "- outcome: inside a quote"`;
const table = `\n  - outcome: ecv\n    label: ECV\n    tp:\n      n: 3`;

describe('counting a page’s estimates from its text', () => {
  it('counts the entries of the estimates list and not the 2×2 tables, whose entries also start with "- outcome:"', () => {
    expect(pageEstimateCount(page(estimate('ecv') + estimate('lge') + estimate('t1'), table + table))).toBe(3);
  });

  it('counts none for an empty estimates list, whatever the tables', () => {
    expect(pageEstimateCount(page(' []', table))).toBe(0);
    expect(pageEstimateCount('---\nkey: x\n---\n')).toBe(0);
  });
});
