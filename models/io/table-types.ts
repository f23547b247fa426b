/**
 * The shapes shared by every importer: a table read from a user's file, and the error every
 * import function returns instead of throwing. Files are untrusted input: nothing here throws.
 */

/**
 * One cell. Text files give strings; spreadsheets give numbers for numeric cells, ISO text
 * ("2026-01-15", "2026-01-15T10:30:00") for date-formatted cells and strings for the rest.
 * An empty cell is "".
 */
export type TableCell = string | number;

export type TableFormat = 'csv' | 'xlsx' | 'xls' | 'ods' | 'spreadsheet';

export interface ImportedTable {
  /** Column names: the header row, or "Column 1", "Column 2"… when the file has none; unique. */
  readonly columns: string[];
  /** Data rows, each as long as `columns` (short rows are padded with ""). */
  readonly rows: TableCell[][];
  /** For each row, its 1-based row number as a spreadsheet shows it (header and blank lines counted). */
  readonly rowNumbers: number[];
  /** 1-based row number of the header row, or null when the first row was data. */
  readonly headerRow: number | null;
  readonly format: TableFormat;
  /** Every sheet of a workbook, in order, so the UI can offer a choice. */
  readonly sheetNames?: string[];
  /** The sheet the rows come from. */
  readonly sheetName?: string;
  /** The field delimiter of a text file. */
  readonly delimiter?: string;
  /** How a text file was decoded. */
  readonly encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** Things the user should know that did not stop the import, as sentences. */
  readonly warnings: string[];
}

export type ImportErrorCode =
  | 'empty-file'
  | 'binary-file'
  | 'header-only'
  | 'unreadable-spreadsheet'
  | 'empty-workbook'
  | 'empty-sheet'
  | 'unknown-sheet'
  | 'unknown-column'
  | 'no-date-column'
  | 'no-value-column'
  | 'bad-date'
  | 'bad-number'
  | 'missing-date'
  | 'no-usable-rows'
  | 'not-focus'
  | 'focus-missing-column'
  | 'mixed-currency';

/** Why an import failed, in words a user can act on; `row` is 1-based as a spreadsheet shows it. */
export interface ImportError {
  readonly error: ImportErrorCode;
  readonly message: string;
  readonly row?: number;
  readonly column?: string;
  readonly fix?: string;
}

/** True when an import function returned an error instead of a result. */
export function isImportError(value: object): value is ImportError {
  return 'error' in value && typeof (value as { error: unknown }).error === 'string';
}

/** Lists at most `limit` items in words ("a, b, c and 4 more") so warnings stay one line. */
export function listInWords(items: readonly (string | number)[], limit = 5): string {
  const shown = items.slice(0, limit).map(String);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`;
}
