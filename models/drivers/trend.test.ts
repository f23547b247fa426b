import fc from 'fast-check';
import jStat from 'jstat';
import { describe, expect, it } from 'vitest';

import { TREND_DRAWS_PER_TRIAL, fitTrend, isTrendFitError, projectTrend } from './trend.ts';
import type { TrendFit, TrendModelFit } from './trend.ts';
import { sortedQuantile } from '../simulate/test-support.ts';

/** Seeded standard normals for the tests (mulberry32 + Box–Muller). */
function normalStream(seed: number): () => number {
  let a = seed >>> 0;
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

function expectFit(result: ReturnType<typeof fitTrend>): TrendFit {
  if (isTrendFitError(result)) throw new Error(result.message);
  return result;
}

function monthValues(paths: Float64Array, trials: number, m: number): Float64Array {
  return paths.slice(m * trials, (m + 1) * trials);
}

function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] as number;
  return s / values.length;
}

function variance(values: ArrayLike<number>): number {
  const mu = mean(values);
  let s = 0;
  for (let i = 0; i < values.length; i++) s += ((values[i] as number) - mu) ** 2;
  return s / (values.length - 1);
}

/** A single-candidate fit written by hand, so a projection's arithmetic can be checked exactly. */
function handFit(overrides: Partial<TrendModelFit>): TrendFit {
  const base: TrendModelFit = {
    model: 'linear',
    noise: 'independent',
    params: { a: 100, b: 2 },
    paramNames: ['a', 'b'],
    covariance: [
      [0, 0],
      [0, 0],
    ],
    residualSd: 1,
    residualScale: 'level',
    innovationSd: 1,
    autocorrelation: 0,
    autocorrelationSd: 0,
    lastValue: 100,
    aicc: 0,
    weight: 1,
    n: 1_000_000,
    ...overrides,
  };
  return { ...base, choice: base.model, candidates: [base], skipped: [] };
}

describe('fitTrend input checks', () => {
  it('names the series and the minimum when the history is too short', () => {
    expect(fitTrend([10, 12, 15], 'auto', 'mau')).toEqual({
      error: 'too-short',
      message: "trend needs at least 6 months of history, 'mau' has 3",
    });
    expect(fitTrend([1, 2, 3, 4, 5, 6, 7], 'logistic', 'mau')).toEqual({
      error: 'too-short',
      message: "logistic trend needs at least 8 months of history, 'mau' has 7",
    });
  });

  it('rejects non-finite values and non-positive values for log-scale models', () => {
    expect(fitTrend([1, 2, Number.NaN, 4, 5, 6], 'linear', 'tokens')).toEqual({
      error: 'not-finite',
      message: "'tokens' month 3 of 6 is not a finite number (NaN)",
    });
    expect(fitTrend([5, 4, 0, 4, 5, 6], 'exponential', 'tokens')).toEqual({
      error: 'not-positive',
      message: "exponential trend needs every month of 'tokens' above 0, month 3 of 6 is 0; use the linear model",
    });
  });

  it('with auto, falls back to the linear trend when a month is zero and says why', () => {
    const fit = expectFit(fitTrend([0, 3, 5, 8, 9, 12, 14, 15], 'auto', 'gpu_hours'));
    expect(fit.model).toBe('linear');
    expect(fit.candidates.every((c) => c.model === 'linear')).toBe(true);
    expect(fit.skipped.map((s) => `${s.model}/${s.noise}: ${s.reason}`)).toEqual([
      'exponential/independent: it needs every month above 0',
      'exponential/ar1: it needs every month above 0',
      'logistic/independent: it needs every month above 0',
      'logistic/ar1: it needs every month above 0',
    ]);
  });
});

describe('fitTrend model choice', () => {
  const normal = normalStream(2027);
  const n = 24;
  const exponential = Array.from({ length: n }, (_, t) => 5_000 * 1.08 ** t * Math.exp(0.03 * normal()));
  const logistic = Array.from({ length: n }, (_, t) => (90_000 / (1 + Math.exp(-0.4 * (t - 11)))) * Math.exp(0.03 * normal()));
  const linear = Array.from({ length: n }, (_, t) => 20_000 + 800 * t + 300 * normal());

  it('gives Akaike weights that sum to 1, candidates sorted by AICc, the best one on top', () => {
    const fit = expectFit(fitTrend(logistic, 'auto'));
    expect(fit.choice).toBe('auto');
    expect(fit.candidates.length).toBe(6);
    expect(fit.candidates.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 12);
    for (let j = 1; j < fit.candidates.length; j++) {
      expect(fit.candidates[j]?.aicc).toBeGreaterThanOrEqual(fit.candidates[j - 1]?.aicc as number);
      // w_j / w_0 = exp(−(AICc_j − AICc_0)/2)
      const ratio = (fit.candidates[j]?.weight as number) / (fit.candidates[0]?.weight as number);
      expect(ratio).toBeCloseTo(Math.exp(-((fit.candidates[j]?.aicc as number) - (fit.candidates[0]?.aicc as number)) / 2), 12);
    }
    expect(fit.aicc).toBe(fit.candidates[0]?.aicc);
  });

  it('puts the majority of the weight on the shape that generated a clear series', () => {
    // Not all of it: exponential growth is also a logistic far below its saturation, and 24
    // noisy months of a line are also a slow exponential; the weights say so.
    const cases: [number[], string, number][] = [
      [exponential, 'exponential', 0.5],
      [logistic, 'logistic', 0.9],
      [linear, 'linear', 0.5],
    ];
    for (const [values, shape, minimumWeight] of cases) {
      const fit = expectFit(fitTrend(values, 'auto'));
      expect(fit.model, shape).toBe(shape);
      const shapeWeight = fit.candidates.filter((c) => c.model === shape).reduce((s, c) => s + c.weight, 0);
      expect(shapeWeight, shape).toBeGreaterThan(minimumWeight);
    }
  });

  it('keeps an explicit model, trying only its two error structures', () => {
    const fit = expectFit(fitTrend(logistic, 'linear'));
    expect(fit.choice).toBe('linear');
    expect(fit.candidates.map((c) => c.model)).toEqual(['linear', 'linear']);
    expect(new Set(fit.candidates.map((c) => c.noise))).toEqual(new Set(['independent', 'ar1']));
  });

  it('recovers an exact exponential and projects it without spread', () => {
    const values = Array.from({ length: 10 }, (_, t) => 100 * 1.05 ** t);
    const fit = expectFit(fitTrend(values, 'exponential'));
    expect(fit.params.b).toBeCloseTo(Math.log(1.05), 12);
    expect(fit.params.growthPerMonth).toBeCloseTo(0.05, 12);
    const trials = 50;
    const paths = projectTrend(fit, { from: 3, count: 2 }, trials, normalStream(1));
    for (let i = 0; i < trials; i++) {
      // from = 3: t = n − 1 + 3 = 12, then 13.
      expect((paths[i] as number) / (100 * 1.05 ** 12)).toBeCloseTo(1, 9);
      expect((paths[trials + i] as number) / (100 * 1.05 ** 13)).toBeCloseTo(1, 9);
    }
  });
});

describe('fitTrend parameter covariance', () => {
  // Frequentist check: over 300 simulated histories from one logistic curve, the spread of the
  // estimates should match the standard error each fit reports. The sample sd of 300 draws has
  // a relative standard error of 1/√(2·299) ≈ 4 %; the Wald standard error of a nonlinear
  // model is itself an approximation, so the ratio is held to 0.8–1.25 (≈ 5 standard errors).
  it('reports standard errors of the logistic rate and saturation that match their sampling spread', () => {
    const normal = normalStream(99);
    const replications = 300;
    const rates: number[] = [];
    const logKs: number[] = [];
    const reportedRateSd: number[] = [];
    const reportedLogKSd: number[] = [];
    for (let s = 0; s < replications; s++) {
      const values = Array.from({ length: 24 }, (_, t) => (10_000 / (1 + Math.exp(-0.3 * (t - 12)))) * Math.exp(0.05 * normal()));
      const fit = expectFit(fitTrend(values, 'logistic', 'sim', { noise: ['independent'] }));
      rates.push(fit.params.r as number);
      logKs.push(fit.params.logK as number);
      reportedRateSd.push(Math.sqrt(fit.covariance[1]?.[1] as number));
      reportedLogKSd.push(Math.sqrt(fit.covariance[0]?.[0] as number));
    }
    const rateRatio = Math.sqrt(variance(rates)) / mean(reportedRateSd);
    const logKRatio = Math.sqrt(variance(logKs)) / mean(reportedLogKSd);
    expect(rateRatio).toBeGreaterThan(0.8);
    expect(rateRatio).toBeLessThan(1.25);
    expect(logKRatio).toBeGreaterThan(0.8);
    expect(logKRatio).toBeLessThan(1.25);
    // Unbiased to within 4 standard errors of the mean: r = 0.3, log K = log 10⁴.
    expect(Math.abs(mean(rates) - 0.3)).toBeLessThan((4 * Math.sqrt(variance(rates))) / Math.sqrt(replications));
    expect(Math.abs(mean(logKs) - Math.log(10_000))).toBeLessThan((4 * Math.sqrt(variance(logKs))) / Math.sqrt(replications));
  });
});

describe('projectTrend', () => {
  it('takes its normal draws in the documented order and writes month-major', () => {
    const sa = 3;
    const sb = 0.5;
    const fit = handFit({
      covariance: [
        [sa * sa, 0],
        [0, sb * sb],
      ],
    });
    const trials = 3;
    const steps = [1, 2];
    // The variance draw g = √(2/(9ν)) makes the Wilson–Hilferty root exactly 1, so σ² = σ̂².
    const nu = fit.n - 2;
    const g = Math.sqrt(2 / (9 * nu));
    const script: number[] = [];
    const expected: number[][] = [];
    for (let i = 0; i < trials; i++) {
      const z1 = 0.1 * (i + 1);
      const z2 = -0.2 * (i + 1);
      const noise = [0.01 * (i + 1), 0.02 * (i + 1)];
      script.push(0, g, z1, z2, 0.7, 0, ...noise); // candidate, variance, 3 parameters, ρ, steps
      const a = 100 + sa * z1;
      const b = 2 + sb * z2;
      expected.push(steps.map((k, m) => a + b * (fit.n - 1 + k) + (noise[m] as number)));
    }
    expect(script.length).toBe(trials * (TREND_DRAWS_PER_TRIAL + steps.length));
    let next = 0;
    const paths = projectTrend(fit, steps, trials, () => script[next++] as number);
    expect(next).toBe(script.length);
    for (let i = 0; i < trials; i++) {
      for (let m = 0; m < steps.length; m++) expect(paths[m * trials + i]).toBeCloseTo(expected[i]?.[m] as number, 6);
    }
  });

  it('reproduces the Student-t prediction interval of a linear trend with independent errors', () => {
    const normal = normalStream(7);
    const n = 14;
    const values = Array.from({ length: n }, (_, t) => 1_000 + 25 * t + 40 * normal());
    const fit = expectFit(fitTrend(values, 'linear', 'x', { noise: ['independent'] }));
    const trials = 100_000;
    const k = 3;
    const paths = projectTrend(fit, [k], trials, normalStream(8));
    // ŷ ± t_{0.9, ν}·s·√(1 + x₀ᵀ(XᵀX)⁻¹x₀) with x₀ = (1, n − 1 + k), ν = n − 2.
    const nu = n - 2;
    const t0 = n - 1 + k;
    const s = fit.residualSd;
    const c = fit.covariance.map((row) => row.map((v) => v / (s * s)));
    const leverage = (c[0]?.[0] as number) + 2 * t0 * (c[0]?.[1] as number) + t0 * t0 * (c[1]?.[1] as number);
    const scale = s * Math.sqrt(1 + leverage);
    const centre = (fit.params.a as number) + (fit.params.b as number) * t0;
    // Student-t quantile by bisection on its CDF, 1 − ½·I_{ν/(ν+t²)}(ν/2, ½) for t > 0.
    let lo = 0;
    let hi = 10;
    for (let i = 0; i < 100; i++) {
      const mid = (lo + hi) / 2;
      if (1 - 0.5 * jStat.ibeta(nu / (nu + mid * mid), nu / 2, 0.5) < 0.9) lo = mid;
      else hi = mid;
    }
    const tQuantile = lo;
    // Standard error of a sample quantile: √(p(1−p)/N) / density at the quantile.
    const logDensity =
      jStat.gammaln((nu + 1) / 2) - jStat.gammaln(nu / 2) - 0.5 * Math.log(nu * Math.PI) - ((nu + 1) / 2) * Math.log(1 + (tQuantile * tQuantile) / nu);
    const quantileSe = Math.sqrt((0.9 * 0.1) / trials) / (Math.exp(logDensity) / scale);
    expect(Math.abs(sortedQuantile(paths, 0.9) - (centre + tQuantile * scale))).toBeLessThan(4 * quantileSe);
    expect(Math.abs(sortedQuantile(paths, 0.1) - (centre - tQuantile * scale))).toBeLessThan(4 * quantileSe);
  });

  it('carries the last deviation forward as AR(1), also across months without a step', () => {
    const rho = 0.6;
    const d0 = 2;
    const n = 1_000_000;
    // lastValue sits d0 above the trend a + b·(n − 1).
    const fit = handFit({ noise: 'ar1', autocorrelation: rho, lastValue: 100 + 2 * (n - 1) + d0, n });
    const trials = 100_000;
    const consecutive = projectTrend(fit, { from: 1, count: 3 }, trials, normalStream(11));
    const skipping = projectTrend(fit, [3], trials, normalStream(12));
    // Three months ahead: mean trend + ρ³·d0, variance (1 − ρ⁶)/(1 − ρ²) innovations (σ = 1).
    const expectedMean = 100 + 2 * (n - 1 + 3) + rho ** 3 * d0;
    const expectedVariance = (1 - rho ** 6) / (1 - rho * rho);
    for (const values of [monthValues(consecutive, trials, 2), skipping]) {
      // Standard errors: of the mean √(v/N); of the variance v·√(2/N) (normal values).
      expect(Math.abs(mean(values) - expectedMean)).toBeLessThan(4 * Math.sqrt(expectedVariance / trials));
      expect(Math.abs(variance(values) - expectedVariance)).toBeLessThan(4 * expectedVariance * Math.sqrt(2 / trials));
    }
    // One month ahead: ρ·d0 and one innovation.
    const first = monthValues(consecutive, trials, 0);
    expect(Math.abs(mean(first) - (100 + 2 * n + rho * d0))).toBeLessThan(4 * Math.sqrt(1 / trials));
  });

  it('mixes the candidates in proportion to their Akaike weights', () => {
    const low = { ...handFit({ params: { a: 10, b: 0 }, innovationSd: 0.001, lastValue: 10 }), weight: 0.3 };
    const high = { ...handFit({ params: { a: 1_000, b: 0 }, innovationSd: 0.001, lastValue: 1_000 }), weight: 0.7 };
    const fit: TrendFit = { ...low, choice: 'auto', candidates: [low, high], skipped: [] };
    const trials = 100_000;
    const paths = projectTrend(fit, [1], trials, normalStream(5));
    let lowCount = 0;
    for (const v of paths) if (v < 500) lowCount++;
    // Binomial: standard error √(0.3·0.7/N).
    expect(Math.abs(lowCount / trials - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / trials));
  });

  it('clips values at zero', () => {
    const fit = handFit({ params: { a: -1, b: 0 }, lastValue: -1 });
    const trials = 100_000;
    const paths = projectTrend(fit, [1], trials, normalStream(3));
    let zeros = 0;
    for (const v of paths) if (v === 0) zeros++;
    expect(Math.min(...paths)).toBe(0);
    // P(−1 + N(0, 1) ≤ 0) = Φ(1) ≈ 0.8413; binomial standard error √(p(1−p)/N).
    const p = jStat.normal.cdf(1, 0, 1);
    expect(Math.abs(zeros / trials - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / trials));
  });

  it('is reproducible for a seed, fills a caller buffer, and rejects bad arguments', () => {
    const fit = expectFit(fitTrend([100, 120, 150, 160, 200, 230, 240, 290, 310, 350], 'auto'));
    const a = projectTrend(fit, { from: 1, count: 12 }, 500, normalStream(42));
    const buffer = new Float64Array(12 * 500);
    const b = projectTrend(fit, { from: 1, count: 12 }, 500, normalStream(42), buffer);
    expect(b).toBe(buffer);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(a.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    expect(() => projectTrend(fit, [2, 1], 10, normalStream(1))).toThrow(/strictly increasing/);
    expect(() => projectTrend(fit, [0], 10, normalStream(1))).toThrow(/≥ 1/);
    expect(() => projectTrend(fit, [1], 0, normalStream(1))).toThrow(/positive integer/);
    expect(() => projectTrend(fit, [1, 2], 10, normalStream(1), new Float64Array(19))).toThrow(/need 20/);
  });
});

describe('fitTrend and projectTrend on arbitrary histories', () => {
  it('never throw, and project finite values ≥ 0 whenever a fit succeeds', () => {
    const month = fc.double({ min: 0, max: 1e7, noNaN: true });
    fc.assert(
      fc.property(fc.array(month, { minLength: 6, maxLength: 40 }), fc.constantFrom('auto', 'linear', 'exponential', 'logistic'), (values, model) => {
        const fit = fitTrend(values, model);
        if (isTrendFitError(fit)) return fit.message.length > 0;
        const paths = projectTrend(fit, { from: 1, count: 24 }, 50, normalStream(values.length));
        return paths.every((v) => Number.isFinite(v) && v >= 0);
      }),
      { seed: 20270101, numRuns: 150 },
    );
  });

  it('handles a flat history: the linear fit is exact and the projection has no spread', () => {
    const fit = expectFit(fitTrend([500, 500, 500, 500, 500, 500, 500, 500], 'auto'));
    expect(fit.skipped.some((s) => s.model === 'logistic')).toBe(true);
    const paths = projectTrend(fit, [1, 12], 20, normalStream(4));
    for (const v of paths) expect(v).toBeCloseTo(500, 6);
  });
});
