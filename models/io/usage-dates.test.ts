import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDateColumn, readDateToken, formatDateKey } from './usage-dates.ts';
import { keyOfSerial } from './usage-calendar.ts';

/** The "YYYY-MM-DD" / "YYYY-MM" a single unambiguous cell reads as, or null. */
function exact(cell: string | number): string | null {
  const token = readDateToken(cell);
  if (token === null || token.kind === 'pair') return null;
  return formatDateKey(token.key);
}

function column(cells: (string | number)[], order: 'auto' | 'month-first' | 'day-first' = 'auto') {
  const parsed = parseDateColumn(cells, 'Date', cells.map((_, i) => i + 2), order);
  return { ...parsed, labels: [...parsed.keys].map((k) => (Number.isNaN(k) ? 'bad' : k === 0 ? '' : formatDateKey(k))) };
}

describe('readDateToken', () => {
  it.each([
    ['2026-01-15', '2026-01-15'],
    ['2026-01', '2026-01'],
    ['2026/01/15', '2026-01-15'],
    ['2026/1/5', '2026-01-05'],
    ['2026.01.15', '2026-01-15'],
    ['2026-01-15T10:30:00Z', '2026-01-15'],
    ['2026-01-15T23:30:00-05:00', '2026-01-15'],
    ['2026-01-15 10:30', '2026-01-15'],
    ['2026-01-15T00:00:00.000+0000', '2026-01-15'],
    ['Jan 2026', '2026-01'],
    ['January 2026', '2026-01'],
    ['2026-Jan', '2026-01'],
    ['Sept 2026', '2026-09'],
    ['Jan-26', '2026-01'],
    ['15 Jan 2026', '2026-01-15'],
    ['Jan 15, 2026', '2026-01-15'],
    ['15-Jan-2026', '2026-01-15'],
    ['Thu, 15 January 2026', '2026-01-15'],
    ['March 3rd 2026', '2026-03-03'],
    ['01/2026', '2026-01'],
    ['01.2026', '2026-01'],
    ['20260115', '2026-01-15'],
    ['202601', '2026-01'],
    ['2026-W03', '2026-01-12'],
    ['2026W01', '2025-12-29'],
    ['2020-W53', '2020-12-28'],
  ])('reads %j as %s', (text, expected) => {
    expect(exact(text)).toBe(expected);
  });

  it.each(['2026', '2026-13', '2026-02-30', '2026-01-00', 'Total', 'soon', '12.2026', '2026.05', '2025-W53', 'Jan', '1850-01-01'])(
    'refuses %j',
    (text) => {
      expect(readDateToken(text)).toBeNull();
    },
  );

  it('leaves a/b/year dates open as pairs', () => {
    expect(readDateToken('03/04/2026')).toEqual({ kind: 'pair', a: 3, b: 4, year: 2026, separator: '/' });
    expect(readDateToken('1/15/26')).toEqual({ kind: 'pair', a: 1, b: 15, year: 2026, separator: '/' });
    // Two-digit years as spreadsheets read them: 00–29 are 2000s, 30–99 are 1900s.
    expect(readDateToken('1/15/95')).toMatchObject({ year: 1995 });
  });

  it('reads spreadsheet serial day numbers (1900 system with its leap-year bug)', () => {
    expect(exact(45658)).toBe('2025-01-01');
    expect(exact('46037')).toBe('2026-01-15');
    expect(exact(46037.75)).toBe('2026-01-15');
    expect(keyOfSerial(59)).toBe(19000228);
    expect(keyOfSerial(61)).toBe(19000301);
    // A count such as 1234 is not a date.
    expect(readDateToken(1234)).toBeNull();
  });
});

describe('parseDateColumn', () => {
  it('reads day-first when a first field is above 12', () => {
    const parsed = column(['03/04/2026', '15/04/2026', '01/05/2026']);
    expect(parsed.order).toBe('day-first');
    expect(parsed.labels).toEqual(['2026-04-03', '2026-04-15', '2026-05-01']);
    expect(parsed.warnings).toEqual([]);
  });

  it('reads month-first when a second field is above 12', () => {
    const parsed = column(['01/15/2026', '02/03/2026', '1/31/26']);
    expect(parsed.order).toBe('month-first');
    expect(parsed.labels).toEqual(['2026-01-15', '2026-02-03', '2026-01-31']);
  });

  it('reads dotted dates day-first without a warning, as every locale that writes them does', () => {
    const parsed = column(['01.02.2026', '01.03.2026']);
    expect(parsed.labels).toEqual(['2026-02-01', '2026-03-01']);
    expect(parsed.warnings).toEqual([]);
  });

  it('prefers month-first for a column nothing settles, and warns', () => {
    const parsed = column(['03/04/2026', '04/05/2026']);
    expect(parsed.labels).toEqual(['2026-03-04', '2026-04-05']);
    expect(parsed.warnings[0]).toMatch(/could be month\/day or day\/month.*read as month\/day\/year \(US\)/);
    expect(column(['03/04/2026'], 'day-first').labels).toEqual(['2026-04-03']);
  });

  it('names the row that contradicts the column order', () => {
    const parsed = column(['15/01/2026', '16/01/2026', '01/17/2026']);
    expect(parsed.order).toBe('day-first');
    expect(parsed.labels[2]).toBe('bad');
    expect(parsed.reasons.get(2)).toBe('it is month-first, but row 2 ("15/01/2026") is day-first; dates in one column must share one order');
  });

  it('keeps blanks apart from bad cells, and warns about serials written as text', () => {
    const parsed = column(['2026-01-15', '', 'soon', '46037']);
    expect(parsed.labels).toEqual(['2026-01-15', '', 'bad', '2026-01-15']);
    expect(parsed.warnings.some((w) => /spreadsheet day numbers/.test(w))).toBe(true);
  });

  it('reads any date back from ISO, US and European spellings (property)', () => {
    const day = fc.record({ y: fc.integer({ min: 1950, max: 2150 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
    const two = (n: number): string => String(n).padStart(2, '0');
    fc.assert(
      fc.property(fc.array(day, { minLength: 1, maxLength: 12 }), (days) => {
        // A 13th day in front settles the order for the US and European columns.
        const all = [{ y: 2026, m: 1, d: 13 }, ...days];
        const expected = all.map(({ y, m, d }) => `${y}-${two(m)}-${two(d)}`);
        expect(column(expected).labels).toEqual(expected);
        expect(column(all.map(({ y, m, d }) => `${m}/${d}/${y}`)).labels).toEqual(expected);
        expect(column(all.map(({ y, m, d }) => `${two(d)}/${two(m)}/${y}`)).labels).toEqual(expected);
        expect(column(all.map(({ y, m, d }) => `${two(d)}.${two(m)}.${y}`)).labels).toEqual(expected);
      }),
      { seed: 4242, numRuns: 150 },
    );
  });
});
