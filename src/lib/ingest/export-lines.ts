/**
 * Line handling shared by the export parsers (MEDLINE in medline.ts, RIS in ris.ts): splitting
 * an export into numbered lines, spotting binary data, reporting runs of bad lines as one
 * problem, and quoting records and lines in problem messages. Pure: no Node imports.
 */

import type { SourceProblem, SourceRecord } from './record.ts';

/** A numbered line of an export, BOM removed and trailing whitespace trimmed. */
export interface ExportLine {
  text: string;
  line: number;
}

/** One tagged field of an export record; `value` has its continuation lines joined. */
export interface ExportField {
  tag: string;
  value: string;
  line: number;
}

/** Characters that never occur in a text export: C0 controls (tab excepted), DEL, U+FFFD. */
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

/** Split an export into 1-based lines; CRLF, CR and LF accepted, BOMs and trailing whitespace removed. */
export function exportLines(text: string): ExportLine[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((t, i) => ({ text: t.replace(/^\uFEFF+/, '').trimEnd(), line: i + 1 }));
}

/** True when a line holds control characters or invalid UTF-8 (U+FFFD), i.e. is not text. */
export function isBinaryLine(text: string): boolean {
  return BINARY.test(text);
}

/**
 * Collects problems that come in runs of lines (binary data, stray text) into one problem per
 * run, so a garbage file gives a handful of problems rather than one per line. Kinds listed in
 * `warnings` are reported with severity 'warning' (lines that were read, but not in the standard form).
 */
export function runReporter(file: string, problems: SourceProblem[], messages: Record<string, RunMessage>, warnings: ReadonlySet<string> = new Set()) {
  let pending: { kind: string; first: number; last: number; count: number; text: string } | null = null;
  const flush = (): void => {
    if (!pending) return;
    const make = messages[pending.kind];
    if (make) {
      const problem: SourceProblem = { file, line: pending.first, message: make(runExtent(pending.count, pending.last), pending.text) };
      if (warnings.has(pending.kind)) problem.severity = 'warning';
      problems.push(problem);
    }
    pending = null;
  };
  return {
    /** Record a problem line of the given kind, extending the current run when it continues it. */
    add(kind: string, line: number, text = ''): void {
      if (pending && pending.kind === kind) {
        pending.last = line;
        pending.count++;
        return;
      }
      flush();
      pending = { kind, first: line, last: line, count: 1, text };
    },
    /** A line that was read normally ends the current run. */
    ok: flush,
    /** End of input. */
    flush,
  };
}

/** Builds a run problem's message from its extent ("3 lines, up to line 9") and first line's text. */
export type RunMessage = (extent: string, firstLine: string) => string;

/** "N lines, up to line M" / "1 line" for run messages. */
export function runExtent(count: number, last: number): string {
  return count === 1 ? '1 line' : `${count} lines, up to line ${last}`;
}

/** The record named in a problem message: `record 2 ("Title…")` or `record 2 (no title)`. */
export function describeRecord(record: SourceRecord): string {
  const title = record.title;
  if (!title) return `record ${record.index} (no title)`;
  const chars = Array.from(title);
  const short = chars.length > 80 ? `${chars.slice(0, 77).join('')}…` : title;
  return `record ${record.index} (${JSON.stringify(short)})`;
}

/** Quote a line for a problem message, cut to 60 characters. */
export function quoteLine(text: string): string {
  const chars = Array.from(text.trim());
  return JSON.stringify(chars.length > 60 ? `${chars.slice(0, 57).join('')}…` : chars.join(''));
}

/** Sort problems by line, keeping the order of problems on the same line. */
export function byLine(problems: SourceProblem[]): SourceProblem[] {
  return problems.map((p, i) => ({ p, i })).sort((a, b) => a.p.line - b.p.line || a.i - b.i).map(({ p }) => p);
}

/**
 * Every affiliation of a record in order, joined with "; " (null when there is none). Repeats are
 * dropped, and so is one contained in another (PubMed repeats an author's affiliation with and
 * without the e-mail address), so no text is lost.
 */
export function joinAffiliations(values: readonly string[]): string | null {
  const unique = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  const kept = unique.filter((v) => !unique.some((other) => other !== v && other.includes(v)));
  return kept.length > 0 ? kept.join('; ') : null;
}

/** The warning for a record without an abstract: its page is made anyway; the abstract goes on the page, never into the export. */
export function noAbstractMessage(record: SourceRecord): string {
  return `${describeRecord(record)} has no abstract: its page is created without one; paste the abstract from the paper between <Abstract> and </Abstract> on that page and set abstract_complete: true when it is complete (do not edit the export: files in content/sources/ stay as the search returned them)`;
}
