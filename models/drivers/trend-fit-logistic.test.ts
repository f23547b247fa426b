import { describe, expect, it } from 'vitest';

import { MAX_SATURATION_MULTIPLE, fitLogistic, logisticLog, softplus } from './trend-fit-logistic.ts';

function logistic(k: number, r: number, t0: number, n: number): number[] {
  return Array.from({ length: n }, (_, t) => k / (1 + Math.exp(-r * (t - t0))));
}

describe('softplus and logisticLog', () => {
  it('compute log(1 + eᵘ) without overflow or underflow', () => {
    expect(softplus(0)).toBeCloseTo(Math.LN2, 15);
    expect(softplus(1000)).toBe(1000); // e^1000 overflows; log(1 + e^u) = u + log1p(e^−u)
    expect(softplus(-50)).toBeCloseTo(Math.exp(-50), 30);
    expect(logisticLog(Math.log(200), 0.4, 10, 10)).toBeCloseTo(Math.log(100), 14); // K/2 at t0
  });
});

describe('fitLogistic', () => {
  it('recovers the parameters of a noise-free S-curve', () => {
    const outcome = fitLogistic(logistic(80_000, 0.35, 11, 24));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(Math.exp(outcome.fit.logK)).toBeCloseTo(80_000, 3);
    expect(outcome.fit.r).toBeCloseTo(0.35, 8);
    expect(outcome.fit.t0).toBeCloseTo(11, 7);
    expect(outcome.fit.rss).toBeLessThan(1e-16);
  });

  it('recovers a declining S-curve (negative rate)', () => {
    const outcome = fitLogistic(logistic(5_000, -0.25, 9, 20));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(Math.exp(outcome.fit.logK)).toBeCloseTo(5_000, 3);
    expect(outcome.fit.r).toBeCloseTo(-0.25, 7);
    expect(outcome.fit.t0).toBeCloseTo(9, 6);
  });

  it('recovers the same curve with AR(1) whitening, and gives a positive-definite covariance', () => {
    const outcome = fitLogistic(
      logistic(80_000, 0.35, 11, 24).map((v, t) => v * Math.exp(0.01 * Math.sin(3 * t))),
      0.5,
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.fit.r).toBeCloseTo(0.35, 2);
    const c = outcome.fit.unscaledCovariance;
    for (let i = 0; i < 3; i++) expect(c[i]?.[i]).toBeGreaterThan(0);
  });

  it('declines a flat history', () => {
    expect(fitLogistic(Array.from({ length: 12 }, () => 100))).toEqual({
      ok: false,
      reason: 'the history shows no growth or decline to fit an S-curve to',
    });
  });

  it('declines when the history shows no saturation (pure exponential growth)', () => {
    const outcome = fitLogistic(Array.from({ length: 18 }, (_, t) => 100 * 1.08 ** t));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reason).toBe(
      `the saturation level is not identified by this history (the best fit puts it above ${MAX_SATURATION_MULTIPLE}× the largest value)`,
    );
  });
});
