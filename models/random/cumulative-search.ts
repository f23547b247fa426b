/**
 * Inverse-CDF lookup in a table of cumulative probabilities, in O(1) expected time through a
 * guide table (Chen & Asau, 1974): bucket g of the guide stores the first index whose cumulative
 * probability reaches g/G, so a lookup starts next to its answer and walks a step or two.
 */

/**
 * A function returning, for a probability u in [0, 1], the smallest index i with cdf[i] ≥ u.
 * `cdf` must be nondecreasing, non-empty and end at 1; it is used as given (not copied).
 */
export function createCumulativeSearch(cdf: Float64Array): (u: number) => number {
  const size = cdf.length;
  if (size === 0) throw new RangeError('a cumulative table needs at least one entry');
  const last = size - 1;
  const guide = new Uint32Array(size);
  let index = 0;
  for (let g = 0; g < size; g++) {
    const threshold = g / size;
    while (index < last && (cdf[index] as number) < threshold) index++;
    guide[g] = index;
  }
  return (u: number): number => {
    let bucket = Math.floor(u * size);
    if (bucket >= size) bucket = last;
    else if (!(bucket >= 0)) bucket = 0; // u < 0 or NaN
    let i = guide[bucket] as number;
    while (i < last && (cdf[i] as number) < u) i++;
    return i;
  };
}
