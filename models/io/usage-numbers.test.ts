import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNumberColumn, readNumberToken, tokenValue } from './usage-numbers.ts';

/** The value of one cell read alone, with `mark` for cells that could go either way. */
function one(text: string, mark: 'point' | 'comma' = 'point'): number | null {
  const token = readNumberToken(text);
  return token === null ? null : tokenValue(token, mark);
}

describe('readNumberToken', () => {
  it.each([
    ['1234', 1234],
    ['-12.5', -12.5],
    ['1,234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['1 234,56', 1234.56],
    ['1\u00a0234,56', 1234.56],
    ['1\u202f234.5', 1234.5],
    ["1'234.50", 1234.5],
    ['$1,234.56', 1234.56],
    ['-$12', -12],
    ['$-12', -12],
    ['(12.5)', -12.5],
    ['($1,000.00)', -1000],
    ['€ 12,50', 12.5],
    ['12,50 €', 12.5],
    ['USD 1,200', 1200],
    ['1.200,00 EUR', 1200],
    ['US$5', 5],
    ['12%', 12],
    ['12,5 %', 12.5],
    ['1.5e6', 1.5e6],
    ['2E-3', 0.002],
    ['1,5e3', 1500],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ['12,34,567', 1234567],
    ['0.123', 0.123],
    ['.5', 0.5],
    ['−7', -7],
  ])('reads %j as %d', (text, expected) => {
    expect(one(text)).toBeCloseTo(expected, 10);
  });

  it.each(['abc', 'pending', '1-2', '2026-01-15', '15.01.2026', '1,2,3', '1.2.3', '1.234,5.6', '#DIV/0!', '', '$', 'e5'])(
    'refuses %j',
    (text) => {
      expect(readNumberToken(text)).toBeNull();
    },
  );

  it('marks a single separator before three digits as ambiguous', () => {
    expect(readNumberToken('1,234')?.kind).toBe('ambiguous');
    expect(readNumberToken('1.234')?.kind).toBe('ambiguous');
    expect(one('1,234', 'point')).toBe(1234);
    expect(one('1,234', 'comma')).toBeCloseTo(1.234, 12);
    expect(one('1.234', 'point')).toBeCloseTo(1.234, 12);
    expect(one('1.234', 'comma')).toBe(1234);
  });
});

describe('parseNumberColumn', () => {
  it('reads ambiguous cells by the column majority', () => {
    const us = parseNumberColumn(['1,234', '2,500.75', '3,000.10'], 'Cost');
    expect([...us.values]).toEqual([1234, 2500.75, 3000.1]);
    expect(us.mark).toBe('point');
    const eu = parseNumberColumn(['1.234', '2.500,75', '3.000,10'], 'Kosten');
    expect([...eu.values]).toEqual([1234, 2500.75, 3000.1]);
    expect(eu.mark).toBe('comma');
    expect(us.warnings).toEqual([]);
  });

  it('warns when a column mixes styles and reads each decisive cell in its own style', () => {
    const mixed = parseNumberColumn(['1,234.5', '2,000.25', '1.234,5'], 'Cost');
    expect([...mixed.values]).toEqual([1234.5, 2000.25, 1234.5]);
    expect(mixed.warnings[0]).toMatch(/mixes number styles: 2 value\(s\) like 1,234.56 and 1 like 1.234,56/);
  });

  it('warns when every cell is ambiguous and uses the fallback mark', () => {
    const column = parseNumberColumn(['1.234', '2.345'], 'Nutzer', { fallbackMark: 'comma' });
    expect([...column.values]).toEqual([1234, 2345]);
    expect(column.warnings[0]).toMatch(/could be read two ways/);
  });

  it('flags blanks and "n/a" as missing and text as NaN', () => {
    const column = parseNumberColumn(['', 'n/a', '-', 'pending', 12, '1e999'], 'Cost');
    expect([...column.missing]).toEqual([1, 1, 1, 0, 0, 0]);
    expect(Number.isNaN(column.values[3])).toBe(true);
    expect(column.values[4]).toBe(12);
    expect(Number.isNaN(column.values[5])).toBe(true);
  });

  it('reads back any amount written in US or European style (property)', () => {
    const format = (cents: number, thousands: string, decimal: string): string => {
      const sign = cents < 0 ? '-' : '';
      const abs = Math.abs(cents);
      const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
      return `${sign}${whole}${decimal}${String(abs % 100).padStart(2, '0')}`;
    };
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e11, max: 1e11 }), { minLength: 1, maxLength: 20 }), (cents) => {
        const us = parseNumberColumn(cents.map((c) => format(c, ',', '.')), 'us');
        const eu = parseNumberColumn(cents.map((c) => format(c, '.', ',')), 'eu', { fallbackMark: 'comma' });
        cents.forEach((c, i) => {
          expect(us.values[i]).toBeCloseTo(c / 100, 6);
          expect(eu.values[i]).toBeCloseTo(c / 100, 6);
        });
      }),
      { seed: 20260115, numRuns: 200 },
    );
  });
});
