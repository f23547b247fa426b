/**
 * The Data view's heavy work, run in the worker: a user's file → a table preview and monthly
 * series (models/io), and a history → a fitted trend with its projected bands (models/drivers).
 * Pure functions over plain data, so the worker only routes messages to them and tests run
 * them in Node as they are.
 */
import { importFocus, type ChargeCategorySummary, type FocusCostColumn, type FocusImportOptions, type FocusSeriesKind } from '../../models/io/focus-import.ts';
import { isFocusTable } from '../../models/io/focus-columns.ts';
import { previewRows, readTable, type ReadTableOptions } from '../../models/io/table-read.ts';
import { isImportError, type ImportError, type ImportedTable, type TableFormat } from '../../models/io/table-types.ts';
import { suggestMapping, type Aggregate, type SuggestedMapping } from '../../models/io/usage-mapping.ts';
import { toSeriesName, uniqueSeriesName } from '../../models/io/usage-series-name.ts';
import { toMonthlySeries, type DuplicateRows, type Granularity, type SeriesMapping } from '../../models/io/usage-series.ts';
import { fitTrend, isTrendFitError, projectTrend, trendValues, type TrendFit, type TrendFitError, type TrendModelChoice } from '../../models/drivers/trend.ts';
import { createStream } from '../../models/random/prng.ts';
import { addMonths } from '../../models/simulate/months.ts';
import type { MonthStats } from '../../models/simulate/result.ts';
import { summarizeMonths } from '../../models/simulate/stats.ts';

/** A file the user picked or dropped; `token` tells one file from another for the worker's cache. */
export interface DataFile {
  token: number;
  name: string;
  bytes: Uint8Array;
}

/** How the rows become monthly series: mapped columns, or a FOCUS billing export. */
export type ImportMapping = { kind: 'usage'; mapping: SeriesMapping } | { kind: 'focus'; options: FocusImportOptions };

/** What the mapping step shows of a table: its columns, its first rows and what the importer guessed. */
export interface TableSummary {
  columns: string[];
  /** The first rows as text, and their row numbers as a spreadsheet shows them. */
  preview: string[][];
  previewRowNumbers: number[];
  rowCount: number;
  format: TableFormat;
  delimiter: string | null;
  encoding: string | null;
  sheetNames: string[];
  sheetName: string | null;
  warnings: string[];
  /** The importer's first guess of the date, value and group columns, or why it has none. */
  suggestion: SuggestedMapping | null;
  suggestionError: ImportError | null;
  focus: boolean;
}

/** One monthly series ready for a scenario's `history`. */
export interface ImportedSeries {
  /** A valid history name (`[a-z_][a-z0-9_]*`). */
  name: string;
  /** What it is, in the file's words. */
  label: string;
  kind: FocusSeriesKind | 'usage';
  /** The billing currency of a FOCUS cost series, the consumed unit of a usage series, else null. */
  unit: string | null;
  /** "YYYY-MM" → value, months ascending. */
  values: Record<string, number>;
}

export interface SeriesImport {
  series: ImportedSeries[];
  months: string[];
  gaps: string[];
  duplicates: DuplicateRows[];
  partialMonths: string[];
  rowsUsed: number;
  warnings: string[];
  granularity: Granularity | null;
  aggregate: Aggregate | null;
  focus: { costColumn: FocusCostColumn; currency: string | null; chargeCategories: ChargeCategorySummary[]; tagKeys: string[] } | null;
}

export type DataImportOutcome =
  /** The file could not be read as a table at all. */
  | { ok: false; error: ImportError }
  /** A table: its summary, the mapping used, and the series or the reason the mapping gave none. */
  | { ok: true; table: TableSummary; mapping: ImportMapping | null; series: SeriesImport | null; mappingError: ImportError | null };

/** Rows shown in the mapping preview. */
export const PREVIEW_ROWS = 12;

let cached: { key: string; table: ImportedTable | ImportError } | null = null;

/** Reads the file (once per file and read options: the worker keeps the last table) and maps it. */
export function importData(file: DataFile, read: ReadTableOptions, mapping: ImportMapping | 'auto'): DataImportOutcome {
  const key = `${file.token}|${file.name}|${JSON.stringify(read)}`;
  if (cached?.key !== key) cached = { key, table: readTable(file.bytes, file.name, read) };
  const table = cached.table;
  if (isImportError(table)) return { ok: false, error: table };
  const summary = summarize(table);
  const chosen = mapping === 'auto' ? autoMapping(summary) : mapping;
  if (chosen === null) return { ok: true, table: summary, mapping: null, series: null, mappingError: summary.suggestionError };
  const series = mapSeries(table, chosen);
  if (isImportError(series)) return { ok: true, table: summary, mapping: chosen, series: null, mappingError: series };
  return { ok: true, table: summary, mapping: chosen, series, mappingError: null };
}

function summarize(table: ImportedTable): TableSummary {
  const suggestion = suggestMapping(table);
  return {
    columns: table.columns,
    preview: previewRows(table, PREVIEW_ROWS),
    previewRowNumbers: table.rowNumbers.slice(0, PREVIEW_ROWS),
    rowCount: table.rows.length,
    format: table.format,
    delimiter: table.delimiter ?? null,
    encoding: table.encoding ?? null,
    sheetNames: table.sheetNames ?? [],
    sheetName: table.sheetName ?? null,
    warnings: table.warnings,
    suggestion: isImportError(suggestion) ? null : suggestion,
    suggestionError: isImportError(suggestion) ? suggestion : null,
    focus: isFocusTable(table),
  };
}

/** A FOCUS export is read as one; any other table with the importer's guessed columns. */
function autoMapping(table: TableSummary): ImportMapping | null {
  if (table.focus) return { kind: 'focus', options: {} };
  const guess = table.suggestion;
  return guess ? { kind: 'usage', mapping: { date: guess.date, value: guess.value, aggregate: guess.aggregate } } : null;
}

/** The monthly series of a table under a mapping, with history names, or the importer's error. */
export function mapSeries(table: ImportedTable, mapping: ImportMapping): SeriesImport | ImportError {
  if (mapping.kind === 'focus') {
    const bill = importFocus(table, mapping.options);
    if (isImportError(bill)) return bill;
    return {
      series: bill.series.map((s) => ({ name: s.name, label: s.label, kind: s.kind, unit: s.unit, values: bill.history[s.name] ?? {} })),
      months: bill.months,
      gaps: bill.gaps,
      duplicates: [],
      partialMonths: bill.partialMonths,
      rowsUsed: bill.rowsUsed,
      warnings: bill.warnings,
      granularity: null,
      aggregate: null,
      focus: { costColumn: bill.costColumn, currency: bill.currency, chargeCategories: bill.chargeCategories, tagKeys: bill.tagKeys },
    };
  }
  const monthly = toMonthlySeries(table, mapping.mapping);
  if (isImportError(monthly)) return monthly;
  const used = new Set<string>();
  return {
    series: Object.entries(monthly.series).map(([key, values]) => ({ name: uniqueSeriesName(toSeriesName(key), used), label: key, kind: 'usage' as const, unit: null, values })),
    months: monthly.months,
    gaps: monthly.gaps,
    duplicates: monthly.duplicates,
    partialMonths: monthly.partialMonths,
    rowsUsed: monthly.rowsUsed,
    warnings: monthly.warnings,
    granularity: monthly.granularity,
    aggregate: monthly.aggregate,
    focus: null,
  };
}

export interface TrendRequest {
  /** The history's name, for messages. */
  series: string;
  /** Consecutive months, ascending, and their values. */
  months: string[];
  values: number[];
  model: TrendModelChoice;
  /** Months projected after the last history month. */
  projectMonths: number;
  trials: number;
  seed: number;
}

export type TrendOutcome =
  | {
      ok: true;
      fit: TrendFit;
      /** The fitted curve (point estimate) at each history month. */
      fitted: number[];
      /** Statistics of the projected paths, one entry per month after the history. */
      projection: MonthStats[];
    }
  | { ok: false; error: TrendFitError };

/** Fits a trend to a history and projects `projectMonths` months of paths, summarised per month. */
export function fitAndProject(request: TrendRequest): TrendOutcome {
  const fit = fitTrend(request.values, request.model, request.series);
  if (isTrendFitError(fit)) return { ok: false, error: fit };
  const fitted = trendValues(fit, request.values.map((_, t) => t));
  const count = Math.max(0, Math.floor(request.projectMonths));
  if (count === 0) return { ok: true, fit, fitted, projection: [] };
  const last = request.months[request.months.length - 1] ?? '';
  const labels = Array.from({ length: count }, (_, k) => addMonths(last, k + 1));
  const stream = createStream(request.seed, 'data-view-trend', request.series);
  const paths = projectTrend(fit, { from: 1, count }, request.trials, () => stream.nextNormal());
  return { ok: true, fit, fitted, projection: summarizeMonths(paths, request.trials, labels) };
}
