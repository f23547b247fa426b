import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { betaQuantileFunction } from './beta-quantile.ts';
import { createStream } from './prng.ts';

describe('betaQuantileFunction', () => {
  it('gives jStat.beta.inv to the last bit, for shapes below, at and above 1 and probabilities from the tails to the middle', () => {
    const shapes = [0.3, 0.5, 0.9, 1, 1.5, 2, 3.7, 5, 12, 40];
    const stream = createStream(5, 0, 'beta-quantile');
    const probabilities = [0, 1e-12, 1e-6, 0.001, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999, 1 - 1e-9, 1, ...Array.from({ length: 40 }, () => stream.nextUniform())];
    let compared = 0;
    for (const a of shapes) {
      for (const b of shapes) {
        const quantile = betaQuantileFunction(a, b);
        for (const p of probabilities) {
          // Object.is: the same double, and NaN where jStat gives NaN.
          expect(Object.is(quantile(p), jStat.beta.inv(p, a, b)), `a=${a} b=${b} p=${p}`).toBe(true);
          compared++;
        }
      }
    }
    expect(compared).toBe(shapes.length * shapes.length * probabilities.length);
  });

  it('is a quantile function: I_x(a, b) at the answer gives back p', () => {
    const quantile = betaQuantileFunction(5, 5);
    for (const p of [0.1, 0.5, 0.9]) expect(jStat.ibeta(quantile(p), 5, 5)).toBeCloseTo(p, 7);
    // Beta(5, 5) is symmetric: its median is exactly ½ up to the iteration's tolerance.
    expect(quantile(0.5)).toBeCloseTo(0.5, 8);
  });
});
