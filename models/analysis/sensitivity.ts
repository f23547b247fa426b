/**
 * What drives the spread of the total: Spearman rank correlation of each uncertain driver with
 * the total, the P50 of the total when the driver sits in its bottom and top decile, and how
 * much the P10–P90 spread would shrink if the driver were known (the average spread within
 * the driver's deciles against the overall spread) — "what to pin down next", in money.
 */
import { pearson, rank } from '../random/correlation.ts';
import type { SensitivityEntry } from '../simulate/result.ts';
import { percentilesInPlace } from '../simulate/stats.ts';

const DECILES = 10;

/** P90 − P10 of `values`, reordering them. */
function spreadInPlace(values: Float64Array): number {
  const [p10, p90] = percentilesInPlace(values, [10, 90]) as [number, number];
  return p90 - p10;
}

/** The decile (0–9) of a rank in 1 … n (average ranks of ties included). */
function decileOfRank(rank: number, n: number): number {
  return Math.min(DECILES - 1, Math.floor(((rank - 0.5) / n) * DECILES));
}

/** offsets[d + 1] = how many trials have their driver in decile d. */
function countDeciles(driverRanks: Float64Array, n: number, offsets: Int32Array): void {
  offsets.fill(0);
  for (let t = 0; t < n; t++) offsets[decileOfRank(driverRanks[t]!, n) + 1]!++;
}

/** Each trial's total to the next place of its driver's decile (`fill`: where each decile's next value goes). */
function groupByDecile(total: Float64Array, driverRanks: Float64Array, n: number, fill: Int32Array, grouped: Float64Array): void {
  for (let t = 0; t < n; t++) grouped[fill[decileOfRank(driverRanks[t]!, n)]!++] = total[t]!;
}

/**
 * The totals grouped by the driver's decile (trial order within each), in one array: decile d
 * holds grouped[offsets[d] … offsets[d + 1]). Typed arrays, not ten growing lists: this runs
 * for every driver over every trial; and each pass over the trials is a function of its own
 * (see "Speed notes" in docs/architecture.md).
 */
function totalsByDecile(total: Float64Array, driverRanks: Float64Array, grouped: Float64Array, offsets: Int32Array): void {
  const n = total.length;
  countDeciles(driverRanks, n, offsets);
  for (let d = 0; d < DECILES; d++) offsets[d + 1]! += offsets[d]!;
  groupByDecile(total, driverRanks, n, offsets.slice(0, DECILES), grouped);
}

/** Sensitivity of `total` to each driver's per-trial values, by |ρ| descending; `onProgress` hears (drivers done, drivers). */
export function analyzeSensitivity(total: Float64Array, drivers: ReadonlyMap<string, Float64Array>, onProgress?: (done: number, total: number) => void): SensitivityEntry[] {
  const n = total.length;
  const totalRanks = rank(total, n);
  const overall = spreadInPlace(Float64Array.from(total));
  const grouped = new Float64Array(n);
  const offsets = new Int32Array(DECILES + 1);
  const entries: SensitivityEntry[] = [];
  for (const [driver, values] of drivers) {
    const driverRanks = rank(values, n);
    const correlation = pearson(driverRanks, totalRanks, n);
    totalsByDecile(total, driverRanks, grouped, offsets);
    const decile = (d: number) => grouped.subarray(offsets[d]!, offsets[d + 1]!);
    // The medians first: the spreads below reorder each decile.
    const median = (bin: Float64Array) => (bin.length ? percentilesInPlace(bin, [50])[0]! : NaN);
    const p50AtLow = median(decile(0));
    const p50AtHigh = median(decile(DECILES - 1));
    let within = 0;
    let counted = 0;
    for (let d = 0; d < DECILES; d++) {
      const bin = decile(d);
      if (bin.length >= 10) {
        within += spreadInPlace(bin);
        counted++;
      }
    }
    entries.push({
      driver,
      // A constant driver (or total) has no rank correlation: 0, as it explains nothing.
      rankCorrelation: Number.isFinite(correlation) ? correlation : 0,
      p50AtLow,
      p50AtHigh,
      spreadReduction: counted ? Math.max(0, overall - within / counted) : 0,
    });
    onProgress?.(entries.length, drivers.size);
  }
  return entries.sort((a, b) => Math.abs(b.rankCorrelation) - Math.abs(a.rankCorrelation) || a.driver.localeCompare(b.driver));
}
