/**
 * Printing an evaluation: a table overall, per measure and per notation family (recall and
 * precision for points and intervals), then every miss and every wrong extraction with its
 * record id, the span and the text that was read. The same table renders as Markdown for the
 * README.
 */
import { FAMILIES } from './families.ts';
import { rates, type Evaluation, type Tally } from './evaluate.ts';

const pct = (x: number) => (x * 100).toFixed(1);

const HEADER = ['', 'labels', 'point R', 'with CI', 'interval R', 'read', 'point P', 'read with CI', 'interval P'];

function row(name: string, t: Tally): string[] {
  const r = rates(t);
  return [name, String(t.labels), pct(r.pointRecall), String(t.labelsWithCi), pct(r.intervalRecall), String(t.extracted), pct(r.pointPrecision), String(t.extractedWithCi), pct(r.intervalPrecision)];
}

/** The rows of the table: overall, then measures (alphabetical), then families (in FAMILIES order), then distractor kinds. */
export function tableRows(ev: Evaluation): { section: string; cells: string[] }[] {
  const out = [{ section: 'overall', cells: row('overall', ev.overall) }];
  for (const [m, t] of [...ev.byMeasure].sort(([a], [b]) => a.localeCompare(b))) out.push({ section: 'measure', cells: row(m, t) });
  const order = new Map(FAMILIES.map((f, i) => [f.id, i]));
  const fams = [...ev.byFamily].sort(([a], [b]) => (order.get(a) ?? 999) - (order.get(b) ?? 999) || a.localeCompare(b));
  for (const [f, t] of fams) out.push({ section: f.startsWith('distractor:') ? 'distractor' : 'family', cells: row(f, t) });
  return out;
}

/** The table as aligned plain text. */
export function textTable(ev: Evaluation): string {
  const rows = tableRows(ev);
  const all = [HEADER, ...rows.map((r) => r.cells)];
  const widths = HEADER.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]) => cells.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join('  ');
  const out: string[] = [line(HEADER)];
  let section = '';
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      out.push(`-- ${section === 'overall' ? 'overall' : section === 'measure' ? 'per measure' : section === 'family' ? 'per notation family' : 'distractors (anything read is wrong)'}`);
    }
    out.push(line(r.cells));
  }
  return out.join('\n');
}

/** The table as Markdown (for the README). */
export function markdownTable(ev: Evaluation): string {
  const head = ['group', ...HEADER.slice(1)];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const r of tableRows(ev)) lines.push(`| ${r.section === 'overall' ? '**overall**' : r.cells[0]} | ${r.cells.slice(1).join(' | ')} |`);
  return lines.join('\n');
}

const num = (x: number | null) => (x === null ? '–' : String(x));

/** Every miss and wrong extraction, one block each. */
export function listProblems(ev: Evaluation): string {
  const out: string[] = [];
  out.push(`Misses (${ev.misses.length}):`);
  for (const m of ev.misses) {
    const l = m.label;
    const got = m.found ? `read ${m.found.measure} ${m.found.value} (${num(m.found.ci_low)}, ${num(m.found.ci_high)})` : 'not read';
    out.push(`  ${m.record}: ${l.measure} ${l.value} (${num(l.ci_low)}, ${num(l.ci_high)}) — ${got}\n    span: ${m.span}\n    text: ${m.text}\n    families: ${m.families.join(', ')}`);
  }
  out.push(`Wrong extractions (${ev.wrong.length}):`);
  for (const w of ev.wrong) {
    const e = w.extracted;
    out.push(`  ${w.record}: ${e.measure} ${e.value} (${num(e.ci_low)}, ${num(e.ci_high)}) from "${e.quote}" — ${w.why}\n    span: ${w.span}\n    text: ${w.text}`);
  }
  return out.join('\n');
}

/** The headline line: interval and point recall/precision overall. */
export function headline(ev: Evaluation): string {
  const r = rates(ev.overall);
  return `interval recall ${pct(r.intervalRecall)}%, interval precision ${pct(r.intervalPrecision)}%, point recall ${pct(r.pointRecall)}%, point precision ${pct(r.pointPrecision)}% (${ev.records} records, ${ev.texts} texts, ${ev.overall.labels} labelled estimates)`;
}
