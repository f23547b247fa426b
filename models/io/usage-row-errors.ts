/**
 * The errors for a bad cell, worded once so the usage and the FOCUS importers say the same
 * thing. Row numbers are as a spreadsheet shows them (the header is row 1 when it is first).
 */

import type { ImportError, TableCell } from './table-types.ts';
import { listInWords } from './table-types.ts';

const SKIP_HINT = 'or choose "skip bad rows" to leave such rows out';

/** A cell in the date column that is not a date. */
export function badDateError(row: number, column: string, cell: TableCell, reason?: string): ImportError {
  return {
    error: 'bad-date',
    message: `Row ${row}, column "${column}": "${clip(cell)}" is not a date${reason === undefined ? '' : ` (${reason})`}.`,
    row,
    column,
    fix: `Write it like 2026-01-15, 2026-01, 01/15/2026, 15.01.2026 or Jan 2026, ${SKIP_HINT}.`,
  };
}

/** A cell in a numeric column that is not a number. */
export function badNumberError(row: number, column: string, cell: TableCell): ImportError {
  return {
    error: 'bad-number',
    message: `Row ${row}, column "${column}": "${clip(cell)}" is not a number.`,
    row,
    column,
    fix: `Correct the cell (a currency sign, %, thousands separators and (12.5) for negatives are fine), ${SKIP_HINT}.`,
  };
}

/** A row with a value but no date. */
export function missingDateError(row: number, dateColumn: string, valueColumn: string): ImportError {
  return {
    error: 'missing-date',
    message: `Row ${row} has a value in "${valueColumn}" but no date in "${dateColumn}".`,
    row,
    column: dateColumn,
    fix: `Fill in the date, ${SKIP_HINT}.`,
  };
}

/** A column chosen as dates in which not one cell is a date. */
export function notDatesError(column: string, row: number, cell: TableCell): ImportError {
  return {
    error: 'bad-date',
    message: `Column "${column}" does not hold dates: row ${row} has "${clip(cell)}".`,
    row,
    column,
    fix: 'Choose the column with the dates or months (e.g. 2026-01-15, 2026-01, Jan 2026).',
  };
}

/** A column chosen as values in which not one cell is a number. */
export function notNumbersError(column: string, row: number, cell: TableCell): ImportError {
  return {
    error: 'bad-number',
    message: `Column "${column}" does not hold numbers: row ${row} has "${clip(cell)}".`,
    row,
    column,
    fix: 'Choose the column with the usage or cost figures.',
  };
}

/** A column name that the table does not have. */
export function unknownColumnError(column: string, columns: readonly string[]): ImportError {
  return {
    error: 'unknown-column',
    message: `The table has no column "${column}"; its columns are ${columns.map((c) => `"${c}"`).join(', ')}.`,
    column,
    fix: 'Choose one of the columns listed.',
  };
}

/** The warning for rows left out under "skip bad rows". */
export function skippedRowsWarning(rows: readonly number[], firstReason: string): string {
  return `Skipped ${rows.length} row(s) with a bad date or value: row${rows.length === 1 ? '' : 's'} ${listInWords(rows)}. The first: ${firstReason}`;
}

/** Cell text shortened for a message: a pasted paragraph must not flood the screen. */
function clip(cell: TableCell): string {
  const text = String(cell);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
