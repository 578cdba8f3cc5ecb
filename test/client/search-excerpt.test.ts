import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeEntities, excerptSegments } from '../../src/client/search-excerpt.ts';

describe('Pagefind excerpts become text segments', () => {
  it('turns <mark> pairs into marked segments and decodes the entities Pagefind wrote', () => {
    expect(excerptSegments('Using <mark>Deep</mark> learning &amp; &lt;b&gt;CMR&lt;/b&gt; &#39;x&#x27;')).toEqual([
      { text: 'Using ', mark: false },
      { text: 'Deep', mark: true },
      { text: " learning & <b>CMR</b> 'x'", mark: false },
    ]);
  });

  it('keeps any other tag, and unpaired marks, as literal text', () => {
    const hostile = '<img src=x onerror=alert(1)> <mark>hit <script>alert(1)</script>';
    const segs = excerptSegments(hostile);
    expect(segs.every((s) => !s.mark)).toBe(true);
    expect(segs.map((s) => s.text).join('')).toBe(hostile);
    expect(excerptSegments('a</mark>b')).toEqual([{ text: 'a</mark>b', mark: false }]);
  });

  it('leaves unknown or invalid character references as written', () => {
    expect(decodeEntities('&bogus; &#0; &#xD800; &#1114112; &amp')).toBe('&bogus; &#0; &#xD800; &#1114112; &amp');
  });

  it('on any input, returns alternating plain and marked segments, never longer than the excerpt', () => {
    const piece = fc.oneof(fc.string(), fc.constantFrom('<mark>', '</mark>', '&amp;', '&lt;', '<', '>'));
    fc.assert(
      fc.property(fc.array(piece), (parts) => {
        const excerpt = parts.join('');
        const segs = excerptSegments(excerpt);
        expect(segs.map((s) => s.text).join('').length).toBeLessThanOrEqual(excerpt.length);
        for (let i = 1; i < segs.length; i++) expect(segs[i]!.mark).not.toBe(segs[i - 1]!.mark);
        expect(segs.every((s) => s.text.length > 0)).toBe(true);
      }),
    );
  });
});
