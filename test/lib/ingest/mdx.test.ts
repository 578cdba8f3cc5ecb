import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defineMdastPlugin, mdxToJs } from 'satteri';
import { escapeMdxText, parseStudyMdx, renderStudyMdx, stringifyFrontmatter, unescapeMdxText, MdxFormatError } from '../../../src/lib/ingest/mdx.ts';

/** Compile MDX with the same engine Astro 7 uses (satteri) and collect its text nodes. */
function compiledText(mdx: string): string {
  const texts: string[] = [];
  const collect = defineMdastPlugin({ name: 'collect-text', text(node: { value: string }) { texts.push(node.value); } });
  mdxToJs(mdx, { mdastPlugins: [collect] });
  return texts.join('');
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '{props.secret} {`${1}`}',
  'import x from "y"',
  'export const a = 1',
  '# not a heading',
  '1. not a list',
  '- not a list',
  '> not a quote',
  '*bold* _em_ `code` ~~del~~ [link](http://x) ![img](x)',
  '&amp; &lt;b&gt; &#x41;',
  'back\\slash \\{',
  '| a | b |',
  '   leading and trailing spaces   ',
  'line\nbreak\r\nwindows',
  '<!-- comment -->',
  '</Abstract>',
];

describe('escapeMdxText', () => {
  it.each(HOSTILE)('makes MDX render %j literally, character for character', (text) => {
    const mdx = `<Abstract>\n\n${escapeMdxText(text)}\n\n</Abstract>\n`;
    expect(compiledText(mdx)).toBe(text);
    expect(unescapeMdxText(escapeMdxText(text))).toBe(text);
  });

  it('leaves ordinary abstract text readable', () => {
    const text = 'The study population included 1,453 adult patients (mean age 56±18 years, 42% female).';
    expect(escapeMdxText(text)).toBe(text);
  });

  it('round-trips any text through escape and unescape', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => unescapeMdxText(escapeMdxText(s)) === s), { numRuns: 500 });
  });

  it('renders any printable text literally when compiled by the MDX engine Astro uses', () => {
    const printable = fc.string({ unit: fc.constantFrom(...'ab <>{}[]()*_`~#!|&;\\/-+=.1:\'"\n\t'.split(''), 'é', '±', '😀'), minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(printable, (s) => {
        const mdx = `<Abstract>\n\n${escapeMdxText(s)}\n\n</Abstract>\n`;
        return compiledText(mdx) === s;
      }),
      { numRuns: 300 },
    );
  });
});

describe('renderStudyMdx and parseStudyMdx', () => {
  const sections = [
    { label: 'Background', text: 'A {b} <c> & d.' },
    { label: null, text: 'Unlabelled paragraph.' },
    { label: 'Clinical Perspective', text: '  spaced  ' },
  ];

  it('round-trips the abstract sections and the frontmatter text', () => {
    const page = renderStudyMdx({ key: 'hash:1', title: 'T' }, sections, 'from x.txt line 1');
    const parsed = parseStudyMdx(page);
    expect(parsed.sections).toEqual(sections);
    expect(parsed.frontmatterText).toBe('key: hash:1\ntitle: T');
  });

  it('writes a page that the MDX engine compiles', () => {
    const page = renderStudyMdx({ key: 'hash:1' }, sections, 'comment with */ inside');
    const body = page.slice(page.indexOf('---', 3) + 3);
    expect(() => mdxToJs(body)).not.toThrow();
  });

  it('quotes date-like strings so YAML readers keep them as text', () => {
    expect(stringifyFrontmatter({ published: '2024-04-16', year: '2025' })).toBe('published: "2024-04-16"\nyear: "2025"\n');
  });

  it('names the line when the frontmatter or the abstract block is not closed', () => {
    expect(() => parseStudyMdx('---\ntitle: x\n')).toThrow(MdxFormatError);
    try {
      parseStudyMdx('---\na: 1\n---\n\n<Abstract>\n\ntext\n');
    } catch (e) {
      expect((e as MdxFormatError).line).toBe(5);
    }
  });
});
