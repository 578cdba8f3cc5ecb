import { describe, expect, it } from 'vitest';
import { publicationDate } from '../../../src/lib/ingest/export-date.ts';

describe('publicationDate', () => {
  it('converts possible dates of every form', () => {
    expect(publicationDate('2024/02/29/')).toEqual({ iso: '2024-02-29', problem: null });
    expect(publicationDate('2025 Sep 8').iso).toBe('2025-09-08');
    expect(publicationDate('September 2025').iso).toBe('2025-09');
    expect(publicationDate('1781').iso).toBe('1781');
  });

  it("gives null and says why for Scopus's year 0000 and other impossible years", () => {
    expect(publicationDate('0000')).toEqual({ iso: null, problem: expect.stringContaining('impossible year 0000') });
    expect(publicationDate('0000 Jan').iso).toBeNull();
    expect(publicationDate('2999').problem).toContain('impossible year 2999');
  });

  it('gives null for a month or day the calendar does not have', () => {
    expect(publicationDate('2024/02/30/')).toEqual({ iso: null, problem: expect.stringContaining('impossible day 2024-02-30 (the month has 29 days)') });
    expect(publicationDate('2025/02/29').problem).toContain('the month has 28 days');
    expect(publicationDate('2025/13/01/').problem).toBe('has the impossible month 13');
  });

  it('says when a date is not readable at all', () => {
    expect(publicationDate('YEAR/MONTH/DAY/').problem).toContain('is not a date ingest can read');
    expect(publicationDate('99').iso).toBeNull();
  });
});
