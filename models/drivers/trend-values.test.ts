/** trendValues: the fitted curve, checked on histories that lie exactly on a line, a geometric path and a logistic curve. */
import { describe, expect, it } from 'vitest';
import { fitTrend, isTrendFitError, trendValues, type TrendFit } from './trend.ts';

function fitted(values: number[], model: 'linear' | 'exponential' | 'logistic'): TrendFit {
  const fit = fitTrend(values, model, 'test', { noise: ['independent'] });
  if (isTrendFitError(fit)) throw new Error(fit.message);
  return fit;
}

const months = (n: number) => Array.from({ length: n }, (_, t) => t);

describe('trendValues', () => {
  it('gives back a straight line (with a little noise) at the fitted coefficients, and extends it', () => {
    // 1000 + 50·t, with ±1 alternating so the residual variance is not zero.
    const values = months(10).map((t) => 1000 + 50 * t + (t % 2 === 0 ? 1 : -1));
    const fit = fitted(values, 'linear');
    const line = trendValues(fit, [0, 9, 12]);
    expect(line[0]).toBeCloseTo(fit.params.a!, 9);
    expect(line[1]).toBeCloseTo(fit.params.a! + 9 * fit.params.b!, 9);
    expect(line[2]).toBeCloseTo(1000 + 50 * 12, 0);
  });

  it('follows a geometric path for the exponential model', () => {
    const values = months(12).map((t) => 200 * 1.05 ** t * (t % 2 === 0 ? 1.001 : 0.999));
    const fit = fitted(values, 'exponential');
    const curve = trendValues(fit, [0, 11, 15]);
    expect(curve[0]! / 200).toBeCloseTo(1, 2);
    expect(curve[2]! / (200 * 1.05 ** 15)).toBeCloseTo(1, 2);
    expect(curve[2]! / curve[1]!).toBeCloseTo(1.05 ** 4, 3);
  });

  it('levels off at K for the logistic model', () => {
    const K = 5000;
    const values = months(18).map((t) => (K / (1 + Math.exp(-0.5 * (t - 8)))) * (t % 2 === 0 ? 1.002 : 0.998));
    const fit = fitted(values, 'logistic');
    const [atMidpoint, farOut] = trendValues(fit, [8, 60]);
    expect(atMidpoint! / (K / 2)).toBeCloseTo(1, 1);
    expect(farOut! / K).toBeCloseTo(1, 2);
  });
});
