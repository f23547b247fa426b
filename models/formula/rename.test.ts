import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFormulaError, parseFormula } from './parse.ts';
import { renameReference } from './rename.ts';

describe('renameReference', () => {
  it('renames every reference and keeps the spacing exactly as written', () => {
    expect(renameReference('users*price +  users / 2', 'users', 'active_users')).toBe('active_users*price +  active_users / 2');
    expect(renameReference('  (users)\t* 3  ', 'users', 'mau')).toBe('  (mau)\t* 3  ');
  });

  it('leaves names that merely contain the old name alone', () => {
    expect(renameReference('users + users_2 + power_users + users2', 'users', 'mau')).toBe('mau + users_2 + power_users + users2');
  });

  it('does not touch function names, even when a driver has the same name', () => {
    expect(renameReference('max(max, 1) + max (max)', 'max', 'peak')).toBe('max(peak, 1) + max (peak)');
    expect(renameReference('round(x)', 'round', 'r')).toBe('round(x)');
  });

  it('does not touch comments, quoted text, property names or number exponents', () => {
    expect(renameReference('a * 2 # a is the base\n+ a', 'a', 'base')).toBe('base * 2 # a is the base\n+ base');
    expect(renameReference('"a" + a', 'a', 'b')).toBe('"a" + b');
    expect(renameReference('x.a + a', 'a', 'b')).toBe('x.a + b');
    expect(renameReference('1e5 * e', 'e', 'growth')).toBe('1e5 * growth');
  });

  it('renames `month` like any other name only when asked, and never keywords', () => {
    expect(renameReference('month < 6 and x', 'month', 'm')).toBe('m < 6 and x');
    expect(renameReference('a and b', 'and', 'both')).toBe('a and b');
  });

  it('returns the text unchanged when there is nothing to rename', () => {
    expect(renameReference('a + b', 'c', 'd')).toBe('a + b');
    expect(renameReference('a + b', 'a', 'a')).toBe('a + b');
  });

  it('refuses a new name that could not be written in a formula', () => {
    expect(() => renameReference('a', 'a', 'Bad Name')).toThrow(RangeError);
    expect(() => renameReference('a', 'a', 'and')).toThrow(/cannot be used in a formula/);
  });

  it('changes exactly the references: the renamed formula parses to the same tree with the name swapped', () => {
    const pieces = fc.constantFrom('a', 'ab', 'b_a', 'max', 'month', '2', '0.5', '1e3', '+', '-', '*', '/', '^', '(', ')', ' ', '  ', '<', '==', 'and', 'not', ',');
    const text = fc.array(pieces, { minLength: 1, maxLength: 25 }).map((parts) => parts.join(''));
    let checked = 0;
    fc.assert(
      fc.property(text, fc.constantFrom('a', 'max', 'month', 'ab'), (formula, from) => {
        const before = parseFormula(formula);
        if (isFormulaError(before)) return; // random text is mostly not a formula; rename only promises to keep valid ones valid
        const renamed = renameReference(formula, from, 'renamed_x');
        const after = parseFormula(renamed);
        if (isFormulaError(after)) throw new Error(`"${formula}" → "${renamed}": ${after.message}`);
        const swap = (name: string): string => (name === from ? 'renamed_x' : name);
        expect(after.references).toEqual(before.references.map(swap));
        expect(JSON.stringify(after.ast)).toBe(JSON.stringify(before.ast, (key, value: unknown) => (key === 'name' && typeof value === 'string' ? swap(value) : value)));
        checked++;
      }),
      { seed: 77, numRuns: 4000 },
    );
    expect(checked).toBeGreaterThan(100);
  });
});
