import { describe, expect, it } from 'vitest';
import { formatProblem, validateStudySource } from '../../../src/lib/content/validate.ts';
import { fixture } from '../../helpers.ts';

const check = (name: string) => validateStudySource(fixture(`studies/${name}`), `content/studies/${name}`, name.replace('.mdx', ''));

describe('validateStudySource', () => {
  it('accepts a page written by ingest', () => {
    const v = check('valid.mdx');
    expect(v.problems).toEqual([]);
    expect(v.study?.estimates).toHaveLength(5);
    expect(v.sections.map((s) => s.label)).toEqual(['Background', 'Methods', 'Results', 'Conclusions', 'Clinical Perspective']);
  });

  it('names the file, line and field of each invalid frontmatter field, with the fix', () => {
    const lines = check('broken-fields.mdx').problems.map(formatProblem);
    expect(lines).toEqual([
      expect.stringMatching(/^content\/studies\/broken-fields\.mdx:7: published: must be YYYY, YYYY-MM or YYYY-MM-DD/),
      expect.stringMatching(/^content\/studies\/broken-fields\.mdx:24: status: .*"included".*"excluded".*"pending"/),
      expect.stringMatching(/^content\/studies\/broken-fields\.mdx:\d+: estimates\.1\.ci_low: ci_low 0\.78 is above ci_high 0\.613: swap them, or set needs_review: true/),
    ]);
    const ciLine = Number(lines[2]!.split(':')[1]);
    expect(fixture('studies/broken-fields.mdx').split('\n')[ciLine - 1]).toBe('    ci_low: 0.78');
  });

  it('reports YAML syntax errors with their line', () => {
    const [p] = check('broken-yaml.mdx').problems;
    expect(p).toMatchObject({ file: 'content/studies/broken-yaml.mdx', line: 3, field: '(yaml)' });
  });

  it('reports an abstract block that is not closed', () => {
    const [p] = check('broken-abstract.mdx').problems;
    expect(p).toMatchObject({ field: '(page)', message: expect.stringContaining('<Abstract> is not closed') });
  });
});
