import { describe, expect, it } from 'vitest';
import { extractEstimates } from '../../../src/lib/ingest/extract.ts';
import { countTables, extractTwoByTwo, namedCellTables } from '../../../src/lib/ingest/two-by-two.ts';
import { TwoByTwo } from '../../../src/lib/schema/two-by-two.ts';

describe('2×2 counts printed cell by cell', () => {
  it('reads TP, FP, FN and TN written as "name = count", quoting each cell verbatim', () => {
    const text = 'On the test set, TP = 45, FP = 6, FN = 3 and TN = 120.';
    const [t] = namedCellTables(text);
    expect([t?.tp.n, t?.fp.n, t?.fn.n, t?.tn.n]).toEqual([45, 6, 3, 120]);
    for (const c of [t!.tp, t!.fp, t!.fn, t!.tn]) expect(text).toContain(c.quote);
  });

  it('reads spelled-out cells with the count before or after the name', () => {
    const [a] = namedCellTables('There were 45 true positives, 6 false positives, 3 false negatives and 120 true negatives.');
    expect([a?.tp.n, a?.fp.n, a?.fn.n, a?.tn.n]).toEqual([45, 6, 3, 120]);
    const [b] = namedCellTables('true positives: 1,204; false positives: 36; false negatives: 17; true negatives: 2,310.');
    expect([b?.tp.n, b?.fp.n, b?.fn.n, b?.tn.n]).toEqual([1204, 36, 17, 2310]);
  });

  it('gives no table when a cell is missing or a count is a percentage', () => {
    expect(namedCellTables('TP = 45, FP = 6 and FN = 3.')).toEqual([]);
    expect(namedCellTables('false positive rate 6%, TP = 45, FN = 3, TN = 120')).toEqual([]);
  });
});

describe('2×2 counts from sensitivity and specificity n/N', () => {
  const text = 'For WMA, sensitivity was 87% (95% CI 82–91; 194/223) and specificity was 91% (88–94; 364/400).';

  it('quotes TP and TN and derives FN and FP from the quoted totals', () => {
    const [t] = countTables(extractEstimates(text));
    expect(t).toMatchObject({ tp: { n: 194 }, fn: { n: 29 }, tn: { n: 364 }, fp: { n: 36 } });
    expect(text).toContain(t!.tp.quote);
    expect(t!.fn.derived?.rule).toBe('223 with the condition − 194 true positives');
    for (const q of [...t!.fn.derived!.from, ...t!.fp.derived!.from]) expect(text).toContain(q);
  });

  it('produces tables the schema accepts', () => {
    for (const t of extractTwoByTwo(text, extractEstimates(text))) {
      expect(TwoByTwo.safeParse({ outcome: 'wall-motion-abnormality', threshold: null, ...t }).success).toBe(true);
    }
  });

  it('makes no table from counts that do not give the stated value, and flags them', () => {
    const found = extractEstimates('sensitivity was 87% (50/223) and specificity was 91% (364/400)');
    expect(found[0]?.review_reason).toContain('50/223 does not give 87%');
    expect(countTables(found)).toEqual([]);
  });

  it('makes no table from a sensitivity without a specificity', () => {
    expect(countTables(extractEstimates('sensitivity was 87% (193/223)'))).toEqual([]);
  });
});
