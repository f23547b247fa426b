import { describe, expect, it } from 'vitest';
import { createStream } from './prng.ts';
import { symmetricEigen } from './symmetric-eigen.ts';

describe('symmetricEigen', () => {
  it('finds the eigenvalues of small matrices with known spectra', () => {
    // [[2, 1], [1, 2]]: eigenvalues 1 and 3, eigenvectors (1, −1)/√2 and (1, 1)/√2
    const { values, vectors } = symmetricEigen([
      [2, 1],
      [1, 2],
    ]);
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(3, 14);
    expect(Math.abs(vectors[0]?.[1] as number)).toBeCloseTo(Math.SQRT1_2, 14);
    // A 3×3 equicorrelation matrix with ρ = 0.9: eigenvalues 1 − ρ (twice) and 1 + 2ρ
    const equi = symmetricEigen([
      [1, 0.9, 0.9],
      [0.9, 1, 0.9],
      [0.9, 0.9, 1],
    ]).values;
    expect(equi[0]).toBeCloseTo(0.1, 14);
    expect(equi[1]).toBeCloseTo(0.1, 14);
    expect(equi[2]).toBeCloseTo(2.8, 14);
  });

  it('reconstructs a random 30×30 symmetric matrix as V·Λ·Vᵀ with orthonormal V', () => {
    const k = 30;
    const stream = createStream(5, 'eigen');
    const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (let i = 0; i < k; i++) {
      for (let j = i; j < k; j++) {
        const value = stream.nextNormal();
        (m[i] as number[])[j] = value;
        (m[j] as number[])[i] = value;
      }
    }
    const { values, vectors } = symmetricEigen(m);
    for (let i = 1; i < k; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1] as number);
    let worstReconstruction = 0;
    let worstOrthogonality = 0;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        let reconstructed = 0;
        let dot = 0;
        for (let e = 0; e < k; e++) {
          reconstructed += (vectors[i]?.[e] as number) * (values[e] as number) * (vectors[j]?.[e] as number);
          dot += (vectors[e]?.[i] as number) * (vectors[e]?.[j] as number);
        }
        worstReconstruction = Math.max(worstReconstruction, Math.abs(reconstructed - (m[i]?.[j] as number)));
        worstOrthogonality = Math.max(worstOrthogonality, Math.abs(dot - (i === j ? 1 : 0)));
      }
    }
    expect(worstReconstruction).toBeLessThan(1e-12);
    expect(worstOrthogonality).toBeLessThan(1e-12);
  });

  it('rejects matrices that are not square or not finite', () => {
    expect(() => symmetricEigen([[1, 2], [3]])).toThrow(RangeError);
    expect(() => symmetricEigen([[Number.NaN]])).toThrow(RangeError);
  });
});
