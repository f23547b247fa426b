import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormulaNode } from './ast.ts';
import { isFormulaError, maxFormulaDepth, parseFormula, type FormulaError, type ParsedFormula } from './parse.ts';

function parsed(text: string): ParsedFormula {
  const result = parseFormula(text);
  if (isFormulaError(result)) throw new Error(`expected "${text}" to parse, got: ${result.message}`);
  return result;
}

function rejected(text: string): FormulaError {
  const result = parseFormula(text);
  if (!isFormulaError(result)) throw new Error(`expected "${text}" to be rejected`);
  return result;
}

const num = (value: number): FormulaNode => ({ kind: 'num', value });
const ref = (name: string): FormulaNode => ({ kind: 'ref', name });

describe('parseFormula: the accepted language', () => {
  it('builds our tree for the examples in the design', () => {
    expect(parsed('active_users * requests_per_user').ast).toEqual({
      kind: 'binary',
      op: '*',
      left: ref('active_users'),
      right: ref('requests_per_user'),
    });
    expect(parsed('month < 6 ? 1000 : 2000').ast).toEqual({
      kind: 'cond',
      test: { kind: 'binary', op: '<', left: ref('month'), right: num(6) },
      ifTrue: num(1000),
      ifFalse: num(2000),
    });
    expect(parsed('max(0, base - 0.5*discount) ^ 1.1').ast).toEqual({
      kind: 'binary',
      op: '^',
      left: {
        kind: 'call',
        fn: 'max',
        args: [num(0), { kind: 'binary', op: '-', left: ref('base'), right: { kind: 'binary', op: '*', left: num(0.5), right: ref('discount') } }],
      },
      right: num(1.1),
    });
  });

  it('reads precedence as mathjs does: -2^2 is -(2^2), 2^3^2 is 2^(3^2)', () => {
    expect(parsed('-2^2').ast).toEqual({ kind: 'unary', op: '-', arg: { kind: 'binary', op: '^', left: num(2), right: num(2) } });
    expect(parsed('2^3^2').ast).toEqual({ kind: 'binary', op: '^', left: num(2), right: { kind: 'binary', op: '^', left: num(3), right: num(2) } });
    expect(parsed('2^-1').ast).toEqual({ kind: 'binary', op: '^', left: num(2), right: { kind: 'unary', op: '-', arg: num(1) } });
  });

  it('reads `not` as a unary operator that binds tighter than + (mathjs: not 1 + 1 is (not 1) + 1)', () => {
    expect(parsed('not 1 + 1').ast).toEqual({ kind: 'binary', op: '+', left: { kind: 'unary', op: 'not', arg: num(1) }, right: num(1) });
  });

  it('binds `and` tighter than `or`, comparisons tighter than both', () => {
    expect(parsed('a or b and c < 1').ast).toEqual({
      kind: 'binary',
      op: 'or',
      left: ref('a'),
      right: { kind: 'binary', op: 'and', left: ref('b'), right: { kind: 'binary', op: '<', left: ref('c'), right: num(1) } },
    });
  });

  it('nests conditionals to the right and keeps subtraction left-associative', () => {
    expect(parsed('a ? 1 : b ? 2 : 3').ast).toEqual({
      kind: 'cond',
      test: ref('a'),
      ifTrue: num(1),
      ifFalse: { kind: 'cond', test: ref('b'), ifTrue: num(2), ifFalse: num(3) },
    });
    expect(parsed('a - b - c').ast).toEqual({ kind: 'binary', op: '-', left: { kind: 'binary', op: '-', left: ref('a'), right: ref('b') }, right: ref('c') });
  });

  it('accepts every comparison, unary plus and parentheses (which leave no trace in the tree)', () => {
    for (const op of ['<', '<=', '>', '>=', '==', '!='] as const) {
      expect(parsed(`a ${op} b`).ast).toEqual({ kind: 'binary', op, left: ref('a'), right: ref('b') });
    }
    expect(parsed('+(((a)))').ast).toEqual({ kind: 'unary', op: '+', arg: ref('a') });
  });

  it('accepts every allowed function with its arity', () => {
    for (const fn of ['abs', 'sqrt', 'exp', 'log', 'ceil', 'floor', 'round'] as const) {
      expect(parsed(`${fn}(x)`).ast).toEqual({ kind: 'call', fn, args: [ref('x')] });
    }
    expect(parsed('pow(x, 2)').ast).toEqual({ kind: 'call', fn: 'pow', args: [ref('x'), num(2)] });
    expect(parsed('min(x)').ast).toEqual({ kind: 'call', fn: 'min', args: [ref('x')] });
    expect(parsed('max(a, b, c, 4)').ast).toEqual({ kind: 'call', fn: 'max', args: [ref('a'), ref('b'), ref('c'), num(4)] });
  });

  it('reads number spellings mathjs reads: exponents, leading dots, hex', () => {
    expect(parsed('1.5e3').ast).toEqual(num(1500));
    expect(parsed('.25').ast).toEqual(num(0.25));
    expect(parsed('0x10').ast).toEqual(num(16));
  });

  it('lets a formula span lines and carry # comments', () => {
    const result = parsed('base_cost  # per month\n  * (1 + markup) # margin\n');
    expect(result.ast).toEqual({
      kind: 'binary',
      op: '*',
      left: ref('base_cost'),
      right: { kind: 'binary', op: '+', left: num(1), right: ref('markup') },
    });
  });
});

describe('parseFormula: references', () => {
  it('lists each referenced name once, in order of first appearance, including month', () => {
    expect(parsed('b * a + month * b - c / a').references).toEqual(['b', 'a', 'month', 'c']);
  });

  it('does not count function names as references, even when a driver has that name', () => {
    expect(parsed('max(max, round(x))').references).toEqual(['max', 'x']);
    expect(parsed('sqrt(2)').references).toEqual([]);
  });
});

describe('parseFormula: rejections name what is not allowed and how to fix it', () => {
  const cases: { text: string; message: RegExp; fix: RegExp; position?: number }[] = [
    { text: 'a = 3', message: /Assignment with `=` is not allowed/, fix: /write `==`/, position: 2 },
    { text: 'f(x) = x^2', message: /Defining functions is not allowed/, fix: /another driver/, position: 5 },
    { text: '[1, 2]', message: /Matrices/, fix: /numbers/, position: 0 },
    { text: 'a[1]', message: /Indexing and property access/, fix: /by its name/, position: 1 },
    { text: 'a.b', message: /Indexing and property access/, fix: /by its name/, position: 1 },
    { text: '{x: 1}', message: /Objects/, fix: /numbers/, position: 0 },
    { text: '1:3', message: /Ranges/, fix: /test \? a : b/, position: 1 },
    { text: 'a ? 1:3 : 2', message: /Ranges/, fix: /test \? a : b/, position: 8 },
    { text: 'a; b', message: /one expression/, fix: /remove the `;`/, position: 1 },
    { text: 'a < b < c', message: /Chained comparisons/, fix: /a < b and b < c/ },
    { text: '"text"', message: /Text in quotes/, fix: /remove the quotes/, position: 0 },
    { text: 'x + true', message: /`true` is not allowed/, fix: /write 1/, position: 4 },
    { text: 'false', message: /`false` is not allowed/, fix: /write 0/, position: 0 },
    { text: 'null', message: /`null` is not allowed/, fix: /number/, position: 0 },
    { text: 'a % b', message: /operator `%` is not allowed/, fix: /a - b \* floor\(a \/ b\)/, position: 2 },
    { text: 'a mod b', message: /operator `mod` is not allowed/, fix: /floor/, position: 2 },
    { text: '50%', message: /Percent signs/, fix: /0\.5/, position: 2 },
    { text: 'x!', message: /operator `!` is not allowed/, fix: /not x/, position: 1 },
    { text: "x'", message: /operator `'` is not allowed/, fix: /numbers/, position: 1 },
    { text: 'a & b', message: /operator `&` is not allowed/, fix: /`and`/, position: 2 },
    { text: 'a | b', message: /operator `\|` is not allowed/, fix: /`or`/, position: 2 },
    { text: '~a', message: /operator `~` is not allowed/, fix: /not x/, position: 0 },
    { text: 'a xor b', message: /operator `xor` is not allowed/, fix: /\(a or b\) and not \(a and b\)/, position: 2 },
    { text: 'a << 2', message: /operator `<<` is not allowed/, fix: /power of 2/, position: 2 },
    { text: 'a .* b', message: /operator `\.\*` is not allowed/, fix: /write `\*`/, position: 2 },
    { text: 'x to cm', message: /operator `to` is not allowed/, fix: /units are not supported/, position: 2 },
    { text: '2 users', message: /`2 users` multiplies without a `\*`/, fix: /write `2 \* users`/, position: 2 },
    { text: '1 + 2x', message: /`2 x` multiplies without a `\*`/, fix: /2 \* x/, position: 5 },
    { text: '(a)(b)', message: /multiplies without a `\*`/, fix: /write `\(a\) \* \(b\)`/, position: 3 },
    { text: 'Users * 2', message: /`Users` is not a valid name/, fix: /write `users`/, position: 0 },
    { text: '$x', message: /`\$x` is not a valid name/, fix: /lower-case letters/, position: 0 },
    { text: 'foo(1)', message: /`foo` is not an allowed function; allowed: min, max, abs, sqrt, exp, log, pow, ceil, floor, round/, fix: /foo \* \(…\)/, position: 0 },
    { text: 'a + sqr(2)', message: /`sqr` is not an allowed function/, fix: /write `sqrt\(…\)`/, position: 4 },
    { text: 'if(a, 1, 2)', message: /`if` is not an allowed function/, fix: /test \? value_if_true : value_if_false/, position: 0 },
    { text: 'log10(x)', message: /`log10` is not an allowed function/, fix: /log\(x\) \/ log\(10\)/, position: 0 },
    { text: 'round(x) + round(x, 2)', message: /`round` takes 1 argument, not 2/, fix: /round\(x \* 100\) \/ 100/, position: 11 },
    { text: 'log(x, 2)', message: /`log` takes 1 argument, not 2/, fix: /natural logarithm/, position: 0 },
    { text: 'pow(2)', message: /`pow` takes 2 arguments, not 1/, fix: /base \^ exponent/, position: 0 },
    { text: 'max()', message: /`max` takes at least 1 argument, not 0/, fix: /max\(a, b, …\)/, position: 0 },
    { text: 'sqrt()', message: /`sqrt` takes 1 argument, not 0/, fix: /sqrt\(x\)/, position: 0 },
  ];

  for (const { text, message, fix, position } of cases) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      const error = rejected(text);
      expect(error.message).toMatch(message);
      expect(error.fix).toMatch(fix);
      expect(error.position).toBe(position);
    });
  }

  it('reports the first offence in reading order', () => {
    expect(rejected('foo(a % b)').message).toMatch(/`foo` is not an allowed function/);
    expect(rejected('(a % b) + (c & d)').position).toBe(3);
  });
});

describe('parseFormula: syntax errors', () => {
  it('gives the position (0-based) and the character number (1-based) in the message', () => {
    const error = rejected('a + * b');
    expect(error.position).toBe(4);
    expect(error.message).toBe('Syntax error at character 5: Value expected');
    expect(error.fix).toMatch(/missing here/);
  });

  it('points past the end when the formula stops early', () => {
    const error = rejected('users *');
    expect(error.position).toBe(7);
    expect(error.message).toMatch(/Unexpected end of formula/);
    expect(error.fix).toMatch(/ends too early/);
  });

  it('explains an unclosed parenthesis, a missing operator and a half conditional', () => {
    expect(rejected('max(1, 2').fix).toMatch(/close the parenthesis/);
    expect(rejected('2 3').fix).toMatch(/operator is missing/);
    expect(rejected('a ? b').fix).toMatch(/test \? value_if_true : value_if_false/);
  });

  it('suggests the words for operators borrowed from other languages', () => {
    expect(rejected('a && b').fix).toMatch(/`and`/);
    expect(rejected('a || b').fix).toMatch(/`or`/);
    expect(rejected('a === b').fix).toMatch(/`==`/);
    expect(rejected('a <> b').fix).toMatch(/`!=`/);
    expect(rejected('!a').fix).toMatch(/not x/);
  });

  it('rejects an empty formula, and one that is only a comment', () => {
    expect(rejected('').message).toBe('The formula is empty');
    expect(rejected('  # nothing here').message).toBe('The formula is empty');
  });

  it('rejects formulas nested deeper than the limit, with a fix', () => {
    const terms = Array.from({ length: maxFormulaDepth + 2 }, () => 'a').join(' + ');
    const error = rejected(terms);
    expect(error.message).toMatch(new RegExp(`more than ${maxFormulaDepth} levels`));
    expect(error.fix).toMatch(/helper drivers/);
    // Just under the limit is fine.
    expect(isFormulaError(parseFormula(Array.from({ length: maxFormulaDepth - 1 }, () => 'a').join(' + ')))).toBe(false);
  });

  it('survives input so deeply parenthesised that the parser itself gives up', () => {
    const error = rejected(`${'('.repeat(20000)}1${')'.repeat(20000)}`);
    expect(error.message).toMatch(/nested too deeply/);
  });
});

describe('parseFormula: robustness', () => {
  it('never throws: any text either parses or comes back as an error with a message', () => {
    const alphabet = fc.constantFrom(...'ab_xM19.e+-*/^%!&|~<>=?:;,()[]{}"\'# \n\t$é'.split(''), 'and ', 'not ', 'max(', 'foo(', 'round(');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        const result = parseFormula(text);
        if (isFormulaError(result)) {
          expect(result.message.length).toBeGreaterThan(0);
          if (result.position !== undefined) expect(result.position).toBeGreaterThanOrEqual(0);
          if (result.position !== undefined) expect(result.position).toBeLessThanOrEqual(text.length);
        } else {
          expect(result.references.every((name) => /^[a-z_][a-z0-9_]*$/.test(name))).toBe(true);
        }
      }),
      { seed: 99, numRuns: 3000 },
    );
  });
});
