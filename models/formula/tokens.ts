/**
 * A lexical view of formula text with character positions. mathjs's parse tree carries no
 * positions, so whatever must point into the text — error locations, renaming a driver
 * without re-printing the user's formula — reads these tokens instead. The rules follow
 * mathjs's own tokenizer closely enough for every formula we accept; on text we reject
 * anyway they only need to be good enough to point at the offending part.
 */

export type FormulaTokenKind = 'name' | 'number' | 'string' | 'comment' | 'punct';

export interface FormulaToken {
  kind: FormulaTokenKind;
  text: string;
  /** Offset of the first character in the formula text (UTF-16 code units, 0-based). */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

/** What a driver name must look like to be usable inside a formula. */
export const referenceNamePattern = /^[a-z_][a-z0-9_]*$/;

/**
 * Lower-case words mathjs reads as operators or literal values, never as a name: a driver
 * called `and` or `true` could not be referenced from a formula.
 */
export const reservedWords: ReadonlySet<string> = new Set([
  'and',
  'or',
  'not',
  'xor',
  'mod',
  'to',
  'in',
  'true',
  'false',
  'null',
  'undefined',
]);

/** Whether `name` can be written in a formula as a reference (lower-case, not a keyword). */
export function isReferenceableName(name: string): boolean {
  return referenceNamePattern.test(name) && !reservedWords.has(name);
}

// Longest first, so `>>>` wins over `>>` and `>`.
const punctuation = ['>>>', '==', '!=', '<=', '>=', '<<', '>>', '.*', './', '.^', "^|"];

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
// mathjs accepts Latin, Greek and letter-like symbols in names, and `$`.
const isNameStart = (c: string): boolean => /^[A-Za-z_$\u00C0-\u02AF\u0370-\u03FF\u2100-\u214F]$/u.test(c);
const isNamePart = (c: string): boolean => isNameStart(c) || isDigit(c);
const isHexDigit = (c: string): boolean => /^[0-9a-fA-F]$/.test(c);

/** Splits formula text into tokens; whitespace (including line breaks) is skipped. */
export function tokenizeFormula(text: string): FormulaToken[] {
  const tokens: FormulaToken[] = [];
  let i = 0;
  const at = (k: number): string => text.charAt(k);
  const push = (kind: FormulaTokenKind, start: number, end: number): void => {
    tokens.push({ kind, text: text.slice(start, end), start, end });
  };
  while (i < text.length) {
    const c = at(i);
    const start = i;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '#') {
      while (i < text.length && at(i) !== '\n') i++;
      push('comment', start, i);
    } else if (c === '"' || (c === "'" && !endsValue(tokens))) {
      // After a value `'` is mathjs's transpose operator, otherwise it opens a string.
      i++;
      while (i < text.length && at(i) !== c) i += at(i) === '\\' ? 2 : 1;
      i = Math.min(i + 1, text.length);
      push('string', start, i);
    } else if (isDigit(c) || (c === '.' && isDigit(at(i + 1)))) {
      i = scanNumber(text, i);
      push('number', start, i);
    } else if (isNameStart(c)) {
      while (i < text.length && isNamePart(at(i))) i++;
      push('name', start, i);
    } else {
      const long = punctuation.find((p) => text.startsWith(p, i));
      i += long ? long.length : 1;
      push('punct', start, i);
    }
  }
  return tokens;
}

function endsValue(tokens: readonly FormulaToken[]): boolean {
  const last = tokens.at(-1);
  if (!last) return false;
  return last.kind === 'name' || last.kind === 'number' || last.text === ')' || last.text === ']' || last.text === "'";
}

function scanNumber(text: string, start: number): number {
  let i = start;
  const at = (k: number): string => text.charAt(k);
  const prefix = text.slice(i, i + 2).toLowerCase();
  if (prefix === '0x' || prefix === '0b' || prefix === '0o') {
    i += 2;
    while (isHexDigit(at(i)) || at(i) === '.') i++;
    // optional word size suffix such as `i8`
    if (at(i) === 'i' && isDigit(at(i + 1))) {
      i++;
      while (isDigit(at(i))) i++;
    }
    return i;
  }
  while (isDigit(at(i))) i++;
  if (at(i) === '.') {
    i++;
    while (isDigit(at(i))) i++;
  }
  if (at(i) === 'e' || at(i) === 'E') {
    const sign = at(i + 1) === '+' || at(i + 1) === '-' ? 1 : 0;
    if (isDigit(at(i + 1 + sign))) {
      i += 1 + sign;
      while (isDigit(at(i))) i++;
    }
  }
  return i;
}

/** Tokens that carry meaning: everything except comments. */
export function significantTokens(tokens: readonly FormulaToken[]): FormulaToken[] {
  return tokens.filter((token) => token.kind !== 'comment');
}
