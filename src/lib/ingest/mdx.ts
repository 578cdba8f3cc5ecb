/**
 * The study page format: YAML frontmatter (the schema's fields) and an MDX body holding the
 * abstract verbatim inside <Abstract>…</Abstract>, then the curators' notes. Text is escaped
 * so that MDX reads it back character for character and never as markup or expressions.
 */
import { Document, visit } from 'yaml';
import type { Section } from './listing.ts';

/** One abstract section as stored in a page body. */
export interface BodySection {
  label: string | null;
  text: string;
}

const MDX_SPECIAL = /[\\`*_{}[\]<>#!|~&]/g;

/** Escape text so MDX renders it literally: punctuation with meaning gets a backslash, edge whitespace and line breaks become character references. */
export function escapeMdxText(text: string): string {
  let out = text.replace(MDX_SPECIAL, '\\$&');
  out = out.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+=])/, '\\$1');
  // A paragraph starting with import/export would be read as an ES module statement.
  out = out.replace(/^(i)(?=mport\b)|^(e)(?=xport\b)/, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
  out = out.replace(/[\r\n]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
  out = out.replace(/^[ \t]+|[ \t]+$/g, (ws) => [...ws].map((c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`).join(''));
  return out;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Inverse of escapeMdxText (also decodes numeric and the common named character references). */
export function unescapeMdxText(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])|&#x([0-9a-fA-F]{1,6});|&#(\d{1,7});|&(amp|lt|gt|quot|apos|nbsp);/g, (_, esc, hex, dec, named) => {
    if (esc !== undefined) return esc;
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    if (dec !== undefined) return String.fromCodePoint(Number(dec));
    return NAMED[named] ?? '';
  });
}

const OPEN = '<Abstract>';
const CLOSE = '</Abstract>';
const NOTES_HEADING = '## Curator notes';

/** Render a page: frontmatter (field order as given) and the body with the abstract and an empty notes section. */
export function renderStudyMdx(frontmatter: Record<string, unknown>, sections: readonly BodySection[], sourceComment: string): string {
  const body: string[] = [`{/* ${sourceComment.replace(/\*\//g, '* /')} */}`, '', OPEN, ''];
  for (const s of sections) {
    if (s.label) body.push(`## ${escapeMdxText(s.label)}`, '');
    body.push(escapeMdxText(s.text), '');
  }
  body.push(CLOSE, '', NOTES_HEADING, '', '{/* Curators: add notes here. Ingest never rewrites this file. */}', '');
  return `---\n${stringifyFrontmatter(frontmatter)}---\n\n${body.join('\n')}`;
}

/** YAML for frontmatter: no line folding, and date-like strings quoted so no YAML reader turns them into dates. */
export function stringifyFrontmatter(data: Record<string, unknown>): string {
  const doc = new Document(data);
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && /^\d[\d.:+\- TZ]*$/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0, minContentWidth: 0 });
}

/** A page split into its parts. */
export interface ParsedStudyMdx {
  frontmatterText: string;
  frontmatterLine: number;
  sections: BodySection[];
  notes: string;
  abstractLine: number | null;
}

/** Split page source into frontmatter text and abstract sections (unescaped); errors name the line. */
export function parseStudyMdx(source: string): ParsedStudyMdx {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0] !== '---') throw new MdxFormatError(1, 'the file must start with a "---" line opening the frontmatter');
  const end = lines.indexOf('---', 1);
  if (end < 0) throw new MdxFormatError(1, 'the frontmatter is not closed: add a "---" line after the last field');
  const frontmatterText = lines.slice(1, end).join('\n');
  const body = parseAbstractBody(lines.slice(end + 1).join('\n'), end + 2);
  return { frontmatterText, frontmatterLine: 2, ...body };
}

/** Read the abstract sections (unescaped) and the notes from a page body; firstLine is the body's line in the file. */
export function parseAbstractBody(bodyText: string, firstLine = 1): Pick<ParsedStudyMdx, 'sections' | 'notes' | 'abstractLine'> {
  const rest = bodyText.split(/\r?\n/);
  const open = rest.findIndex((l) => l.trim() === OPEN);
  if (open < 0) return { sections: [], notes: rest.join('\n'), abstractLine: null };
  const close = rest.findIndex((l, i) => i > open && l.trim() === CLOSE);
  if (close < 0) throw new MdxFormatError(firstLine + open, `${OPEN} is not closed: add a ${CLOSE} line after the abstract`);
  const sections: BodySection[] = [];
  let label: string | null = null;
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length === 0) return;
    sections.push({ label, text: unescapeMdxText(paragraph.join('\n')) });
    label = null;
    paragraph = [];
  };
  for (const l of rest.slice(open + 1, close)) {
    if (l.trim() === '') flush();
    else if (l.startsWith('## ')) {
      flush();
      label = unescapeMdxText(l.slice(3).trim());
    } else paragraph.push(l);
  }
  flush();
  return { sections, notes: rest.slice(close + 1).join('\n'), abstractLine: firstLine + open };
}

/** A page whose layout (frontmatter fences, abstract block) is broken. */
export class MdxFormatError extends Error {
  line: number;
  constructor(line: number, message: string) {
    super(message);
    this.name = 'MdxFormatError';
    this.line = line;
  }
}

/** The full abstract text: sections joined by newlines (labels included), which quotes must be substrings of. */
export function abstractText(sections: readonly (BodySection | Section)[]): string {
  return sections.map((s) => (s.label ? `${s.label}: ${s.text}` : s.text)).join('\n');
}
