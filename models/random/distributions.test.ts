import jStat from 'jstat';
import { bignumber } from 'mathjs';
import { describe, expect, it } from 'vitest';
import {
  applyQuantile,
  describeDistribution,
  distributionMean,
  distributionQuantile,
  distributionSupport,
  distributionVariance,
  formatForSentence,
  fromRange,
  lognormalFromQuantiles,
  quantileFunction,
  validateDistribution,
  validateRange,
  type Distribution,
} from './distributions.ts';
import { poissonCumulativeTable, poissonQuantileCornishFisher } from './poisson-quantile.ts';
import { normalPdf } from './normal.ts';
import { createStream } from './prng.ts';

/** P(X ≤ k) for k = 0..last, summed in 64-digit arithmetic (mathjs's default BigNumber precision) from P(0) = e^(−mean) by P(k) = P(k − 1)·mean/k. */
function referencePoissonCdf(mean: number, last: number): number[] {
  const lambda = bignumber(mean);
  let pmf = lambda.neg().exp();
  let cumulative = pmf;
  const cdf = [cumulative.toNumber()];
  for (let k = 1; k <= last; k++) {
    pmf = pmf.times(lambda).div(k);
    cumulative = cumulative.plus(pmf);
    cdf.push(cumulative.toNumber());
  }
  return cdf;
}

/** Each case: the distribution, its analytic mean and variance worked out by hand, and a sample size. */
const CASES: { d: Distribution; mean: number; variance: number; n: number }[] = [
  { d: { kind: 'normal', mean: 100, sd: 15 }, mean: 100, variance: 225, n: 200_000 },
  // mean e^(μ + σ²/2) = e^3.125; variance (e^σ² − 1)·e^(2μ + σ²) = (e^0.25 − 1)·e^6.25
  { d: { kind: 'lognormal', mu: 3, sigma: 0.5 }, mean: Math.exp(3.125), variance: (Math.exp(0.25) - 1) * Math.exp(6.25), n: 200_000 },
  // heavy right tail: σ = 1.2, variance (e^1.44 − 1)·e^1.44
  { d: { kind: 'lognormal', mu: 0, sigma: 1.2 }, mean: Math.exp(0.72), variance: (Math.exp(1.44) - 1) * Math.exp(1.44), n: 200_000 },
  { d: { kind: 'uniform', min: 2, max: 10 }, mean: 6, variance: 64 / 12, n: 200_000 },
  // mean (1 + 3 + 10)/3; variance (1 + 9 + 100 − 3 − 10 − 30)/18
  { d: { kind: 'triangular', min: 1, mode: 3, max: 10 }, mean: 14 / 3, variance: 67 / 18, n: 200_000 },
  { d: { kind: 'triangular', min: 0, mode: 0, max: 1 }, mean: 1 / 3, variance: 1 / 18, n: 200_000 },
  // α = 1 + 4·50/300 = 5/3, β = 1 + 4·250/300 = 13/3; mean (100 + 4·150 + 400)/6; variance 300²·αβ/((α+β)²(α+β+1))
  { d: { kind: 'pert', min: 100, mode: 150, max: 400, lambda: 4 }, mean: 1100 / 6, variance: (90_000 * (65 / 9)) / (36 * 7), n: 50_000 },
  // mean 2/7; variance αβ/((α+β)²(α+β+1)) = 10/(49·8)
  { d: { kind: 'beta', alpha: 2, beta: 5 }, mean: 2 / 7, variance: 10 / 392, n: 50_000 },
  { d: { kind: 'beta', alpha: 0.5, beta: 0.5 }, mean: 0.5, variance: 0.25 / 2, n: 50_000 },
  // mean kθ = 10; variance kθ² = 40
  { d: { kind: 'gamma', shape: 2.5, scale: 4 }, mean: 10, variance: 40, n: 50_000 },
  { d: { kind: 'gamma', shape: 0.3, scale: 2 }, mean: 0.6, variance: 1.2, n: 50_000 },
  { d: { kind: 'poisson', mean: 3.5 }, mean: 3.5, variance: 3.5, n: 200_000 },
  { d: { kind: 'poisson', mean: 50_000 }, mean: 50_000, variance: 50_000, n: 200_000 },
  { d: { kind: 'poisson', mean: 2e9 }, mean: 2e9, variance: 2e9, n: 200_000 }, // Cornish–Fisher path
  { d: { kind: 'bernoulli', p: 0.3 }, mean: 0.3, variance: 0.21, n: 200_000 },
  // mean (10 + 2·20 + 50)/4 = 25; variance (15² + 2·5² + 25²)/4 = 225
  { d: { kind: 'discrete', values: [10, 20, 50], weights: [1, 2, 1] }, mean: 25, variance: 225, n: 200_000 },
];

function label(d: Distribution): string {
  return JSON.stringify(d);
}

describe('distributionMean and distributionVariance', () => {
  it.each(CASES)('match the hand-derived values for $d.kind', ({ d, mean, variance }) => {
    expect(distributionMean(d)).toBeCloseTo(mean, 10);
    expect(distributionVariance(d) / variance).toBeCloseTo(1, 12);
  });
});

describe('sampling by inverse CDF', () => {
  it.each(CASES)('gives a sample mean within 4 standard errors of the analytic mean: $d.kind', ({ d, mean, variance, n }) => {
    const u = new Float64Array(n);
    createStream(11, 0, label(d)).fillUniform(u);
    const x = new Float64Array(n);
    applyQuantile(d, u, x, n);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += x[i] as number;
    const standardError = Math.sqrt(variance / n);
    expect(Math.abs(sum / n - mean), `${label(d)}: SE ${standardError}`).toBeLessThan(4 * standardError);
  });

  it.each(CASES)('applyQuantile matches quantileFunction draw for draw: $d.kind', ({ d }) => {
    const n = 2000;
    const u = new Float64Array(n);
    createStream(12, label(d)).fillUniform(u);
    const out = new Float64Array(n);
    applyQuantile(d, u, out, n);
    const quantile = quantileFunction(d);
    for (let i = 0; i < n; i++) expect(out[i]).toBe(quantile(u[i] as number));
  });

  it.each(CASES)('quantileFunction is nondecreasing (so rank correlation carries over): $d.kind', ({ d }) => {
    const quantile = quantileFunction(d);
    let previous = -Infinity;
    for (let i = 1; i < 4000; i++) {
      const value = quantile(i / 4000);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
  });

  it('applyQuantile works in place (out = u)', () => {
    const u = Float64Array.from([0.1, 0.5, 0.9]);
    applyQuantile({ kind: 'uniform', min: 0, max: 10 }, u, u, 3);
    expect(Array.from(u)).toEqual([1, 5, 9]);
  });
});

/** Probabilities from deep tails to the body: many points, both ends. */
const PROBABILITIES = [
  1e-9, 1e-6, 1e-4, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 0.9999, 1 - 1e-6,
  ...Array.from({ length: 99 }, (_, i) => (i + 1) / 100),
];

describe('quantileFunction against jstat and closed forms', () => {
  it('normal, lognormal, uniform and triangular match jstat’s inverse CDFs', () => {
    const normal = quantileFunction({ kind: 'normal', mean: 50, sd: 8 });
    const lognormal = quantileFunction({ kind: 'lognormal', mu: 2, sigma: 0.7 });
    const uniform = quantileFunction({ kind: 'uniform', min: -3, max: 12 });
    const triangular = quantileFunction({ kind: 'triangular', min: 800, mode: 1500, max: 4000 });
    for (const p of PROBABILITIES) {
      // jstat's normal inverse carries an absolute error of about ε/φ(z) in z (see normal.test.ts)
      const z = (normal(p) - 50) / 8;
      const zTolerance = 1e-13 * Math.max(1, Math.abs(z)) + (4 * Number.EPSILON) / normalPdf(z);
      expect(Math.abs(normal(p) - jStat.normal.inv(p, 50, 8))).toBeLessThan(8 * zTolerance);
      expect(Math.abs(Math.log(lognormal(p) / jStat.lognormal.inv(p, 2, 0.7)))).toBeLessThan(0.7 * zTolerance);
      expect(uniform(p)).toBeCloseTo(jStat.uniform.inv(p, -3, 12), 12);
      expect(triangular(p)).toBeCloseTo(jStat.triangular.inv(p, 800, 4000, 1500), 8); // jstat: (p, min, max, mode)
    }
  });

  it('gamma matches the exponential (shape 1: −θ·ln(1 − p)) and the Erlang CDF (shape 3) to 1e-7', () => {
    const exponential = quantileFunction({ kind: 'gamma', shape: 1, scale: 2.5 });
    const erlang = quantileFunction({ kind: 'gamma', shape: 3, scale: 2 });
    for (const p of PROBABILITIES) {
      const expected = -2.5 * Math.log1p(-p);
      expect(Math.abs(exponential(p) - expected) / expected).toBeLessThan(1e-7);
      const y = erlang(p) / 2;
      const erlangCdf = 1 - Math.exp(-y) * (1 + y + (y * y) / 2); // P(Gamma(3, 1) ≤ y)
      expect(Math.abs(erlangCdf - p)).toBeLessThan(1e-7 * Math.max(p, 1e-3));
    }
  });

  it('beta matches closed forms: Beta(1, b) = 1 − (1 − p)^(1/b), Beta(a, 1) = p^(1/a), Beta(3, 3) CDF polynomial', () => {
    const betaOneB = quantileFunction({ kind: 'beta', alpha: 1, beta: 4 });
    const betaAOne = quantileFunction({ kind: 'beta', alpha: 2.5, beta: 1 });
    const beta33 = quantileFunction({ kind: 'beta', alpha: 3, beta: 3 });
    const pert = quantileFunction({ kind: 'pert', min: 0, mode: 5, max: 10, lambda: 4 }); // = 10·Beta(3, 3)
    for (const p of PROBABILITIES) {
      expect(Math.abs(betaOneB(p) - (1 - (1 - p) ** (1 / 4)))).toBeLessThan(1e-7 * Math.max(betaOneB(p), 1e-3));
      expect(Math.abs(betaAOne(p) - p ** (1 / 2.5))).toBeLessThan(1e-7);
      // I_x(3, 3) = Σ_{j=3..5} C(5, j)·x^j·(1 − x)^(5−j)
      const cdf33 = (x: number) => 10 * x ** 3 * (1 - x) ** 2 + 5 * x ** 4 * (1 - x) + x ** 5;
      expect(Math.abs(cdf33(beta33(p)) - p)).toBeLessThan(1e-7 * Math.max(p, 1e-3));
      expect(pert(p) / 10).toBeCloseTo(beta33(p), 12);
    }
  });

  it('poisson returns the smallest k with P(X ≤ k) ≥ p (CDF summed in 64-digit arithmetic)', () => {
    for (const mean of [0.3, 4, 250, 20_000]) {
      const quantile = quantileFunction({ kind: 'poisson', mean });
      const cdf = referencePoissonCdf(mean, Math.ceil(mean + 12 * Math.sqrt(mean) + 20));
      for (const p of PROBABILITIES) {
        const k = quantile(p);
        expect(Number.isInteger(k)).toBe(true);
        expect(cdf[k], `mean ${mean}, p ${p}`).toBeGreaterThanOrEqual(p - 1e-13);
        if (k > 0) expect(cdf[k - 1], `mean ${mean}, p ${p}`).toBeLessThan(p + 1e-13);
      }
    }
    for (const p of [0.01, 0.3, 0.5, 0.9, 0.999]) {
      const k = quantileFunction({ kind: 'poisson', mean: 4 })(p); // and by jstat's own (small-count) CDF
      expect(jStat.poisson.cdf(k, 4)).toBeGreaterThanOrEqual(p - 1e-12);
      expect(jStat.poisson.cdf(k - 1, 4)).toBeLessThan(p + 1e-12);
    }
    expect(quantileFunction({ kind: 'poisson', mean: 0 })(0.99)).toBe(0);
  });

  it('poisson tables hold the whole mass: the windowed CDF equals the full 64-digit sum to 1e-14', () => {
    for (const mean of [0.01, 1, 30, 700, 20_000]) {
      const { start, cdf } = poissonCumulativeTable(mean);
      const reference = referencePoissonCdf(mean, start + cdf.length - 1);
      for (let i = 0; i < cdf.length; i++) {
        expect(Math.abs((cdf[i] as number) - (reference[start + i] as number)), `mean ${mean}, k ${start + i}`).toBeLessThan(1e-14);
      }
    }
  });

  it('poisson Cornish–Fisher (large means) is within one count of the exact table, and rarely off at all', () => {
    const mean = 2e6; // just above the table's limit of 1e6
    const { start, cdf } = poissonCumulativeTable(mean);
    let mismatches = 0;
    const trials = 5000;
    for (let i = 0; i < trials; i++) {
      const p = (i + 0.5) / trials;
      let k = 0;
      while ((cdf[k] as number) < p) k++;
      const difference = Math.abs(poissonQuantileCornishFisher(mean, p) - (start + k));
      expect(difference).toBeLessThanOrEqual(1);
      if (difference > 0) mismatches++;
    }
    expect(mismatches / trials).toBeLessThan(0.002); // measured: 0 here, about 1 in 10⁴ at means 10⁶ and 10⁷
  });

  it('bernoulli is 0 below 1 − p and 1 above; discrete sorts and merges its values', () => {
    const bernoulli = quantileFunction({ kind: 'bernoulli', p: 0.3 });
    expect([bernoulli(0.69), bernoulli(0.7), bernoulli(0.71)]).toEqual([0, 0, 1]);
    const discrete = quantileFunction({ kind: 'discrete', values: [5, 1, 3, 3], weights: [1, 1, 1, 1] });
    // 1 with 25 %, 3 with 50 %, 5 with 25 %
    expect([0.01, 0.25, 0.26, 0.75, 0.76, 0.99].map(discrete)).toEqual([1, 1, 3, 3, 5, 5]);
    const zeroWeight = quantileFunction({ kind: 'discrete', values: [1, 2, 3], weights: [1, 0, 1] });
    expect([0.4, 0.5, 0.6].map(zeroWeight)).toEqual([1, 1, 3]);
  });
});

describe('distributionQuantile', () => {
  it('returns the support at 0 and 1 and NaN outside [0, 1]', () => {
    expect(distributionQuantile({ kind: 'normal', mean: 0, sd: 1 }, 0)).toBe(-Infinity);
    expect(distributionQuantile({ kind: 'lognormal', mu: 0, sigma: 1 }, 0)).toBe(0);
    expect(distributionQuantile({ kind: 'triangular', min: 1, mode: 2, max: 3 }, 1)).toBe(3);
    expect(distributionQuantile({ kind: 'discrete', values: [4, 9], weights: [0, 1] }, 0)).toBe(9);
    expect(distributionQuantile({ kind: 'uniform', min: 0, max: 1 }, 1.5)).toBeNaN();
    expect(distributionSupport({ kind: 'bernoulli', p: 1 })).toEqual({ min: 1, max: 1 });
    expect(distributionQuantile({ kind: 'gamma', shape: 3, scale: 1 }, 0.5)).toBeCloseTo(2.674060313723561, 7); // Gamma(3) median
  });
});

describe('fromRange', () => {
  it('reads (lo > 0) as a lognormal through P10 and P90, or P5 and P95, hitting both exactly', () => {
    const eighty = fromRange(20, 45, 0.8);
    expect(eighty.kind).toBe('lognormal');
    expect(distributionQuantile(eighty, 0.1)).toBeCloseTo(20, 12);
    expect(distributionQuantile(eighty, 0.9)).toBeCloseTo(45, 12);
    expect(distributionQuantile(eighty, 0.5)).toBeCloseTo(30, 12); // √(20·45)
    const ninety = fromRange(20, 45, 0.9);
    expect(distributionQuantile(ninety, 0.05)).toBeCloseTo(20, 12);
    expect(distributionQuantile(ninety, 0.95)).toBeCloseTo(45, 12);
  });

  it('reads (lo ≤ 0) as a normal through the two quantiles', () => {
    const d = fromRange(-10, 30, 0.8);
    expect(d).toMatchObject({ kind: 'normal', mean: 10 });
    expect(distributionQuantile(d, 0.1)).toBeCloseTo(-10, 12);
    expect(distributionQuantile(d, 0.9)).toBeCloseTo(30, 12);
    const growth = fromRange(0, 0.12, 0.9);
    expect(distributionQuantile(growth, 0.05)).toBeCloseTo(0, 14);
    expect(distributionQuantile(growth, 0.95)).toBeCloseTo(0.12, 14);
  });

  it('puts 10 % of sampled draws below P10 and 10 % above P90, within 4 SE', () => {
    const n = 100_000;
    const u = new Float64Array(n);
    createStream(4, 'range').fillUniform(u);
    const x = new Float64Array(n);
    applyQuantile(fromRange(1500, 4000, 0.8), u, x, n);
    let below = 0;
    let above = 0;
    for (const value of x) {
      if (value < 1500) below++;
      if (value > 4000) above++;
    }
    const tolerance = 4 * Math.sqrt((0.1 * 0.9) / n);
    expect(Math.abs(below / n - 0.1)).toBeLessThan(tolerance);
    expect(Math.abs(above / n - 0.1)).toBeLessThan(tolerance);
  });

  it('lognormalFromQuantiles handles asymmetric probabilities', () => {
    const d = lognormalFromQuantiles(0.25, 10, 0.99, 100);
    expect(distributionQuantile(d, 0.25)).toBeCloseTo(10, 11);
    expect(distributionQuantile(d, 0.99)).toBeCloseTo(100, 11);
  });

  it('an inverted range is reported in the range’s own words and by the distribution check', () => {
    expect(validateRange(45, 20, 0.8)).toBe('a range needs p10 < p90 (got p10 45, p90 20)');
    expect(validateRange(3, 3, 0.9)).toBe('a range needs p5 < p95 (got p5 3, p95 3)');
    expect(validateRange(20, 45, 0.8)).toBeNull();
    expect(validateDistribution(fromRange(45, 20, 0.8))).toMatch(/^lognormal needs sigma > 0/);
    expect(validateDistribution(fromRange(-5, -9, 0.8))).toMatch(/^normal needs sd > 0/);
  });
});

describe('validateDistribution', () => {
  it.each(CASES)('accepts $d.kind', ({ d }) => expect(validateDistribution(d)).toBeNull());

  it.each<[Distribution, string]>([
    [{ kind: 'triangular', min: 5, mode: 3, max: 9 }, 'triangular needs min ≤ mode ≤ max (got min 5, mode 3, max 9)'],
    [{ kind: 'triangular', min: 5, mode: 5, max: 5 }, 'triangular needs min < max (got min 5, max 5)'],
    [{ kind: 'pert', min: 1, mode: 2, max: 3, lambda: -1 }, 'pert needs lambda ≥ 0 (got lambda -1)'],
    [{ kind: 'normal', mean: 1, sd: 0 }, 'normal needs sd > 0 (got sd 0)'],
    [{ kind: 'normal', mean: Number.NaN, sd: 1 }, 'normal needs finite numbers (got mean NaN)'],
    [{ kind: 'lognormal', mu: 1, sigma: -0.2 }, 'lognormal needs sigma > 0 (got sigma -0.2)'],
    [{ kind: 'uniform', min: 5, max: 3 }, 'uniform needs min < max (got min 5, max 3)'],
    [{ kind: 'beta', alpha: 0, beta: 2 }, 'beta needs alpha > 0 and beta > 0 (got alpha 0, beta 2)'],
    [{ kind: 'gamma', shape: 2, scale: Infinity }, 'gamma needs finite numbers (got scale Infinity)'],
    [{ kind: 'poisson', mean: -1 }, 'poisson needs mean ≥ 0 (got mean -1)'],
    [{ kind: 'bernoulli', p: 1.2 }, 'bernoulli needs p between 0 and 1 (got p 1.2)'],
    [{ kind: 'discrete', values: [], weights: [] }, 'discrete needs at least one value'],
    [{ kind: 'discrete', values: [1, 2], weights: [1] }, 'discrete needs one weight per value (got 2 values, 1 weights)'],
    [{ kind: 'discrete', values: [1, 2], weights: [1, -1] }, 'discrete needs weights ≥ 0 (got weight -1 at position 2)'],
    [{ kind: 'discrete', values: [1, 2], weights: [0, 0] }, 'discrete needs at least one weight > 0 (got all weights 0)'],
    [{ kind: 'discrete', values: [1, Number.NaN], weights: [1, 1] }, 'discrete needs finite values (got value NaN at position 2)'],
  ])('rejects %j with a message', (d, message) => {
    expect(validateDistribution(d)).toBe(message);
  });
});

describe('describeDistribution', () => {
  it('says in words how each distribution is read', () => {
    // σ = ln(45/20)/(2·1.2816) = 0.3164, mean = 30·e^(σ²/2) = 31.54
    expect(describeDistribution(fromRange(20, 45, 0.8))).toBe('lognormal: 80 % chance between 20 and 45, median 30, mean 31.5');
    // σ = ln(45/20)/(2·1.6449) = 0.2465, mean = 30·e^(σ²/2) = 30.93
    expect(describeDistribution(fromRange(20, 45, 0.9), 0.9)).toBe('lognormal: 90 % chance between 20 and 45, median 30, mean 30.9');
    expect(describeDistribution(fromRange(-10, 30, 0.8))).toBe('normal: 80 % chance between −10 and 30, mean 10');
    expect(describeDistribution({ kind: 'triangular', min: 800, mode: 1500, max: 4000 })).toBe(
      'triangular: between 800 and 4,000, most likely 1,500, mean 2,100',
    );
    expect(describeDistribution({ kind: 'uniform', min: 0.2, max: 0.6 })).toBe('uniform: any value between 0.2 and 0.6 equally likely, mean 0.4');
    expect(describeDistribution({ kind: 'bernoulli', p: 0.3 })).toBe('yes/no: 1 with probability 30 %, otherwise 0');
    expect(describeDistribution({ kind: 'discrete', values: [10, 20, 50], weights: [1, 2, 1] })).toBe('one of 10 (25 %), 20 (50 %), 50 (25 %)');
    expect(describeDistribution({ kind: 'poisson', mean: 4 })).toBe('Poisson count: 80 % chance between 2 and 7, mean 4');
    expect(describeDistribution({ kind: 'uniform', min: 3, max: 3 })).toBe('not usable: uniform needs min < max (got min 3, max 3)');
  });

  it('formats numbers locale-independently: whole numbers from 1,000 up, 3 significant digits below', () => {
    expect(formatForSentence(12345.6)).toBe('12,346');
    expect(formatForSentence(-1500)).toBe('−1,500');
    expect(formatForSentence(31.5468)).toBe('31.5');
    expect(formatForSentence(0.000123)).toBe('0.000123');
    expect(formatForSentence(2.5e-7)).toBe('2.50e-7');
    expect(formatForSentence(0)).toBe('0');
    expect(formatForSentence(Infinity)).toBe('∞');
  });
});
