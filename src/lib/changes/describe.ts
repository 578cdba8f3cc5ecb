/**
 * Words for an update, shared by the Changes page and the Atom feed: a one-line summary, the
 * outcome shifts as "before → after" text, and the feed entry's HTML (escaped here).
 */
import { escapeXml } from '../forest/escape.ts';
import type { OutcomeShift, OutcomeState, UpdateDiff } from './diff.ts';
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

/** "2 studies added, 1 changed; 3 outcomes moved; protocol: search_log". */
export function summarizeDiff(d: UpdateDiff): string {
  const parts: string[] = [];
  if (d.added.length) parts.push(`${plural(d.added.length, 'study', 'studies')} added`);
  if (d.changed.length) parts.push(`${plural(d.changed.length, 'study', 'studies')} changed`);
  if (d.removed.length) parts.push(`${plural(d.removed.length, 'study', 'studies')} removed`);
  if (d.outcomes.length) parts.push(`${plural(d.outcomes.length, 'synthesis', 'syntheses')} moved`);
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
  if (u.search) html.push(`<p>Search: ${e(u.search.source)}, ${e(u.search.date)} (${u.search.records} records).</p>`);
  if (u.prisma) html.push(`<p>PRISMA: ${u.prisma.identified} identified, ${u.prisma.screened} screened, ${u.prisma.included} included, ${u.prisma.inSynthesis} in a synthesis.</p>`);
  return html.join('\n');
}
