import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BODY_COMPONENTS, bodyProblems, isCommentOnly, mdxSyntaxProblem, urlScheme, type MdxNode } from '../../../src/lib/content/body.ts';
import { formatProblem } from '../../../src/lib/content/validate.ts';
import { ROOT } from '../../helpers.ts';

const at = (line: number) => ({ start: { line, column: 1 } });
const root = (...children: MdxNode[]): MdxNode => ({ type: 'root', children, position: at(1) });
const lines = (tree: MdxNode) => bodyProblems(tree, 'content/studies/x.mdx').map(formatProblem);

describe('the rules for a study page body', () => {
  it('allows Markdown, the <Abstract> component without attributes, and comment-only expressions', () => {
    const tree = root(
      { type: 'yaml', value: 'key: x', position: at(1) },
      { type: 'mdxFlowExpression', value: '/* Abstract ingested verbatim */', position: at(5) },
      { type: 'mdxJsxFlowElement', name: 'Abstract', attributes: [], position: at(7), children: [{ type: 'paragraph', position: at(9), children: [{ type: 'text', value: 'text', position: at(9) }] }] },
      { type: 'heading', position: at(12), children: [{ type: 'text', value: 'Curator notes' }] },
      { type: 'paragraph', position: at(14), children: [{ type: 'mdxTextExpression', value: ' /* a */ /* b */ ', position: at(14) }] },
    );
    expect(lines(tree)).toEqual([]);
  });

  it('rejects import/export, with its line and the fix', () => {
    expect(lines(root({ type: 'mdxjsEsm', value: "import fs from 'node:fs'\nexport const x = 1", position: at(27) }))).toEqual([
      `content/studies/x.mdx:27: (body): "import fs from 'node:fs'": import/export statements are not allowed in a study page (they run on the machine that builds the site): delete them; to write the word at the start of a paragraph, escape its first letter (&#x69;mport, &#x65;xport)`,
    ]);
  });

  it('rejects JavaScript expressions in text and as blocks, and code hidden between comments', () => {
    const tree = root(
      { type: 'paragraph', position: at(3), children: [{ type: 'mdxTextExpression', value: 'process.exit(1)', position: at(3) }] },
      { type: 'mdxFlowExpression', value: '/* a */ globalThis.x = 1 /* b */', position: at(5) },
      { type: 'mdxFlowExpression', value: '/* a */ */ x /* b */', position: at(7) },
    );
    const out = lines(tree);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^content\/studies\/x\.mdx:3: \(body\): "\{process\.exit\(1\)\}": JavaScript expressions are not allowed/);
    expect(out.map((l) => l.split(':')[1])).toEqual(['3', '5', '7']);
  });

  it('rejects raw HTML and components other than the allowed ones, nested ones included', () => {
    const tree = root(
      { type: 'mdxJsxFlowElement', name: 'script', attributes: [], position: at(4), children: [] },
      { type: 'mdxJsxFlowElement', name: 'Abstract', attributes: [], position: at(6), children: [{ type: 'mdxJsxTextElement', name: 'img', attributes: [{ type: 'mdxJsxAttribute', name: 'src', value: 'x' }], position: at(8) }] },
      { type: 'mdxJsxFlowElement', name: 'Content', attributes: [], position: at(10) },
      { type: 'mdxJsxFlowElement', name: null, attributes: [], position: at(12) },
      { type: 'html', value: '<b>x</b>', position: at(14) },
    );
    expect(lines(tree).map((l) => l.replace(/ is not allowed.*| "<b>.*/, ''))).toEqual([
      'content/studies/x.mdx:4: (body): <script>',
      'content/studies/x.mdx:8: (body): <img>',
      'content/studies/x.mdx:10: (body): <Content>',
      'content/studies/x.mdx:12: (body): <>',
      'content/studies/x.mdx:14: (body): raw HTML',
    ]);
  });

  it('rejects attributes on an allowed component (an attribute value can be an expression)', () => {
    const tree = root({ type: 'mdxJsxFlowElement', name: 'Abstract', attributes: [{ type: 'mdxJsxAttribute', name: 'x', value: { type: 'mdxJsxAttributeValueExpression', value: 'process.exit(1)' } }], position: at(9) });
    expect(lines(tree)).toEqual(['content/studies/x.mdx:9: (body): <Abstract> takes no attributes in a study page: remove them (attribute values can be code)']);
  });

  it('rejects links and images to javascript:, data: and other schemes, and allows http(s), mailto and paths', () => {
    const link = (url: string, line: number, type = 'link'): MdxNode => ({ type, url, position: at(line), children: [] });
    const tree = root(
      { type: 'paragraph', position: at(2), children: [link('https://doi.org/10.1/x', 2), link('mailto:a@b.org', 2), link('/studies/x/', 2), link('#abstract', 2)] },
      { type: 'paragraph', position: at(4), children: [link('javascript:alert(1)', 4), link('data:text/html,hi', 5, 'image')] },
      { type: 'definition', url: 'java\tscript:x', position: at(7) },
    );
    expect(lines(tree).map((l) => l.replace(/ is not allowed.*/, ''))).toEqual([
      'content/studies/x.mdx:4: (body): link to "javascript:alert(1)"',
      'content/studies/x.mdx:5: (body): image to "data:text/html,hi"',
      'content/studies/x.mdx:7: (body): link to "java\tscript:x"',
    ]);
    expect(urlScheme(' JavaScript:x')).toBe('javascript');
    expect(urlScheme('studies/a:b')).toBe(null);
  });

  it('tells comment-only expressions from code', () => {
    expect(isCommentOnly('/* x */')).toBe(true);
    expect(isCommentOnly('  ')).toBe(true);
    expect(isCommentOnly('/* x */ /* y */')).toBe(true);
    expect(isCommentOnly('/* x */ 1 /* y */')).toBe(false);
    expect(isCommentOnly('// x')).toBe(false);
    expect(isCommentOnly('/* x')).toBe(false);
  });

  it('reports a parser syntax error at its line, with how to write the usual culprits as text', () => {
    const p = mdxSyntaxProblem('127:20: Unexpected end of file in expression, expected a corresponding closing brace for `{` (mdx-jsx:unexpected-character)', 'content/studies/x.mdx');
    expect(formatProblem(p)).toBe('content/studies/x.mdx:127: (body): the body is not valid MDX: Unexpected end of file in expression, expected a corresponding closing brace for `{` (close every <Abstract> with </Abstract>; write a literal { or < as \\{ or \\<; comments are {/* … */}, not <!-- … -->)');
    expect(p.severity).toBe('error');
  });

  it('allows exactly the components the study page passes to its MDX content', () => {
    const page = readFileSync(join(ROOT, 'src', 'pages', 'studies', '[slug].astro'), 'utf8');
    const passed = /<Content components=\{\{([^}]*)\}\}/.exec(page)![1]!.split(',').map((kv) => kv.split(':')[0]!.trim()).filter(Boolean);
    expect(passed).toEqual([...BODY_COMPONENTS]);
  });
});
