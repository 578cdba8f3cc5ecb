import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderStudyMdx } from '../../src/lib/ingest/mdx.ts';
import { formatProblem } from '../../src/lib/content/validate.ts';
import { studyBodyProblems } from '../../scripts/lib/mdx-body.ts';
import { fixture } from '../helpers.ts';

const problems = (name: string) => studyBodyProblems(fixture(`studies/${name}`), `content/studies/${name}`).map(formatProblem);

describe('a study page body parsed as MDX (Sätteri, the parser the build uses)', () => {
  it('finds nothing in a page written by ingest, or in notes with comments and escaped braces', () => {
    expect(problems('valid.mdx')).toEqual([]);
    expect(problems('code/allowed.mdx')).toEqual([]);
  });

  it('reports import and export at the line they start', () => {
    expect(problems('code/esm.mdx')).toEqual([expect.stringMatching(/^content\/studies\/code\/esm\.mdx:127: \(body\): "import fs from 'node:fs'": import\/export statements are not allowed/)]);
  });

  it('reports a JavaScript expression in the notes at its line', () => {
    expect(problems('code/expression.mdx')).toEqual([expect.stringMatching(/^content\/studies\/code\/expression\.mdx:127: \(body\): "\{process\.exit\(1\)\}": JavaScript expressions are not allowed/)]);
  });

  it('reports <script> and other raw HTML at their lines', () => {
    expect(problems('code/html.mdx')).toEqual([
      expect.stringMatching(/^content\/studies\/code\/html\.mdx:127: \(body\): <script> is not allowed in a study page/),
      expect.stringMatching(/^content\/studies\/code\/html\.mdx:129: \(body\): <div> is not allowed in a study page/),
    ]);
  });

  it('reports unbalanced MDX as a syntax error at the line of the open brace', () => {
    expect(problems('code/unbalanced.mdx')).toEqual([expect.stringMatching(/^content\/studies\/code\/unbalanced\.mdx:127: \(body\): the body is not valid MDX: .*\{.*write a literal \{ or < as \\\{ or \\</)]);
  });

  it('reports an unclosed <Abstract> as a syntax error', () => {
    const page = fixture('studies/valid.mdx').replace('</Abstract>', '');
    const [p] = studyBodyProblems(page, 'content/studies/x.mdx');
    expect(p).toMatchObject({ field: '(body)', severity: 'error' });
    expect(p!.message).toMatch(/Abstract/);
  });

  it('passes every page ingest writes, whatever the abstract text (its escaping and these rules agree)', () => {
    const section = fc.record({ label: fc.option(fc.string({ unit: 'grapheme', maxLength: 40 }), { nil: null }), text: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }) });
    fc.assert(
      fc.property(fc.array(section, { minLength: 1, maxLength: 4 }), fc.string({ maxLength: 80 }), (sections, comment) => {
        const page = renderStudyMdx({ key: 'hash:0', title: 'x' }, sections, comment);
        expect(studyBodyProblems(page, 'content/studies/x.mdx')).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
