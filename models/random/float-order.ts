/**
 * Ordering doubles by their IEEE-754 bits: a stable argsort (LSD radix) and exact order
 * statistics (histogram selection). Both give exactly what a comparison sort gives — the same
 * permutation for argsort (ties by index, −0 equal to 0), the same k-th smallest values — but
 * in a few linear passes instead of n·log n comparator calls, which is what keeps ranking
 * 100,000 trials per driver and 7 percentiles of every month of every series affordable.
 *
 * The key of a double is its bit pattern with the sign bit flipped for positives and every bit
 * flipped for negatives: as unsigned integers, keys then order like the values. NaN has no place
 * in an order; it gets a key above +Infinity here (comparison sorts leave it anywhere).
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Index of the high (sign, exponent, top mantissa) word of a double within its two 32-bit words. */
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = 1 - HI;

const DIGIT_BITS = 11;
const DIGIT_RADIX = 1 << DIGIT_BITS;
const DIGIT_MASK = DIGIT_RADIX - 1;
/** Runs of equal high keys up to this length are finished by insertion sort. */
const INSERTION_RUN = 24;

let keysA = new Uint32Array(0);
let keysB = new Uint32Array(0);
let lowA = new Uint32Array(0);
let orderB = new Uint32Array(0);
const digitCounts = new Uint32Array(3 * DIGIT_RADIX);

function ensureScratch(n: number): void {
  if (keysA.length >= n) return;
  const size = Math.max(n, keysA.length * 2);
  keysA = new Uint32Array(size);
  keysB = new Uint32Array(size);
  lowA = new Uint32Array(size);
  orderB = new Uint32Array(size);
}

/** The 32-bit words of x[0..n) (x's buffer may be shared or a view at any 8-byte offset). */
function wordsOf(x: Float64Array, n: number): Int32Array {
  return new Int32Array(x.buffer, x.byteOffset, 2 * n);
}

/**
 * Indices 0..n−1 ordered by x ascending, ties by index: the permutation of
 * `order.sort((a, b) => x[a] − x[b] || a − b)`. Radix passes on the high 32 bits of each key,
 * then the rare runs of equal high words are ordered by the low word.
 */
export function argsort(x: Float64Array, n: number): Uint32Array {
  const order = new Uint32Array(n);
  if (n === 0) return order;
  ensureScratch(n);
  const words = wordsOf(x, n);
  const hiKeys = keysA;
  const counts = digitCounts;
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    let h = words[2 * i + HI]!;
    const l = words[2 * i + LO]!;
    // −0 sorts as 0 (they compare equal); NaN above everything.
    if (h === -2147483648 && l === 0) h = 0;
    let key = h < 0 ? ~h >>> 0 : (h ^ -2147483648) >>> 0;
    if (x[i] !== x[i]) key = 0xffffffff;
    hiKeys[i] = key;
    counts[key & DIGIT_MASK]!++;
    counts[DIGIT_RADIX + ((key >>> DIGIT_BITS) & DIGIT_MASK)]!++;
    counts[2 * DIGIT_RADIX + (key >>> (2 * DIGIT_BITS))]!++;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  // Stable counting passes, low digit first; a digit shared by every key needs no pass.
  let srcKeys = hiKeys;
  let srcOrder = order;
  let dstKeys = keysB;
  let dstOrder = orderB;
  for (let pass = 0; pass < 3; pass++) {
    const base = pass * DIGIT_RADIX;
    const shift = pass * DIGIT_BITS;
    const firstKey = srcKeys[0]!;
    if (counts[base + (pass === 2 ? firstKey >>> shift : (firstKey >>> shift) & DIGIT_MASK)] === n) continue;
    let sum = 0;
    for (let d = 0; d < DIGIT_RADIX; d++) {
      const c = counts[base + d]!;
      counts[base + d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const key = srcKeys[i]!;
      const d = pass === 2 ? key >>> shift : (key >>> shift) & DIGIT_MASK;
      const at = counts[base + d]!++;
      dstKeys[at] = key;
      dstOrder[at] = srcOrder[i]!;
    }
    [srcKeys, dstKeys] = [dstKeys, srcKeys];
    [srcOrder, dstOrder] = [dstOrder, srcOrder];
  }
  if (srcOrder !== order) order.set(srcOrder.subarray(0, n));
  const sortedKeys = srcKeys;
  // Equal high words: order each run by the low word (stable, so ties stay by index).
  const low = lowA;
  for (let start = 0; start < n; ) {
    const key = sortedKeys[start]!;
    let end = start + 1;
    while (end < n && sortedKeys[end] === key) end++;
    if (end - start > 1 && key !== 0xffffffff) orderRunByLowWord(x, words, order, low, start, end, key < 0x80000000);
    start = end;
  }
  return order;
}

/** Orders order[start..end) (equal high keys) by the low word, keeping index order among equals. */
function orderRunByLowWord(x: Float64Array, words: Int32Array, order: Uint32Array, low: Uint32Array, start: number, end: number, negative: boolean): void {
  let sorted = true;
  for (let i = start; i < end; i++) {
    const j = order[i]!;
    // Negative values order by descending magnitude: flip the low word too. −0 was mapped to 0.
    const w = words[2 * j + LO]! >>> 0;
    low[i] = negative ? ~w >>> 0 : x[j] === 0 ? 0 : w;
    if (i > start && low[i]! < low[i - 1]!) sorted = false;
  }
  if (sorted) return;
  if (end - start <= INSERTION_RUN) {
    for (let i = start + 1; i < end; i++) {
      const key = low[i]!;
      const index = order[i]!;
      let j = i - 1;
      while (j >= start && low[j]! > key) {
        low[j + 1] = low[j]!;
        order[j + 1] = order[j]!;
        j--;
      }
      low[j + 1] = key;
      order[j + 1] = index;
    }
    return;
  }
  const run = Array.from({ length: end - start }, (_, k) => k);
  const keys = low.slice(start, end);
  const indices = order.slice(start, end);
  run.sort((a, b) => keys[a]! - keys[b]! || indices[a]! - indices[b]!);
  for (let k = 0; k < run.length; k++) order[start + k] = indices[run[k]!]!;
}

// ---------------------------------------------------------------------------------------------
// Order statistics.

let histogram = new Uint32Array(0);
let marks = new Int32Array(0);
let gathered = new Float64Array(0);

/** Samples smaller than this are selected by quickselect on a copy. */
const HISTOGRAM_FROM = 2048;
/** Bins of the histogram (at most). */
const MAX_BIN_BITS = 13;
/** Every this many values one goes into the sample that sets the histogram's range. */
const RANGE_STRIDE = 16;

/** Signed 32-bit key of a double's high word: positives as they are, negatives with their magnitude bits flipped. */
function signedKey(h: number): number {
  return h ^ ((h >> 31) & 0x7fffffff);
}

/**
 * The k-th smallest values of x (0-based ranks `ks`, ascending, each in [0, n)), x untouched.
 * Exact: the high words of a strided sample set a key range, split into up to 2¹³ equal bins
 * (so the resolution adapts to the data: a month's spend spread over a few octaves gets
 * thousands of bins per octave; values outside the range fall into the end bins); one pass
 * counts every value into its bin, one gathers the few values of the bins that hold a wanted
 * rank, and those small groups are ordered by quickselect.
 */
export function orderStatistics(x: Float64Array, ks: readonly number[]): number[] {
  if (x.length < HISTOGRAM_FROM) return selectByQuickselect(Float64Array.from(x), ks);
  return histogramOrderStatistics(x, ks);
}

/**
 * Mean, sample standard deviation (two-pass: the mean, then the squared deviations from it) and
 * the order statistics `ks` of x, in the same two passes over the data; x untouched.
 */
export function momentsAndOrderStatistics(x: Float64Array, ks: readonly number[]): { mean: number; sd: number; values: number[] } {
  const n = x.length;
  if (n < HISTOGRAM_FROM) {
    const { mean, sd } = moments(x);
    return { mean, sd, values: selectByQuickselect(Float64Array.from(x), ks) };
  }
  return histogramMomentsAndOrderStatistics(x, ks);
}

/** Mean and sample standard deviation, two-pass (exact to rounding for sums of money, unlike Σx² − n·mean²). */
export function moments(x: Float64Array): { mean: number; sd: number } {
  const n = x.length;
  if (n === 0) return { mean: NaN, sd: 0 };
  // Sums of x − x₀: a constant sample then has its value as the mean exactly and an sd of 0.
  const origin = x[0]!;
  let s0 = 0;
  let s1 = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    s0 += x[i]! - origin;
    s1 += x[i + 1]! - origin;
  }
  if (i < n) s0 += x[i]! - origin;
  const mean = origin + (s0 + s1) / n;
  let q0 = 0;
  let q1 = 0;
  for (i = 0; i + 1 < n; i += 2) {
    const d0 = x[i]! - mean;
    const d1 = x[i + 1]! - mean;
    q0 += d0 * d0;
    q1 += d1 * d1;
  }
  if (i < n) {
    const d = x[i]! - mean;
    q0 += d * d;
  }
  return { mean, sd: n > 1 ? Math.sqrt((q0 + q1) / (n - 1)) : 0 };
}

/** The bins of a histogram selection: keys [low, high] in 2^shift-wide bins 1 … last + 1, bin 0 below, last + 2 above. */
interface BinGrid {
  low: number;
  high: number;
  shift: number;
  last: number;
}

/*
 * The smallest and the largest key among every RANGE_STRIDE-th value (high words only), zeros
 * left out. Keys are linear in the exponent, so a zero among positive values (a workload idle in
 * some trials) would stretch the range down over every exponent below the data's and leave the
 * data a few dozen bins; the zeros fall into the bin below the range instead. Two loops that
 * return a number, not one returning an object: V8 compiles such a loop while it runs, and code
 * compiled inside the loop would be thrown away at the object made after it, call after call.
 */

/** Keys of +0 and −0 (with the denormals that share their high words). */
const ZERO_KEY = 0;
const NEGATIVE_ZERO_KEY = -1;

function sampledKeyMin(words: Int32Array, n: number): number {
  let min = 2147483647;
  for (let i = HI; i < 2 * n; i += 2 * RANGE_STRIDE) {
    const key = signedKey(words[i]!);
    if (key < min && key !== ZERO_KEY && key !== NEGATIVE_ZERO_KEY) min = key;
  }
  return min;
}

function sampledKeyMax(words: Int32Array, n: number): number {
  let max = -2147483648;
  for (let i = HI; i < 2 * n; i += 2 * RANGE_STRIDE) {
    const key = signedKey(words[i]!);
    if (key > max && key !== ZERO_KEY && key !== NEGATIVE_ZERO_KEY) max = key;
  }
  return max;
}

/** Counts every value into its bin. */
function countBins(words: Int32Array, n: number, counts: Uint32Array, grid: BinGrid): void {
  const { low, high, shift, last } = grid;
  for (let i = HI; i < 2 * n; i += 2) {
    const key = signedKey(words[i]!);
    counts[key < low ? 0 : key > high ? last + 2 : 1 + ((key - low) >>> shift)]!++;
  }
}

/** countBins and the mean in the same pass (as in moments(): sums of x − x₀, two at a time). */
function countBinsAndMean(x: Float64Array, words: Int32Array, n: number, counts: Uint32Array, grid: BinGrid): number {
  const { low, high, shift, last } = grid;
  const origin = x[0]!;
  let s0 = 0;
  let s1 = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    s0 += x[i]! - origin;
    s1 += x[i + 1]! - origin;
    const k0 = signedKey(words[2 * i + HI]!);
    const k1 = signedKey(words[2 * i + 2 + HI]!);
    counts[k0 < low ? 0 : k0 > high ? last + 2 : 1 + ((k0 - low) >>> shift)]!++;
    counts[k1 < low ? 0 : k1 > high ? last + 2 : 1 + ((k1 - low) >>> shift)]!++;
  }
  if (i < n) {
    s0 += x[i]! - origin;
    const k = signedKey(words[2 * i + HI]!);
    counts[k < low ? 0 : k > high ? last + 2 : 1 + ((k - low) >>> shift)]!++;
  }
  return origin + (s0 + s1) / n;
}

/** Copies the values of the marked bins (mark g + 1: group g) to their group's next place in `gathered`. */
function gatherMarked(x: Float64Array, words: Int32Array, n: number, grid: BinGrid, fill: number[]): void {
  const { low, high, shift, last } = grid;
  for (let i = 0; i < n; i++) {
    const key = signedKey(words[2 * i + HI]!);
    const g = marks[key < low ? 0 : key > high ? last + 2 : 1 + ((key - low) >>> shift)]!;
    if (g !== 0) gathered[fill[g - 1]!++] = x[i]!;
  }
}

/** gatherMarked and the sample standard deviation about `mean` in the same pass (two at a time, as in moments()). */
function gatherMarkedAndSd(x: Float64Array, words: Int32Array, n: number, grid: BinGrid, fill: number[], mean: number): number {
  const { low, high, shift, last } = grid;
  let q0 = 0;
  let q1 = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const x0 = x[i]!;
    const x1 = x[i + 1]!;
    const d0 = x0 - mean;
    const d1 = x1 - mean;
    q0 += d0 * d0;
    q1 += d1 * d1;
    const k0 = signedKey(words[2 * i + HI]!);
    const k1 = signedKey(words[2 * i + 2 + HI]!);
    const g0 = marks[k0 < low ? 0 : k0 > high ? last + 2 : 1 + ((k0 - low) >>> shift)]!;
    if (g0 !== 0) gathered[fill[g0 - 1]!++] = x0;
    const g1 = marks[k1 < low ? 0 : k1 > high ? last + 2 : 1 + ((k1 - low) >>> shift)]!;
    if (g1 !== 0) gathered[fill[g1 - 1]!++] = x1;
  }
  if (i < n) {
    const v = x[i]!;
    const d = v - mean;
    q0 += d * d;
    const k = signedKey(words[2 * i + HI]!);
    const g = marks[k < low ? 0 : k > high ? last + 2 : 1 + ((k - low) >>> shift)]!;
    if (g !== 0) gathered[fill[g - 1]!++] = v;
  }
  return n > 1 ? Math.sqrt((q0 + q1) / (n - 1)) : 0;
}

/** The bin grid of x's keys (from a strided sample), with the histogram cleared for it. */
function binGridOf(words: Int32Array, n: number): BinGrid {
  let min = sampledKeyMin(words, n);
  let max = sampledKeyMax(words, n);
  // Every sampled value a zero: a grid of the zero key alone (anything else falls below or above it).
  if (min > max) min = max = ZERO_KEY;
  const range = max - min;
  const binBits = Math.min(MAX_BIN_BITS, Math.max(8, Math.floor(Math.log2(n)) - 3));
  const spanBits = range === 0 ? 0 : Math.floor(Math.log2(range)) + 1;
  const shift = Math.max(0, spanBits - binBits);
  const last = Math.floor(range / 2 ** shift);
  // Two extra bins take the values below and above the sampled range.
  const bins = last + 3;
  if (histogram.length < bins) {
    histogram = new Uint32Array((1 << MAX_BIN_BITS) + 3);
    marks = new Int32Array((1 << MAX_BIN_BITS) + 3);
  }
  histogram.fill(0, 0, bins);
  return { low: min, high: max, shift, last };
}

/** The bins holding the wanted ranks, as groups (marked in `marks`), and where each group's values go in `gathered`. */
interface RankGroups {
  /** Per wanted rank, its bin. */
  binOf: number[];
  /** Per group: its bin, how many values lie below it, and where its values start in `gathered`. */
  bins: number[];
  below: number[];
  offsets: number[];
  /** Next free place of each group while gathering. */
  fill: number[];
}

/** Finds each wanted rank's bin from the counts, marks those bins and makes room to gather their values. */
function rankGroupsOf(ks: readonly number[]): RankGroups {
  const counts = histogram;
  const binOf: number[] = [];
  const bins: number[] = [];
  const belowOf: number[] = [];
  let below = 0;
  let bin = 0;
  for (const k of ks) {
    while (below + counts[bin]! <= k) below += counts[bin++]!;
    binOf.push(bin);
    if (bins[bins.length - 1] !== bin) {
      bins.push(bin);
      belowOf.push(below);
    }
  }
  const offsets: number[] = [];
  let total = 0;
  for (let g = 0; g < bins.length; g++) {
    offsets.push(total);
    total += counts[bins[g]!]!;
    marks[bins[g]!] = g + 1;
  }
  if (gathered.length < total) gathered = new Float64Array(Math.max(total, gathered.length * 2));
  return { binOf, bins, below: belowOf, offsets, fill: offsets.slice() };
}

/** The wanted order statistics from the gathered groups (small: ordered by quickselect), marks cleared. */
function selectInGroups(ks: readonly number[], groups: RankGroups): number[] {
  for (const b of groups.bins) marks[b] = 0;
  const values = new Array<number>(ks.length);
  for (let g = 0, j = 0; g < groups.bins.length; g++) {
    const size = histogram[groups.bins[g]!]!;
    const group = gathered.subarray(groups.offsets[g]!, groups.offsets[g]! + size);
    const local: number[] = [];
    const first = j;
    while (j < ks.length && groups.binOf[j] === groups.bins[g]) local.push(ks[j++]! - groups.below[g]!);
    const found = sameValue(group) ? local.map(() => group[0]!) : selectByQuickselect(group, local);
    for (let k = 0; k < found.length; k++) values[first + k] = found[k]!;
  }
  return values;
}

/*
 * The histogram selection (see orderStatistics) is a few small functions of one pass each, and
 * the two uses below are separate functions: V8 then compiles each once and small, where one
 * long function serving both was recompiled pass after pass and use after use.
 */

function histogramOrderStatistics(x: Float64Array, ks: readonly number[]): number[] {
  const n = x.length;
  const words = wordsOf(x, n);
  const grid = binGridOf(words, n);
  countBins(words, n, histogram, grid);
  const groups = rankGroupsOf(ks);
  gatherMarked(x, words, n, grid, groups.fill);
  return selectInGroups(ks, groups);
}

function histogramMomentsAndOrderStatistics(x: Float64Array, ks: readonly number[]): { mean: number; sd: number; values: number[] } {
  const n = x.length;
  const words = wordsOf(x, n);
  const grid = binGridOf(words, n);
  const mean = countBinsAndMean(x, words, n, histogram, grid);
  const groups = rankGroupsOf(ks);
  const sd = gatherMarkedAndSd(x, words, n, grid, groups.fill, mean);
  return { mean, sd, values: selectInGroups(ks, groups) };
}

/** True when every value of a (at least one) is the same: a bin of a discrete or constant sample, or the whole sample. */
export function sameValue(a: Float64Array): boolean {
  const first = a[0]!;
  for (let i = 1; i < a.length; i++) if (a[i] !== first) return false;
  return a.length > 0;
}

/** Partially orders a[lo..hi] so that a[k] holds the k-th smallest (quickselect, median-of-three pivot). */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of three as the pivot guards against sorted or constant input.
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const tmp = a[i]!;
        a[i] = a[j]!;
        a[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * Places every order statistic in `ks` (sorted ascending) at its index: select the middle
 * one, then recurse on each side within its half — about N·log₂(#ks) work instead of N·#ks.
 */
function multiSelect(a: Float64Array, ks: readonly number[], from: number, to: number, lo: number, hi: number): void {
  if (from > to || lo > hi) return;
  const middle = (from + to) >> 1;
  const k = ks[middle]!;
  select(a, k, lo, hi);
  multiSelect(a, ks, from, middle - 1, lo, k - 1);
  multiSelect(a, ks, middle + 1, to, k + 1, hi);
}

/** The k-th smallest of `a` for each k of `ks` (ascending), reordering `a`. */
export function selectByQuickselect(a: Float64Array, ks: readonly number[]): number[] {
  multiSelect(a, ks, 0, ks.length - 1, 0, a.length - 1);
  return ks.map((k) => a[k]!);
}
