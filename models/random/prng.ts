/**
 * Seeded random streams: xoshiro128** (Blackman & Vigna) with its 128-bit state derived from a
 * key path (seed, chunk index, driver name, …). Only 32-bit integer arithmetic (Math.imul, shifts,
 * xor) is used, so every platform produces the same sequence bit for bit.
 *
 * Why a key path: a simulation splits its trials into fixed chunks and gives every (seed, chunk,
 * driver) its own stream. The numbers a driver sees then depend neither on how many workers run
 * the chunks nor on which other drivers exist or how many values they draw — which is what makes
 * results reproducible for any worker count and gives variants common random numbers.
 */

import { inverseNormalCdf } from './normal.ts';

/** A deterministic source of uniform and normal variates. */
export interface RandomStream {
  /** Next raw 32-bit output, an integer in [0, 2³²). */
  nextUint32(): number;
  /** Next uniform in the open interval (0, 1): (k + 0.5)/2³², never exactly 0 or 1. */
  nextUniform(): number;
  /** Next integer uniform on [0, bound) for an integer 1 ≤ bound ≤ 2³², without modulo bias. */
  nextInt(bound: number): number;
  /** Next standard normal variate (z-score), by the inverse CDF of one uniform. */
  nextNormal(): number;
  /** Writes n (default out.length) uniforms in (0, 1) into out[0..n). */
  fillUniform(out: Float64Array, n?: number): void;
  /** Writes n (default out.length) standard normal variates into out[0..n). */
  fillNormal(out: Float64Array, n?: number): void;
}

/** A key component of a stream: a number (seed, chunk index) or a string (driver name). */
export type StreamKey = number | string;

const TWO_POW_32 = 4294967296;
const INV_TWO_POW_32 = 1 / TWO_POW_32;
/** Bounds up to 2²¹ keep k·bound (k < 2³²) an exact double, as Lemire's method needs. */
const LEMIRE_MAX_BOUND = 2097152;
const NUMBER_TAG = 0x6e756d62;
const STRING_TAG = 0x73747269;
/** Distinct starting values for the four hash lanes (hex digits of π). */
const LANE_SEEDS = [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344] as const;

class Xoshiro128StarStar implements RandomStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
    // The all-zero state is the one fixed point of xoshiro; a key hash never produces it in practice.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  nextUint32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  nextUniform(): number {
    return (this.nextUint32() + 0.5) * INV_TWO_POW_32;
  }

  nextInt(bound: number): number {
    if (!(bound >= 1 && bound <= TWO_POW_32) || Math.floor(bound) !== bound) {
      throw new RangeError(`nextInt needs an integer bound in [1, 2^32] (got ${bound})`);
    }
    if (bound <= LEMIRE_MAX_BOUND) {
      // Lemire's multiply-shift: k·bound is exact below 2⁵³; its high word is the draw and its
      // low word decides, rarely, whether k fell in the biased remainder and must be redrawn.
      for (;;) {
        const product = this.nextUint32() * bound;
        const high = Math.floor(product * INV_TWO_POW_32);
        const low = product - high * TWO_POW_32;
        if (low >= bound || low >= (TWO_POW_32 - bound) % bound) return high;
      }
    }
    // Reject the top partial block of 2³² so every residue is equally likely.
    const limit = TWO_POW_32 - (TWO_POW_32 % bound);
    for (;;) {
      const k = this.nextUint32();
      if (k < limit) return k % bound;
    }
  }

  nextNormal(): number {
    return inverseNormalCdf(this.nextUniform());
  }

  fillUniform(out: Float64Array, n: number = out.length): void {
    // State in locals: the loop then runs on registers instead of object fields.
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    const count = Math.min(n, out.length);
    for (let i = 0; i < count; i++) {
      const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      out[i] = ((result >>> 0) + 0.5) * INV_TWO_POW_32;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  fillNormal(out: Float64Array, n: number = out.length): void {
    const count = Math.min(n, out.length);
    this.fillUniform(out, count);
    for (let i = 0; i < count; i++) out[i] = inverseNormalCdf(out[i] as number);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** MurmurHash3's 32-bit finaliser (also splitmix32's output mix): full avalanche of one word. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** One MurmurHash3 block step: mixes the 32-bit word w into the running hash h. */
function absorb(h: number, w: number): number {
  let k = Math.imul(w, 0xcc9e2d51);
  k = rotl(k, 15);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = rotl(h, 13);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

const float64Bits = new DataView(new ArrayBuffer(8));

/**
 * Appends an injective word encoding of one key: a type tag, then for a number the two words of
 * its IEEE-754 bit pattern (little-endian, fixed, so platform independent) and for a string its
 * length and UTF-16 code units, two per word. Tags and lengths keep ('ab') ≠ ('a', 'b') ≠ (1).
 */
function encodeKey(key: StreamKey, words: number[]): void {
  if (typeof key === 'number') {
    if (!Number.isFinite(key)) throw new RangeError(`a stream key must be a finite number (got ${key})`);
    float64Bits.setFloat64(0, key === 0 ? 0 : key, true); // one encoding for 0 and −0
    words.push(NUMBER_TAG, float64Bits.getUint32(0, true), float64Bits.getUint32(4, true));
    return;
  }
  words.push(STRING_TAG, key.length);
  for (let i = 0; i < key.length; i += 2) {
    words.push(key.charCodeAt(i) | ((i + 1 < key.length ? key.charCodeAt(i + 1) : 0) << 16));
  }
}

/**
 * The stream for a key path, e.g. createStream(seed, chunkIndex, driverName). Equal paths give
 * equal sequences; any difference in any component gives an unrelated sequence.
 */
export function createStream(seed: number, ...keys: StreamKey[]): RandomStream {
  const words: number[] = [];
  encodeKey(seed, words);
  for (const key of keys) encodeKey(key, words);
  // Four hash lanes with different starting values give 128 bits of key material, so distinct
  // paths collide with probability ~2⁻¹²⁸ rather than the ~2⁻³² of a single 32-bit hash (which a
  // run with 10⁵ (chunk, driver) streams would already hit about once).
  const state = LANE_SEEDS.map((laneSeed) => {
    let h: number = laneSeed;
    for (const w of words) h = absorb(h, w);
    return fmix32(h ^ words.length);
  });
  return new Xoshiro128StarStar(state[0] as number, state[1] as number, state[2] as number, state[3] as number);
}

/** A stream started from a raw xoshiro128** state (four 32-bit words), e.g. to check the reference sequence. */
export function createStreamFromState(s0: number, s1: number, s2: number, s3: number): RandomStream {
  return new Xoshiro128StarStar(s0, s1, s2, s3);
}
