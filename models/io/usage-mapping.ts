/**
 * First guesses for the column-mapping step: which column holds the dates, which the values,
 * which could split the values into groups, and whether the value is a flow (summed over a
 * month: cost, requests, tokens) or a level (averaged: active users, GPUs in service).
 */

import type { ImportError, ImportedTable, TableCell } from './table-types.ts';
import { readDateToken } from './usage-dates.ts';
import { looksLikeNumber, isMissingText } from './usage-numbers.ts';
import { isFocusTable } from './focus-columns.ts';

export type Aggregate = 'sum' | 'mean' | 'last';

export interface SuggestedMapping {
  readonly date: string;
  readonly value: string;
  /** How the value column combines within a month, guessed from its name. */
  readonly aggregate: Aggregate;
  /** Columns that read as dates, best first. */
  readonly dateCandidates: string[];
  /** Columns that read as numbers (other than the chosen date column), best first. */
  readonly valueCandidates: string[];
  /** Text columns with few distinct values, suitable for `groupBy`. */
  readonly groupCandidates: string[];
  /** True when the table is a FOCUS billing export: use importFocus instead. */
  readonly focus: boolean;
}

/** Rows examined per column; enough to judge a column without reading 100,000 rows. */
const SAMPLE_ROWS = 500;
/** Share of non-blank cells that must read as dates (or numbers) for the column to count. */
const MIN_SHARE = 0.8;
/** Most distinct values for a column to be offered as a grouping. */
const MAX_GROUPS = 50;

/** Words in a column name that mark a level (averaged within a month) rather than a flow. */
const LEVEL_WORDS = /(active|users?\b|nutzer|utilisateurs|usuarios|utenti|mau|dau|wau|seats?|subscribers?|customers?|accounts?|headcount|employees|gpus?\b|instances|nodes|replicas|servers|capacity|stored|storage|terabytes|\btb\b|\bgb\b|inventory|balance|level|price|rate)/i;
/** Words that mark a flow; they win over level words ("GPU hours" is a flow of GPU time). */
const FLOW_WORDS = /(cost|kosten|coût|coste|costo|spend|amount|billed|charge|revenue|requests?|calls|queries|tokens?|hours|runs|sessions|messages|invocations|egress|transfer)/i;
const DATE_NAME = /(date|day|month|period|week|time|when|datum|fecha|mois|monat)/i;
/** Money is what most histories are imported for; usage counts come next. */
const COST_NAME = /(cost|spend|amount|usd|eur|gbp|billed|charge|kosten|coût|cout|coste|costo|gasto|[$€£¥])/i;
const USAGE_NAME = /(total|users|mau|dau|requests|tokens|hours|calls|revenue|value)/i;
const NOT_A_VALUE_NAME = /(\bid\b|_id\b|year|month|day|week|index|\bno\b|number|zip|postal|code|rank|version|phone)/i;
/** "BillingAccountId", "SubAccountID": identifiers written in camel case. */
const CAMEL_ID = /[a-z](?:Id|ID)$/;

/** 'mean' for a column named like a level (active users, GPUs, TB stored), else 'sum'. */
export function suggestAggregate(columnName: string): Aggregate {
  if (FLOW_WORDS.test(columnName)) return 'sum';
  return LEVEL_WORDS.test(columnName) ? 'mean' : 'sum';
}

interface ColumnProfile {
  readonly name: string;
  readonly index: number;
  readonly filled: number;
  readonly dateShare: number;
  /** Share of date cells that are only digits (20260115) or serials: weak evidence alone. */
  readonly weakDateShare: number;
  readonly numberShare: number;
  readonly distinct: number;
}

function profile(table: ImportedTable, index: number): ColumnProfile {
  const name = table.columns[index] ?? '';
  const rows = table.rows.length > SAMPLE_ROWS ? sampleRows(table.rows) : table.rows;
  let filled = 0;
  let dates = 0;
  let weak = 0;
  let numbers = 0;
  const distinct = new Set<string>();
  for (const row of rows) {
    const cell: TableCell = row[index] ?? '';
    if (typeof cell === 'string' && isMissingText(cell)) continue;
    filled++;
    if (distinct.size <= MAX_GROUPS) distinct.add(String(cell).trim().toLowerCase());
    const token = readDateToken(cell);
    if (token !== null) {
      dates++;
      if (token.kind === 'serial' || (token.kind === 'exact' && token.compact)) weak++;
    }
    if (looksLikeNumber(cell)) numbers++;
  }
  return {
    name,
    index,
    filled,
    dateShare: filled === 0 ? 0 : dates / filled,
    weakDateShare: dates === 0 ? 0 : weak / dates,
    numberShare: filled === 0 ? 0 : numbers / filled,
    distinct: distinct.size,
  };
}

/** Evenly spread rows, so a file sorted by date is judged on its whole span. */
function sampleRows(rows: readonly TableCell[][]): TableCell[][] {
  const step = rows.length / SAMPLE_ROWS;
  const sample: TableCell[][] = [];
  for (let k = 0; k < SAMPLE_ROWS; k++) sample.push(rows[Math.floor(k * step)] ?? []);
  return sample;
}

/** Guesses the date, value and grouping columns of a table, or says that it has no dates or no numbers. */
export function suggestMapping(table: ImportedTable): SuggestedMapping | ImportError {
  const profiles = table.columns.map((_, i) => profile(table, i));
  // FOCUS and other billing exports carry several date columns; the charge period's start places a cost.
  const dateScore = (p: ColumnProfile): number =>
    (DATE_NAME.test(p.name) ? 2 : 0) +
    (/start|begin/i.test(p.name) ? 1 : 0) +
    (/charge|usage/i.test(p.name) ? 1 : 0) -
    (/end/i.test(p.name) ? 1 : 0) -
    (p.weakDateShare > 0.5 ? 2 : 0);
  const dateColumns = profiles
    .filter((p) => p.filled > 0 && p.dateShare >= MIN_SHARE && (p.weakDateShare <= 0.5 || DATE_NAME.test(p.name)))
    .sort((a, b) => dateScore(b) - dateScore(a) || a.index - b.index);
  const date = dateColumns[0];
  if (date === undefined) {
    return {
      error: 'no-date-column',
      message: `No column holds dates. The columns are ${table.columns.map((c) => `"${c}"`).join(', ')}.`,
      fix: 'Usage history needs one column of dates or months, e.g. 2026-01-15, 2026-01, 01/15/2026, 15.01.2026 or Jan 2026.',
    };
  }
  const valueScore = (p: ColumnProfile): number =>
    (COST_NAME.test(p.name) ? 3 : USAGE_NAME.test(p.name) ? 2 : 0) -
    (NOT_A_VALUE_NAME.test(p.name) || CAMEL_ID.test(p.name) ? 5 : 0) -
    (p.distinct <= 1 ? 1 : 0);
  const valueColumns = profiles
    .filter((p) => p.index !== date.index && p.filled > 0 && p.numberShare >= MIN_SHARE)
    .sort((a, b) => valueScore(b) - valueScore(a) || a.index - b.index);
  const value = valueColumns[0];
  if (value === undefined) {
    return {
      error: 'no-value-column',
      message: `Column "${date.name}" holds dates, but no other column holds numbers.`,
      fix: 'Usage history needs a column of numbers next to the dates: users, requests, tokens, GPU-hours or cost.',
    };
  }
  const groupCandidates = profiles
    .filter(
      (p) =>
        p.index !== date.index &&
        p.numberShare < MIN_SHARE &&
        p.dateShare < MIN_SHARE &&
        p.distinct >= 2 &&
        p.distinct <= MAX_GROUPS &&
        p.distinct < p.filled,
    )
    .map((p) => p.name);
  return {
    date: date.name,
    value: value.name,
    aggregate: suggestAggregate(value.name),
    dateCandidates: dateColumns.map((p) => p.name),
    valueCandidates: valueColumns.map((p) => p.name),
    groupCandidates,
    focus: isFocusTable(table),
  };
}
