import { describe, expect, it } from 'vitest';
import { decodeXml, parseXml } from './xml.ts';

describe('the test XML checker', () => {
  it('accepts a small well-formed document and lists its elements', () => {
    const r = parseXml('<svg a="1"><g><title>x &amp; y</title><rect/></g></svg>');
    expect(r.errors).toEqual([]);
    expect(r.elements.map((e) => e.name)).toEqual(['svg', 'g', 'title', 'rect']);
  });

  it('reports unbalanced tags, bare ampersands, unquoted and duplicate attributes', () => {
    expect(parseXml('<svg><g></svg>').errors).not.toEqual([]);
    expect(parseXml('<svg>a & b</svg>').errors).not.toEqual([]);
    expect(parseXml('<svg a=1></svg>').errors).not.toEqual([]);
    expect(parseXml('<svg a="1" a="2"></svg>').errors).not.toEqual([]);
    expect(parseXml('<svg></svg><svg></svg>').errors).not.toEqual([]);
    expect(parseXml('<svg><text>1 < 2</text></svg>').errors).not.toEqual([]);
  });

  it('decodes entity references', () => {
    expect(decodeXml('&lt;b&gt; &amp; &quot;&apos; &#65;&#x42;')).toBe(`<b> & "' AB`);
  });
});
