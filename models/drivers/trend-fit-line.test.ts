import { det, inv, multiply, transpose } from 'mathjs';
import { describe, expect, it } from 'vitest';

import { autoregressiveLogLikelihood } from './trend-fit-autocorrelation.ts';
import { fitStraightLine } from './trend-fit-line.ts';

/** Σ = R/(1 − ρ²), R_ij = ρ^|i−j|: the AR(1) error covariance in units of the innovation variance. */
function ar1Covariance(n: number, rho: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => rho ** Math.abs(i - j) / (1 - rho * rho)));
}

describe('fitStraightLine', () => {
  it('matches a hand-computed ordinary least-squares line', () => {
    // y = 1, 3, 2, 5, 4: t̄ = 2, ȳ = 3, Σ(t − t̄)(y − ȳ) = 8, Σ(t − t̄)² = 10, so slope 0.8 and
    // intercept 3 − 0.8·2 = 1.4; residuals −0.4, 0.8, −1, 1.2, −0.6 give RSS 3.6.
    const fit = fitStraightLine([1, 3, 2, 5, 4]);
    expect(fit?.slope).toBeCloseTo(0.8, 12);
    expect(fit?.intercept).toBeCloseTo(1.4, 12);
    expect(fit?.rss).toBeCloseTo(3.6, 12);
    // (XᵀX)⁻¹ for t = 0..4: [[1/5 + 4/10, −2/10], [−2/10, 1/10]].
    expect(fit?.unscaledCovariance[0]?.[0]).toBeCloseTo(0.6, 12);
    expect(fit?.unscaledCovariance[0]?.[1]).toBeCloseTo(-0.2, 12);
    expect(fit?.unscaledCovariance[1]?.[1]).toBeCloseTo(0.1, 12);
  });

  it('recovers an exact line with zero residual', () => {
    const fit = fitStraightLine(Array.from({ length: 12 }, (_, t) => 250 - 7.5 * t));
    expect(fit?.intercept).toBeCloseTo(250, 9);
    expect(fit?.slope).toBeCloseTo(-7.5, 9);
    expect(fit?.rss).toBeLessThan(1e-18);
  });

  it('with AR(1) errors equals generalised least squares with the AR(1) covariance', () => {
    const y = [3.1, 3.9, 4.2, 5.8, 5.1, 6.6, 7.9, 7.2, 8.8, 10.1];
    const n = y.length;
    const rho = 0.6;
    const sigmaInverse = inv(ar1Covariance(n, rho));
    const x = y.map((_, t) => [1, t]);
    const xtSi = multiply(transpose(x), sigmaInverse);
    const unscaled = inv(multiply(xtSi, x));
    const beta = multiply(unscaled, multiply(xtSi, y));
    const fit = fitStraightLine(y, rho);
    expect(fit?.intercept).toBeCloseTo(beta[0] as number, 10);
    expect(fit?.slope).toBeCloseTo(beta[1] as number, 10);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++) expect(fit?.unscaledCovariance[i]?.[j]).toBeCloseTo(unscaled[i]?.[j] as number, 10);
    }
    // rss is the GLS quadratic form rᵀΣ⁻¹r of the residuals.
    const residuals = y.map((v, t) => v - (beta[0] as number) - (beta[1] as number) * t);
    const quadratic = Number(multiply(residuals, multiply(sigmaInverse, residuals)));
    expect(fit?.rss).toBeCloseTo(quadratic, 10);
  });
});

describe('autoregressiveLogLikelihood', () => {
  it('equals the multivariate normal log-density of AR(1) errors at the ML innovation variance', () => {
    const residuals = [0.3, -0.1, 0.4, 0.2, -0.5, -0.2, 0.1, 0.6];
    const n = residuals.length;
    const rho = -0.4;
    const sigma = ar1Covariance(n, rho);
    const quadratic = Number(multiply(residuals, multiply(inv(sigma), residuals)));
    const variance = quadratic / n;
    // log N(r; 0, σ²Σ) = −n/2·log(2π) − ½·log det(σ²Σ) − rᵀΣ⁻¹r/(2σ²)
    const direct = -0.5 * n * Math.log(2 * Math.PI) - 0.5 * Math.log(variance ** n * det(sigma)) - quadratic / (2 * variance);
    expect(autoregressiveLogLikelihood(quadratic, n, rho, 0)).toBeCloseTo(direct, 10);
  });
});
