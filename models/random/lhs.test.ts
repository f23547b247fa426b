import { describe, expect, it } from 'vitest';
import { applyQuantile } from './distributions.ts';
import { latinHypercube } from './lhs.ts';
import { createStream } from './prng.ts';

describe('latinHypercube', () => {
  it('puts exactly one point in each of the n strata, all inside the open (0, 1)', () => {
    for (const n of [1, 2, 7, 1000, 65_536]) {
      const out = new Float64Array(n);
      latinHypercube(createStream(1, 'lhs', n), out, n);
      const hits = new Uint8Array(n);
      for (const value of out) {
        expect(value).toBeGreaterThan(0);
        expect(value).toBeLessThan(1);
        hits[Math.floor(value * n)]! += 1;
      }
      expect(hits.every((count) => count === 1)).toBe(true);
    }
  });

  it('is reproducible from the stream key and shuffles the strata (not in stratum order)', () => {
    const a = new Float64Array(500);
    const b = new Float64Array(500);
    latinHypercube(createStream(3, 0, 'users'), a, 500);
    latinHypercube(createStream(3, 0, 'users'), b, 500);
    expect(a).toEqual(b);
    let inOrder = 0;
    for (let i = 0; i < 500; i++) if (Math.floor((a[i] as number) * 500) === i) inOrder++;
    expect(inOrder).toBeLessThan(10); // a random permutation has 1 fixed point on average
  });

  it('leaves values past n untouched and refuses an n larger than the buffer', () => {
    const out = new Float64Array(10).fill(-1);
    latinHypercube(createStream(1), out, 4);
    expect(Array.from(out.subarray(4))).toEqual([-1, -1, -1, -1, -1, -1]);
    expect(() => latinHypercube(createStream(1), new Float64Array(3), 4)).toThrow(RangeError);
  });

  it('estimates a lognormal mean with a far smaller error than plain sampling (both shown)', () => {
    // Lognormal(0, 0.5), a P90/P10 ratio of e^1.28 = 3.6 like a typical range: E[X] = e^0.125. Plain
    // sampling's RMSE is sd/√n = √((e^0.25 − 1)·e^0.25)/√n = 0.0190 for n = 1000. Measured here:
    // plain 0.0197, LHS 0.00083 (ratio 24; 19–25 over other seeds).
    const n = 1000;
    const replications = 400;
    const sigma = 0.5;
    const exact = Math.exp((sigma * sigma) / 2);
    const u = new Float64Array(n);
    const x = new Float64Array(n);
    const mean = () => x.reduce((sum, value) => sum + value, 0) / n;
    let plainSquares = 0;
    let lhsSquares = 0;
    for (let r = 0; r < replications; r++) {
      createStream(8, r, 'plain').fillUniform(u);
      applyQuantile({ kind: 'lognormal', mu: 0, sigma }, u, x, n);
      plainSquares += (mean() - exact) ** 2;
      latinHypercube(createStream(8, r, 'lhs'), u, n);
      applyQuantile({ kind: 'lognormal', mu: 0, sigma }, u, x, n);
      lhsSquares += (mean() - exact) ** 2;
    }
    const plainRmse = Math.sqrt(plainSquares / replications);
    const lhsRmse = Math.sqrt(lhsSquares / replications);
    const theoreticalPlainRmse = Math.sqrt(Math.expm1(sigma * sigma) * Math.exp(sigma * sigma)) / Math.sqrt(n);
    // An RMSE from 400 replications has a relative SE of about 1/√(2·400) = 3.5 %; allow 4 SE.
    expect(Math.abs(plainRmse / theoreticalPlainRmse - 1)).toBeLessThan(0.14);
    expect(lhsRmse, `plain RMSE ${plainRmse}, LHS RMSE ${lhsRmse}`).toBeLessThan(plainRmse / 10);
  });
});
