/**
 * Finishing the estimates found in a sentence: labels from a trailing "for A, B and C,
 * respectively", then each estimate's label, unit and exact quote (brackets it opens closed).
 */
import type { Estimate } from '../../schema/index.ts';
import type { Attachment } from './attach.ts';
import { trimLabel } from './labels.ts';
import { unitFor } from './measures.ts';
import { OPEN, type Span, type Tok } from './tokens.ts';
import type { ValueGroup } from './values.ts';

/**
 * One estimate read from text: every field of the schema's estimate except the outcome (ingest
 * maps the label to one) and the source (always "extracted"), and where its quote starts.
 */
export type ExtractedEstimate = Omit<Estimate, 'outcome' | 'source'> & { start: number };

/** An estimate found in a sentence, before its label and quote are final. */
export interface Found {
  hit: Attachment;
  vg: ValueGroup;
  chain: number; // estimates of one list share a chain
  ciLevel: number | null;
  reasons: string[];
}

/**
 * "AUCs of 0.91, 0.85 and 0.80 for A, B and C, respectively": give each estimate of a list
 * the matching item of a trailing "for …, respectively" list.
 */
export function applyRespectively(t: readonly Tok[], found: Found[]): void {
  const chains = new Map<number, Found[]>();
  for (const f of found) chains.set(f.chain, [...(chains.get(f.chain) ?? []), f]);
  for (const list of chains.values()) {
    const last = list[list.length - 1]!;
    if (list.length < 2 || last.hit.group.mentions.length > 1 || list.some((f) => f.hit.ownLabel)) continue;
    let k = last.vg.end;
    if (!/^(?:for|in|among|on|across)$/.test(t[k]?.norm ?? '')) continue;
    k++;
    const items: Span[] = [];
    let s = k;
    for (; k < t.length && k - last.vg.end < 40; k++) {
      const x = t[k]!;
      const sep = x.text === ',' || x.text === ';' || x.norm === 'and' || x.norm === 'or';
      if (!sep && x.norm !== 'respectively' && x.kind !== 'num') continue;
      if (x.kind === 'num') break;
      if (k > s) items.push({ start: s, end: k });
      s = k + 1;
      if (x.norm === 'respectively') break;
    }
    if (t[k]?.norm !== 'respectively' || items.length !== list.length) continue;
    // each quote spans the whole construction: only all of it shows which value is which
    const head = list[0]!.hit.quoteFrom;
    list.forEach((f, n) => {
      f.hit.label = trimLabel(t, items[n]!) ?? items[n]!;
      f.hit.quoteFrom = head;
      f.hit.end = k + 1;
    });
  }
}

/** The estimate `f` as returned to callers, its quote and label cut from `text`. */
export function toEstimate(text: string, t: readonly Tok[], f: Found): ExtractedEstimate {
  const { hit, vg, ciLevel, reasons } = f;
  const spans = [{ start: vg.value.start, end: hit.end }, hit.label, hit.quoteFrom].filter((x): x is Span => x !== null);
  const start = t[Math.min(...spans.map((x) => x.start))]!.start;
  const end = balanceEnd(text, start, t[Math.max(...spans.map((x) => x.end)) - 1]!.end);
  const named = hit.label ?? hit.mention;
  const anyPct = vg.value.pct || Boolean(vg.ci && (vg.ci.low.pct || vg.ci.high.pct));
  return {
    label: text.slice(t[named.start]!.start, t[named.end - 1]!.end),
    measure: hit.measure,
    value: vg.value.value,
    ci_low: vg.ci ? vg.ci.low.value : null,
    ci_high: vg.ci ? vg.ci.high.value : null,
    ci_level: ciLevel,
    unit: unitFor(hit.measure, anyPct),
    events: vg.counts?.events ?? null,
    total: vg.counts?.total ?? null,
    quote: text.slice(start, end),
    start,
    needs_review: reasons.length > 0,
    review_reason: reasons.length > 0 ? reasons.join('; ') : null,
  };
}

/** Extend a quote over closing brackets that match brackets it opened: "WMA (AUC … ])". */
function balanceEnd(text: string, start: number, end: number): number {
  const stack: string[] = [];
  for (let k = start; k < end; k++) {
    const c = text[k]!;
    const close = OPEN.get(c);
    if (close) stack.push(close);
    else if (c === stack[stack.length - 1]) stack.pop();
  }
  let e = end;
  while (stack.length > 0 && text[e] === stack[stack.length - 1]) {
    stack.pop();
    e++;
  }
  return e;
}
