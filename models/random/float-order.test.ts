import { describe, expect, it } from 'vitest';
import { argsort, orderStatistics } from './float-order.ts';
import { createStream } from './prng.ts';

/** The reference: a comparison sort of the indices, ties by index. */
function referenceArgsort(x: Float64Array): number[] {
  return Array.from(x, (_, i) => i).sort((a, b) => x[a]! - x[b]! || a - b);
}

/** Samples that stress the bit tricks: signs, zeros of both signs, ties, tails, narrow ranges. */
function samples(n: number, seed: number): Record<string, Float64Array> {
  const s = createStream(seed, 'float-order');
  const make = (f: (u: number, i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(s.nextUniform(), i));
  return {
    lognormal: make((u) => Math.exp(8 * (u - 0.5))),
    signed: make((u) => (u - 0.5) * 1e6),
    zeros: make((u, i) => (u < 0.3 ? 0 : u < 0.5 ? -0 : i % 2 ? u : -u)),
    ties: make((u) => Math.floor(u * 7) * 30),
    narrow: make((u) => 1000 + u * 1e-9),
    negativeNarrow: make((u) => -1000 - u * 1e-9),
    constant: make(() => 4000),
    heavyTail: make((u) => 1 / (u * u)),
    tiny: make((u) => (u - 0.5) * 1e-310),
    // Zeros among positive values (idle trials) are left out of the histogram's sampled range…
    idle: make((u) => (u < 0.05 ? 0 : Math.exp(4 * u))),
    // …so a sample of zeros but for its last two values, which an evenly spaced sample of a big
    // one misses, has no range of its own.
    almostAllZeros: make((u, i) => (i >= n - 2 ? 1 + u : i % 2 ? -0 : 0)),
  };
}

describe('argsort', () => {
  it('gives the permutation of a comparison sort, ties by index, for every kind of sample', () => {
    for (const n of [1, 2, 7, 100, 1000, 5000]) {
      for (const [name, x] of Object.entries(samples(n, n))) {
        expect(Array.from(argsort(x, n)), `${name}, n = ${n}`).toEqual(referenceArgsort(x));
      }
    }
  });

  it('orders only the first n values', () => {
    const x = Float64Array.of(3, 1, 2, -5, -9);
    expect(Array.from(argsort(x, 3))).toEqual([1, 2, 0]);
  });
});

describe('orderStatistics', () => {
  it('returns exactly the k-th smallest values and leaves the sample untouched', () => {
    for (const n of [1, 50, 2047, 2048, 10_000, 60_000]) {
      for (const [name, x] of Object.entries(samples(n, 100 + n))) {
        const before = Float64Array.from(x);
        const sorted = Float64Array.from(x).sort();
        const ks = [...new Set([0, 1, Math.floor(n * 0.05), Math.floor(n * 0.5), Math.floor(n * 0.5) + 1, Math.floor(n * 0.9), n - 2, n - 1])].filter((k) => k >= 0 && k < n).sort((a, b) => a - b);
        const got = orderStatistics(x, ks);
        // Object.is would tell −0 from 0; the order does not, so compare as numbers.
        ks.forEach((k, j) => expect(got[j]! === sorted[k]!, `${name}, n = ${n}, k = ${k}: ${got[j]} vs ${sorted[k]}`).toBe(true));
        if (n >= 2048) expect(x).toEqual(before);
      }
    }
  });

  it('finds 101 percentiles of a sample as a full sort does', () => {
    const x = samples(100_000, 9).lognormal!;
    const sorted = Float64Array.from(x).sort();
    const ks = Array.from({ length: 101 }, (_, p) => Math.floor(((x.length - 1) * p) / 100));
    expect(orderStatistics(x, [...new Set(ks)])).toEqual([...new Set(ks)].map((k) => sorted[k]));
  });
});
