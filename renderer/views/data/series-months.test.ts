import { describe, expect, it } from 'vitest';
import { consecutiveRun, monthsBefore } from './series-months.ts';
import { projectionMonths } from './data-session.ts';

describe('consecutiveRun', () => {
  const withGap = { '2025-01': 1, '2025-02': 2, '2025-03': 3, '2025-04': 4, '2025-06': 6, '2025-07': 7, '2025-08': 8 };

  it('fits the last unbroken stretch and names the missing months', () => {
    expect(consecutiveRun(withGap, null)).toEqual({ months: ['2025-06', '2025-07', '2025-08'], starts: ['2025-06', '2025-07', '2025-08'], missing: ['2025-05'], leftOut: 4 });
  });

  it('starts later within that stretch on request, and ignores a start outside it', () => {
    expect(consecutiveRun(withGap, '2025-07').months).toEqual(['2025-07', '2025-08']);
    expect(consecutiveRun(withGap, '2025-02').months).toEqual(['2025-06', '2025-07', '2025-08']);
  });

  it('takes every month of a series without gaps, across a year end', () => {
    const run = consecutiveRun({ '2025-11': 1, '2025-12': 2, '2026-01': 3 }, null);
    expect(run).toEqual({ months: ['2025-11', '2025-12', '2026-01'], starts: ['2025-11', '2025-12', '2026-01'], missing: [], leftOut: 0 });
    expect(consecutiveRun({}, null).months).toEqual([]);
  });
});

describe('projectionMonths', () => {
  it('reaches the last forecast month, or projects a year when the history runs into the forecast', () => {
    expect(projectionMonths('2026-12', { start: '2027-01', months: 12, seed: 1 })).toBe(12);
    expect(projectionMonths('2025-12', { start: '2027-01', months: 12, seed: 1 })).toBe(24);
    expect(projectionMonths('2027-03', { start: '2027-01', months: 12, seed: 1 })).toBe(12);
    expect(projectionMonths('1990-01', { start: '2027-01', months: 120, seed: 1 })).toBe(120);
  });
});

describe('monthsBefore', () => {
  it('lists the months before the fit with null for the missing ones', () => {
    expect(monthsBefore({ '2025-03': 3, '2025-05': 5, '2025-06': 6 }, '2025-05')).toEqual([
      { month: '2025-03', value: 3 },
      { month: '2025-04', value: null },
    ]);
    expect(monthsBefore({ '2025-03': 3 }, '2025-03')).toEqual([]);
  });
});
