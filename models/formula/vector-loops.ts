/**
 * The element-wise loops a compiled formula is made of: one small function per operation,
 * each a tight loop over `n` elements of Float64Arrays starting at the given offsets.
 *
 * Why it is written this way (measured, V8 in Node 20):
 * - one function per operation, not one big switch: V8 inlines the small helpers
 *   (`nearlyEqual`, `roundNumber`, …) into a small loop, but not into a huge function, and an
 *   un-inlined helper call per element doubled the cost of `^` and the comparisons;
 * - the cheapest operations are unrolled by four: on arrays the optimizer cannot see through,
 *   the loop's own bounds and interrupt checks cost more than an addition.
 * Semantics are mathjs's for plain numbers (numeric-rules.ts); booleans are 1 and 0, and
 * truthiness is JavaScript's (0 and NaN are false), as in mathjs.
 */
import { ceilNumber, floorNumber, nearlyEqual, powNumber, roundNumber } from './numeric-rules.ts';

export type UnaryOperation = 'neg' | 'not' | 'abs' | 'sqrt' | 'exp' | 'log' | 'ceil' | 'floor' | 'round';
export type BinaryOperation = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne' | 'and' | 'or' | 'min' | 'max';

/** d[o + i] = f(a[ao + i]) for i < n. */
export type UnaryLoop = (a: Float64Array, ao: number, d: Float64Array, o: number, n: number) => void;
/** d[o + i] = f(a[ao + i], b[bo + i]) for i < n. */
export type BinaryLoop = (a: Float64Array, ao: number, b: Float64Array, bo: number, d: Float64Array, o: number, n: number) => void;

function negate(a: Float64Array, ao: number, d: Float64Array, o: number, n: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    d[o + i] = -a[ao + i]!;
    d[o + i + 1] = -a[ao + i + 1]!;
    d[o + i + 2] = -a[ao + i + 2]!;
    d[o + i + 3] = -a[ao + i + 3]!;
  }
  for (; i < n; i++) d[o + i] = -a[ao + i]!;
}

function logicalNot(a: Float64Array, ao: number, d: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) d[o + i] = a[ao + i] ? 0 : 1;
}

function absolute(a: Float64Array, ao: number, d: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) d[o + i] = Math.abs(a[ao + i]!);
}

function squareRoot(a: Float64Array, ao: number, d: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) d[o + i] = Math.sqrt(a[ao + i]!);
}

function exponential(a: Float64Array, ao: number, d: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) d[o + i] = Math.exp(a[ao + i]!);
}

function naturalLog(a: Float64Array, ao: number, d: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) d[o + i] = Math.log(a[ao + i]!);
}

function ceiling(a: Float64Array, ao: number, d: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) d[o + i] = ceilNumber(a[ao + i]!);
}

function floorOf(a: Float64Array, ao: number, d: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) d[o + i] = floorNumber(a[ao + i]!);
}

function rounded(a: Float64Array, ao: number, d: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) d[o + i] = roundNumber(a[ao + i]!);
}

function add(a: Float64Array, ao: number, b: Float64Array, bo: number, d: Float64Array, o: number, n: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    d[o + i] = a[ao + i]! + b[bo + i]!;
    d[o + i + 1] = a[ao + i + 1]! + b[bo + i + 1]!;
    d[o + i + 2] = a[ao + i + 2]! + b[bo + i + 2]!;
    d[o + i + 3] = a[ao + i + 3]! + b[bo + i + 3]!;
  }
  for (; i < n; i++) d[o + i] = a[ao + i]! + b[bo + i]!;
}

function subtract(a: Float64Array, ao: number, b: Float64Array, bo: number, d: Float64Array, o: number, n: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    d[o + i] = a[ao + i]! - b[bo + i]!;
    d[o + i + 1] = a[ao + i + 1]! - b[bo + i + 1]!;
    d[o + i + 2] = a[ao + i + 2]! - b[bo + i + 2]!;
    d[o + i + 3] = a[ao + i + 3]! - b[bo + i + 3]!;
  }
  for (; i < n; i++) d[o + i] = a[ao + i]! - b[bo + i]!;
}

function multiply(a: Float64Array, ao: number, b: Float64Array, bo: number, d: Float64Array, o: number, n: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    d[o + i] = a[ao + i]! * b[bo + i]!;
    d[o + i + 1] = a[ao + i + 1]! * b[bo + i + 1]!;
    d[o + i + 2] = a[ao + i + 2]! * b[bo + i + 2]!;
    d[o + i + 3] = a[ao + i + 3]! * b[bo + i + 3]!;
  }
  for (; i < n; i++) d[o + i] = a[ao + i]! * b[bo + i]!;
}

function divide(a: Float64Array, ao: number, b: Float64Array, bo: number, d: Float64Array, o: number, n: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    d[o + i] = a[ao + i]! / b[bo + i]!;
    d[o + i + 1] = a[ao + i + 1]! / b[bo + i + 1]!;
    d[o + i + 2] = a[ao + i + 2]! / b[bo + i + 2]!;
    d[o + i + 3] = a[ao + i + 3]! / b[bo + i + 3]!;
  }
  for (; i < n; i++) d[o + i] = a[ao + i]! / b[bo + i]!;
}

function power(a: Float64Array, ao: number, b: Float64Array, bo: number, d: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) {
    const x = a[ao + i]!;
    const y = b[bo + i]!;
    // Math.pow directly on the common path; powNumber only settles negative bases.
    d[o + i] = x < 0 && !Number.isInteger(y) ? powNumber(x, y) : Math.pow(x, y);
  }
}

function smaller(a: Float64Array, ao: number, b: Float64Array, bo: number, d: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) {
    const x = a[ao + i]!;
    const y = b[bo + i]!;
    d[o + i] = x < y && !nearlyEqual(x, y) ? 1 : 0;
  }
}

function smallerEq(a: Float64Array, ao: number, b: Float64Array, bo: number, d: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) {
    const x = a[ao + i]!;
    const y = b[bo + i]!;
    d[o + i] = x <= y || nearlyEqual(x, y) ? 1 : 0;
  }
}

function larger(a: Float64Array, ao: number, b: Float64Array, bo: number, d: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) {
    const x = a[ao + i]!;
    const y = b[bo + i]!;
    d[o + i] = x > y && !nearlyEqual(x, y) ? 1 : 0;
  }
}

function largerEq(a: Float64Array, ao: number, b: Float64Array, bo: number, d: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) {
    const x = a[ao + i]!;
    const y = b[bo + i]!;
    d[o + i] = x >= y || nearlyEqual(x, y) ? 1 : 0;
  }
}

function equal(a: Float64Array, ao: number, b: Float64Array, bo: number, d: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) d[o + i] = nearlyEqual(a[ao + i]!, b[bo + i]!) ? 1 : 0;
}

function unequal(a: Float64Array, ao: number, b: Float64Array, bo: number, d: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) d[o + i] = nearlyEqual(a[ao + i]!, b[bo + i]!) ? 0 : 1;
}

function logicalAnd(a: Float64Array, ao: number, b: Float64Array, bo: number, d: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) d[o + i] = a[ao + i] && b[bo + i] ? 1 : 0;
}

function logicalOr(a: Float64Array, ao: number, b: Float64Array, bo: number, d: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) d[o + i] = a[ao + i] || b[bo + i] ? 1 : 0;
}

function maximum(a: Float64Array, ao: number, b: Float64Array, bo: number, d: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) {
    const acc = a[ao + i]!;
    const x = b[bo + i]!;
    d[o + i] = x !== x || (x > acc && !nearlyEqual(x, acc)) ? x : acc;
  }
}

function minimum(a: Float64Array, ao: number, b: Float64Array, bo: number, d: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) {
    const acc = a[ao + i]!;
    const x = b[bo + i]!;
    d[o + i] = x !== x || (x < acc && !nearlyEqual(x, acc)) ? x : acc;
  }
}

/** The loop for each unary operation. */
export const unaryLoops: Readonly<Record<UnaryOperation, UnaryLoop>> = {
  neg: negate,
  not: logicalNot,
  abs: absolute,
  sqrt: squareRoot,
  exp: exponential,
  log: naturalLog,
  ceil: ceiling,
  floor: floorOf,
  round: rounded,
};

/**
 * The loop for each binary operation. `max`/`min` are one step of mathjs's left fold over
 * its arguments: NaN wins; otherwise the running value `a` is replaced only by a value `b`
 * that is larger (smaller) beyond the comparison tolerance.
 */
export const binaryLoops: Readonly<Record<BinaryOperation, BinaryLoop>> = {
  add,
  sub: subtract,
  mul: multiply,
  div: divide,
  pow: power,
  lt: smaller,
  le: smallerEq,
  gt: larger,
  ge: largerEq,
  eq: equal,
  ne: unequal,
  and: logicalAnd,
  or: logicalOr,
  min: minimum,
  max: maximum,
};

/** d[o + i] = t[to + i] ? a[ao + i] : b[bo + i] for i < n: the conditional, both sides computed. */
export function selectLoop(t: Float64Array, to: number, a: Float64Array, ao: number, b: Float64Array, bo: number, d: Float64Array, o: number, n: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    d[o + i] = t[to + i] ? a[ao + i]! : b[bo + i]!;
    d[o + i + 1] = t[to + i + 1] ? a[ao + i + 1]! : b[bo + i + 1]!;
    d[o + i + 2] = t[to + i + 2] ? a[ao + i + 2]! : b[bo + i + 2]!;
    d[o + i + 3] = t[to + i + 3] ? a[ao + i + 3]! : b[bo + i + 3]!;
  }
  for (; i < n; i++) d[o + i] = t[to + i] ? a[ao + i]! : b[bo + i]!;
}
