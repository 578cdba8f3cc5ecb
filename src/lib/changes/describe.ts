/**
 * Words for an update, shared by the Changes page and the Atom feed: a one-line summary, the
 * outcome shifts, DTA summary shifts and certainty changes as "before → after" text, and the feed
 * entry's HTML (escaped here).
 */
import { escapeXml } from '../forest/escape.ts';
import { GRADE_DOMAIN_LABELS } from '../schema/grade.ts';
import type { CertaintyShift, DtaShift, DtaState, OutcomeShift, OutcomeState, UpdateDiff } from './diff.ts';
import type { Update } from './timeline.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const num = (x: number) => x.toFixed(Math.abs(x) < 1 ? 3 : Math.abs(x) < 10 ? 2 : 1).replace('-', '−');

/** "0.82 [0.74, 0.88]"; "single study" or "none" when nothing is pooled; "—" when the synthesis did not exist. */
export function describePooled(s: OutcomeState | null): string {
  if (!s) return '—';
  if (!s.pooled) return s.inSynthesis === 1 ? 'single study' : 'none';
  return `${num(s.pooled.estimate)} [${num(s.pooled.ciLow)}, ${num(s.pooled.ciHigh)}]`;
}

/** "35%" or "—". */
export function describeI2(s: OutcomeState | null): string {
  return s?.pooled ? `${Math.round(s.pooled.I2)}%` : '—';
}

/** k: the studies that enter the synthesis (pooled when two or more). */
export function describeK(s: OutcomeState | null): string {
  return String(s?.pooled?.k ?? s?.inSynthesis ?? 0);
}

/** A one-line account of an outcome shift: "AUC k 2 → 3, 0.80 [0.70, 0.88] → 0.82 [0.75, 0.87], I² 0% → 12%". */
export function describeShift(o: OutcomeShift, label: string = o.outcome): string {
  return `${label} (${o.measure}): k ${describeK(o.before)} → ${describeK(o.after)}; pooled ${describePooled(o.before)} → ${describePooled(o.after)}; I² ${describeI2(o.before)} → ${describeI2(o.after)}`;
}

/** "0.871 [0.830, 0.903]" for one accuracy measure of a DTA state, "—" when there is none. */
function accuracy(s: DtaState | null, which: 'sens' | 'spec'): string {
  if (!s) return '—';
  const [lo, hi] = which === 'sens' ? s.sensCi : s.specCi;
  return `${num(s[which])} [${num(lo)}, ${num(hi)}]`;
}

/** "k 13 → 14", "summary sensitivity 0.871 [0.830, 0.903] → 0.889 [0.850, 0.920]" … as separate parts for a table. */
export function describeDtaParts(d: DtaShift): { k: string; sensitivity: string; specificity: string; model: string } {
  const model = (s: DtaState | null) => s?.model ?? '—';
  return {
    k: `${d.before?.k ?? 0} → ${d.after?.k ?? 0}`,
    sensitivity: `${accuracy(d.before, 'sens')} → ${accuracy(d.after, 'sens')}`,
    specificity: `${accuracy(d.before, 'spec')} → ${accuracy(d.after, 'spec')}`,
    model: model(d.before) === model(d.after) ? model(d.after) : `${model(d.before)} → ${model(d.after)}`,
  };
}

/** "Alcohol (DTA, bivariate): k 13 → 14; summary sensitivity 0.871 [0.830, 0.903] → 0.889 [...]; specificity … → …". */
export function describeDtaShift(d: DtaShift, label: string = d.outcome): string {
  const p = describeDtaParts(d);
  return `${label} (DTA, ${p.model}): k ${p.k}; summary sensitivity ${p.sensitivity}; specificity ${p.specificity}`;
}

/** "Alcohol: certainty moderate → low (imprecision: not serious → serious)". */
export function describeCertaintyShift(c: CertaintyShift, label: string = c.outcome): string {
  const domains = c.domains.map((d) => `${GRADE_DOMAIN_LABELS[d.domain].toLowerCase()}: ${d.before} → ${d.after}`);
  return `${label}: certainty ${c.before === c.after ? `${c.after} (unchanged)` : `${c.before} → ${c.after}`}${domains.length ? ` (${domains.join('; ')})` : ''}`;
}

/** "2 studies added, 1 changed; 3 outcomes moved; protocol: search_log". */
export function summarizeDiff(d: UpdateDiff): string {
  const parts: string[] = [];
  if (d.added.length) parts.push(`${plural(d.added.length, 'study', 'studies')} added`);
  if (d.changed.length) parts.push(`${plural(d.changed.length, 'study', 'studies')} changed`);
  if (d.removed.length) parts.push(`${plural(d.removed.length, 'study', 'studies')} removed`);
  if (d.outcomes.length) parts.push(`${plural(d.outcomes.length, 'synthesis', 'syntheses')} moved`);
  if (d.dta.length) parts.push(`${plural(d.dta.length, 'DTA summary', 'DTA summaries')} moved`);
  if (d.certainty.length) parts.push(`certainty changed for ${plural(d.certainty.length, 'outcome')}`);
  if (d.searches.length) parts.push(`${plural(d.searches.length, 'search', 'searches')} logged`);
  else if (d.protocol.length) parts.push(`protocol edited (${d.protocol.join(', ')})`);
  return parts.length ? parts.join('; ') : 'no change to what the review shows';
}

/** The feed entry's HTML body: studies (linked), syntheses, search and PRISMA counts. */
export function updateHtml(u: Update, siteUrl: string, outcomeLabel: (id: string) => string = (id) => id): string {
  const e = escapeXml;
  const study = (s: { slug: string; title: string }) => `<a href="${e(`${siteUrl}studies/${s.slug}/`)}">${e(s.title)}</a>`;
  const html: string[] = [`<p>${e(summarizeDiff(u.diff))}.</p>`];
  if (u.diff.added.length) html.push(`<p>Added:</p><ul>${u.diff.added.map((s) => `<li>${study(s)} (${e(s.status ?? 'invalid page')})</li>`).join('')}</ul>`);
  if (u.diff.changed.length) html.push(`<p>Changed:</p><ul>${u.diff.changed.map((s) => `<li>${study(s)}: ${e(s.fields.join(', '))}</li>`).join('')}</ul>`);
  if (u.diff.removed.length) html.push(`<p>Removed:</p><ul>${u.diff.removed.map((s) => `<li>${e(s.title)}</li>`).join('')}</ul>`);
  if (u.diff.outcomes.length) html.push(`<p>Syntheses:</p><ul>${u.diff.outcomes.map((o) => `<li>${e(describeShift(o, outcomeLabel(o.outcome)))}</li>`).join('')}</ul>`);
  if (u.diff.dta.length) html.push(`<p>Diagnostic accuracy:</p><ul>${u.diff.dta.map((d) => `<li>${e(describeDtaShift(d, outcomeLabel(d.outcome)))}</li>`).join('')}</ul>`);
  if (u.diff.certainty.length) html.push(`<p>Certainty of evidence (GRADE):</p><ul>${u.diff.certainty.map((c) => `<li>${e(describeCertaintyShift(c, outcomeLabel(c.outcome)))}</li>`).join('')}</ul>`);
  if (u.search) html.push(`<p>Search: ${e(u.search.source)}, ${e(u.search.date)} (${u.search.records} records).</p>`);
  if (u.prisma) html.push(`<p>PRISMA: ${u.prisma.identified} identified, ${u.prisma.screened} screened, ${u.prisma.included} included, ${u.prisma.inSynthesis} in a synthesis.</p>`);
  return html.join('\n');
}
