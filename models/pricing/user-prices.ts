/**
 * A user's own price file (CSV) that extends or overrides the bundled instance catalog without
 * editing code: negotiated rates, a provider we do not ship, a fresher quote. The file is text
 * until every cell is checked; problems come back as data naming the row, the column and why.
 */
import { createCatalog, gpuSpecs, instances } from './catalog/bundled-catalog.ts';
import { isIsoDate, instancePriceOrderIssues, providerIdPattern } from './catalog/catalog-schema.ts';
import { instanceKey, toCatalogRow, type CatalogRow, type InstancePrice } from './catalog/instance-catalog.ts';
import { bundledReference, createReferenceData } from './reference.ts';
import type { ReferenceData } from '../simulate/reference-data.ts';

/** The documented columns, in the order the template writes them. */
export const USER_PRICE_COLUMNS = [
  'provider',
  'region',
  'instanceType',
  'gpu',
  'gpuCount',
  'onDemandPerHour',
  'spotPerHour',
  'committed1yPerHour',
  'committed3yPerHour',
  'source',
  'asOf',
] as const;

/** Columns a file may add after the documented ones. */
const EXTRA_COLUMNS = ['notes'] as const;
const REQUIRED_COLUMNS = ['provider', 'region', 'instanceType', 'gpu', 'gpuCount', 'onDemandPerHour', 'source', 'asOf'] as const;

type Column = (typeof USER_PRICE_COLUMNS)[number] | (typeof EXTRA_COLUMNS)[number];
const ALL_COLUMNS: readonly Column[] = [...USER_PRICE_COLUMNS, ...EXTRA_COLUMNS];

/** The header line of a user price file, for templates and error messages. */
export const USER_PRICE_CSV_HEADER = USER_PRICE_COLUMNS.join(',');

export interface UserPriceError {
  /** Line of the file where the record starts; the header is row 1. */
  row: number;
  column: string;
  message: string;
}

export type UserPriceParseResult = { rows: CatalogRow[] } | { errors: UserPriceError[] };

interface CsvRecord {
  row: number;
  fields: string[];
}

/** Picks the delimiter the header uses: semicolon files come from spreadsheets in decimal-comma locales. */
function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let inQuotes = false;
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) break;
    else if (!inQuotes && char === ',') commas += 1;
    else if (!inQuotes && char === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/** Splits CSV text into records (RFC 4180 quoting: "" inside quotes is a quote; quoted fields may span lines). */
function readCsvRecords(text: string, delimiter: string): { records: CsvRecord[]; errors: UserPriceError[] } {
  const records: CsvRecord[] = [];
  const errors: UserPriceError[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let quotedField = false;
  let line = 1;
  let recordStart = 1;

  const endField = (): void => {
    fields.push(quotedField ? field : field.trim());
    field = '';
    quotedField = false;
  };
  const endRecord = (): void => {
    endField();
    // Spreadsheets export trailing empty rows as ",,,,": skip them like blank lines.
    const blank = fields.every((value) => value === '');
    if (!blank) records.push({ row: recordStart, fields });
    fields = [];
  };

  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (inQuotes) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        inQuotes = false;
        const next = text[i + 1];
        if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r' && next.trim() !== '') {
          errors.push({ row: recordStart, column: `(field ${fields.length + 1})`, message: `unexpected "${next}" after a closing quote; quote the whole field and write a quote inside it as ""` });
        }
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
      continue;
    }
    if (char === '"' && field.trim() === '') {
      inQuotes = true;
      quotedField = true;
      field = '';
    } else if (char === delimiter) {
      endField();
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordStart = line;
    } else if (!(quotedField && char.trim() === '')) {
      field += char;
    }
  }
  if (inQuotes) {
    errors.push({ row: recordStart, column: `(field ${fields.length + 1})`, message: 'a quoted field is never closed' });
  } else if (field !== '' || fields.length > 0) {
    endRecord();
  }
  return { records, errors };
}

const numberPattern = /^\+?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Reads a positive number; semicolon files may use a decimal comma (55,04). */
function readPositiveNumber(cell: string, delimiter: string): number | string {
  const normalized = delimiter === ';' && /^\d+,\d+$/.test(cell) ? cell.replace(',', '.') : cell;
  if (!numberPattern.test(normalized)) return `"${cell}" is not a number; write a plain number such as 55.04 (no currency sign or thousands separator)`;
  const value = Number(normalized);
  if (!Number.isFinite(value) || value <= 0) return `must be above 0 (got ${cell})`;
  return value;
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Parses a user price file: a header naming the columns (any order, any case; comma or semicolon
 * separated; quoted fields allowed), then one instance per row with prices in USD per instance-hour.
 * Returns the rows with per-GPU-hour prices derived, or every problem found.
 */
export function parseUserPriceCsv(text: string, fileName: string, options: { today?: string } = {}): UserPriceParseResult {
  const today = options.today ?? todayIso();
  const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = detectDelimiter(content);
  const { records, errors } = readCsvRecords(content, delimiter);
  const header = records[0];
  if (!header) {
    return { errors: [{ row: 1, column: '(header)', message: `${fileName} is empty; the first line must name the columns: ${USER_PRICE_CSV_HEADER}` }] };
  }

  const columnIndex = new Map<Column, number>();
  header.fields.forEach((name, index) => {
    const column = ALL_COLUMNS.find((known) => known.toLowerCase() === name.trim().toLowerCase());
    if (!column) {
      errors.push({ row: header.row, column: name || `(column ${index + 1})`, message: `unknown column; expected ${ALL_COLUMNS.join(', ')}` });
    } else if (columnIndex.has(column)) {
      errors.push({ row: header.row, column, message: 'this column appears twice in the header' });
    } else {
      columnIndex.set(column, index);
    }
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!columnIndex.has(column)) errors.push({ row: header.row, column, message: 'required column is missing from the header' });
  }
  if (errors.length > 0) return { errors };

  const knownGpus = gpuSpecs.map((gpu) => gpu.id);
  const rows: CatalogRow[] = [];
  const firstRowOfKey = new Map<string, number>();

  for (const record of records.slice(1)) {
    const rowErrors: UserPriceError[] = [];
    const fail = (column: string, message: string): void => {
      rowErrors.push({ row: record.row, column, message });
    };
    if (record.fields.length > header.fields.length) {
      fail(`(column ${header.fields.length + 1})`, `the row has ${record.fields.length} fields but the header names ${header.fields.length}; quote fields that contain "${delimiter}"`);
      errors.push(...rowErrors);
      continue;
    }
    const cell = (column: Column): string => {
      const index = columnIndex.get(column);
      return index === undefined ? '' : (record.fields[index] ?? '');
    };
    const required = (column: Column): string | undefined => {
      const value = cell(column);
      if (value === '') fail(column, 'required; the cell is empty');
      return value === '' ? undefined : value;
    };
    const price = (column: Column, optional: boolean): number | null | undefined => {
      const value = optional ? cell(column) : required(column);
      if (value === undefined) return undefined;
      if (value === '') return null;
      const parsed = readPositiveNumber(value, delimiter);
      if (typeof parsed === 'string') {
        fail(column, parsed);
        return undefined;
      }
      return parsed;
    };

    const provider = required('provider')?.toLowerCase();
    if (provider !== undefined && !providerIdPattern.test(provider)) fail('provider', `"${cell('provider')}" is not a provider id; use lower-case letters, digits and dashes, e.g. aws`);
    const region = required('region');
    const instanceType = required('instanceType');
    const gpuCell = required('gpu');
    const gpu = gpuCell === undefined ? undefined : knownGpus.find((id) => id.toLowerCase() === gpuCell.toLowerCase());
    if (gpuCell !== undefined && gpu === undefined) fail('gpu', `unknown GPU "${gpuCell}"; known: ${knownGpus.join(', ')}`);
    const countCell = required('gpuCount');
    const gpuCount = countCell === undefined ? undefined : Number(countCell);
    if (countCell !== undefined && !(gpuCount !== undefined && /^\d+$/.test(countCell) && gpuCount >= 1)) {
      fail('gpuCount', `"${countCell}" is not a whole number of GPUs (1 or more)`);
    }
    const onDemandPerHour = price('onDemandPerHour', false);
    const spotPerHour = price('spotPerHour', true);
    const committed1yPerHour = price('committed1yPerHour', true);
    const committed3yPerHour = price('committed3yPerHour', true);
    const source = required('source');
    const asOf = required('asOf');
    if (asOf !== undefined && !isIsoDate(asOf)) fail('asOf', `"${asOf}" is not a date as YYYY-MM-DD, e.g. 2026-09-20`);
    else if (asOf !== undefined && asOf > today) fail('asOf', `${asOf} is in the future (today is ${today})`);

    if (
      rowErrors.length > 0 ||
      provider === undefined || region === undefined || instanceType === undefined || gpu === undefined ||
      gpuCount === undefined || onDemandPerHour === undefined || onDemandPerHour === null ||
      spotPerHour === undefined || committed1yPerHour === undefined || committed3yPerHour === undefined ||
      source === undefined || asOf === undefined
    ) {
      errors.push(...rowErrors);
      continue;
    }
    const userPrice: InstancePrice = {
      provider,
      region,
      instanceType,
      gpu,
      gpuCount,
      onDemandPerHour,
      spotPerHour,
      committed1yPerHour,
      committed3yPerHour,
      committedEstimated: false,
      source,
      asOf,
      notes: cell('notes') || `from ${fileName}, row ${record.row}`,
    };
    for (const issue of instancePriceOrderIssues(userPrice)) fail(issue.field, issue.message);
    const key = instanceKey(userPrice);
    const earlier = firstRowOfKey.get(key);
    if (earlier !== undefined) fail('instanceType', `repeats ${provider}/${region}/${instanceType} from row ${earlier}`);
    else firstRowOfKey.set(key, record.row);
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else rows.push(toCatalogRow(userPrice));
  }
  return errors.length > 0 ? { errors } : { rows };
}

/**
 * The catalog with a user's rows applied: a user row with the same provider/region/instanceType
 * (any case) replaces the catalog row in place; other user rows are appended in file order.
 */
export function mergeCatalog(base: readonly InstancePrice[], userRows: readonly InstancePrice[]): CatalogRow[] {
  const userByKey = new Map(userRows.map((row) => [instanceKey(row), row] as const));
  const baseKeys = new Set(base.map(instanceKey));
  const merged = base.map((row) => userByKey.get(instanceKey(row)) ?? row);
  const added = userRows.filter((row) => !baseKeys.has(instanceKey(row)));
  return [...merged, ...added].map(toCatalogRow);
}

/**
 * ReferenceData over the bundled catalog with a user's price rows applied (mergeCatalog: a row
 * with a catalog row's provider/region/instance type replaces it, others are added); the
 * bundled reference itself when there are none.
 */
export function referenceWithUserPrices(rows: readonly InstancePrice[] | undefined): ReferenceData {
  return rows?.length ? createReferenceData(createCatalog(mergeCatalog(instances, rows))) : bundledReference;
}
