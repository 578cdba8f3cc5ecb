/**
 * Publication dates as the exports write them (MEDLINE, RIS, ISO, compact, listing forms),
 * converted to YYYY[-MM[-DD]].
 */

import { listingDateToIso } from './listing.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * Convert an export date to YYYY[-MM[-DD]]: MEDLINE "2025 Sep 8", "2025 Sep", "2025 Sep-Oct",
 * "2024 Dec-2025 Jan" (first month), "2025 Spring" (year only); RIS "2025/09/08", "2025/09/08/",
 * "2025///"; ISO "2025-09-08"; compact "20250908"; and the listing forms "September 2025",
 * "12 Sep 2025". Null when there is no leading year or a month/day is out of range.
 */
export function exportDateToIso(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})(?:\/(\d{1,2})?(?:\/(\d{1,2})?(?:\/.*)?)?)?$/.exec(t);
  if (m) return isoDate(m[1]!, m[2], m[3]);
  m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(t);
  if (m) return isoDate(m[1]!, m[2], m[3]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return isoDate(m[1]!, m[2], m[3]);
  m = /^(\d{4}) ([A-Za-z]+)\.?(?:-[A-Za-z]+\.?)?(?: (\d{1,2}))?(?:[- ].*)?$/.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? isoDate(m[1]!, String(month), m[3]) : m[1]!;
  }
  return listingDateToIso(t);
}

function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  const i = MONTHS.indexOf(w.slice(0, 3));
  return i >= 0 && MONTH_NAMES[i]!.startsWith(w) ? i + 1 : null;
}

function isoDate(year: string, month: string | undefined, day: string | undefined): string | null {
  if (!month) return year;
  const mm = Number(month);
  if (mm < 1 || mm > 12) return null;
  const ym = `${year}-${String(mm).padStart(2, '0')}`;
  if (!day) return ym;
  const dd = Number(day);
  if (dd < 1 || dd > 31) return null;
  return `${ym}-${String(dd).padStart(2, '0')}`;
}

/** Publication years outside [FIRST_YEAR, LAST_YEAR] are impossible (Scopus writes "0000" for an unknown year). */
export const FIRST_YEAR = 1600;
/** See FIRST_YEAR. */
export const LAST_YEAR = 2100;

/**
 * A source's date as YYYY[-MM[-DD]] (listing forms first, then the export forms of
 * exportDateToIso), or null with the reason: not a date ingest can read, a year outside
 * FIRST_YEAR–LAST_YEAR such as Scopus's "0000", or a day the month does not have.
 */
export function publicationDate(text: string): { iso: string | null; problem: string | null } {
  const iso = listingDateToIso(text) ?? exportDateToIso(text);
  if (iso === null) {
    // A numeric date with a month or day out of range reads as impossible, not as unreadable.
    const m = /^(\d{4})[/-](\d{1,2})(?:[/-](\d{1,2}))?/.exec(text.trim());
    if (m && (Number(m[2]) < 1 || Number(m[2]) > 12)) return { iso: null, problem: `has the impossible month ${Number(m[2])}` };
    if (m?.[3] && (Number(m[3]) < 1 || Number(m[3]) > 31)) return { iso: null, problem: `has the impossible day ${Number(m[3])}` };
    return { iso: null, problem: 'is not a date ingest can read (expected e.g. "2025", "2025/09/08" or "2025 Sep 8")' };
  }
  const [year, month, day] = iso.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (year < FIRST_YEAR || year > LAST_YEAR) return { iso: null, problem: `has the impossible year ${iso.slice(0, 4)} (publication years are ${FIRST_YEAR}–${LAST_YEAR})` };
  if (month !== undefined && (month < 1 || month > 12)) return { iso: null, problem: `has the impossible month ${month}` };
  if (month !== undefined && day !== undefined && (day < 1 || day > daysIn(year, month))) return { iso: null, problem: `has the impossible day ${iso} (the month has ${daysIn(year, month)} days)` };
  return { iso, problem: null };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
