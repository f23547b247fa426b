/**
 * Renaming a driver inside formula text. The edit is made on the text at token positions —
 * never by re-printing a parse tree — so the user's spacing, parentheses and comments stay
 * exactly as they were written.
 */
import { isReferenceableName, reservedWords, tokenizeFormula } from './tokens.ts';

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
  const tokens = tokenizeFormula(text).filter((token) => token.kind !== 'comment');
  let result = '';
  let copiedUpTo = 0;
  tokens.forEach((token, k) => {
    if (token.kind !== 'name' || token.text !== from) return;
    // A name followed by `(` is a function being called; after `.` it is a property.
    if (tokens[k + 1]?.text === '(' || tokens[k - 1]?.text === '.') return;
    result += text.slice(copiedUpTo, token.start) + to;
    copiedUpTo = token.end;
  });
  return result + text.slice(copiedUpTo);
}
