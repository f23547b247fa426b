import { describe, expect, it } from 'vitest';
import { isReferenceableName, tokenizeFormula } from './tokens.ts';

const kindsAndTexts = (text: string): string[] => tokenizeFormula(text).map((t) => `${t.kind}:${t.text}`);

describe('tokenizeFormula', () => {
  it('splits names, numbers and operators with their positions', () => {
    const tokens = tokenizeFormula('users_2 * 1.5e-3');
    expect(tokens).toEqual([
      { kind: 'name', text: 'users_2', start: 0, end: 7 },
      { kind: 'punct', text: '*', start: 8, end: 9 },
      { kind: 'number', text: '1.5e-3', start: 10, end: 16 },
    ]);
  });

  it('reads numbers the way mathjs does, so `e` and `x` inside them are not names', () => {
    expect(kindsAndTexts('2e5+0x1F-.5')).toEqual(['number:2e5', 'punct:+', 'number:0x1F', 'punct:-', 'number:.5']);
    // `2e` followed by a letter is a number then a name (implicit multiplication in mathjs).
    expect(kindsAndTexts('2ex')).toEqual(['number:2', 'name:ex']);
  });

  it('keeps multi-character operators whole', () => {
    expect(kindsAndTexts('a<=b==c!=d>>>e.*f')).toEqual([
      'name:a',
      'punct:<=',
      'name:b',
      'punct:==',
      'name:c',
      'punct:!=',
      'name:d',
      'punct:>>>',
      'name:e',
      'punct:.*',
      'name:f',
    ]);
  });

  it('reads quoted text and comments as single tokens', () => {
    expect(kindsAndTexts('"a + b" # users\n+ c')).toEqual(['string:"a + b"', 'comment:# users', 'punct:+', 'name:c']);
    expect(kindsAndTexts("'it\\'s'")).toEqual(["string:'it\\'s'"]);
  });

  it("reads `'` after a value as mathjs's transpose operator, not as a quote", () => {
    expect(kindsAndTexts("x' + 'y'")).toEqual(['name:x', "punct:'", 'punct:+', "string:'y'"]);
  });

  it('skips whitespace and line breaks', () => {
    expect(kindsAndTexts(' a\n\t+\r\n b ')).toEqual(['name:a', 'punct:+', 'name:b']);
  });
});

describe('isReferenceableName', () => {
  it('accepts lower-case driver names and rejects keywords and other spellings', () => {
    expect(isReferenceableName('active_users')).toBe(true);
    expect(isReferenceableName('_x2')).toBe(true);
    expect(isReferenceableName('Users')).toBe(false);
    expect(isReferenceableName('2x')).toBe(false);
    for (const word of ['and', 'or', 'not', 'xor', 'mod', 'to', 'in', 'true', 'false', 'null', 'undefined']) {
      expect(isReferenceableName(word), word).toBe(false);
    }
  });
});
