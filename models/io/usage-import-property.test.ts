/**
 * Robustness: whatever bytes or CSV-ish text a user drops on the app, the importers return a
 * table, a series or an ImportError — they never throw — and what they return is well formed.
 */

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readTable } from './table-read.ts';
import { toMonthlySeries } from './usage-series.ts';
import { suggestMapping } from './usage-mapping.ts';
import { importFocus } from './focus-import.ts';
import { isImportError, type ImportedTable, type ImportErrorCode } from './table-types.ts';

const SEED = 20260115;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const ERROR_CODES: readonly ImportErrorCode[] = [
  'empty-file', 'binary-file', 'header-only', 'unreadable-spreadsheet', 'empty-workbook', 'empty-sheet', 'unknown-sheet', 'unknown-column',
  'no-date-column', 'no-value-column', 'bad-date', 'bad-number', 'missing-date', 'no-usable-rows', 'not-focus',
  'focus-missing-column', 'mixed-currency',
];

/** Checks the shape every ImportedTable promises. */
function expectWellFormed(table: ImportedTable): void {
  expect(table.columns.length).toBeGreaterThan(0);
  expect(new Set(table.columns.map((c) => c.toLowerCase())).size).toBe(table.columns.length);
  expect(table.rowNumbers).toHaveLength(table.rows.length);
  for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
  for (let i = 1; i < table.rowNumbers.length; i++) expect(table.rowNumbers[i]).toBeGreaterThan(table.rowNumbers[i - 1] ?? 0);
}

/** Runs the whole pipeline on bytes and checks each step's result. */
function importEverything(bytes: Uint8Array, fileName: string): void {
  const table = readTable(bytes, fileName);
  if (isImportError(table)) {
    expect(ERROR_CODES).toContain(table.error);
    expect(table.message.length).toBeGreaterThan(0);
    return;
  }
  expectWellFormed(table);
  const suggestion = suggestMapping(table);
  const [first = '', second = first] = table.columns;
  const mappings = isImportError(suggestion)
    ? [{ date: first, value: second }]
    : [
        { date: suggestion.date, value: suggestion.value },
        { date: suggestion.date, value: suggestion.value, aggregate: 'mean' as const, skipBadRows: true, partialMonths: 'drop' as const },
        { date: first, value: second, groupBy: table.columns[2] ?? first, aggregate: 'last' as const, skipBadRows: true },
      ];
  for (const mapping of mappings) {
    const monthly = toMonthlySeries(table, mapping);
    if (isImportError(monthly)) {
      expect(ERROR_CODES).toContain(monthly.error);
      continue;
    }
    for (const series of Object.values(monthly.series)) {
      for (const [month, value] of Object.entries(series)) {
        expect(month).toMatch(MONTH);
        expect(Number.isFinite(value)).toBe(true);
      }
    }
    for (const gap of monthly.gaps) expect(monthly.months).toContain(gap);
  }
  const focus = importFocus(table, { skipBadRows: true });
  if (isImportError(focus)) expect(ERROR_CODES).toContain(focus.error);
  else for (const name of Object.keys(focus.history)) expect(name).toMatch(/^[a-z_][a-z0-9_]*$/);
}

/** Pieces that make text look like a usage export: dates, numbers, quotes, delimiters, FOCUS names. */
const cellPiece = fc.oneof(
  fc.constantFrom(
    '2026-01-15', '2026-02', '01/15/2026', '15.01.2026', '13/13/2026', 'Jan 2026', '2026-W03', '45658', '20260115',
    '1,234.56', '1.234,56', '(12.5)', '$5', '12 %', '1e5', '1e999', 'n/a', '', ' ', 'Total', 'pending',
    '"quoted, field"', '"unclosed', '""', 'ChargePeriodStart', 'BilledCost', 'EffectiveCost', 'ServiceName', 'Tags',
    'ChargeCategory', 'Usage', 'Credit', '{"team":"a"}', '{bad', 'USD', 'EUR',
  ),
  fc.string({ maxLength: 8 }),
);
const delimiter = fc.constantFrom(',', ';', '\t', '|');
const lineEnd = fc.constantFrom('\n', '\r\n', '\r', '\n\n');
const csvish = fc
  .tuple(delimiter, lineEnd, fc.array(fc.array(cellPiece, { minLength: 1, maxLength: 6 }), { minLength: 0, maxLength: 12 }))
  .map(([d, end, rows]) => rows.map((cells) => cells.join(d)).join(end));

/** Rows that mostly look like a real export (a date, a number, a group), with some junk mixed in. */
const day = fc.record({ y: fc.integer({ min: 2020, max: 2027 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) });
const two = (n: number): string => String(n).padStart(2, '0');
const dateCell = fc.oneof(
  day.map(({ y, m, d }) => `${y}-${two(m)}-${two(d)}`),
  day.map(({ y, m }) => `${y}-${two(m)}`),
  day.map(({ y, m, d }) => `${m}/${d}/${y}`),
  day.map(({ y, m, d }) => `${two(d)}.${two(m)}.${y}`),
  cellPiece,
);
const numberCell = fc.oneof(
  fc.double({ min: -1e9, max: 1e9, noNaN: true }).map(String),
  fc.integer({ min: 0, max: 1e8 }).map((n) => n.toLocaleString('en-US')),
  fc.integer({ min: 0, max: 1e8 }).map((n) => n.toLocaleString('de-DE')),
  cellPiece,
);
const usageLike = fc
  .tuple(
    delimiter,
    fc.array(fc.tuple(dateCell, numberCell, fc.constantFrom('chat', 'search', '', 'batch')), { minLength: 1, maxLength: 40 }),
  )
  .map(([d, rows]) => [['date', 'cost', 'team'].join(d), ...rows.map((r) => r.join(d))].join('\n'));

describe('importers never throw', () => {
  it('on arbitrary bytes, whatever the file name', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom('a.csv', 'a.tsv', 'a.txt', 'a.xlsx', 'a.ods', 'a'), (bytes, name) => {
        importEverything(bytes, name);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('on arbitrary CSV-ish text', () => {
    fc.assert(
      fc.property(csvish, (text) => {
        importEverything(new TextEncoder().encode(text), 'usage.csv');
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('on usage-like exports with junk mixed in', () => {
    fc.assert(
      fc.property(usageLike, (text) => {
        importEverything(new TextEncoder().encode(text), 'usage.csv');
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('on bytes that start like a workbook or a text file', () => {
    const prefix = fc.constantFrom([0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x3c]);
    fc.assert(
      fc.property(prefix, fc.uint8Array({ maxLength: 300 }), (head, tail) => {
        importEverything(new Uint8Array([...head, ...tail]), 'file.csv');
        importEverything(new Uint8Array([...head, ...tail]), 'file.xlsx');
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
