/** Display formatting shared by pages, tables and the client. */
import type { Estimate } from '../schema/index.ts';

/** Decimals a number is written with (0.78 → 2, 0.873 → 3). */
function decimals(x: number): number {
  const s = String(x);
  const i = s.indexOf('.');
  return i < 0 || /e/i.test(s) ? 0 : s.length - i - 1;
}

/** Format a value, its interval and unit the way the abstract reports them: "0.873 [0.816, 0.780]" with a shared number of decimals. */
export function formatEstimate(e: Pick<Estimate, 'value' | 'ci_low' | 'ci_high' | 'unit'>): string {
  const nums = [e.value, e.ci_low, e.ci_high].filter((v): v is number => v !== null);
  const d = Math.min(4, Math.max(...nums.map(decimals)));
  const pct = e.unit === 'percent' ? '%' : '';
  const f = (v: number) => `${v.toFixed(d).replace('-', '−')}${pct}`;
  return e.ci_low !== null && e.ci_high !== null ? `${f(e.value)} [${f(e.ci_low)}, ${f(e.ci_high)}]` : f(e.value);
}

/** A CI level as a percentage label ("95%"), or "" when there is none. */
export function formatLevel(level: number | null): string {
  return level === null ? '' : `${Math.round(level * 1000) / 10}%`;
}

/** A partial ISO date for humans: "2025-09" → "September 2025", "2024-04-16" → "16 April 2024". */
export function formatDate(date: string | null): string {
  if (!date) return 'undated';
  const [y, m, d] = date.split('-');
  if (!m) return y!;
  const month = new Date(Date.UTC(2000, Number(m) - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** Format a number with fixed decimals and a true minus sign. */
export function fmt(x: number, digits = 2): string {
  return x.toFixed(digits).replace('-', '−');
}
