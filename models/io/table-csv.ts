/**
 * Delimited text (CSV, TSV, semicolon files from European spreadsheets, pipe-separated
 * exports) → records of fields, per RFC 4180: quoted fields may hold delimiters, line breaks
 * and doubled quotes. The delimiter is the candidate that splits the first lines into the
 * same number of fields most consistently.
 */

import { looksLikeDate } from './usage-dates.ts';
import { looksLikeNumber } from './usage-numbers.ts';

export type Delimiter = ',' | ';' | '\t' | '|';

const CANDIDATES: readonly Delimiter[] = [',', ';', '\t', '|'];
/** Characters of the file used to choose the delimiter. */
const SAMPLE_CHARS = 65536;
/** Records of the sample used to choose the delimiter. */
const SAMPLE_RECORDS = 50;

export interface DelimitedRecords {
  /** One array of fields per record; a blank line is a record with one empty field. */
  readonly records: string[][];
  /** 1-based record number where a quoted field opened and never closed, or null. */
  readonly unclosedQuoteRecord: number | null;
}

/** Splits `text` into records of fields separated by `delimiter` (RFC 4180 quoting), at most `maxRecords`. */
export function parseDelimited(text: string, delimiter: Delimiter, maxRecords = Infinity): DelimitedRecords {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const records: string[][] = [];
  let unclosedQuoteRecord: number | null = null;
  let row: string[] = [];
  let i = 0;
  while (i < n && records.length < maxRecords) {
    // A field is quoted when its first non-space character is a quote.
    const fieldStart = i;
    let start = i;
    while (start < n && text.charCodeAt(start) === 32) start++;
    let field: string;
    if (start < n && text.charCodeAt(start) === 34) {
      let chunkStart = start + 1;
      let value = '';
      let closed = false;
      for (;;) {
        const quote = text.indexOf('"', chunkStart);
        if (quote < 0) {
          value += text.slice(chunkStart);
          i = n;
          break;
        }
        if (text.charCodeAt(quote + 1) === 34) {
          value += text.slice(chunkStart, quote + 1);
          chunkStart = quote + 2;
          continue;
        }
        value += text.slice(chunkStart, quote);
        i = quote + 1;
        closed = true;
        break;
      }
      if (!closed && unclosedQuoteRecord === null) unclosedQuoteRecord = records.length + 1;
      // Text between the closing quote and the delimiter is kept rather than lost.
      const tail = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === d || c === 10 || c === 13) break;
        i++;
      }
      field = i > tail ? value + text.slice(tail, i) : value;
    } else {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === d || c === 10 || c === 13) break;
        i++;
      }
      field = text.slice(fieldStart, i);
    }
    row.push(field);
    if (i >= n) {
      records.push(row);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i >= n) {
        row.push('');
        records.push(row);
        row = [];
      }
      continue;
    }
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    records.push(row);
    row = [];
  }
  return { records, unclosedQuoteRecord };
}

/**
 * The delimiter that splits the first records into the most consistent number of fields (two
 * or more); ties go to the split whose cells read as numbers and dates, then to more fields.
 */
export function detectDelimiter(text: string, preferTab = false): Delimiter {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const cut = text.length > SAMPLE_CHARS;
  let best: { delimiter: Delimiter; consistency: number; typed: number; fields: number } | null = null;
  const order = preferTab ? (['\t', ',', ';', '|'] as const) : CANDIDATES;
  for (const delimiter of order) {
    const parsed = parseDelimited(sample, delimiter, SAMPLE_RECORDS + 1).records;
    // The last record of a cut sample may be cut in half.
    const records = (cut ? parsed.slice(0, -1) : parsed).filter((r) => r.some((f) => f.trim() !== ''));
    if (records.length === 0) continue;
    const counts = new Map<number, number>();
    for (const r of records) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let fields = 0;
    let frequency = 0;
    for (const [count, times] of counts) {
      if (times > frequency || (times === frequency && count > fields)) {
        fields = count;
        frequency = times;
      }
    }
    if (fields < 2) continue;
    const consistency = frequency / records.length;
    let typedCells = 0;
    let cells = 0;
    for (const r of records.slice(1)) {
      for (const f of r) {
        cells++;
        if (f.trim() === '' || looksLikeNumber(f) || looksLikeDate(f)) typedCells++;
      }
    }
    const typed = cells === 0 ? 0 : typedCells / cells;
    const candidate = { delimiter, consistency, typed, fields };
    if (best === null || isBetter(candidate, best)) best = candidate;
  }
  return best?.delimiter ?? (preferTab ? '\t' : ',');
}

function isBetter(
  a: { consistency: number; typed: number; fields: number },
  b: { consistency: number; typed: number; fields: number },
): boolean {
  if (Math.abs(a.consistency - b.consistency) > 1e-9) return a.consistency > b.consistency;
  if (Math.abs(a.typed - b.typed) > 1e-9) return a.typed > b.typed;
  return a.fields > b.fields;
}
