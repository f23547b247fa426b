import { describe, expect, it } from 'vitest';
import { createStream } from '../random/prng.ts';
import { sampleShape } from './sample-shape.ts';
import { summarize } from './stats.ts';

function uniformSample(n: number, seed: number): Float64Array {
  const stream = createStream(seed, 'sample-shape-test');
  return Float64Array.from({ length: n }, () => stream.nextUniform());
}

describe('sampleShape', () => {
  it('gives the same percentiles as the summary statistics, at every percent', () => {
    const values = uniformSample(5000, 7);
    const shape = sampleShape(values);
    const stats = summarize(values);
    expect(shape.percentiles).toHaveLength(101);
    expect(shape.percentiles[10]).toBe(stats.p10);
    expect(shape.percentiles[50]).toBe(stats.p50);
    expect(shape.percentiles[90]).toBe(stats.p90);
    // Non-decreasing, from the sample minimum to its maximum.
    for (let p = 1; p <= 100; p++) expect(shape.percentiles[p]!).toBeGreaterThanOrEqual(shape.percentiles[p - 1]!);
    expect(shape.percentiles[0]).toBe(Math.min(...values));
    expect(shape.percentiles[100]).toBe(Math.max(...values));
  });

  it('counts every trial once, with the tails folded into the end bins', () => {
    const values = uniformSample(10_000, 3);
    const shape = sampleShape(values, 20);
    expect(shape.histogram.counts).toHaveLength(20);
    expect(shape.histogram.counts.reduce((a, b) => a + b, 0)).toBe(10_000);
    // Uniform(0,1): the inner bins hold 10,000 · 0.99/20 ≈ 495 each, binomial sd ≈ 21.7; allow 5 sd.
    for (const count of shape.histogram.counts.slice(1, -1)) expect(Math.abs(count - 495)).toBeLessThan(5 * 21.7);
    // The end bins also hold the 0.5 % tails: ≈ 495 + 50.
    expect(Math.abs(shape.histogram.counts[0]! - 545)).toBeLessThan(5 * 22.7);
  });

  it('puts a constant sample into one bin', () => {
    const shape = sampleShape(new Float64Array(100).fill(42), 10);
    expect(shape.histogram).toEqual({ min: 42, max: 42, counts: [100, 0, 0, 0, 0, 0, 0, 0, 0, 0] });
  });
});
