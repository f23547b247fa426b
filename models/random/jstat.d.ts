/**
 * Types for the part of jstat (which ships none) that the engine and its tests use. Extend this
 * declaration, rather than adding a second one, when another jstat function is needed.
 * Only deterministic functions are declared: jstat's `.sample` methods call Math.random.
 */
declare module 'jstat' {
  interface JStatContinuous2 {
    pdf(x: number, a: number, b: number): number;
    cdf(x: number, a: number, b: number): number;
    inv(p: number, a: number, b: number): number;
    mean(a: number, b: number): number;
    variance(a: number, b: number): number;
  }

  interface JStatTriangular {
    cdf(x: number, min: number, max: number, mode: number): number;
    inv(p: number, min: number, max: number, mode: number): number;
    mean(min: number, max: number, mode: number): number;
  }

  interface JStatPoisson {
    pdf(k: number, mean: number): number;
    cdf(k: number, mean: number): number;
  }

  interface JStatStatic {
    beta: JStatContinuous2;
    gamma: JStatContinuous2;
    normal: JStatContinuous2;
    lognormal: JStatContinuous2;
    uniform: JStatContinuous2;
    triangular: JStatTriangular;
    poisson: JStatPoisson;
    erf(x: number): number;
    erfc(x: number): number;
    gammaln(x: number): number;
    lowRegGamma(a: number, x: number): number;
    ibeta(x: number, a: number, b: number): number;
    /** The continued fraction of the incomplete beta function (Numerical Recipes §6.4). */
    betacf(x: number, a: number, b: number): number;
  }

  const jStat: JStatStatic;
  export default jStat;
}
