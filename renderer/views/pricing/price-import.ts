/**
 * Reading a user's price file for the Pricing view: bytes from the platform's file picker to
 * catalog rows, or to the precise problems (row, column, why) — the scenario is never touched.
 */
import type { CatalogRow } from '../../../models/pricing/catalog/catalog.ts';
import { parseUserPriceCsv, type UserPriceError } from '../../../models/pricing/user-prices.ts';

export type PriceImport = { ok: true; fileName: string; rows: CatalogRow[] } | { ok: false; fileName: string; errors: UserPriceError[] };

/** Spreadsheet and binary formats the data picker also offers; a price file must be CSV text. */
const NOT_CSV = /\.(xlsx|xls|ods)$/i;

/** Parses a price file picked by the user (UTF-8 CSV, comma or semicolon separated). */
export function readPriceFile(file: { name: string; bytes: Uint8Array }, today?: string): PriceImport {
  if (NOT_CSV.test(file.name)) {
    return { ok: false, fileName: file.name, errors: [{ row: 1, column: '(file)', message: `${file.name} is a spreadsheet; save it as CSV (comma or semicolon separated) and import that` }] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    return { ok: false, fileName: file.name, errors: [{ row: 1, column: '(file)', message: `${file.name} is not UTF-8 text; export the price table as CSV (UTF-8)` }] };
  }
  if (text.includes('\u0000')) {
    return { ok: false, fileName: file.name, errors: [{ row: 1, column: '(file)', message: `${file.name} is a binary file, not a CSV price table` }] };
  }
  const parsed = parseUserPriceCsv(text, file.name, today === undefined ? {} : { today });
  if ('errors' in parsed) return { ok: false, fileName: file.name, errors: parsed.errors };
  if (parsed.rows.length === 0) {
    return { ok: false, fileName: file.name, errors: [{ row: 2, column: '(file)', message: `${file.name} has a header but no price rows` }] };
  }
  return { ok: true, fileName: file.name, rows: parsed.rows };
}

/** One problem as a line: `row 3, column onDemandPerHour: "$21.96" is not a number; …`. */
export function describePriceError(error: UserPriceError): string {
  return `row ${error.row}, column ${error.column}: ${error.message}`;
}
