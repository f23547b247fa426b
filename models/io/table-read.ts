/**
 * The one entry point for a user's file: bytes and a file name → an ImportedTable for the
 * preview, or an ImportError. The content decides more than the name does: a workbook
 * renamed .csv is read as a workbook, a CSV renamed .xlsx as text.
 */

import type { ImportError, ImportedTable, TableCell, TableFormat } from './table-types.ts';
import { decodeText, emptyFileError } from './table-text-decode.ts';
import { detectDelimiter, parseDelimited, type Delimiter } from './table-csv.ts';
import { shapeTable } from './table-shape.ts';
import { readSheetRows } from './table-spreadsheet.ts';

export interface ReadTableOptions {
  /** Workbook sheet to read; default: the first sheet with any content. */
  readonly sheet?: string;
  /** Force (true) or deny (false) a header row; default: detected. */
  readonly header?: boolean;
  /** Field delimiter of a text file; default: detected. */
  readonly delimiter?: Delimiter;
}

const WORKBOOK_EXTENSIONS = new Set(['xlsx', 'xlsm', 'xlsb', 'xls', 'ods', 'fods']);

/** Reads a CSV/TSV/TXT or XLSX/XLS/ODS file's bytes into a table of cells, or says precisely why not. */
export function readTable(bytes: Uint8Array, fileName: string, options: ReadTableOptions = {}): ImportedTable | ImportError {
  if (bytes.length === 0) return emptyFileError();
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const container = containerOf(bytes);
  const namedWorkbook = WORKBOOK_EXTENSIONS.has(extension);
  const warnings: string[] = [];
  if (container !== null || (namedWorkbook && startsWithMarkup(bytes))) {
    if (container !== null && !namedWorkbook) {
      warnings.push(`"${fileName}" is named like a text file but is a spreadsheet workbook; it was read as a workbook.`);
    }
    return readWorkbook(bytes, fileName, extension, options, warnings);
  }
  if (namedWorkbook) {
    warnings.push(`"${fileName}" is named like a workbook but holds plain text; it was read as delimited text.`);
  }
  return readDelimitedText(bytes, extension, options, warnings);
}

/** ZIP (xlsx, ods) or OLE2 (xls) container signatures. */
function containerOf(bytes: Uint8Array): 'zip' | 'ole' | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return ole.every((b, i) => bytes[i] === b) ? 'ole' : null;
}

/** XML (SpreadsheetML 2003, flat ODS) or HTML saved with a workbook extension. */
function startsWithMarkup(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && i < 64 && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x3c;
}

function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  extension: string,
  options: ReadTableOptions,
  warnings: string[],
): ImportedTable | ImportError {
  const sheet = readSheetRows(bytes, fileName, options.sheet);
  if ('error' in sheet) return sheet;
  const shaped = shapeTable(sheet.raw, sheet.rowNumbers, options.header);
  if ('error' in shaped) {
    if (shaped.error === 'empty-file') {
      return { error: 'empty-sheet', message: `Sheet "${sheet.sheetName}" is empty.`, fix: 'Choose the sheet that holds your usage history.' };
    }
    return shaped;
  }
  const format: TableFormat = extension === 'xlsx' || extension === 'xls' || extension === 'ods' ? extension : 'spreadsheet';
  return {
    columns: shaped.columns,
    rows: shaped.rows,
    rowNumbers: shaped.rowNumbers,
    headerRow: shaped.headerRow,
    format,
    sheetNames: sheet.sheetNames,
    sheetName: sheet.sheetName,
    warnings: [...warnings, ...sheet.warnings, ...shaped.warnings],
  };
}

function readDelimitedText(
  bytes: Uint8Array,
  extension: string,
  options: ReadTableOptions,
  warnings: string[],
): ImportedTable | ImportError {
  const decoded = decodeText(bytes);
  if ('error' in decoded) return decoded;
  if (decoded.text.trim() === '') return emptyFileError();
  const delimiter = options.delimiter ?? detectDelimiter(decoded.text, extension === 'tsv' || extension === 'tab');
  const parsed = parseDelimited(decoded.text, delimiter);
  if (parsed.unclosedQuoteRecord !== null) {
    warnings.push(
      `A quoted value that starts in row ${parsed.unclosedQuoteRecord} never closes, so the rest of the file was read as part of it. Check that row for a stray double quote (").`,
    );
  }
  const rowNumbers = parsed.records.map((_, i) => i + 1);
  const shaped = shapeTable(parsed.records, rowNumbers, options.header);
  if ('error' in shaped) return shaped;
  if (shaped.columns.length === 1) {
    warnings.push(
      `Every line has a single field; no comma, semicolon, tab or pipe separates columns consistently. Check the delimiter if you expected several columns.`,
    );
  }
  return {
    columns: shaped.columns,
    rows: shaped.rows,
    rowNumbers: shaped.rowNumbers,
    headerRow: shaped.headerRow,
    format: 'csv',
    delimiter,
    encoding: decoded.encoding,
    warnings: [...warnings, ...decoded.warnings, ...shaped.warnings],
  };
}

/** The text a preview shows for a cell (numbers without grouping, as the file holds them). */
export function cellText(cell: TableCell): string {
  return typeof cell === 'number' ? String(cell) : cell;
}

/** The first `limit` rows as text, for a preview table. */
export function previewRows(table: ImportedTable, limit = 20): string[][] {
  return table.rows.slice(0, limit).map((row) => row.map(cellText));
}
