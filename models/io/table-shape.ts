/**
 * Raw rows (from a text file or a sheet) → the columns and rows of an ImportedTable: blank
 * rows dropped, a title line above the table skipped, the header row recognised, column names
 * made unique, short rows padded. Shared by every file type so they behave alike.
 */

import type { ImportError, TableCell } from './table-types.ts';
import { emptyFileError } from './table-text-decode.ts';
import { looksLikeDate } from './usage-dates.ts';
import { looksLikeNumber } from './usage-numbers.ts';

export interface ShapedTable {
  readonly columns: string[];
  readonly rows: TableCell[][];
  readonly rowNumbers: number[];
  readonly headerRow: number | null;
  readonly warnings: string[];
}

/** Title lines looked for above the table. */
const MAX_TITLE_ROWS = 10;
/** Rows sampled to learn the table's usual width. */
const WIDTH_SAMPLE = 50;

function isBlank(cell: TableCell): boolean {
  return typeof cell === 'string' && cell.trim() === '';
}

/** Index after the last non-blank cell: the row's width with trailing blanks ignored. */
function filledWidth(row: readonly TableCell[]): number {
  for (let c = row.length - 1; c >= 0; c--) if (!isBlank(row[c] ?? '')) return c + 1;
  return 0;
}

/** A row with a single text cell (no number, no date): a title or a note, not data. */
function isTitleRow(row: readonly TableCell[]): boolean {
  let filled: TableCell | null = null;
  for (const cell of row) {
    if (isBlank(cell)) continue;
    if (filled !== null) return false;
    filled = cell;
  }
  return filled !== null && typeof filled === 'string' && !looksLikeNumber(filled) && !looksLikeDate(filled);
}

/**
 * Shapes raw rows into a table; `rowNumbers[i]` is the spreadsheet row number of `raw[i]`.
 * `header`: true/false forces the choice; undefined detects it (a first row with no number and
 * no date in it is a header).
 */
export function shapeTable(
  raw: readonly TableCell[][],
  rowNumbers: readonly number[],
  header: boolean | undefined,
): ShapedTable | ImportError {
  const warnings: string[] = [];
  const kept: TableCell[][] = [];
  const keptNumbers: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const row = raw[i] ?? [];
    const width = filledWidth(row);
    if (width === 0) continue;
    kept.push(row.length === width ? row : row.slice(0, width));
    keptNumbers.push(rowNumbers[i] ?? i + 1);
  }
  if (kept.length === 0) return emptyFileError();

  const usualWidth = modalWidth(kept.slice(0, WIDTH_SAMPLE));
  let first = 0;
  if (usualWidth >= 2) {
    // A report title or "Exported on …" line sits alone above the table.
    while (first < Math.min(MAX_TITLE_ROWS, kept.length - 1) && isTitleRow(kept[first] ?? [])) first++;
    if (first > 0) {
      warnings.push(
        `Skipped ${first} line(s) above the table that hold a single cell (a title or note), starting at row ${keptNumbers[0]}.`,
      );
    }
  }

  const firstRow = kept[first] ?? [];
  const hasHeader = header ?? isHeaderRow(firstRow);
  const dataStart = hasHeader ? first + 1 : first;
  const rows = kept.slice(dataStart);
  const numbers = keptNumbers.slice(dataStart);
  if (hasHeader && rows.length === 0) {
    const names = firstRow.map(String).filter((name) => name.trim() !== '');
    return {
      error: 'header-only',
      message: `The file has a header row (${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}) but no data rows.`,
      row: keptNumbers[first] ?? 1,
      fix: 'Export the data again with its rows, or choose the file that holds them.',
    };
  }

  let width = hasHeader ? firstRow.length : 0;
  let longer = 0;
  for (const row of rows) {
    if (hasHeader && row.length > firstRow.length) longer++;
    if (row.length > width) width = row.length;
  }
  if (longer > 0) {
    warnings.push(
      `${longer} row(s) have more cells than the header; the extra cells are in columns named "Column N". A delimiter inside an unquoted value often causes this.`,
    );
  }
  const columns = columnNames(hasHeader ? firstRow : [], width, warnings);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.length < width) {
      const padded = row.slice();
      while (padded.length < width) padded.push('');
      rows[r] = padded;
    }
  }
  return { columns, rows, rowNumbers: numbers, headerRow: hasHeader ? (keptNumbers[first] ?? null) : null, warnings };
}

function modalWidth(rows: readonly TableCell[][]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestTimes = 0;
  for (const row of rows) {
    const times = (counts.get(row.length) ?? 0) + 1;
    counts.set(row.length, times);
    if (times > bestTimes || (times === bestTimes && row.length > best)) {
      best = row.length;
      bestTimes = times;
    }
  }
  return best;
}

/** A header row holds text only: one number or date in it makes it data. */
export function isHeaderRow(row: readonly TableCell[]): boolean {
  let text = 0;
  for (const cell of row) {
    if (isBlank(cell)) continue;
    if (typeof cell === 'number' || looksLikeNumber(cell) || looksLikeDate(cell)) return false;
    text++;
  }
  return text > 0;
}

function columnNames(header: readonly TableCell[], width: number, warnings: string[]): string[] {
  const names: string[] = [];
  const used = new Set<string>();
  let blank = 0;
  let renamed = 0;
  for (let c = 0; c < width; c++) {
    const cell = header[c];
    let name = cell === undefined ? '' : String(cell).replace(/\s+/g, ' ').trim();
    if (name === '') {
      name = `Column ${c + 1}`;
      if (header.length > 0 && c < header.length) blank++;
    }
    if (used.has(name.toLowerCase())) {
      let k = 2;
      while (used.has(`${name} (${k})`.toLowerCase())) k++;
      name = `${name} (${k})`;
      renamed++;
    }
    used.add(name.toLowerCase());
    names.push(name);
  }
  if (blank > 0) warnings.push(`${blank} column(s) have no name in the header; they are called "Column N" after their position.`);
  if (renamed > 0) warnings.push(`${renamed} column name(s) repeat an earlier one; the repeats were numbered, e.g. "Cost (2)".`);
  return names;
}
