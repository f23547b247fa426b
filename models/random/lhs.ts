/**
 * Latin hypercube sampling, one dimension at a time: n uniforms, exactly one in each stratum
 * [k/n, (k+1)/n), in random order. Each driver draws its own dimension from its own stream, so
 * the strata of different drivers are paired at random — the usual LHS design — and a driver's
 * draws still depend only on its own (seed, chunk, driver) key.
 */

import type { RandomStream } from './prng.ts';

/** The largest double below 1. */
const ONE_MINUS_ULP = 1 - 2 ** -53;

/**
 * Writes n stratified uniforms into out[0..n): out[i] = (π(i) + jitter)/n for a random
 * permutation π of 0..n−1 and a uniform jitter in (0, 1); every value is in the open (0, 1).
 */
export function latinHypercube(stream: RandomStream, out: Float64Array, n: number): void {
  if (n > out.length) throw new RangeError(`latinHypercube needs room for ${n} values (got ${out.length})`);
  for (let i = 0; i < n; i++) out[i] = i;
  // Fisher–Yates: every permutation equally likely.
  for (let i = n - 1; i > 0; i--) {
    const j = stream.nextInt(i + 1);
    const held = out[i] as number;
    out[i] = out[j] as number;
    out[j] = held;
  }
  for (let i = 0; i < n; i++) {
    const value = ((out[i] as number) + stream.nextUniform()) / n;
    // For n beyond ~10⁷ the top stratum's (n − 1 + u)/n can round up to 1.
    out[i] = value < 1 ? value : ONE_MINUS_ULP;
  }
}
