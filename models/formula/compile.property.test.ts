/**
 * The compiled kernel against mathjs's own evaluator, on random whitelisted formulas over
 * random inputs. mathjs is only the oracle here; the app never runs its evaluator.
 *
 * What is compared, and what is left out:
 * - values are equal when both are NaN, when they are identical (equal infinities, 0 and -0),
 *   or when they agree to a relative 1e-12;
 * - a row is left out when mathjs leaves the real numbers anywhere in the formula (e.g.
 *   sqrt(-1) is a complex number in mathjs; we give NaN, and `abs(sqrt(-4))` is 2 in mathjs
 *   but NaN for us) — detected by evaluating every subexpression with mathjs. The test
 *   asserts that most rows remain, so this cannot quietly hollow it out.
 */
import fc from 'fast-check';
import { compile, isFunctionNode, parse, type MathNode } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { allowedFunctions, type BinaryOperator, type FormulaNode, type FunctionName, type UnaryOperator } from './ast.ts';
import { compileFormula } from './compile.ts';
import { isFormulaError, parseFormula } from './parse.ts';

const names = ['a', 'b', 'c', 'users_2', 'month'] as const;
const binaryOperators: BinaryOperator[] = ['+', '-', '*', '/', '^', '<', '<=', '>', '>=', '==', '!=', 'and', 'or'];
const comparisons = new Set<BinaryOperator>(['<', '<=', '>', '>=', '==', '!=']);
const unaryOperators: UnaryOperator[] = ['-', '+', 'not'];
const functionNames = Object.keys(allowedFunctions) as FunctionName[];

/** Literals as users write them: non-negative (a minus sign is the unary operator). */
const literal = fc.oneof(
  fc.integer({ min: 0, max: 12 }),
  fc.integer({ min: 0, max: 40 }).map((k) => k / 2),
  // Tenths: sums and products of them carry floating-point noise (0.1 + 0.2, 0.7 * 10), which
  // is where mathjs's comparison tolerance and its forgiving ceil/floor/round show.
  fc.integer({ min: 0, max: 30 }).map((k) => k / 10),
  fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0.1, 0.2, 0.3, 1e-7, 2.5e20, 1e-300),
);

/** A formula as our tree plus two spellings: fully parenthesised, and with random parentheses. */
interface Generated {
  ast: FormulaNode;
  full: string;
  loose: string;
}

const wrap = (text: string, paren: boolean): string => (paren ? `(${text})` : text);

const formula: fc.Arbitrary<Generated> = fc.letrec<{ node: Generated }>((tie) => {
  const node = tie('node');
  return {
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      literal.map((value) => ({ ast: { kind: 'num', value }, full: String(value), loose: String(value) }) satisfies Generated),
      fc.constantFrom(...names).map((name) => ({ ast: { kind: 'ref', name }, full: name, loose: name }) satisfies Generated),
      fc.tuple(fc.constantFrom(...unaryOperators), node, fc.boolean()).map(([op, arg, paren]) => {
        const symbol = op === 'not' ? 'not ' : op;
        return { ast: { kind: 'unary', op, arg: arg.ast }, full: `(${symbol}${arg.full})`, loose: wrap(`${symbol}${arg.loose}`, paren) } satisfies Generated;
      }),
      fc.tuple(fc.constantFrom(...binaryOperators), node, node, fc.boolean()).map(([op, left, right, paren]): Generated => ({
        ast: { kind: 'binary', op, left: left.ast, right: right.ast },
        full: `(${left.full} ${op} ${right.full})`,
        // mathjs reads `a < b < c` as a chained comparison, which we reject: keep comparisons wrapped.
        loose: wrap(`${left.loose} ${op} ${right.loose}`, paren || comparisons.has(op)),
      })),
      fc.tuple(node, node, node, fc.boolean()).map(([test, ifTrue, ifFalse, paren]): Generated => ({
        ast: { kind: 'cond', test: test.ast, ifTrue: ifTrue.ast, ifFalse: ifFalse.ast },
        full: `(${test.full} ? ${ifTrue.full} : ${ifFalse.full})`,
        // mathjs cannot read `a ? b ? c : d : e`: a conditional in the middle needs parentheses.
        loose: wrap(`${test.loose} ? ${wrap(ifTrue.loose, ifTrue.loose.includes('?'))} : ${ifFalse.loose}`, paren),
      })),
      fc
        .constantFrom(...functionNames)
        .chain((fn) => {
          const { minArgs, maxArgs } = allowedFunctions[fn];
          return fc.tuple(fc.constant(fn), fc.array(node, { minLength: minArgs, maxLength: Math.min(maxArgs, 3) }));
        })
        .map(([fn, args]): Generated => ({
          ast: { kind: 'call', fn, args: args.map((arg) => arg.ast) },
          full: `${fn}(${args.map((arg) => arg.full).join(', ')})`,
          loose: `${fn}(${args.map((arg) => arg.loose).join(', ')})`,
        })),
    ),
  };
}).node;

/** Input values: small integers, halves and tenths (to exercise ==, round, month), wide doubles, specials. */
const inputValue = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -6, max: 12 }) },
  { weight: 2, arbitrary: fc.integer({ min: -20, max: 20 }).map((k) => k / 2) },
  { weight: 3, arbitrary: fc.integer({ min: -30, max: 30 }).map((k) => k / 10) },
  { weight: 3, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 0.1, 1e-9, 1e300, Infinity, -Infinity, NaN) },
);

const rowsPerFormula = 8;
const columns = fc.array(fc.array(inputValue, { minLength: rowsPerFormula, maxLength: rowsPerFormula }), {
  minLength: names.length,
  maxLength: names.length,
});

function sameValue(ours: number, theirs: number): boolean {
  if (Number.isNaN(ours) && Number.isNaN(theirs)) return true;
  if (ours === theirs) return true;
  return Math.abs(ours - theirs) <= 1e-12 * Math.max(Math.abs(ours), Math.abs(theirs));
}

/** Whether every subexpression stays a real number (or boolean) under mathjs for this scope. */
function staysReal(root: MathNode, scope: Record<string, number>): boolean {
  let real = true;
  root.traverse((node, path, parent) => {
    // A function's name is a symbol for the function itself, not a value.
    if (!real || (parent && isFunctionNode(parent) && path === 'fn')) return;
    try {
      const result: unknown = node.compile().evaluate({ ...scope });
      if (typeof result !== 'number' && typeof result !== 'boolean') real = false;
    } catch {
      real = false;
    }
  });
  return real;
}

describe('compiled formulas agree with mathjs', () => {
  it('parses a fully parenthesised print of a random tree back to the same tree', () => {
    fc.assert(
      fc.property(formula, ({ ast, full }) => {
        const result = parseFormula(full);
        if (isFormulaError(result)) throw new Error(`${full}: ${result.message}`);
        expect(result.ast).toEqual(ast);
      }),
      { seed: 424242, numRuns: 500 },
    );
  });

  it('computes what mathjs computes, row by row, for random formulas and inputs', () => {
    let compared = 0;
    let leftOut = 0;
    fc.assert(
      fc.property(formula, columns, ({ loose }, values) => {
        const parsed = parseFormula(loose);
        if (isFormulaError(parsed)) throw new Error(`${loose}: ${parsed.message}`);
        const inputs = values.map((column) => Float64Array.from(column));
        const out = new Float64Array(rowsPerFormula);
        compileFormula(parsed.ast, (name) => names.indexOf(name as (typeof names)[number]))(inputs, out, rowsPerFormula);

        const oracle = compile(loose);
        const tree = parse(loose);
        for (let row = 0; row < rowsPerFormula; row++) {
          const scope = Object.fromEntries(names.map((name, k) => [name, values[k]![row]!]));
          if (!staysReal(tree, scope)) {
            leftOut++;
            continue;
          }
          const theirs = Number(oracle.evaluate({ ...scope }));
          const ours = out[row]!;
          if (!sameValue(ours, theirs)) {
            throw new Error(`${loose} with ${JSON.stringify(scope)}: ours ${ours}, mathjs ${theirs}`);
          }
          compared++;
        }
      }),
      { seed: 20270301, numRuns: 600 },
    );
    // Most rows must be compared; complex-valued rows are the exception, not the rule.
    expect(compared).toBeGreaterThan(3 * leftOut);
    expect(compared).toBeGreaterThan(2500);
  });
});
