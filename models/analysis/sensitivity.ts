/**
 * What drives the spread of the total: Spearman rank correlation of each uncertain driver with
 * the total, the P50 of the total when the driver sits in its bottom and top decile, and how
 * much the P10–P90 spread would shrink if the driver were known (the average spread within
 * the driver's deciles against the overall spread) — "what to pin down next", in money.
 */
import { rank } from '../random/correlation.ts';
import type { SensitivityEntry } from '../simulate/result.ts';
import { percentilesInPlace } from '../simulate/stats.ts';

function spread(values: Float64Array): number {
  const [p10, p90] = percentilesInPlace(Float64Array.from(values), [10, 90]) as [number, number];
  return p90 - p10;
}

/** Pearson correlation of two equally long arrays. */
function pearson(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** Sensitivity of `total` to each driver's per-trial values, by |ρ| descending; `onProgress` hears (drivers done, drivers). */
export function analyzeSensitivity(total: Float64Array, drivers: ReadonlyMap<string, Float64Array>, onProgress?: (done: number, total: number) => void): SensitivityEntry[] {
  const n = total.length;
  const totalRanks = rank(total, n);
  const overall = spread(total);
  const entries: SensitivityEntry[] = [];
  for (const [driver, values] of drivers) {
    const driverRanks = rank(values, n);
    const rankCorrelation = pearson(driverRanks, totalRanks);
    // Trials by decile of the driver.
    const bins: number[][] = Array.from({ length: 10 }, () => []);
    for (let t = 0; t < n; t++) bins[Math.min(9, Math.floor(((driverRanks[t]! - 0.5) / n) * 10))]!.push(total[t]!);
    const binMedian = (bin: number[]) => (bin.length ? percentilesInPlace(Float64Array.from(bin), [50])[0]! : NaN);
    let within = 0;
    let counted = 0;
    for (const bin of bins) {
      if (bin.length >= 10) {
        within += spread(Float64Array.from(bin));
        counted++;
      }
    }
    entries.push({
      driver,
      rankCorrelation,
      p50AtLow: binMedian(bins[0]!),
      p50AtHigh: binMedian(bins[9]!),
      spreadReduction: counted ? Math.max(0, overall - within / counted) : 0,
    });
    onProgress?.(entries.length, drivers.size);
  }
  return entries.sort((a, b) => Math.abs(b.rankCorrelation) - Math.abs(a.rankCorrelation) || a.driver.localeCompare(b.driver));
}
