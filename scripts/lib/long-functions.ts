/**
 * Finds functions longer than a line limit in .ts, .mjs and .astro sources (issue #16: none over 60
 * lines). Parsed with swc (TypeScript 7.0 has no in-process compiler API); an .astro file is read as its
 * frontmatter and its <script> blocks.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseSync } from '@swc/core';

/** One function: where it is, what it is called, and how many lines it spans (signature to closing brace). */
export interface FunctionSpan {
  file: string;
  name: string;
  line: number;
  lines: number;
}

/** A piece of TypeScript inside a file: its text and the 1-based line of the file its first line is on. */
interface CodeBlock {
  code: string;
  firstLine: number;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---/;
const SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/g;

/** The TypeScript blocks of a file: the whole file, or an .astro file's frontmatter and scripts. */
export function codeBlocks(file: string, text: string): CodeBlock[] {
  if (!file.endsWith('.astro')) return [{ code: text, firstLine: 1 }];
  const blocks: CodeBlock[] = [];
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const front = FRONTMATTER.exec(text);
  if (front) blocks.push({ code: front[1] as string, firstLine: 2 });
  for (const m of text.matchAll(SCRIPT)) {
    const body = m[1] as string;
    if (body.trim() === '') continue;
    blocks.push({ code: body, firstLine: lineOf((m.index ?? 0) + m[0].indexOf('>') + 1) });
  }
  return blocks;
}

interface Span {
  start: number;
  end: number;
}
type Node = { type?: string; span?: Span; [key: string]: unknown };

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ClassMethod', 'PrivateMethod', 'MethodProperty', 'GetterProperty', 'SetterProperty', 'Constructor']);

/** The name a function is known by: its own, the variable, property or method it is assigned to, or `<anonymous>`. */
function nameOf(node: Node, parent: Node | undefined): string {
  const ident = (n: unknown): string | undefined => {
    const x = n as Node | undefined;
    if (!x) return undefined;
    if (typeof x.value === 'string') return x.value;
    if (x.type === 'Computed') return '[computed]';
    return undefined;
  };
  const own = ident(node.identifier) ?? ident(node.key);
  if (own) return own;
  if (node.type === 'Constructor') return 'constructor';
  if (parent?.type === 'VariableDeclarator') return ident(parent.id) ?? '<anonymous>';
  if (parent?.type === 'KeyValueProperty' || parent?.type === 'ClassProperty') return ident(parent.key) ?? '<anonymous>';
  return '<anonymous>';
}

/** Byte offset → 1-based line, for swc's byte spans. */
function lineIndex(code: string): (byte: number) => number {
  const bytes = Buffer.from(code, 'utf8');
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) starts.push(i + 1);
  return (byte) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= byte) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Every function in one block of TypeScript, with file line numbers. */
function blockFunctions(file: string, block: CodeBlock): FunctionSpan[] {
  // swc's spans are byte offsets into one map shared by every parse; a leading `0;` pins this parse's start.
  const PREFIX = '0;';
  const ast = parseSync(PREFIX + block.code, { syntax: 'typescript', tsx: false, target: 'esnext' }) as unknown as { body: Node[] };
  const base = (ast.body[0]?.span as Span).start + Buffer.byteLength(PREFIX);
  const lineAt = lineIndex(block.code);
  const found: FunctionSpan[] = [];
  const visit = (node: unknown, parent: Node | undefined): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child, parent);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (n.type && FUNCTION_TYPES.has(n.type) && n.span) {
      const first = lineAt(n.span.start - base);
      const last = lineAt(n.span.end - base - 1);
      found.push({ file, name: nameOf(n, parent), line: first + block.firstLine - 1, lines: last - first + 1 });
    }
    for (const [key, child] of Object.entries(n)) if (key !== 'span' && child && typeof child === 'object') visit(child, n.type ? n : parent);
  };
  visit(ast.body.slice(1), undefined);
  return found;
}

/** Every function in `file` (path relative to the project root, read from `root`), in source order. */
export function functionsIn(root: string, file: string): FunctionSpan[] {
  const text = readFileSync(`${root}/${file}`, 'utf8');
  return codeBlocks(file, text).flatMap((b) => blockFunctions(file, b));
}

/** The functions of `files` longer than `maxLines`, longest first. */
export function longFunctions(root: string, files: readonly string[], maxLines = 60): FunctionSpan[] {
  return files
    .flatMap((f) => functionsIn(root, f))
    .filter((f) => f.lines > maxLines)
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file) || a.line - b.line);
}

/** The .ts, .mjs and .astro files git tracks under src/ and scripts/ of `root` (declaration files left out). */
export function sourceFiles(root: string): string[] {
  return execFileSync('git', ['ls-files', 'src', 'scripts'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(ts|mjs|astro)$/.test(f) && !f.endsWith('.d.ts'));
}
