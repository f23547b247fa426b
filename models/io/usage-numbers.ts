/**
 * Numbers as people and spreadsheets write them: "1,234.56", "1.234,56", "1 234,56", "$12",
 * "(12.5)", "12 %", "1.5e6". Whether "," or "." is the decimal mark is decided per column by
 * majority, because a single "1,234" cannot tell: it is 1234 in New York and 1.234 in Berlin.
 */

import type { TableCell } from './table-types.ts';

/** Which mark separates the decimals: 'point' (1,234.56) or 'comma' (1.234,56). */
export type DecimalMark = 'point' | 'comma';

/**
 * A number written in text. `kind` says what the separators reveal: 'plain' (none, or the
 * value does not depend on the convention), 'point' or 'comma' (only that convention reads
 * it), 'ambiguous' (one separator followed by exactly three digits: "1,234").
 */
export interface NumberToken {
  readonly kind: 'plain' | DecimalMark | 'ambiguous';
  readonly negative: boolean;
  readonly mantissa: string;
  readonly exponent: string;
}

/** Text that means "no value here" rather than a mistake. */
const MISSING_WORDS = new Set(['', '-', '–', '—', 'n/a', 'na', 'null', 'none', 'nan', '#n/a']);
const CURRENCY_SIGN = '$€£¥₹₩₽₺₪₫฿¢';
const PREFIX = new RegExp(`^(?:[+\\-−]|[A-Z]{1,3}[${CURRENCY_SIGN}]|[${CURRENCY_SIGN}]|[A-Z]{3}(?=[\\s\\d.,+\\-−]))\\s*`);
const SUFFIX = new RegExp(`\\s*(?:%|‰|[${CURRENCY_SIGN}]|[A-Z]{3})$`);
const GROUPING_SPACE = /[\s'’\u00a0\u202f\u2009]/g;
const SHAPE = /^(\d*(?:[.,]\d*)*)(?:[eE]([+-]?\d{1,3}))?$/;
const MAX_NUMBER_LENGTH = 64;
const PLAIN_FAST = /^-?\d+(?:\.\d{1,2}|\.\d{4,})?$/;
/** "1,234.56" and "1.234,56": grouped with a decimal part, so the style is certain. */
const GROUPED_POINT_FAST = /^-?\d{1,3}(?:,\d{3})+\.\d+$/;
const GROUPED_COMMA_FAST = /^-?\d{1,3}(?:\.\d{3})+,\d+$/;

/** True when the text means "no value" (blank, "-", "n/a", "null"…). */
export function isMissingText(text: string): boolean {
  return MISSING_WORDS.has(text.trim().toLowerCase());
}

/** Reads the sign, currency, percent and grouping out of `text`; null when it is not a number. */
export function readNumberToken(text: string): NumberToken | null {
  // No number is this long; the bound also keeps the patterns below linear on hostile input.
  if (text.length > MAX_NUMBER_LENGTH) return null;
  let s = text.trim();
  if (PLAIN_FAST.test(s)) {
    // Integers, and decimals whose digits after the point cannot be a thousands group.
    const negative = s.startsWith('-');
    return { kind: s.includes('.') ? 'point' : 'plain', negative, mantissa: negative ? s.slice(1) : s, exponent: '' };
  }
  if (GROUPED_POINT_FAST.test(s) || GROUPED_COMMA_FAST.test(s)) {
    const negative = s.startsWith('-');
    const kind: DecimalMark = s.lastIndexOf(',') > s.lastIndexOf('.') ? 'comma' : 'point';
    return { kind, negative, mantissa: negative ? s.slice(1) : s, exponent: '' };
  }
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  for (let guard = 0; guard < 3; guard++) {
    const match = PREFIX.exec(s);
    if (match === null || match[0] === '') break;
    if (/^[-−]/.test(match[0])) negative = !negative;
    s = s.slice(match[0].length);
  }
  for (let guard = 0; guard < 3; guard++) {
    const match = SUFFIX.exec(s);
    if (match === null || match[0] === '') break;
    s = s.slice(0, s.length - match[0].length);
  }
  s = s.replace(GROUPING_SPACE, '');
  const shape = SHAPE.exec(s);
  if (shape === null) return null;
  const mantissa = shape[1] ?? '';
  const exponent = shape[2] ?? '';
  if (!/\d/.test(mantissa)) return null;
  const kind = separatorKind(mantissa, exponent !== '');
  return kind === null ? null : { kind, negative, mantissa, exponent };
}

function separatorKind(mantissa: string, hasExponent: boolean): NumberToken['kind'] | null {
  const lastDot = mantissa.lastIndexOf('.');
  const lastComma = mantissa.lastIndexOf(',');
  if (lastDot < 0 && lastComma < 0) return 'plain';
  if (lastDot >= 0 && lastComma >= 0) {
    // The later mark is the decimal one; it may occur only once, after every grouping mark.
    const decimal = lastDot > lastComma ? '.' : ',';
    if (mantissa.indexOf(decimal) !== mantissa.lastIndexOf(decimal)) return null;
    const integer = mantissa.slice(0, Math.max(lastDot, lastComma));
    if (!isGrouped(integer, decimal === '.' ? ',' : '.')) return null;
    return decimal === '.' ? 'point' : 'comma';
  }
  const mark = lastDot >= 0 ? '.' : ',';
  const other: DecimalMark = mark === '.' ? 'comma' : 'point';
  const own: DecimalMark = mark === '.' ? 'point' : 'comma';
  if (mantissa.indexOf(mark) !== mantissa.lastIndexOf(mark)) {
    // Several marks can only be grouping: 1,234,567 or 1.234.567.
    return !hasExponent && isGrouped(mantissa, mark) ? other : null;
  }
  const [before = '', after = ''] = mantissa.split(mark);
  if (!hasExponent && after.length === 3 && before.length >= 1 && before.length <= 3 && before !== '0') {
    return 'ambiguous';
  }
  return own;
}

/** True when `digits` is groups of two or three digits after a first group of one to three. */
function isGrouped(digits: string, mark: string): boolean {
  if (!digits.includes(mark)) return /^\d+$/.test(digits);
  const groups = digits.split(mark);
  const first = groups[0] ?? '';
  if (first.length < 1 || first.length > 3) return false;
  for (let i = 1; i < groups.length; i++) {
    const g = groups[i] ?? '';
    // Two-digit groups come from Indian grouping (1,23,45,678); the last group always has three.
    if (!/^\d+$/.test(g) || g.length > 3 || g.length < 2 || (i === groups.length - 1 && g.length !== 3)) return false;
  }
  return true;
}

/** The value of a token read with decimal mark `mark` (tokens of the other kind keep their own). */
export function tokenValue(token: NumberToken, mark: DecimalMark): number {
  const effective = token.kind === 'point' || token.kind === 'comma' ? token.kind : mark;
  const normalised =
    effective === 'point' ? token.mantissa.replace(/,/g, '') : token.mantissa.replace(/\./g, '').replace(',', '.');
  const value = Number(token.exponent === '' ? normalised : `${normalised}e${token.exponent}`);
  return token.negative ? -value : value;
}

/** True when a cell holds a number in any convention (used to recognise headers and delimiters). */
export function looksLikeNumber(cell: TableCell): boolean {
  return typeof cell === 'number' || readNumberToken(cell) !== null;
}

export interface NumberColumn {
  /** Per row: the value, null when the cell is blank or means "no value", NaN when it is not a number. */
  readonly values: Float64Array | number[];
  readonly missing: Uint8Array;
  /** The decimal mark used for cells that could be read either way. */
  readonly mark: DecimalMark;
  readonly warnings: string[];
}

export interface NumberColumnOptions {
  /** 'auto' (default) decides by the column's majority. */
  readonly decimalMark?: 'auto' | DecimalMark;
  /** Convention to use when the column itself cannot tell (e.g. 'comma' for ";"-separated files). */
  readonly fallbackMark?: DecimalMark;
}

/**
 * Reads a column of cells as numbers, deciding the decimal mark by majority; NaN marks a cell
 * that is not a number and `missing` a blank one, so the caller can name the row.
 */
export function parseNumberColumn(cells: readonly TableCell[], columnName: string, options: NumberColumnOptions = {}): NumberColumn {
  const n = cells.length;
  const values = new Float64Array(n);
  const missing = new Uint8Array(n);
  // Only cells that read two ways wait for the column's verdict; the rest are read at once.
  const undecided: number[] = [];
  const undecidedTokens: NumberToken[] = [];
  let pointVotes = 0;
  let commaVotes = 0;
  let ambiguous = 0;
  for (let i = 0; i < n; i++) {
    const cell = cells[i] ?? '';
    if (typeof cell === 'number') {
      values[i] = cell;
      continue;
    }
    const token = readNumberToken(cell);
    if (token === null) {
      if (isMissingText(cell)) missing[i] = 1;
      else values[i] = NaN;
      continue;
    }
    if (token.kind === 'point') pointVotes++;
    else if (token.kind === 'comma') commaVotes++;
    if (token.kind === 'point' || token.kind === 'comma') {
      values[i] = finiteOrNaN(tokenValue(token, token.kind));
      continue;
    }
    if (token.kind === 'ambiguous') ambiguous++;
    undecided.push(i);
    undecidedTokens.push(token);
  }
  const warnings: string[] = [];
  let mark: DecimalMark;
  if (options.decimalMark !== undefined && options.decimalMark !== 'auto') mark = options.decimalMark;
  else if (pointVotes > commaVotes) mark = 'point';
  else if (commaVotes > pointVotes) mark = 'comma';
  else mark = options.fallbackMark ?? 'point';
  if (pointVotes > 0 && commaVotes > 0) {
    warnings.push(
      `Column "${columnName}" mixes number styles: ${pointVotes} value(s) like 1,234.56 and ${commaVotes} like 1.234,56. Each was read in its own style; values such as "1,234" were read as ${describe(mark)}.`,
    );
  } else if (ambiguous > 0 && pointVotes === 0 && commaVotes === 0 && (options.decimalMark ?? 'auto') === 'auto') {
    warnings.push(
      `Column "${columnName}": ${ambiguous} value(s) such as "1,234" or "1.234" could be read two ways; they were read as ${describe(mark)}. Choose the other number style if that is wrong.`,
    );
  }
  for (let k = 0; k < undecided.length; k++) {
    values[undecided[k] as number] = finiteOrNaN(tokenValue(undecidedTokens[k] as NumberToken, mark));
  }
  return { values, missing, mark, warnings };
}

/** "1e999" has the shape of a number but no finite value: treat it as text. */
function finiteOrNaN(value: number): number {
  return Number.isFinite(value) ? value : NaN;
}

function describe(mark: DecimalMark): string {
  return mark === 'point' ? 'decimal point, comma groups thousands (1,234 = 1234)' : 'decimal comma, point groups thousands (1.234 = 1234)';
}
