import { describe, expect, it } from 'vitest';
import { imanConover, nearestCorrelationMatrix, pearsonToSpearman, rank, spearman, spearmanToPearson } from './correlation.ts';
import { applyQuantile, fromRange, type Distribution } from './distributions.ts';
import { createStream } from './prng.ts';
import { symmetricEigen } from './symmetric-eigen.ts';

function sample(d: Distribution, n: number, ...keys: (number | string)[]): Float64Array {
  const u = new Float64Array(n);
  createStream(2027, ...keys).fillUniform(u);
  const x = new Float64Array(n);
  applyQuantile(d, u, x, n);
  return x;
}

function sortedCopy(x: Float64Array): Float64Array {
  return Float64Array.from(x).sort();
}

function minEigenvalue(m: number[][]): number {
  return symmetricEigen(m).values[0] as number;
}

describe('Spearman ↔ Pearson for normal scores', () => {
  it('converts with 2·sin(π·ρs/6) and back with (6/π)·asin(ρ/2)', () => {
    expect(spearmanToPearson(0)).toBe(0);
    expect(spearmanToPearson(1)).toBeCloseTo(1, 15); // 2·sin(π/6) = 1
    expect(spearmanToPearson(-1)).toBeCloseTo(-1, 15);
    expect(spearmanToPearson(0.9)).toBeCloseTo(0.9079809994790935, 15); // 2·sin(0.15π)
    for (const rs of [-0.8, -0.3, 0.1, 0.5, 0.95]) expect(pearsonToSpearman(spearmanToPearson(rs))).toBeCloseTo(rs, 14);
  });
});

describe('rank and spearman', () => {
  it('gives tied values their average rank', () => {
    expect(Array.from(rank(Float64Array.from([10, 20, 20, 30, 5]), 5))).toEqual([2, 3.5, 3.5, 5, 1]);
    expect(Array.from(rank(Float64Array.from([7, 7, 7]), 3))).toEqual([2, 2, 2]);
  });

  it('is ±1 for monotone relations and matches 1 − 6·Σd²/(n(n² − 1)) without ties', () => {
    const x = Float64Array.from([1, 2, 3, 4, 5, 6]);
    expect(spearman(x, Float64Array.from([1, 8, 27, 64, 125, 216]), 6)).toBeCloseTo(1, 15);
    expect(spearman(x, Float64Array.from([6, 5, 4, 3, 2, 1]), 6)).toBeCloseTo(-1, 15);
    // ranks of y: 2, 1, 4, 3, 6, 5 → Σd² = 6 → 1 − 36/210
    expect(spearman(x, Float64Array.from([20, 10, 40, 30, 60, 50]), 6)).toBeCloseTo(1 - 36 / 210, 14);
  });

  it('uses average ranks with ties (Pearson of the ranks)', () => {
    // ranks x: 1, 2, 3, 4; y = (1, 1, 2, 3) → ranks 1.5, 1.5, 3, 4; Pearson of the ranks = 0.9486832980505138 (= 3/√10)
    expect(spearman(Float64Array.from([1, 2, 3, 4]), Float64Array.from([1, 1, 2, 3]), 4)).toBeCloseTo(3 / Math.sqrt(10), 14);
  });
});

describe('nearestCorrelationMatrix', () => {
  it('returns a valid correlation matrix unchanged', () => {
    const m = [
      [1, 0.5, 0.2],
      [0.5, 1, 0.3],
      [0.2, 0.3, 1],
    ];
    expect(nearestCorrelationMatrix(m)).toEqual({ matrix: m, repaired: false });
  });

  it('repairs a 3×3 matrix that is not positive definite into one that is', () => {
    // Smallest eigenvalue of this target is 1 − 1.8 = −0.8: no random vector has these correlations.
    const target = [
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ];
    expect(minEigenvalue(target)).toBeLessThan(0);
    const { matrix, repaired } = nearestCorrelationMatrix(target);
    expect(repaired).toBe(true);
    expect(minEigenvalue(matrix)).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) {
      expect(matrix[i]?.[i]).toBe(1);
      for (let j = 0; j < 3; j++) expect(matrix[i]?.[j]).toBe(matrix[j]?.[i]);
    }
  });

  it('finds Higham’s nearest correlation matrix for his example [[1,1,0],[1,1,1],[0,1,1]]', () => {
    // Higham (2002), section 4: the nearest correlation matrix has off-diagonals 0.7607, 0.1573, 0.7607.
    const { matrix, repaired } = nearestCorrelationMatrix([
      [1, 1, 0],
      [1, 1, 1],
      [0, 1, 1],
    ]);
    expect(repaired).toBe(true);
    expect(matrix[0]?.[1]).toBeCloseTo(0.7607, 3);
    expect(matrix[0]?.[2]).toBeCloseTo(0.1573, 3);
    expect(matrix[1]?.[2]).toBeCloseTo(0.7607, 3);
  });

  it('is at least as near as plain eigenvalue clipping with rescaling', () => {
    const target = [
      [1, 0.9, 0.7, -0.6],
      [0.9, 1, -0.3, 0.2],
      [0.7, -0.3, 1, 0.8],
      [-0.6, 0.2, 0.8, 1],
    ];
    const { matrix } = nearestCorrelationMatrix(target);
    const { values, vectors } = symmetricEigen(target);
    const clipped = target.map((row, i) =>
      row.map((_, j) => values.reduce((sum, value, e) => sum + (vectors[i]?.[e] as number) * Math.max(value, 1e-6) * (vectors[j]?.[e] as number), 0)),
    );
    const rescaled = clipped.map((row, i) => row.map((value, j) => value / Math.sqrt((clipped[i]?.[i] as number) * (clipped[j]?.[j] as number))));
    const distance = (m: number[][]) => Math.sqrt(m.reduce((sum, row, i) => sum + row.reduce((s, value, j) => s + (value - (target[i]?.[j] as number)) ** 2, 0), 0));
    expect(minEigenvalue(matrix)).toBeGreaterThan(0);
    expect(distance(matrix)).toBeLessThanOrEqual(distance(rescaled) + 1e-9);
  });

  it('symmetrises and resets the diagonal of a sloppy input, and says so', () => {
    const { matrix, repaired } = nearestCorrelationMatrix([
      [2, 0.4],
      [0.2, 1],
    ]);
    expect(repaired).toBe(true);
    expect(matrix[0]?.[0]).toBe(1);
    expect(matrix[0]?.[1]).toBeCloseTo(0.3, 12);
    expect(() => nearestCorrelationMatrix([[1, Number.NaN], [0, 1]])).toThrow(RangeError);
  });
});

describe('imanConover', () => {
  it('induces a 0.9 Spearman between two lognormals over 20,000 draws and keeps each column’s values', () => {
    const n = 20_000;
    const a = sample(fromRange(20, 45, 0.8), n, 0, 'users');
    const b = sample({ kind: 'lognormal', mu: 1, sigma: 1.1 }, n, 0, 'tokens');
    const sortedA = sortedCopy(a);
    const sortedB = sortedCopy(b);
    expect(Math.abs(spearman(a, b, n))).toBeLessThan(4 / Math.sqrt(n)); // independent before: SE ≈ 1/√n
    const { repaired } = imanConover(
      [a, b],
      n,
      [
        [1, 0.9],
        [0.9, 1],
      ],
      createStream(2027, 0, 'copula'),
    );
    expect(repaired).toBe(false);
    expect(Math.abs(spearman(a, b, n) - 0.9)).toBeLessThan(0.02);
    expect(sortedCopy(a)).toEqual(sortedA);
    expect(sortedCopy(b)).toEqual(sortedB);
  });

  it('reaches each pair of a 3×3 target with negative and zero entries', () => {
    const n = 20_000;
    const columns = [
      sample({ kind: 'normal', mean: 0, sd: 1 }, n, 'x'),
      sample({ kind: 'gamma', shape: 2, scale: 3 }, n, 'y'),
      sample({ kind: 'triangular', min: 0, mode: 1, max: 5 }, n, 'z'),
    ];
    const target = [
      [1, 0.6, -0.4],
      [0.6, 1, 0],
      [-0.4, 0, 1],
    ];
    imanConover(columns, n, target, createStream(1, 'copula'));
    for (let i = 0; i < 3; i++) {
      for (let j = i + 1; j < 3; j++) {
        expect(Math.abs(spearman(columns[i] as Float64Array, columns[j] as Float64Array, n) - (target[i]?.[j] as number))).toBeLessThan(0.02);
      }
    }
  });

  it('repairs a non-positive-definite 3×3 target and lands near the repaired matrix’s Spearman values', () => {
    const n = 20_000;
    const columns = ['a', 'b', 'c'].map((key) => sample({ kind: 'uniform', min: 0, max: 1 }, n, key));
    const target = [
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ];
    const { repaired } = imanConover(columns, n, target, createStream(3, 'copula'));
    expect(repaired).toBe(true);
    const pearsonTarget = target.map((row, i) => row.map((value, j) => (i === j ? 1 : spearmanToPearson(value))));
    const { matrix } = nearestCorrelationMatrix(pearsonTarget);
    expect(minEigenvalue(matrix)).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) {
      for (let j = i + 1; j < 3; j++) {
        const expected = pearsonToSpearman(matrix[i]?.[j] as number);
        expect(Math.abs(spearman(columns[i] as Float64Array, columns[j] as Float64Array, n) - expected), `pair ${i}, ${j}`).toBeLessThan(0.02);
      }
    }
  });

  it('handles tied columns (a yes/no driver), touches nothing past n, and is reproducible', () => {
    const n = 5000;
    const run = () => {
      const flag = new Float64Array(n + 3).fill(-7);
      flag.set(sample({ kind: 'bernoulli', p: 0.3 }, n, 'flag'));
      const cost = sample({ kind: 'lognormal', mu: 0, sigma: 1 }, n, 'cost');
      imanConover(
        [flag, cost],
        n,
        [
          [1, 0.7],
          [0.7, 1],
        ],
        createStream(4, 'copula'),
      );
      return { flag, cost };
    };
    const first = run();
    const second = run();
    expect(first).toEqual(second);
    expect(Array.from(first.flag.subarray(n))).toEqual([-7, -7, -7]);
    expect(sortedCopy(first.flag.subarray(0, n))).toEqual(sortedCopy(sample({ kind: 'bernoulli', p: 0.3 }, n, 'flag')));
    expect(sortedCopy(first.cost)).toEqual(sortedCopy(sample({ kind: 'lognormal', mu: 0, sigma: 1 }, n, 'cost')));
    // A 0/1 variable cannot reach a Spearman of 0.7 with a continuous one; it must still be strongly positive.
    expect(spearman(first.flag, first.cost, n)).toBeGreaterThan(0.5);
  });

  it('rejects targets of the wrong size or outside [−1, 1]', () => {
    const columns = [new Float64Array(10), new Float64Array(10)];
    expect(() => imanConover(columns, 10, [[1]], createStream(1))).toThrow(RangeError);
    expect(() =>
      imanConover(
        columns,
        10,
        [
          [1, 1.5],
          [1.5, 1],
        ],
        createStream(1),
      ),
    ).toThrow(RangeError);
    expect(() => imanConover(columns, 11, [[1, 0], [0, 1]], createStream(1))).toThrow(RangeError);
  });
});
