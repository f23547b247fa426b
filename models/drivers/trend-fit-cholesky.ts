/**
 * Cholesky factor and inverse of the small (2×2, 3×3) symmetric matrices of trend fitting:
 * normal equations, parameter covariances.
 */

/** Relative size below which a pivot counts as zero (of the largest diagonal entry). */
const PIVOT_TOLERANCE = 1e-13;

/**
 * Lower-triangular L with L·Lᵀ = a. Returns null when `a` is not positive definite; with
 * `semidefinite`, a zero or round-off-negative pivot gives a zero column instead (a parameter
 * known exactly), which is what sampling from a degenerate covariance needs.
 */
export function choleskyLower(a: readonly (readonly number[])[], semidefinite = false): number[][] | null {
  const p = a.length;
  let maxDiagonal = 0;
  for (let i = 0; i < p; i++) maxDiagonal = Math.max(maxDiagonal, Math.abs(a[i]?.[i] ?? 0));
  const tolerance = PIVOT_TOLERANCE * maxDiagonal;
  const l: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    const lj = l[j] as number[];
    let pivot = a[j]?.[j] ?? Number.NaN;
    for (let k = 0; k < j; k++) pivot -= (lj[k] as number) ** 2;
    if (!Number.isFinite(pivot)) return null;
    if (pivot <= tolerance) {
      if (!semidefinite || pivot < -1e-8 * Math.max(maxDiagonal, Number.MIN_VALUE)) return null;
      continue; // column stays zero
    }
    const diagonal = Math.sqrt(pivot);
    lj[j] = diagonal;
    for (let i = j + 1; i < p; i++) {
      const li = l[i] as number[];
      let s = a[i]?.[j] ?? Number.NaN;
      for (let k = 0; k < j; k++) s -= (li[k] as number) * (lj[k] as number);
      li[j] = s / diagonal;
    }
  }
  return l;
}

/** Solution x of a·x = b for symmetric positive-definite `a`; null when `a` is not. */
export function solvePositiveDefinite(a: readonly (readonly number[])[], b: readonly number[]): number[] | null {
  const l = choleskyLower(a);
  if (l === null) return null;
  const p = b.length;
  const y = new Array<number>(p).fill(0);
  for (let i = 0; i < p; i++) {
    const li = l[i] as number[];
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (li[k] as number) * (y[k] as number);
    y[i] = s / (li[i] as number);
  }
  const x = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i] as number;
    for (let k = i + 1; k < p; k++) s -= (l[k]?.[i] as number) * (x[k] as number);
    x[i] = s / (l[i]?.[i] as number);
  }
  return x;
}

/** Inverse of a symmetric positive-definite matrix; null when it is not positive definite. */
export function invertPositiveDefinite(a: readonly (readonly number[])[]): number[][] | null {
  const p = a.length;
  const inverse: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    const unit = new Array<number>(p).fill(0);
    unit[j] = 1;
    const column = solvePositiveDefinite(a, unit);
    if (column === null) return null;
    for (let i = 0; i < p; i++) (inverse[i] as number[])[j] = column[i] as number;
  }
  // Symmetrise away round-off so the result factors cleanly later.
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < i; j++) {
      const mean = ((inverse[i]?.[j] as number) + (inverse[j]?.[i] as number)) / 2;
      (inverse[i] as number[])[j] = mean;
      (inverse[j] as number[])[i] = mean;
    }
  }
  return inverse;
}
