import fc from 'fast-check';
import { ceil, equal, floor, isComplex, pow, round } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { ceilNumber, floorNumber, nearlyEqual, powNumber, roundDecimal, roundNumber } from './numeric-rules.ts';

// mathjs (default configuration) is the oracle for every rule in numeric-rules.ts.
const mathjsRound = (x: number): number => Number(round(x));
const mathjsCeil = (x: number): number => Number(ceil(x));
const mathjsFloor = (x: number): number => Number(floor(x));
const mathjsEqual = (a: number, b: number): boolean => Boolean(equal(a, b));

/** Doubles where rounding is delicate: halves, and halves and integers nudged by a few ulps or 1e-13. */
const delicateDouble = fc.oneof(
  fc.double({ noNaN: true }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc
    .tuple(fc.integer({ min: -100000, max: 100000 }), fc.constantFrom(0, 0.5), fc.integer({ min: -8, max: 8 }), fc.constantFrom(0, 1e-13, 4e-13, 6e-13, 1e-12))
    .map(([whole, half, steps, size]) => {
      const x = whole + half;
      // size 0 stands for one unit in the last place
      return x + steps * (size === 0 ? Math.max(Math.abs(x), 1) * Number.EPSILON : size);
    }),
  fc.constantFrom(0.5, -0.5, 1.5, -2.5, 2.4999999999999996, 0.49999999999999994, 0.1 * 3 * 10, 2.9999999999999996, 4503599627370495.5, -0, 1e-16, -1e-16, 1e21),
);

const sameNumber = (a: number, b: number): boolean => (Number.isNaN(a) && Number.isNaN(b)) || a === b;

describe('roundNumber', () => {
  it('rounds halves away from zero, like mathjs and unlike Math.round', () => {
    expect(roundNumber(2.5)).toBe(3);
    expect(roundNumber(-2.5)).toBe(-3);
    expect(roundNumber(0.5)).toBe(1);
    expect(roundNumber(-0.5)).toBe(-1);
    expect(roundNumber(-2.4)).toBe(-2);
    expect(Math.round(-2.5)).toBe(-2);
  });

  it('snaps to 12 decimals first, as mathjs does: 0.49999999999999994 rounds to 1', () => {
    expect(roundNumber(0.49999999999999994)).toBe(1);
    expect(roundNumber(2.4999999999999)).toBe(3);
    expect(roundNumber(2.499999999999)).toBe(2);
  });

  it('leaves integers, infinities and NaN alone', () => {
    expect(roundNumber(1e300)).toBe(1e300);
    expect(roundNumber(-Infinity)).toBe(-Infinity);
    expect(roundNumber(NaN)).toBeNaN();
  });

  it('agrees with mathjs round on delicate and arbitrary doubles', () => {
    fc.assert(
      fc.property(delicateDouble, (x) => sameNumber(roundNumber(x), mathjsRound(x))),
      { seed: 20270101, numRuns: 5000 },
    );
  });
});

describe('roundDecimal', () => {
  it('rounds the shortest decimal spelling half away from zero', () => {
    expect(roundDecimal(1.005, 2)).toBe(1.01); // 1.005 is stored as 1.00499999999999989…, but spelt 1.005
    expect(roundDecimal(-1.005, 2)).toBe(-1.01);
    expect(roundDecimal(0.4999999999999, 12)).toBe(0.5);
    expect(roundDecimal(9.99, 1)).toBe(10);
    expect(roundDecimal(1.5e-7, 12)).toBe(1.5e-7);
    expect(roundDecimal(1e21, 0)).toBe(1e21);
  });
});

describe('ceilNumber and floorNumber', () => {
  it('forgive floating-point noise within the comparison tolerance, as mathjs does', () => {
    expect(0.1 * 3 * 10).toBe(3.0000000000000004);
    expect(ceilNumber(0.1 * 3 * 10)).toBe(3);
    expect(Math.ceil(0.1 * 3 * 10)).toBe(4);
    expect(floorNumber(2.9999999999999996)).toBe(3);
    expect(ceilNumber(2.1)).toBe(3);
    expect(floorNumber(-2.1)).toBe(-3);
  });

  it('agree with mathjs ceil and floor', () => {
    fc.assert(
      fc.property(delicateDouble, (x) => sameNumber(ceilNumber(x), mathjsCeil(x)) && sameNumber(floorNumber(x), mathjsFloor(x))),
      { seed: 20270102, numRuns: 5000 },
    );
  });
});

describe('nearlyEqual', () => {
  it('uses mathjs tolerances: relative 1e-12, absolute 1e-15', () => {
    expect(nearlyEqual(0.1 + 0.2, 0.3)).toBe(true);
    expect(nearlyEqual(1, 1 + 5e-13)).toBe(true);
    expect(nearlyEqual(1, 1 + 3e-12)).toBe(false);
    expect(nearlyEqual(0, 1e-15)).toBe(true);
    expect(nearlyEqual(0, 2e-15)).toBe(false);
    expect(nearlyEqual(Infinity, Infinity)).toBe(true);
    expect(nearlyEqual(Infinity, -Infinity)).toBe(false);
    expect(nearlyEqual(Infinity, 1e308)).toBe(false);
    expect(nearlyEqual(NaN, NaN)).toBe(false);
  });

  it('agrees with mathjs equal', () => {
    const nearPairs = fc.tuple(fc.double(), fc.integer({ min: -3000, max: 3000 })).map(([a, ulps]) => [a, a * (1 + ulps * 1e-15)] as const);
    const anyPairs = fc.tuple(fc.double(), fc.double());
    fc.assert(
      fc.property(fc.oneof(nearPairs, anyPairs), ([a, b]) => nearlyEqual(a, b) === mathjsEqual(a, b)),
      { seed: 20270103, numRuns: 5000 },
    );
  });
});

describe('powNumber', () => {
  it('is NaN where mathjs would return a complex number, and Math.pow elsewhere', () => {
    expect(powNumber(-8, 1 / 3)).toBeNaN();
    expect(isComplex(pow(-8, 1 / 3))).toBe(true);
    expect(powNumber(-2, 3)).toBe(-8);
    expect(powNumber(2, 0.5)).toBe(Math.SQRT2);
    expect(powNumber(-0.5, Infinity)).toBe(0);
    expect(powNumber(-2, -Infinity)).toBe(0);
    expect(powNumber(-2, Infinity)).toBeNaN();
    expect(powNumber(0, -1)).toBe(Infinity);
  });

  it('agrees with mathjs pow whenever mathjs stays real', () => {
    const base = fc.oneof(fc.double({ min: -50, max: 50, noNaN: true }), fc.integer({ min: -5, max: 5 }), fc.constantFrom(-1, -0.5, 0, 1, Infinity, -Infinity, NaN));
    const exponent = fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.integer({ min: -4, max: 4 }), fc.constantFrom(0.5, Infinity, -Infinity, NaN));
    fc.assert(
      fc.property(base, exponent, (x, y) => {
        const expected: unknown = pow(x, y);
        if (isComplex(expected)) return Number.isNaN(powNumber(x, y));
        return sameNumber(powNumber(x, y), Number(expected));
      }),
      { seed: 20270104, numRuns: 5000 },
    );
  });
});
