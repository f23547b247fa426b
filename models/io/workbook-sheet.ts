/**
 * One worksheet under construction: cells placed by 0-based row and column, with the cell kinds
 * the workbook needs (user text, numbers with a format, formulas), merges, column widths and an
 * autofilter. Text is always a string cell, so user text can never become a formula; formulas
 * are only ever passed in by the sheet modules, built from references they generate.
 * A formula's cached value is filled in later, by `evaluateWorkbook`, once every sheet exists.
 */
import * as XLSX from 'xlsx';

/** Longest text a spreadsheet cell holds (Excel's limit). */
export const MAX_CELL_TEXT = 32_767;

/** Characters XML 1.0 cannot hold: C0 controls other than tab, line feed and carriage return, U+FFFE, U+FFFF. */
function isXmlInvalid(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff;
}

/** Text safe for a cell: no XML-invalid control characters, at most MAX_CELL_TEXT characters. */
export function cellText(text: string): string {
  let clean = text;
  for (let i = 0; i < clean.length; i++) {
    if (isXmlInvalid(clean.charCodeAt(i))) {
      clean = Array.from(clean).filter((ch) => !isXmlInvalid(ch.charCodeAt(0))).join('');
      break;
    }
  }
  return clean.length > MAX_CELL_TEXT ? `${clean.slice(0, MAX_CELL_TEXT - 1)}…` : clean;
}

/** A1-style address of a 0-based cell; `absolute` pins row and column ($B$5). */
export function cellRef(row: number, col: number, absolute = false): string {
  const column = XLSX.utils.encode_col(col);
  return absolute ? `$${column}$${row + 1}` : `${column}${row + 1}`;
}

/** A1-style range between two 0-based cells. */
export function rangeRef(row1: number, col1: number, row2: number, col2: number, absolute = false): string {
  return `${cellRef(row1, col1, absolute)}:${cellRef(row2, col2, absolute)}`;
}

/** A reference qualified with its sheet, quoted when the sheet name needs it ('Budget plan'!$F$5). */
export function sheetRef(sheet: string, ref: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? `${sheet}!${ref}` : `'${sheet.replace(/'/g, "''")}'!${ref}`;
}

/** Widths (characters) a column is allowed to grow to from its content. */
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

export class SheetBuilder {
  readonly name: string;
  private readonly cells = new Map<string, XLSX.CellObject>();
  private lastRow = 0;
  private lastCol = 0;
  /** Width each cell asks for, by address (merged title cells are left out at build time). */
  private readonly cellWidths = new Map<string, { col: number; characters: number }>();
  private readonly fixedWidths = new Map<number, number>();
  private readonly merges: XLSX.Range[] = [];
  private filter: string | undefined;

  constructor(name: string) {
    this.name = name;
  }

  /** A text cell (never a formula, whatever it starts with); empty text leaves the cell empty. */
  text(row: number, col: number, value: string): void {
    const text = cellText(value);
    if (text === '') return;
    this.put(row, col, { t: 's', v: text });
    this.grow(row, col, longestLine(text) + 1);
  }

  /** A number with a number format; a missing or non-finite value is written as the text "n/a". */
  number(row: number, col: number, value: number | null | undefined, format?: string): void {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.text(row, col, 'n/a');
      return;
    }
    this.put(row, col, format === undefined ? { t: 'n', v: value } : { t: 'n', v: value, z: format });
    this.grow(row, col, numberWidth(value, format));
  }

  /** A formula (no leading "="); its cached value is computed when the workbook is evaluated. */
  formula(row: number, col: number, formula: string, format?: string): void {
    const cell: XLSX.CellObject = { t: 'n', f: formula, v: 0 };
    if (format !== undefined) cell.z = format;
    this.put(row, col, cell);
    this.grow(row, col, 14);
  }

  /** Merges a block of cells (its top-left cell holds the content and does not widen the column). */
  merge(row1: number, col1: number, row2: number, col2: number): void {
    this.merges.push({ s: { r: row1, c: col1 }, e: { r: row2, c: col2 } });
    this.touch(row2, col2);
  }

  /** Sets a column's width in characters, overriding what its content asks for. */
  width(col: number, characters: number): void {
    this.fixedWidths.set(col, characters);
  }

  /** Puts an autofilter on a header row and the rows below it. */
  autofilter(row1: number, col1: number, row2: number, col2: number): void {
    this.filter = rangeRef(row1, col1, row2, col2);
  }

  /** The cells placed so far, by A1 address (formula cells are still to be evaluated). */
  cellMap(): ReadonlyMap<string, XLSX.CellObject> {
    return this.cells;
  }

  /** The SheetJS worksheet. */
  build(): XLSX.WorkSheet {
    const sheet: XLSX.WorkSheet = {};
    for (const [address, cell] of this.cells) sheet[address] = cell;
    sheet['!ref'] = rangeRef(0, 0, this.lastRow, this.lastCol);
    if (this.merges.length) sheet['!merges'] = this.merges;
    const merged = new Set(this.merges.map((m) => cellRef(m.s.r, m.s.c)));
    const content = new Map<number, number>();
    for (const [address, { col, characters }] of this.cellWidths) {
      if (!merged.has(address)) content.set(col, Math.max(content.get(col) ?? 0, characters));
    }
    const cols: XLSX.ColInfo[] = [];
    for (let col = 0; col <= this.lastCol; col++) {
      cols.push({ wch: this.fixedWidths.get(col) ?? Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, content.get(col) ?? 0)) });
    }
    sheet['!cols'] = cols;
    if (this.filter) sheet['!autofilter'] = { ref: this.filter };
    return sheet;
  }

  private put(row: number, col: number, cell: XLSX.CellObject): void {
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0) throw new Error(`workbook: bad cell position ${row},${col} on ${this.name}`);
    this.cells.set(cellRef(row, col), cell);
    this.touch(row, col);
  }

  private touch(row: number, col: number): void {
    this.lastRow = Math.max(this.lastRow, row);
    this.lastCol = Math.max(this.lastCol, col);
  }

  private grow(row: number, col: number, characters: number): void {
    this.cellWidths.set(cellRef(row, col), { col, characters });
  }
}

function longestLine(text: string): number {
  return text.split('\n').reduce((longest, line) => Math.max(longest, line.length), 0);
}

/** Rough display width of a formatted number: digits, thousands separators, symbol, decimals. */
function numberWidth(value: number, format: string | undefined): number {
  const digits = String(Math.trunc(Math.abs(value))).length;
  const separators = format?.includes('#,##0') ? Math.floor((digits - 1) / 3) : 0;
  const decimals = /0\.(0+)/.exec(format ?? '')?.[1]?.length ?? (Number.isInteger(value) ? 0 : 4);
  return digits + separators + (decimals ? decimals + 1 : 0) + 5;
}
