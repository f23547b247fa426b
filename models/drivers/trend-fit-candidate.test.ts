import jStat from 'jstat';
import { describe, expect, it } from 'vitest';

import { fitCandidate, prepareHistory } from './trend-fit-candidate.ts';

const history = [120, 131, 150, 149, 171, 190, 188, 214, 240, 236, 262, 290];

/** AICc from a log-likelihood with k parameters (noise variance included) and n points. */
function aiccOf(logLikelihood: number, k: number, n: number): number {
  return -2 * logLikelihood + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
}

describe('fitCandidate AICc', () => {
  const prepared = prepareHistory(history);
  const n = history.length;

  it('scores the linear trend with the normal likelihood at the ML variance', () => {
    const outcome = fitCandidate('linear', 'independent', prepared);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { a, b } = outcome.fit.params as { a: number; b: number };
    const rss = history.reduce((s, y, t) => s + (y - a - b * t) ** 2, 0);
    const sd = Math.sqrt(rss / n);
    const logLikelihood = history.reduce((s, y, t) => s + Math.log(jStat.normal.pdf(y, a + b * t, sd)), 0);
    expect(outcome.fit.aicc).toBeCloseTo(aiccOf(logLikelihood, 3, n), 9);
    // residualSd uses n − 2 degrees of freedom.
    expect(outcome.fit.residualSd).toBeCloseTo(Math.sqrt(rss / (n - 2)), 12);
  });

  it('scores the exponential trend on the original scale: the lognormal density of y, Jacobian included', () => {
    const outcome = fitCandidate('exponential', 'independent', prepared);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { a, b } = outcome.fit.params as { a: number; b: number };
    const rss = history.reduce((s, y, t) => s + (Math.log(y) - a - b * t) ** 2, 0);
    const sd = Math.sqrt(rss / n);
    // jstat's lognormal pdf is 1/(y·σ·√(2π))·exp(−(log y − μ)²/(2σ²)): the 1/y is the Jacobian.
    const logLikelihood = history.reduce((s, y, t) => s + Math.log(jStat.lognormal.pdf(y, a + b * t, sd)), 0);
    expect(outcome.fit.aicc).toBeCloseTo(aiccOf(logLikelihood, 3, n), 9);
    expect(outcome.fit.params.growthPerMonth).toBeCloseTo(Math.expm1(b), 14);
    expect(outcome.fit.residualScale).toBe('log');
  });

  it('counts ρ as a parameter for AR(1) errors and reports the marginal residual sd', () => {
    const outcome = fitCandidate('linear', 'ar1', prepared);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const rho = outcome.fit.autocorrelation;
    expect(Math.abs(rho)).toBeLessThan(1);
    expect(outcome.fit.autocorrelationSd).toBeCloseTo(Math.sqrt((1 - rho * rho) / n), 14);
    expect(outcome.fit.residualSd).toBeCloseTo(outcome.fit.innovationSd / Math.sqrt(1 - rho * rho), 14);
    // The ML ρ maximises the likelihood, so at worst it ties ρ = 0 (the independent fit),
    // whose AICc carries one parameter fewer: a k = 4 penalty versus k = 3.
    const independent = fitCandidate('linear', 'independent', prepared);
    if (!independent.ok) throw new Error('independent fit failed');
    const penaltyGap = aiccOf(0, 4, n) - aiccOf(0, 3, n);
    expect(outcome.fit.aicc).toBeLessThanOrEqual(independent.fit.aicc + penaltyGap + 1e-9);
  });

  it('explains why a candidate cannot be fitted', () => {
    expect(fitCandidate('exponential', 'independent', prepareHistory([3, 0, 4, 5, 6, 7]))).toEqual({
      ok: false,
      reason: 'it needs every month above 0',
    });
    expect(fitCandidate('logistic', 'independent', prepareHistory([1, 2, 4, 8, 12, 14, 15]))).toEqual({
      ok: false,
      reason: 'it needs at least 8 months of history',
    });
  });
});
