/**
 * Workbooks (XLSX, XLS, ODS) → raw rows through SheetJS. Date-formatted cells become ISO text
 * here, where the cell's number format is still known; numbers stay numbers, so a workbook
 * never meets the "1,234" ambiguity of text files.
 */

import * as XLSX from 'xlsx';
import type { ImportError, TableCell } from './table-types.ts';
import { keyOfSerial, dateLabel } from './usage-calendar.ts';

export interface SheetRows {
  readonly raw: TableCell[][];
  readonly rowNumbers: number[];
  readonly sheetNames: string[];
  readonly sheetName: string;
  readonly warnings: string[];
}

/** Days between the 1904 and the 1900 date systems' day zero. */
const DAYS_1904_OFFSET = 1462;

/** Reads the rows of one sheet (`sheet`, else the first with any content) from workbook bytes. */
export function readSheetRows(bytes: Uint8Array, fileName: string, sheet: string | undefined): SheetRows | ImportError {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: 'array', cellDates: false, dense: true, cellNF: true, cellStyles: false, cellHTML: false });
  } catch (cause) {
    return {
      error: 'unreadable-spreadsheet',
      message: `"${fileName}" could not be read as a workbook (${cause instanceof Error ? cause.message : String(cause)}).`,
      fix: 'Open it in a spreadsheet program and save it again as .xlsx or as CSV (UTF-8).',
    };
  }
  const sheetNames = workbook.SheetNames.slice();
  const date1904 = workbook.Workbook?.WBProps?.date1904 === true;
  const warnings: string[] = [];

  if (sheet !== undefined) {
    if (!sheetNames.includes(sheet)) {
      return {
        error: 'unknown-sheet',
        message: `The workbook has no sheet named "${sheet}"; its sheets are ${sheetNames.map((s) => `"${s}"`).join(', ')}.`,
        fix: 'Choose one of the sheets listed.',
      };
    }
    const rows = sheetToRows(workbook.Sheets[sheet], date1904);
    return { ...rows, sheetNames, sheetName: sheet, warnings };
  }

  const filled: string[] = [];
  let chosen: { name: string; rows: { raw: TableCell[][]; rowNumbers: number[] } } | null = null;
  for (const name of sheetNames) {
    const rows = sheetToRows(workbook.Sheets[name], date1904);
    if (rows.raw.length === 0) continue;
    filled.push(name);
    chosen ??= { name, rows };
  }
  if (chosen === null) {
    return {
      error: 'empty-workbook',
      message: `Every sheet of "${fileName}" is empty (${sheetNames.map((s) => `"${s}"`).join(', ') || 'no sheets'}).`,
      fix: 'Choose the workbook that holds your usage history.',
    };
  }
  if (filled.length > 1) {
    warnings.push(`The workbook has ${filled.length} sheets with data; "${chosen.name}" was read. Choose another sheet if the history is elsewhere.`);
  } else if (sheetNames[0] !== chosen.name) {
    warnings.push(`Sheet "${sheetNames[0] ?? ''}" is empty; "${chosen.name}" was read.`);
  }
  return { ...chosen.rows, sheetNames, sheetName: chosen.name, warnings };
}

function sheetToRows(sheet: XLSX.WorkSheet | undefined, date1904: boolean): { raw: TableCell[][]; rowNumbers: number[] } {
  const data = sheet?.['!data'];
  const raw: TableCell[][] = [];
  const rowNumbers: number[] = [];
  if (data === undefined) return { raw, rowNumbers };
  let firstColumn = Infinity;
  for (let r = 0; r < data.length; r++) {
    const cells = data[r];
    if (cells === undefined) continue;
    const row: TableCell[] = new Array<TableCell>(cells.length).fill('');
    let any = false;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell === undefined) continue;
      const value = cellValue(cell, date1904);
      row[c] = value;
      if (value !== '') {
        any = true;
        if (c < firstColumn) firstColumn = c;
      }
    }
    if (!any) continue;
    raw.push(row);
    rowNumbers.push(r + 1);
  }
  // A table that starts in column C should not bring two empty columns with it.
  if (firstColumn > 0 && Number.isFinite(firstColumn)) {
    for (let i = 0; i < raw.length; i++) raw[i] = (raw[i] ?? []).slice(firstColumn);
  }
  return { raw, rowNumbers };
}

function cellValue(cell: XLSX.CellObject, date1904: boolean): TableCell {
  const v = cell.v;
  switch (cell.t) {
    case 'n':
      if (typeof v !== 'number') return cell.w ?? '';
      return typeof cell.z === 'string' && isDateFormat(cell.z) ? isoOfSerial(date1904 ? v + DAYS_1904_OFFSET : v, v) : v;
    case 's':
      return typeof v === 'string' ? v : String(v ?? '');
    case 'b':
      return v === true ? 'TRUE' : 'FALSE';
    case 'd':
      return v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '');
    case 'e':
      return cell.w ?? '#ERROR';
    default:
      return '';
  }
}

function isDateFormat(format: string): boolean {
  const answer: unknown = XLSX.SSF.is_date(format);
  return answer === true;
}

/** ISO text of a serial day number ("2026-01-15", with "T10:30:00" when it has a time of day). */
function isoOfSerial(serial: number, original: number): TableCell {
  const key = keyOfSerial(serial);
  if (key === null) return original;
  const seconds = Math.round((serial - Math.floor(serial)) * 86400);
  if (seconds === 0 || seconds === 86400) return dateLabel(key);
  const hh = Math.floor(seconds / 3600);
  const mm = Math.floor((seconds % 3600) / 60);
  const ss = seconds % 60;
  const two = (x: number): string => (x < 10 ? `0${x}` : String(x));
  return `${dateLabel(key)}T${two(hh)}:${two(mm)}:${two(ss)}`;
}
