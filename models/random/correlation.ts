/**
 * Rank correlation between per-trial draws: Spearman's coefficient, the repair of a target
 * matrix that is not positive definite, and the Iman–Conover rearrangement that induces a target
 * rank correlation while leaving every marginal exactly as sampled (each column is only permuted).
 *   R. L. Iman & W. J. Conover, "A distribution-free approach to inducing rank correlation among
 *   input variables", Communications in Statistics – Simulation and Computation 11(3), 1982.
 *   N. J. Higham, "Computing the nearest correlation matrix — a problem from finance",
 *   IMA Journal of Numerical Analysis 22, 329–343, 2002.
 */

import { argsort } from './float-order.ts';
import { inverseNormalCdf } from './normal.ts';
import type { RandomStream } from './prng.ts';
import { symmetricEigen } from './symmetric-eigen.ts';

/** Smallest eigenvalue a repaired matrix keeps, so its Cholesky factor is well conditioned. */
const EIGEN_FLOOR = 1e-6;
/** Cholesky pivots at or below this count as "not positive definite". */
const PIVOT_FLOOR = 1e-10;
const HIGHAM_MAX_ITERATIONS = 1000;
const HIGHAM_TOLERANCE = 1e-10;

/**
 * Pearson correlation of a bivariate normal whose Spearman rank correlation is rs: 2·sin(π·rs/6).
 * Normal scores correlated at ρ have Spearman (6/π)·asin(ρ/2), not ρ.
 */
export function spearmanToPearson(rs: number): number {
  return 2 * Math.sin((Math.PI * rs) / 6);
}

/** Spearman rank correlation of a bivariate normal with Pearson correlation r: (6/π)·asin(r/2). */
export function pearsonToSpearman(r: number): number {
  return (6 / Math.PI) * Math.asin(r / 2);
}

/** Ranks 1..n of x[0..n), tied values sharing their average rank. */
export function rank(x: Float64Array, n: number): Float64Array {
  const order = argsort(x, n);
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    const value = x[order[start] as number];
    let end = start + 1;
    while (end < n && x[order[end] as number] === value) end++;
    const averageRank = (start + 1 + end) / 2; // mean of ranks start+1 … end
    for (let i = start; i < end; i++) ranks[order[i] as number] = averageRank;
    start = end;
  }
  return ranks;
}

/** Pearson correlation of x[0..n) and y[0..n); NaN when either is constant. */
export function pearson(x: Float64Array, y: Float64Array, n: number): number {
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += x[i] as number;
    meanY += y[i] as number;
  }
  meanX /= n;
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - meanX;
    const dy = (y[i] as number) - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Spearman rank correlation of x[0..n) and y[0..n) (average ranks for ties), in [−1, 1]. */
export function spearman(x: Float64Array, y: Float64Array, n: number): number {
  return pearson(rank(x, n), rank(y, n), n);
}

/** Lower-triangular L with L·Lᵀ = a, or null when a is not (numerically) positive definite. */
function choleskyLower(a: readonly (readonly number[])[]): number[][] | null {
  const k = a.length;
  const l = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    const lj = l[j] as number[];
    let pivot = a[j]?.[j] ?? Number.NaN;
    for (let m = 0; m < j; m++) pivot -= (lj[m] as number) ** 2;
    if (!(pivot > PIVOT_FLOOR)) return null;
    const diagonal = Math.sqrt(pivot);
    lj[j] = diagonal;
    for (let i = j + 1; i < k; i++) {
      const li = l[i] as number[];
      let sum = a[i]?.[j] ?? Number.NaN;
      for (let m = 0; m < j; m++) sum -= (li[m] as number) * (lj[m] as number);
      li[j] = sum / diagonal;
    }
  }
  return l;
}

/** Inverse of a lower-triangular matrix (lower-triangular), by forward substitution. */
function invertLower(l: readonly (readonly number[])[]): number[][] {
  const k = l.length;
  const inverse = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let col = 0; col < k; col++) {
    for (let i = col; i < k; i++) {
      let sum = i === col ? 1 : 0;
      for (let m = col; m < i; m++) sum -= (l[i]?.[m] as number) * (inverse[m]?.[col] as number);
      (inverse[i] as number[])[col] = sum / (l[i]?.[i] as number);
    }
  }
  return inverse;
}

function multiply(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  const k = a.length;
  return Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      let sum = 0;
      for (let m = 0; m < k; m++) sum += (a[i]?.[m] as number) * (b[m]?.[j] as number);
      return sum;
    }),
  );
}

/** V·diag(max(λ, floor))·Vᵀ: the projection onto matrices whose eigenvalues are ≥ floor. */
function clipEigenvalues(m: readonly (readonly number[])[], floor: number): number[][] {
  const { values, vectors } = symmetricEigen(m);
  const k = m.length;
  const clipped = values.map((value) => Math.max(value, floor));
  return Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      let sum = 0;
      for (let e = 0; e < k; e++) sum += (vectors[i]?.[e] as number) * (clipped[e] as number) * (vectors[j]?.[e] as number);
      return sum;
    }),
  );
}

/**
 * The correlation matrix nearest to m (Frobenius norm) with eigenvalues ≥ 1e-6, by Higham's
 * alternating projections with Dykstra's correction; `repaired` says whether m had to change
 * (not symmetric, diagonal not 1, or not positive definite). A valid m is returned as is.
 */
export function nearestCorrelationMatrix(m: readonly (readonly number[])[]): { matrix: number[][]; repaired: boolean } {
  const k = m.length;
  let changed = false;
  const symmetric = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      const a = m[i]?.[j];
      const b = m[j]?.[i];
      if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b)) {
        throw new RangeError(`a correlation matrix needs finite numbers in a ${k}×${k} square (row ${i + 1}, column ${j + 1})`);
      }
      if (i === j) {
        if (a !== 1) changed = true;
        return 1;
      }
      if (a !== b) changed = true;
      return (a + b) / 2;
    }),
  );
  if (!changed && choleskyLower(symmetric)) return { matrix: symmetric, repaired: false };

  let y = symmetric;
  let correction = symmetric.map((row) => row.map(() => 0));
  for (let iteration = 0; iteration < HIGHAM_MAX_ITERATIONS; iteration++) {
    const r = y.map((row, i) => row.map((value, j) => value - (correction[i]?.[j] as number)));
    const x = clipEigenvalues(r, EIGEN_FLOOR);
    correction = x.map((row, i) => row.map((value, j) => value - (r[i]?.[j] as number)));
    const next = x.map((row, i) => row.map((value, j) => (i === j ? 1 : value)));
    let step = 0;
    let size = 0;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        step += ((next[i]?.[j] as number) - (y[i]?.[j] as number)) ** 2;
        size += (next[i]?.[j] as number) ** 2;
      }
    }
    y = next;
    if (step <= HIGHAM_TOLERANCE ** 2 * size) break;
  }
  // Resetting the diagonal can push the smallest eigenvalue a hair below the floor: clip once
  // more and rescale to a unit diagonal (a congruence, so positive definiteness is kept).
  const floored = clipEigenvalues(y, EIGEN_FLOOR);
  const scale = floored.map((row, i) => 1 / Math.sqrt(row[i] as number));
  const matrix = floored.map((row, i) => row.map((value, j) => (i === j ? 1 : value * (scale[i] as number) * (scale[j] as number))));
  return { matrix, repaired: true };
}

/** Shuffles x[0..n) in place with the stream (Fisher–Yates). */
function shuffle(x: Float64Array, n: number, stream: RandomStream): void {
  for (let i = n - 1; i > 0; i--) {
    const j = stream.nextInt(i + 1);
    const held = x[i] as number;
    x[i] = x[j] as number;
    x[j] = held;
  }
}

/**
 * Rearranges each column's first n values in place (a permutation of its own values, so every
 * marginal is untouched) so that the Spearman rank correlations approach `targetSpearman`
 * (k×k for k columns). Method: target Spearman → Pearson by 2·sin(π·ρs/6), repaired to the
 * nearest correlation matrix if needed; van der Waerden scores Φ⁻¹(i/(n+1)) in a random order
 * per column; the scores' own sample correlation is corrected away (Iman & Conover's refinement)
 * and the target imposed by Cholesky factors; each column then takes the rank order of its scores.
 * `repaired` is true when the target was not a positive definite correlation matrix.
 */
export function imanConover(
  columns: Float64Array[],
  n: number,
  targetSpearman: readonly (readonly number[])[],
  stream: RandomStream,
): { repaired: boolean } {
  checkImanConoverInput(columns, n, targetSpearman);
  const k = columns.length;
  const target = targetSpearman.map((row, i) => row.map((value, j) => (i === j ? 1 : spearmanToPearson(value))));
  const { matrix, repaired } = nearestCorrelationMatrix(target);
  if (k < 2 || n < 2) return { repaired };
  const p = choleskyLower(matrix);
  if (!p) throw new Error('a repaired correlation matrix must have a Cholesky factor');

  const scores = normalScores(n);
  const permuted = columns.map(() => {
    const column = Float64Array.from(scores);
    shuffle(column, n, stream);
    return column;
  });

  // Scores rows r have sample correlation T = Q·Qᵀ; r·Q⁻ᵀ·Pᵀ then has correlation P·Pᵀ exactly.
  // With too few rows T can be singular: impose the target without the refinement.
  const sampleCorrelation = permuted.map((a) => permuted.map((b) => pearson(a, b, n)));
  const q = choleskyLower(sampleCorrelation);
  const transform = q ? multiply(p, invertLower(q)) : p; // lower-triangular B: new column j = Σ_{i≤j} B[j][i]·score column i
  const mixed = new Float64Array(n);
  const sorted = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    mixScores(permuted, transform[j]!, j, n, mixed);
    reorderLike(columns[j]!, mixed, n, sorted);
  }
  return { repaired };
}

/** Throws on columns shorter than n or a target that is not k×k with entries in [−1, 1]. */
function checkImanConoverInput(columns: readonly Float64Array[], n: number, targetSpearman: readonly (readonly number[])[]): void {
  const k = columns.length;
  if (targetSpearman.length !== k || targetSpearman.some((row) => row.length !== k)) {
    throw new RangeError(`imanConover needs a ${k}×${k} target for ${k} columns`);
  }
  for (const [i, column] of columns.entries()) {
    if (column.length < n) throw new RangeError(`imanConover column ${i + 1} has ${column.length} values, fewer than n = ${n}`);
  }
  for (const [i, row] of targetSpearman.entries()) {
    for (const [j, value] of row.entries()) {
      if (i !== j && !(value >= -1 && value <= 1)) {
        throw new RangeError(`a rank correlation must be between −1 and 1 (got ${value} at row ${i + 1}, column ${j + 1})`);
      }
    }
  }
}

const scoresByN = new Map<number, Float64Array>();

/** The van der Waerden scores Φ⁻¹(i / (n + 1)), i = 1 … n (the same for every chunk of n trials: made once, never written). */
function normalScores(n: number): Float64Array {
  let scores = scoresByN.get(n);
  if (!scores) {
    scores = new Float64Array(n);
    for (let i = 0; i < n; i++) scores[i] = inverseNormalCdf((i + 1) / (n + 1));
    if (scoresByN.size > 16) scoresByN.clear();
    scoresByN.set(n, scores);
  }
  return scores;
}

/** mixed = Σ_{i≤j} weights[i] · permuted[i]: column j of the scores with the target correlation. */
function mixScores(permuted: readonly Float64Array[], weights: readonly number[], j: number, n: number, mixed: Float64Array): void {
  mixed.fill(0);
  for (let i = 0; i <= j; i++) {
    const weight = weights[i]!;
    if (weight === 0) continue;
    const source = permuted[i]!;
    for (let t = 0; t < n; t++) mixed[t] = mixed[t]! + weight * source[t]!;
  }
}

/** Rearranges column[0..n) so its values have the ranks of `mixed` (`sorted` is scratch). */
function reorderLike(column: Float64Array, mixed: Float64Array, n: number, sorted: Float64Array): void {
  sorted.set(column.subarray(0, n));
  sorted.sort();
  const order = argsort(mixed, n);
  for (let r = 0; r < n; r++) column[order[r]!] = sorted[r]!;
}
