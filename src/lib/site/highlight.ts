/**
 * Split abstract text into plain and highlighted segments so each quote can be marked and
 * linked to from the estimates table. Pure; rendering (and escaping) is the template's job.
 */

/** A run of text, highlighted when `ids` is non-empty (ids of the quotes it belongs to); `anchors` are the ids that start here. */
export interface Segment {
  text: string;
  ids: string[];
  anchors: string[];
}

/** Mark every quote found in `text` (first occurrence each); overlapping quotes share the marked run. */
export function highlightQuotes(text: string, quotes: readonly { id: string; quote: string }[]): Segment[] {
  const spans = quotes
    .map((q) => ({ id: q.id, start: q.quote ? text.indexOf(q.quote) : -1, length: q.quote.length }))
    .filter((s) => s.start >= 0)
    .map((s) => ({ id: s.id, start: s.start, end: s.start + s.length }));
  if (spans.length === 0) return [{ text, ids: [], anchors: [] }];
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!];
    if (a === b) continue;
    const ids = spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.id);
    const last = segments[segments.length - 1];
    if (last && last.ids.join() === ids.join()) last.text += text.slice(a, b);
    else segments.push({ text: text.slice(a, b), ids, anchors: [] });
  }
  const anchored = new Set<string>();
  for (const seg of segments) {
    seg.anchors = seg.ids.filter((id) => !anchored.has(id));
    seg.anchors.forEach((id) => anchored.add(id));
  }
  return segments;
}
