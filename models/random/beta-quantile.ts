/**
 * The beta distribution's quantile function, exactly as jStat 1.9.6 computes it (`ibetainv`:
 * an initial approximation, then up to ten Halley steps on the regularized incomplete beta,
 * Numerical Recipes §6.4) — with what depends only on the shape worked out once per
 * distribution instead of in every step of every draw. jStat works out three log-gammas per
 * step and three more per call; here they are constants. The same operations run in the same
 * order on the same values, so every draw is the same to the last bit, as a test checks against
 * jStat itself; beta and PERT drivers draw with it, a few thousand times per chunk.
 */
import jStat from 'jstat';

/** p ↦ the p-quantile of Beta(a, b), for a, b > 0: jStat.beta.inv(p, a, b), to the bit. */
export function betaQuantileFunction(a: number, b: number): (p: number) => number {
  const EPS = 1e-8;
  const a1 = a - 1;
  const b1 = b - 1;
  const bothAtLeastOne = a >= 1 && b >= 1;
  // The initial approximation's constants: for a, b ≥ 1 …
  const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
  const skew = 1 / (2 * b - 1) - 1 / (2 * a - 1);
  const twoThirdsOverH = 2 / (3 * h);
  // … and otherwise.
  const lna = Math.log(a / (a + b));
  const lnb = Math.log(b / (a + b));
  const t0 = Math.exp(a * lna) / a;
  const w0 = t0 + Math.exp(b * lnb) / b;
  const lowerShare = t0 / w0;
  const aw = a * w0;
  const bw = b * w0;
  // The log-gamma terms of the Halley step and of the incomplete beta's prefactor.
  const afac = -jStat.gammaln(a) - jStat.gammaln(b) + jStat.gammaln(a + b);
  const lnBetaInverse = jStat.gammaln(a + b) - jStat.gammaln(a) - jStat.gammaln(b);
  const split = (a + 1) / (a + b + 2);

  /** The regularized incomplete beta I_x(a, b) (jStat.ibeta). */
  const ibeta = (x: number): number => {
    const bt = x === 0 || x === 1 ? 0 : Math.exp(lnBetaInverse + a * Math.log(x) + b * Math.log(1 - x));
    if (x < 0 || x > 1) return 0;
    if (x < split) return (bt * jStat.betacf(x, a, b)) / a;
    return 1 - (bt * jStat.betacf(1 - x, b, a)) / b;
  };

  return (p: number): number => {
    if (p <= 0) return 0;
    if (p >= 1) return 1;
    let x: number;
    if (bothAtLeastOne) {
      const pp = p < 0.5 ? p : 1 - p;
      const t = Math.sqrt(-2 * Math.log(pp));
      x = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
      if (p < 0.5) x = -x;
      const al = (x * x - 3) / 6;
      const w = (x * Math.sqrt(al + h)) / h - skew * (al + 5 / 6 - twoThirdsOverH);
      x = a / (a + b * Math.exp(2 * w));
    } else if (p < lowerShare) x = Math.pow(aw * p, 1 / a);
    else x = 1 - Math.pow(bw * (1 - p), 1 / b);
    for (let j = 0; j < 10; j++) {
      if (x === 0 || x === 1) return x;
      const err = ibeta(x) - p;
      let t = Math.exp(a1 * Math.log(x) + b1 * Math.log(1 - x) + afac);
      const u = err / t;
      x -= t = u / (1 - 0.5 * Math.min(1, u * (a1 / x - b1 / (1 - x))));
      if (x <= 0) x = 0.5 * (x + t);
      if (x >= 1) x = 0.5 * (x + t + 1);
      if (Math.abs(t) < EPS * x && j > 0) break;
    }
    return x;
  };
}
