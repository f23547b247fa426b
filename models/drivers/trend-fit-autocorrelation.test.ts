import { describe, expect, it } from 'vitest';

import { MAX_AUTOCORRELATION, maximiseOverAutocorrelation, praisWinsten } from './trend-fit-autocorrelation.ts';

describe('praisWinsten', () => {
  it('scales the first value by √(1 − ρ²) and differences the rest', () => {
    const w = praisWinsten([2, 3, 5], 0.6);
    expect(w[0]).toBeCloseTo(2 * 0.8, 14);
    expect(w[1]).toBeCloseTo(3 - 0.6 * 2, 14);
    expect(w[2]).toBeCloseTo(5 - 0.6 * 3, 14);
    expect(praisWinsten([2, 3, 5], 0)).toEqual([2, 3, 5]);
  });
});

describe('maximiseOverAutocorrelation', () => {
  it('finds the maximum of a smooth function inside the range', () => {
    for (const target of [-0.55, 0, 0.37, 0.93]) {
      const rho = maximiseOverAutocorrelation((r) => -((r - target) ** 2));
      expect(Math.abs((rho as number) - target)).toBeLessThan(1e-4);
    }
  });

  it('stops at the upper bound when the likelihood keeps rising', () => {
    expect(maximiseOverAutocorrelation((r) => r)).toBeCloseTo(MAX_AUTOCORRELATION, 4);
  });

  it('skips values where the fit fails and returns null when all fail', () => {
    expect(maximiseOverAutocorrelation((r) => (r < 0.2 ? null : -((r - 0.5) ** 2)))).toBeCloseTo(0.5, 4);
    expect(maximiseOverAutocorrelation(() => null)).toBeNull();
  });
});
