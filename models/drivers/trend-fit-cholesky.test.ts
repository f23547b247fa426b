import { describe, expect, it } from 'vitest';

import { choleskyLower, invertPositiveDefinite, solvePositiveDefinite } from './trend-fit-cholesky.ts';

function multiplyTransposed(l: readonly (readonly number[])[]): number[][] {
  return l.map((row) => l.map((other) => row.reduce((s, v, k) => s + v * (other[k] ?? 0), 0)));
}

describe('choleskyLower', () => {
  it('factors a positive-definite matrix so that L·Lᵀ = A', () => {
    const a = [
      [4, 2, 0.4],
      [2, 5, 1],
      [0.4, 1, 3],
    ];
    const l = choleskyLower(a);
    expect(l).not.toBeNull();
    const back = multiplyTransposed(l as number[][]);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(back[i]?.[j]).toBeCloseTo(a[i]?.[j] as number, 12);
    // Hand value: L₁₁ = √4, L₂₁ = 2/2, L₂₂ = √(5 − 1).
    expect(l?.[0]?.[0]).toBe(2);
    expect(l?.[1]?.[0]).toBe(1);
    expect(l?.[1]?.[1]).toBe(2);
    expect(l?.[0]?.[1]).toBe(0);
  });

  it('rejects indefinite matrices, and gives zero columns for semidefinite ones only when asked', () => {
    expect(choleskyLower([
      [1, 2],
      [2, 1],
    ])).toBeNull();
    const singular = [
      [0, 0],
      [0, 4],
    ];
    expect(choleskyLower(singular)).toBeNull();
    expect(choleskyLower(singular, true)).toEqual([
      [0, 0],
      [0, 2],
    ]);
    // A clearly negative pivot is not round-off: still rejected.
    expect(choleskyLower([
      [1, 0],
      [0, -1],
    ], true)).toBeNull();
  });
});

describe('solvePositiveDefinite and invertPositiveDefinite', () => {
  it('solve A·x = b and invert A (A·A⁻¹ = I)', () => {
    const a = [
      [4, 2],
      [2, 3],
    ];
    // det = 8: A⁻¹ = [[3, −2], [−2, 4]] / 8.
    expect(solvePositiveDefinite(a, [2, 1])?.map((v) => Number(v.toFixed(12)))).toEqual([0.5, 0]);
    const inverse = invertPositiveDefinite(a);
    expect(inverse?.[0]?.[0]).toBeCloseTo(3 / 8, 14);
    expect(inverse?.[0]?.[1]).toBeCloseTo(-2 / 8, 14);
    expect(inverse?.[1]?.[0]).toBe(inverse?.[0]?.[1]);
    expect(inverse?.[1]?.[1]).toBeCloseTo(4 / 8, 14);
    expect(invertPositiveDefinite([
      [1, 1],
      [1, 1],
    ])).toBeNull();
  });
});
