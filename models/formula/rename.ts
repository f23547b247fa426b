/**
 * Renaming a driver inside formula text. The edit is made on the text at token positions —
 * never by re-printing a parse tree — so the user's spacing, parentheses and comments stay
 * exactly as they were written.
 */
import { isReferenceableName, reservedWords, tokenizeFormula, type FormulaToken } from './tokens.ts';

/**
 * Rewrites every reference to `from` in formula `text` as `to`. Function names (`max(…)`),
 * longer names containing `from`, comments, quoted text and property names after `.` are
 * left alone. Throws a RangeError when `to` cannot be written in a formula.
 */
export function renameReference(text: string, from: string, to: string): string {
  if (!isReferenceableName(to)) {
    throw new RangeError(`\`${to}\` cannot be used in a formula: use lower-case letters, digits and _, and avoid ${[...reservedWords].join(', ')}`);
  }
  if (from === to || reservedWords.has(from)) return text;
  let result = '';
  let copiedUpTo = 0;
  for (const token of referencesTo(text, from)) {
    result += text.slice(copiedUpTo, token.start) + to;
    copiedUpTo = token.end;
  }
  return result + text.slice(copiedUpTo);
}

/** The tokens of formula `text` that refer to the driver `name` (not a function call, not a property after `.`). */
export function referencesTo(text: string, name: string): FormulaToken[] {
  const tokens = tokenizeFormula(text).filter((token) => token.kind !== 'comment');
  return tokens.filter((token, k) => token.kind === 'name' && token.text === name && tokens[k + 1]?.text !== '(' && tokens[k - 1]?.text !== '.');
}
