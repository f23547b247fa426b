import { describe, expect, it } from 'vitest';
import type { FormulaNode } from './ast.ts';
import { compileFormula, evaluateFormula } from './compile.ts';
import { isFormulaError, parseFormula } from './parse.ts';

function astOf(text: string): FormulaNode {
  const result = parseFormula(text);
  if (isFormulaError(result)) throw new Error(`"${text}": ${result.message}`);
  return result.ast;
}

/** Evaluates `text` once with the given values, through the scalar entry point (n = 1). */
const value = (text: string, scope: Record<string, number> = {}): number => evaluateFormula(astOf(text), scope);

/** Runs the vector kernel over columns of values; names map to inputs in the order given. */
function run(text: string, columns: Record<string, readonly number[]>, n?: number): number[] {
  const names = Object.keys(columns);
  const inputs = names.map((name) => Float64Array.from(columns[name]!));
  const length = n ?? inputs[0]?.length ?? 1;
  const out = new Float64Array(length);
  compileFormula(astOf(text), (name) => names.indexOf(name))(inputs, out, length);
  return [...out];
}

describe('operators', () => {
  it('does arithmetic element by element', () => {
    const columns = { a: [1, 2, 3, -4, 0.5], b: [4, 5, 6, 2, 0.25] };
    expect(run('a + b', columns)).toEqual([5, 7, 9, -2, 0.75]);
    expect(run('a - b', columns)).toEqual([-3, -3, -3, -6, 0.25]);
    expect(run('a * b', columns)).toEqual([4, 10, 18, -8, 0.125]);
    expect(run('a / b', columns)).toEqual([0.25, 0.4, 0.5, -2, 2]);
    expect(run('a ^ b', columns)).toEqual([1, 32, 729, 16, Math.sqrt(Math.sqrt(0.5))]);
    expect(run('-a', columns)).toEqual([-1, -2, -3, 4, -0.5]);
    expect(run('+a', columns)).toEqual([1, 2, 3, -4, 0.5]);
  });

  it('follows mathjs precedence: -2^2 = -4, 2^3^2 = 512, 2*3^2 = 18, 8/4/2 = 1', () => {
    expect(value('-2^2')).toBe(-4);
    expect(value('(-2)^2')).toBe(4);
    expect(value('2^3^2')).toBe(512);
    expect(value('2*3^2')).toBe(18);
    expect(value('8/4/2')).toBe(1);
    expect(value('2^-1')).toBe(0.5);
    expect(value('1 - 2 - 3')).toBe(-4);
    expect(value('not 1 + 1')).toBe(1); // (not 1) + 1
    expect(value('1 or 0 and 0')).toBe(1); // 1 or (0 and 0)
  });

  it('divides by zero like JavaScript: ±Infinity, and NaN for 0/0', () => {
    expect(run('a / b', { a: [1, -1, 0], b: [0, 0, 0] })).toEqual([Infinity, -Infinity, NaN]);
    expect(value('1 / -0')).toBe(-Infinity);
    expect(value('a / (-0)', { a: 1 })).toBe(-Infinity);
  });

  it('gives NaN where mathjs would leave the real numbers', () => {
    expect(value('(-8) ^ (1/3)')).toBeNaN();
    expect(value('sqrt(-4)')).toBeNaN();
    expect(value('log(-1)')).toBeNaN();
    expect(value('x ^ 0.5', { x: -4 })).toBeNaN();
    expect(value('(-2) ^ 3')).toBe(-8);
  });
});

describe('comparisons and booleans', () => {
  it('returns 1 and 0, with mathjs tolerance: 0.1 + 0.2 == 0.3', () => {
    const columns = { a: [1, 2, 3, 0.1 + 0.2], b: [2, 2, 2, 0.3] };
    expect(run('a < b', columns)).toEqual([1, 0, 0, 0]);
    expect(run('a <= b', columns)).toEqual([1, 1, 0, 1]);
    expect(run('a > b', columns)).toEqual([0, 0, 1, 0]);
    expect(run('a >= b', columns)).toEqual([0, 1, 1, 1]);
    expect(run('a == b', columns)).toEqual([0, 1, 0, 1]);
    expect(run('a != b', columns)).toEqual([1, 0, 1, 0]);
  });

  it('never calls NaN equal to anything, itself included', () => {
    expect(run('a == b', { a: [NaN, NaN], b: [NaN, 1] })).toEqual([0, 0]);
    expect(run('a != b', { a: [NaN], b: [NaN] })).toEqual([1]);
    expect(run('a < b', { a: [NaN], b: [1] })).toEqual([0]);
  });

  it('treats 0 and NaN as false, everything else as true, in and / or / not and conditionals', () => {
    const columns = { a: [0, 1, 2, NaN, -3, 0], b: [0, 0, 5, 1, Infinity, NaN] };
    expect(run('a and b', columns)).toEqual([0, 0, 1, 0, 1, 0]);
    expect(run('a or b', columns)).toEqual([0, 1, 1, 1, 1, 0]);
    expect(run('not a', columns)).toEqual([1, 0, 0, 1, 0, 1]);
    expect(run('a ? 10 : 20', columns)).toEqual([20, 10, 10, 20, 10, 20]);
  });

  it('uses comparison results as numbers', () => {
    expect(run('(month >= 3) * 100 + 1', { month: [0, 1, 2, 3, 4] })).toEqual([1, 1, 1, 101, 101]);
  });
});

describe('conditional', () => {
  it('chooses per element, nests to the right', () => {
    expect(run('month < 6 ? 1000 : 2000', { month: [0, 5, 6, 11] })).toEqual([1000, 1000, 2000, 2000]);
    expect(run('a ? 1 : b ? 2 : 3', { a: [1, 0, 0], b: [0, 1, 0] })).toEqual([1, 2, 3]);
  });

  it('keeps a value that is infinite or NaN on the side not chosen from leaking through', () => {
    expect(run('a > 0 ? 1 / a : 0', { a: [2, 0, -1] })).toEqual([0.5, 0, 0]);
  });
});

describe('functions', () => {
  it('computes each allowed function', () => {
    expect(run('abs(x)', { x: [-2, 3] })).toEqual([2, 3]);
    expect(run('sqrt(x)', { x: [9, 2] })).toEqual([3, Math.SQRT2]);
    expect(run('exp(x)', { x: [0, 1] })).toEqual([1, Math.E]);
    expect(run('log(x)', { x: [1, Math.E, 0] })).toEqual([0, 1, -Infinity]);
    expect(run('pow(x, 3)', { x: [2, -1] })).toEqual([8, -1]);
    expect(run('ceil(x)', { x: [1.2, -1.2, 2] })).toEqual([2, -1, 2]);
    expect(run('floor(x)', { x: [1.8, -1.2, 2] })).toEqual([1, -2, 2]);
    expect(run('min(x)', { x: [4] })).toEqual([4]);
    expect(run('min(x, 3, 5)', { x: [4, 1] })).toEqual([3, 1]);
    expect(run('max(x, 3, 5)', { x: [4, 9] })).toEqual([5, 9]);
  });

  it('rounds halves away from zero, as mathjs does (Math.round(-2.5) would give -2)', () => {
    expect(run('round(x)', { x: [2.5, -2.5, 0.4999, -0.5, 1.5, 2.4] })).toEqual([3, -3, 0, -1, 2, 2]);
  });

  it('snaps ceil and floor within the comparison tolerance, as mathjs does', () => {
    // 0.1 * 3 * 10 is 3.0000000000000004 in floating point: Math.ceil would say 4.
    expect(run('ceil(a * 3 * 10)', { a: [0.1] })).toEqual([3]);
  });

  it('propagates NaN through min and max', () => {
    expect(run('max(a, b)', { a: [NaN, 1], b: [1, NaN] })).toEqual([NaN, NaN]);
    expect(run('min(a, b)', { a: [NaN, 1], b: [1, NaN] })).toEqual([NaN, NaN]);
  });
});

describe('compileFormula: the kernel', () => {
  it('folds constant subtrees, so a constant formula needs no inputs', () => {
    const out = new Float64Array(3);
    compileFormula(astOf('2 * (3 + 4) - sqrt(16)'), () => {
      throw new Error('no references expected');
    })([], out, 3);
    expect([...out]).toEqual([10, 10, 10]);
  });

  it('copies a lone reference through', () => {
    expect(run('(a)', { a: [1, 2, 3] })).toEqual([1, 2, 3]);
  });

  it('fills only the first n elements', () => {
    const out = new Float64Array(4).fill(-1);
    compileFormula(astOf('a * 2'), () => 0)([Float64Array.of(1, 2, 3, 4)], out, 2);
    expect([...out]).toEqual([2, 4, -1, -1]);
  });

  it('gives the same answer for any n, across block boundaries and unrolled tails, call after call', () => {
    const kernel = compileFormula(astOf('(a * b + c) / (a - 7) * 1.5 - (a > b ? b : c) + max(a, 2, c)'), (name) => 'abc'.indexOf(name));
    const size = 5000;
    const a = Float64Array.from({ length: size }, (_, i) => (i % 97) - 40);
    const b = Float64Array.from({ length: size }, (_, i) => (i * 7) % 13);
    const c = Float64Array.from({ length: size }, (_, i) => i / 3);
    const expected = (i: number): number => {
      const x = a[i]!;
      const y = b[i]!;
      const z = c[i]!;
      return ((x * y + z) / (x - 7)) * 1.5 - (x > y ? y : z) + Math.max(x, 2, z);
    };
    for (const n of [1, 3, 4, 1023, 1024, 1025, 2051, 5000, 7]) {
      const out = new Float64Array(n);
      kernel([a, b, c], out, n);
      for (let i = 0; i < n; i++) expect(out[i], `n=${n} i=${i}`).toBe(expected(i));
    }
  });

  it('accepts an output array that is also an input', () => {
    const a = Float64Array.of(1, 2, 3);
    compileFormula(astOf('max(a, 2) * a + a'), () => 0)([a], a, 3);
    expect([...a]).toEqual([3, 6, 12]);
  });

  it('reads each input from the slot slotOf gave', () => {
    const kernel = compileFormula(astOf('price * qty'), (name) => (name === 'qty' ? 0 : 2));
    const out = new Float64Array(2);
    kernel([Float64Array.of(3, 4), new Float64Array(0), Float64Array.of(10, 100)], out, 2);
    expect([...out]).toEqual([30, 400]);
  });

  it('refuses inputs shorter than n, n beyond out, and invalid slots', () => {
    const kernel = compileFormula(astOf('a + 1'), () => 0);
    expect(() => kernel([new Float64Array(2)], new Float64Array(3), 3)).toThrow(/input 0 has 2 values/);
    expect(() => kernel([], new Float64Array(3), 3)).toThrow(/input 0 has no values/);
    expect(() => kernel([new Float64Array(3)], new Float64Array(2), 3)).toThrow(/out\.length/);
    expect(() => compileFormula(astOf('a'), () => -1)).toThrow(/non-negative integer/);
  });
});

describe('evaluateFormula', () => {
  it('evaluates with named values through the same kernel', () => {
    expect(value('active_users * requests_per_user', { active_users: 1200, requests_per_user: 3.5 })).toBe(4200);
    expect(value('month < 6 ? 1000 : 2000', { month: 7 })).toBe(2000);
    expect(value('max(0, base - 0.5*discount) ^ 1.1', { base: 10, discount: 30 })).toBe(0);
  });

  it('can be called repeatedly on one tree with different values', () => {
    const ast = astOf('a * a');
    expect([1, 2, 3].map((a) => evaluateFormula(ast, { a }))).toEqual([1, 4, 9]);
  });

  it('names a missing value', () => {
    expect(() => value('a + b', { a: 1 })).toThrow(/no value for `b`/);
  });
});
