/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations. Correlation
 * matrices here are at most ~50×50, where Jacobi is simple, unconditionally stable and accurate
 * to round-off even for tiny eigenvalues — the ones that decide positive definiteness.
 */

/** Eigenvalues (ascending) and orthonormal eigenvectors: vectors[i][k] is component i of eigenvector k. */
export type SymmetricEigen = { values: number[]; vectors: number[][] };

const MAX_SWEEPS = 100;

/** Eigenvalues and eigenvectors of the symmetric matrix m (only its upper triangle is read). */
export function symmetricEigen(m: readonly (readonly number[])[]): SymmetricEigen {
  const n = m.length;
  const a = new Float64Array(n * n);
  const v = new Float64Array(n * n);
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const row = m[i];
    if (!row || row.length !== n) throw new RangeError(`symmetricEigen needs a square matrix (row ${i + 1} has ${row?.length ?? 0} entries, expected ${n})`);
    for (let j = i; j < n; j++) {
      const x = row[j] as number;
      if (!Number.isFinite(x)) throw new RangeError(`symmetricEigen needs finite entries (got ${x} at row ${i + 1}, column ${j + 1})`);
      a[i * n + j] = x;
      a[j * n + i] = x;
      scale += (i === j ? 1 : 2) * x * x;
    }
    v[i * n + i] = 1;
  }
  // Stop once the off-diagonal mass is round-off relative to the whole matrix.
  const tolerance = (Number.EPSILON * Number.EPSILON * scale) / 4;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += (a[p * n + q] as number) ** 2;
    if (off <= tolerance) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q] as number;
        if (apq === 0) continue;
        const theta = ((a[q * n + q] as number) - (a[p * n + p] as number)) / (2 * apq);
        // The smaller root of t² + 2θt − 1 = 0: a rotation of at most 45°, for stability.
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p] as number;
          const akq = a[k * n + q] as number;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k] as number;
          const aqk = a[q * n + k] as number;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p] as number;
          const vkq = v[k * n + q] as number;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, k) => k).sort((x, y) => (a[x * n + x] as number) - (a[y * n + y] as number));
  return {
    values: order.map((k) => a[k * n + k] as number),
    vectors: Array.from({ length: n }, (_, i) => order.map((k) => v[i * n + k] as number)),
  };
}
