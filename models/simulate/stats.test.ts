import { describe, expect, it } from 'vitest';
import { createStream } from '../random/prng.ts';
import { PERCENTILES, summarize } from './stats.ts';
import { sortedQuantile } from './test-support.ts';

/** Type-7 percentiles from a full sort and two-pass moments: what summarize must equal. */
function reference(values: Float64Array) {
  const n = values.length;
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd, ...Object.fromEntries(PERCENTILES.map((p) => [`p${p}`, sortedQuantile(values, p / 100)])) };
}

/** Equal to rounding: the two sides add in different orders (relative 1e-12). */
function expectClose(actual: Record<string, number>, expected: Record<string, number>, label: string): void {
  for (const [key, value] of Object.entries(expected)) {
    expect(Math.abs(actual[key]! - value), `${label}: ${key} = ${actual[key]}, expected ${value}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(value)));
  }
}

describe('summarize', () => {
  it('gives the mean, sd and type-7 percentiles of a full sort, below and above the histogram threshold', () => {
    const stream = createStream(7, 0, 'stats');
    for (const n of [1, 2, 9, 2047, 2048, 30_001]) {
      const values = new Float64Array(n);
      stream.fillUniform(values, n);
      for (let i = 0; i < n; i++) values[i] = 1000 * Math.exp(3 * values[i]!);
      expectClose({ ...summarize(values) }, reference(values), `n = ${n}`);
    }
  });

  it('gives every statistic of a one-valued sample as that value, sd 0', () => {
    for (const value of [4000, 0, 1e-7, -3.5]) {
      for (const n of [1, 5, 3000, 100_000]) {
        const stats = summarize(new Float64Array(n).fill(value));
        expect(stats, `${value} × ${n}`).toEqual({ mean: value, sd: 0, p5: value, p10: value, p25: value, p50: value, p75: value, p90: value, p95: value });
      }
    }
  });

  it('sees a single different value anywhere in an otherwise constant sample', () => {
    const n = 5000;
    for (const at of [0, n >> 1, n - 1]) {
      const values = new Float64Array(n).fill(10);
      values[at] = 1e6;
      const stats = summarize(values);
      // Analytic, with d = 1e6 − 10: mean = 10 + d/n, sd = d/√n; every percentile up to P95 is 10.
      expectClose({ mean: stats.mean, sd: stats.sd }, { mean: 10 + (1e6 - 10) / n, sd: (1e6 - 10) / Math.sqrt(n) }, `at ${at}, analytic`);
      expect(stats.p95, `at ${at}`).toBe(10);
      expectClose({ ...stats }, reference(values), `at ${at}`);
    }
  });
});
