import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { highlightQuotes } from '../../../src/lib/site/highlight.ts';

describe('highlightQuotes', () => {
  it('marks each quote and leaves the rest plain', () => {
    const segs = highlightQuotes('a WMA (AUC 0.873) b T2 0.553 c', [
      { id: 'e1', quote: 'WMA (AUC 0.873)' },
      { id: 'e2', quote: 'T2 0.553' },
    ]);
    expect(segs).toEqual([
      { text: 'a ', ids: [], anchors: [] },
      { text: 'WMA (AUC 0.873)', ids: ['e1'], anchors: ['e1'] },
      { text: ' b ', ids: [], anchors: [] },
      { text: 'T2 0.553', ids: ['e2'], anchors: ['e2'] },
      { text: ' c', ids: [], anchors: [] },
    ]);
  });

  it('gives overlapping quotes the shared run', () => {
    const segs = highlightQuotes('xx abc yy', [
      { id: 'a', quote: 'abc' },
      { id: 'b', quote: 'bc yy' },
    ]);
    expect(segs.map((s) => [s.text, s.ids.join('+'), s.anchors.join('+')])).toEqual([
      ['xx ', '', ''],
      ['a', 'a', 'a'],
      ['bc', 'a+b', 'b'],
      [' yy', 'b', ''],
    ]);
  });

  it('ignores quotes that are not in the text', () => {
    expect(highlightQuotes('abc', [{ id: 'x', quote: 'zzz' }])).toEqual([{ text: 'abc', ids: [], anchors: [] }]);
  });

  it('never loses or reorders a character', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.tuple(fc.nat(), fc.nat())), (text, ranges) => {
        const quotes = ranges.map(([a, b], i) => ({ id: `q${i}`, quote: text.slice(Math.min(a, b) % (text.length + 1), Math.max(a, b) % (text.length + 1)) }));
        return highlightQuotes(text, quotes).map((s) => s.text).join('') === text;
      }),
    );
  });
});
