/**
 * What a study page body may contain. A page is MDX, and MDX is code: an `import`/`export` or a
 * `{…}` expression in a page runs on the machine that builds the site (locally, in PR CI, in the
 * deploy job), and a pull request from anyone is a study page. So a body may hold Markdown text,
 * the project's own components by name (no attributes) and comments `{/* … *\/}` — nothing else.
 * Raw HTML (`<script>`, `<div>`, …) is rejected, not escaped: MDX reads it as JSX. Links and
 * images may point only to http(s), mailto or the site itself (no `javascript:` or `data:`).
 *
 * The rules work on the syntax tree any MDX parser gives (mdast with the MDX node types); the
 * check (scripts/lib/mdx-body.ts) and the build (scripts/astro/study-body-guard.ts) both parse
 * with Sätteri, the MDX parser Astro uses, and apply these rules, so check reports first what
 * the build would refuse.
 */
import type { ContentProblem } from './validate.ts';

/** The components a study page body may use: the names the study page passes to its MDX content. */
export const BODY_COMPONENTS: readonly string[] = ['Abstract'];

/** Field name of body problems in `file:line: field: message`. */
export const BODY_FIELD = '(body)';

/** An MDX syntax tree node, as much of it as the rules read. */
export interface MdxNode {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: readonly unknown[];
  children?: readonly MdxNode[];
  url?: string;
  position?: { start: { line: number; column?: number } } | null;
}

/** URL schemes a link or image in a study page may use; a URL without a scheme (a path, #fragment) is always allowed. */
export const LINK_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];

// An expression holding only block comments (what ingest writes); `*/` cannot occur inside one.
const COMMENT_ONLY = /^\s*(?:\/\*(?:[^*]|\*(?!\/))*\*\/\s*)*$/;
const ALLOWED = new Set(BODY_COMPONENTS);
// Browsers ignore controls and whitespace inside a scheme ("java\tscript:"), so the test does too.
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The scheme of a URL as a browser reads it (lower case), or null for a relative URL. */
export function urlScheme(url: string): string | null {
  return SCHEME.exec(url.replace(/[\u0000-\u0020\u007F]/g, ''))?.[1]!.toLowerCase() ?? null;
}

/** Whether an MDX expression's source is empty or only block comments, which compile to nothing. */
export function isCommentOnly(source: string): boolean {
  return COMMENT_ONLY.test(source);
}

function firstLine(value: unknown): string {
  const text = String(value ?? '').trim().split('\n')[0] ?? '';
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** The problems of one node (not its children); `null` when it is allowed. */
function nodeProblem(node: MdxNode): string | null {
  switch (node.type) {
    case 'mdxjsEsm':
      return `"${firstLine(node.value)}": import/export statements are not allowed in a study page (they run on the machine that builds the site): delete them; to write the word at the start of a paragraph, escape its first letter (&#x69;mport, &#x65;xport)`;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return isCommentOnly(String(node.value ?? ''))
        ? null
        : `"{${firstLine(node.value)}}": JavaScript expressions are not allowed in a study page (they run on the machine that builds the site): delete it, or write a literal brace as \\{ (comments {/* … */} are allowed)`;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name ?? '';
      if (!ALLOWED.has(name)) {
        const tag = name ? `<${name}>` : '<>';
        return `${tag} is not allowed in a study page: a body may use only ${BODY_COMPONENTS.map((c) => `<${c}>`).join(', ')} and Markdown (raw HTML is rejected, not escaped); write text instead, escaping a literal < as \\<`;
      }
      if ((node.attributes ?? []).length > 0) return `<${name}> takes no attributes in a study page: remove them (attribute values can be code)`;
      return null;
    }
    case 'link':
    case 'image':
    case 'definition': {
      const scheme = urlScheme(String(node.url ?? ''));
      if (scheme === null || LINK_SCHEMES.includes(scheme)) return null;
      return `${node.type === 'image' ? 'image' : 'link'} to "${firstLine(node.url)}" is not allowed in a study page (a ${scheme}: URL can run code in the reader's browser): link to ${LINK_SCHEMES.map((x) => `${x}:`).join(', ')} or a path on the site`;
    }
    case 'html':
      return `raw HTML "${firstLine(node.value)}" is not allowed in a study page: use Markdown, or escape a literal < as \\<`;
    default:
      return null;
  }
}

/**
 * Every disallowed node of a parsed body, as `file:line: (body): message (fix)` errors, in document
 * order. `lineOffset` is added to the tree's lines (0 when the whole file was parsed).
 */
export function bodyProblems(tree: MdxNode, file: string, lineOffset = 0): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const visit = (node: MdxNode): void => {
    const message = nodeProblem(node);
    if (message) problems.push({ file, line: (node.position?.start.line ?? 1) + lineOffset, field: BODY_FIELD, message, severity: 'error' });
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return problems;
}

/**
 * A parser's syntax error as a problem. MDX parsers start their messages with `line:column:`;
 * the hint says how to write the usual culprits (`{`, `<`, an unclosed tag) as text.
 */
export function mdxSyntaxProblem(message: string, file: string, lineOffset = 0): ContentProblem {
  const m = /^(\d+):(\d+):\s*([\s\S]*)$/.exec(message.trim());
  const line = m ? Number(m[1]) + lineOffset : 1 + lineOffset;
  const text = (m ? m[3]! : message).replace(/\s*\([a-z-]+:[a-z-]+\)\s*$/, '').split('\n')[0]!;
  return {
    file,
    line,
    field: BODY_FIELD,
    message: `the body is not valid MDX: ${text} (close every <Abstract> with </Abstract>; write a literal { or < as \\{ or \\<; comments are {/* … */}, not <!-- … -->)`,
    severity: 'error',
  };
}
