import { describe, expect, it } from 'vitest';
import { spearman } from '../random/correlation.ts';
import { forecastOf, simulationOf } from './test-support.ts';
import { series } from './collect.ts';

describe('engine known answers', () => {
  it('an 80 % range p10=1, p90=4 feeding x*1000 for 12 months gives totals 12,000 / 24,000 / 48,000', async () => {
    const result = await forecastOf(
      { drivers: { x: { p10: 1, p90: 4 } }, workloads: [{ id: 'w', type: 'formula', cost: 'x * 1000' }], budget: { total: 36000 } },
      { trials: 20_000, seed: 7 },
    );
    // Total = 12,000·x with x lognormal through (P10 1, P90 4): quantiles scale exactly.
    expect(result.total.p10).toBeGreaterThan(12_000 * 0.985);
    expect(result.total.p10).toBeLessThan(12_000 * 1.015);
    expect(Math.abs(result.total.p50 / 24_000 - 1)).toBeLessThan(0.015);
    expect(Math.abs(result.total.p90 / 48_000 - 1)).toBeLessThan(0.015);
    // P(12,000·x > 36,000) = P(Z > ln 3 / σ) with σ = ln 4 / (2·1.28155) → 1 − Φ(1.0157) = 0.2267.
    expect(Math.abs(result.budget!.probabilityOfExceeding - 0.2267)).toBeLessThan(0.01);
  });

  it('5 %/month growth from 1,000 with no volatility reproduces 1000·1.05^m exactly', async () => {
    const result = await forecastOf({ drivers: { users: { growth: { start: 1000, rate: 0.05 } } }, workloads: [{ id: 'w', type: 'fixed', monthly: 'users' }] }, { trials: 200 });
    result.monthly.forEach((month, m) => {
      const expected = 1000 * 1.05 ** m;
      expect(month.p5).toBeCloseTo(expected, 9);
      expect(month.p95).toBeCloseTo(expected, 9);
    });
  });

  it('a logistic growth path with a cap slows towards the cap', async () => {
    const result = await forecastOf({ drivers: { u: { growth: { start: 100, rate: 0.5, cap: 1000 } } }, workloads: [{ id: 'w', type: 'fixed', monthly: 'u' }] }, { trials: 100 });
    let v = 100;
    result.monthly.forEach((month, m) => {
      if (m > 0) v = v * (1 + 0.5 * (1 - v / 1000));
      expect(month.p50).toBeCloseTo(v, 9);
    });
    expect(result.monthly[11]!.p50).toBeLessThan(1000);
  });

  it('a sum of independent normals has the analytic mean and sd', async () => {
    const trials = 20_000;
    const result = await forecastOf(
      {
        months: 1,
        drivers: { a: { dist: 'normal', mean: 100, sd: 30 }, b: { dist: 'normal', mean: 50, sd: 40 } },
        workloads: [
          { id: 'a', type: 'fixed', monthly: 'a' },
          { id: 'b', type: 'fixed', monthly: 'b' },
        ],
      },
      { trials, seed: 3 },
    );
    // Mean 150, sd √(30² + 40²) = 50. LHS makes the mean error far below the plain-MC 50/√N.
    expect(Math.abs(result.total.mean - 150)).toBeLessThan((4 * 50) / Math.sqrt(trials));
    // sd of a sample sd ≈ σ/√(2N) = 0.25; allow 4 of those.
    expect(Math.abs(result.total.sd - 50)).toBeLessThan(4 * (50 / Math.sqrt(2 * trials)));
  });

  it('a rank correlation of 0.9 gives a sample Spearman of 0.9 ± 0.02', async () => {
    const simulation = await simulationOf(
      {
        drivers: { a: { p10: 10, p90: 40 }, b: { dist: 'gamma', shape: 2, scale: 3 } },
        correlations: [{ drivers: ['a', 'b'], rank: 0.9 }],
        workloads: [{ id: 'w', type: 'formula', cost: 'a + b' }],
      },
      { trials: 20_000, seed: 11 },
    );
    const a = simulation.store.trial(series.driver('a'))!;
    const b = simulation.store.trial(series.driver('b'))!;
    expect(Math.abs(spearman(a, b, a.length) - 0.9)).toBeLessThan(0.02);
  });

  it('per-month draws vary month to month; per-trial draws do not', async () => {
    const simulation = await simulationOf(
      { drivers: { t: { p10: 1, p90: 2 }, m: { p10: 1, p90: 2, per: 'month' } }, workloads: [{ id: 't', type: 'fixed', monthly: 't' }, { id: 'm', type: 'fixed', monthly: 'm' }] },
      { trials: 1000 },
    );
    const perTrial = simulation.store.trialMonth(series.workloadCost(0))!;
    const perMonth = simulation.store.trialMonth(series.workloadCost(1))!;
    const N = 1000;
    expect(perTrial[5 * N + 3]).toBe(perTrial[3]);
    expect(perMonth[5 * N + 3]).not.toBe(perMonth[3]);
  });

  it('min/max clamp samples', async () => {
    const result = await forecastOf({ months: 1, drivers: { x: { dist: 'normal', mean: 0, sd: 10, min: -5, max: 5 } }, workloads: [{ id: 'w', type: 'fixed', monthly: 'x' }] }, { trials: 2000 });
    expect(result.total.p5).toBe(-5);
    expect(result.total.p95).toBe(5);
  });

  it('the same seed gives the same numbers and another seed other numbers', async () => {
    const doc = { drivers: { x: { p10: 1, p90: 4 } }, workloads: [{ id: 'w', type: 'formula', cost: 'x * 1000' }] };
    const a = await forecastOf(doc, { trials: 3000, seed: 5 });
    const b = await forecastOf(doc, { trials: 3000, seed: 5 });
    const c = await forecastOf(doc, { trials: 3000, seed: 6 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.total.p50).not.toBe(a.total.p50);
  });

  it('reports the precision of the P50 and P90 and it shrinks with more trials', async () => {
    const doc = { drivers: { x: { p10: 1, p90: 4 } }, workloads: [{ id: 'w', type: 'formula', cost: 'x * 1000' }] };
    const small = await forecastOf(doc, { trials: 10_000 });
    const large = await forecastOf(doc, { trials: 40_000 });
    expect(small.precision.p90StdError).toBeGreaterThan(0);
    // Standard error ∝ 1/√N: quadrupling N halves it (allow for the estimate's own noise).
    expect(large.precision.p90StdError / small.precision.p90StdError).toBeLessThan(0.8);
  });

  it('the first breach month is the first month cumulative spend exceeds the budget', async () => {
    // 1,000 a month against 5,500: cumulative 6,000 > 5,500 first in month 6.
    const result = await forecastOf({ workloads: [{ id: 'w', type: 'fixed', monthly: 1000 }], budget: { total: 5500 } }, { trials: 100 });
    expect(result.budget!.firstBreachMonth!.p50).toBe(6);
    expect(result.budget!.probabilityOfBreach).toBe(1);
    expect(result.budget!.expectedOverrun).toBeCloseTo(6500, 6);
  });
});
