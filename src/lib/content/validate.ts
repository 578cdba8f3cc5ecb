/**
 * Validate a study page or the review protocol from source text, reporting each problem as
 * `file:line: field: message (fix)` so an author can go straight to it.
 */
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import type { z } from 'zod';
import { Review, Study } from '../schema/index.ts';
import { MdxFormatError, parseStudyMdx, type BodySection } from '../ingest/mdx.ts';

/** One problem in a content file. */
export interface ContentProblem {
  file: string;
  line: number;
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Format a problem the way compilers do: `file:line: field: message`. */
export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line}: ${p.field}: ${p.message}`;
}

/** Parse YAML and validate it against a schema, mapping each issue to the line of its field. */
export function validateYaml<S extends z.ZodType>(
  schema: S,
  text: string,
  file: string,
  firstLine = 1,
): { data: z.infer<S> | null; problems: ContentProblem[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  if (doc.errors.length > 0) {
    return {
      data: null,
      problems: doc.errors.map((e) => ({
        file,
        line: lineOf(e.pos[0]),
        field: '(yaml)',
        message: `${e.message.split('\n')[0]} (fix the YAML syntax; quote text containing ": " or "#")`,
        severity: 'error' as const,
      })),
    };
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String);
    return {
      file,
      line: lineOf(offsetOfPath(doc.contents, issue.path as (string | number)[])),
      field: path.length ? path.join('.') : '(root)',
      message: issue.message,
      severity: 'error' as const,
    };
  });
  return { data: null, problems };
}

/** Offset of the deepest node along a path (falls back to the nearest existing parent). */
function offsetOfPath(node: unknown, path: (string | number)[]): number {
  let current = node as Node | null;
  let offset = (current as { range?: number[] } | null)?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(current)) {
      const pair = current.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      offset = (pair.key as { range?: number[] }).range?.[0] ?? offset;
      current = pair.value as Node | null;
    } else if (isSeq(current) && typeof key === 'number') {
      const item = current.items[key] as Node | undefined;
      if (!item) break;
      offset = (item as { range?: number[] }).range?.[0] ?? offset;
      current = item;
    } else break;
  }
  return offset;
}

/** A validated page: frontmatter, abstract sections, the line where the abstract starts, and a way to find a field's line. */
export interface ValidatedStudy {
  slug: string;
  file: string;
  study: Study | null;
  sections: BodySection[];
  abstractLine: number | null;
  problems: ContentProblem[];
  /** The file line of a frontmatter field, e.g. lineOf(['estimates', 2, 'quote']). */
  lineOf(path: (string | number)[]): number;
}

/** The file line of a frontmatter path of a study page's source, parsed when first asked (a page read back from a cache has no parsed YAML); a page whose layout is broken maps every path to `fallback`. */
export function lazyFieldLines(source: string, fallback: number): (path: (string | number)[]) => number {
  let lines: ((path: (string | number)[]) => number) | null = null;
  return (path) => {
    if (!lines) {
      try {
        const parsed = parseStudyMdx(source);
        lines = fieldLines(parsed.frontmatterText, parsed.frontmatterLine);
      } catch (error) {
        if (!(error instanceof MdxFormatError)) throw error;
        lines = () => fallback;
      }
    }
    return lines(path);
  };
}

/** Map frontmatter paths to file lines. */
function fieldLines(text: string, firstLine: number): (path: (string | number)[]) => number {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  return (path) => counter.linePos(offsetOfPath(doc.contents, path)).line + firstLine - 1;
}

/** Validate a study page's source text. */
export function validateStudySource(source: string, file: string, slug: string): ValidatedStudy {
  try {
    const parsed = parseStudyMdx(source);
    const { data, problems } = validateYaml(Study, parsed.frontmatterText, file, parsed.frontmatterLine);
    const lineOf = fieldLines(parsed.frontmatterText, parsed.frontmatterLine);
    return { slug, file, study: data, sections: parsed.sections, abstractLine: parsed.abstractLine, problems, lineOf };
  } catch (error) {
    if (error instanceof MdxFormatError) {
      const line = error.line;
      return { slug, file, study: null, sections: [], abstractLine: null, problems: [{ file, line, field: '(page)', message: error.message, severity: 'error' }], lineOf: () => line };
    }
    throw error;
  }
}

/** Validate the review protocol (content/review.yaml). */
export function validateReviewSource(text: string, file: string): { review: Review | null; problems: ContentProblem[] } {
  const { data, problems } = validateYaml(Review, text, file);
  return { review: data, problems };
}
