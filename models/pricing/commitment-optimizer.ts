/**
 * The commitment optimizer: per GPU type, the committed GPU-hours per month of each term that
 * minimise the expected horizon cost (or its P90), holding the plan's spot choices; and the
 * commitment curve (cost against the committed level) the Pricing view draws.
 *
 * Why it is exact and fast. gpuMonthCost serves steady demand s first and spot-eligible
 * demand f second from K committed hours, so a trial-month's cost beyond the commitment
 * payment is two hinges in K:
 *   h(K) = (p − q)·max(s − K, 0) + q·max(s + f − K, 0),
 * with p the on-demand price and q·f the cost gpuMonthCost gives the spot-eligible demand with
 * no commitment (spot with overhead and availability, or on-demand). The expected cost is then
 * convex and piecewise linear in K (while q ≤ p), and its minimum is where the marginal saving
 * Σ weights of hinge points above K falls to the committed rate × trial-months: a weighted
 * quantile of the hinge points, found with histograms in linear time. For one GPU type, one
 * term and no spot this is the (1 − r/p) quantile of monthly demand. A grid of levels is priced
 * for every trial in one pass by accumulating each hinge's intercept and slope at the first grid
 * level it stops touching (the curve, and the P90 search).
 *
 * Terms. Commitments start in the first month and are bought in whole terms only, renewed at
 * the same level while a whole term still fits the horizon: no money is owed after the horizon,
 * so every strategy total is complete. A term longer than the horizon is not sized. Both terms
 * are sized jointly (see optimizeExpectedCost); in reports the 3-year layer is the base and the
 * 1-year layer sits on top of it.
 */
import { selectByQuickselect } from '../random/float-order.ts';
import { series } from '../simulate/collect.ts';
import type { SeriesStore } from '../simulate/series-store.ts';
import { interpolateAt, percentilePosition, percentilesInPlace } from '../simulate/stats.ts';
import { commitmentPayment, committedHours, gpuMonthCost, gpuMonthCostWith, type CommitmentLayer, type GpuMix } from './gpu-cost.ts';
import { TERM_MONTHS } from './plan-mix.ts';

export type Term = keyof typeof TERM_MONTHS;

/** Terms in layering order: the base layer first. */
export const TERMS: readonly Term[] = ['3y', '1y'];

/** Per-trial-month GPU-hour demand of one GPU type (month-major: index m·N + t). */
export interface GpuDemand {
  gpu: string;
  trials: number;
  months: number;
  /** GPU-hours that run on demand or on commitments. */
  steady: Float64Array;
  /** Spot-eligible GPU-hours. */
  flexible: Float64Array;
  /** Spot interruption overhead (share) and availability (share), null when the plan has no spot. */
  overhead: Float64Array | null;
  availability: Float64Array | null;
  /** Per trial: GPU-hours over the horizon. */
  hours: Float64Array;
  /** True when a workload of this GPU type may run on spot (else `flexible` is all zeros and is not read). */
  spotEligible: boolean;
}

/** What the optimizer sizes for one GPU type. */
export interface CommitmentProblem {
  demand: GpuDemand;
  /** On-demand price and the plan's spot choice, without commitments. */
  mix: GpuMix;
  /** Committed price per GPU-hour by term; null where none is offered. */
  rates: Readonly<Record<Term, number | null>>;
  /**
   * gpuMonthCost (money) of each trial-month's spot-eligible demand alone under `mix`, or null
   * when no demand is spot-eligible: the second hinge's price (see spotExposureOf).
   */
  flexibleCost: Float64Array | null;
}

/** One sized commitment: a level held from the first month for `months` months (whole terms). */
export interface CommitmentChoice {
  term: Term;
  gpuHoursPerMonth: number;
  /** Price per committed GPU-hour. */
  rate: number;
  months: number;
}

/** A point of the commitment curve: the horizon total (all spend) at one committed level. */
export interface CommitmentCurvePoint {
  gpuHoursPerMonth: number;
  expectedCost: number;
  p90Cost: number;
}

export interface CommitmentCurve {
  gpu: string;
  term: Term;
  points: CommitmentCurvePoint[];
  /** The optimizer's level (GPU-hours per month), one of the points. */
  optimum: number;
  /** The scenario's configured level for this GPU type and term (a point too), or null. */
  configured: number | null;
}

/** How a sized commitment performs: saving against the same plan without it, and idle risk. */
export interface CommitmentOutcome extends CommitmentChoice {
  /** Mean horizon saving (money) of this layer over the plan holding only the layers below it. */
  expectedSaving: number;
  /** Share of covered trial-months whose demand is below the committed hours up to this layer. */
  probabilityUnderUsed: number;
}

/**
 * The per-trial-month demand of a GPU type from the assembled store, with its horizon GPU-hours
 * per trial (one pass). `spotEligible`: whether any of its workloads may run on spot (when not,
 * the spot-eligible series is all zeros and is not read again).
 */
export function gpuDemandOf(store: SeriesStore, gpu: string, spotEligible: boolean): GpuDemand {
  const { trials: N, months: M } = store;
  const steady = store.trialMonth(series.gpuSteady(gpu)) ?? new Float64Array(N * M);
  const flexible = store.trialMonth(series.gpuFlexible(gpu)) ?? new Float64Array(N * M);
  const hours = new Float64Array(N);
  for (let m = 0; m < M; m++) {
    const base = m * N;
    if (spotEligible) for (let t = 0; t < N; t++) hours[t] = hours[t]! + steady[base + t]! + flexible[base + t]!;
    else for (let t = 0; t < N; t++) hours[t] = hours[t]! + steady[base + t]!;
  }
  return {
    gpu,
    trials: N,
    months: M,
    steady,
    flexible,
    overhead: store.trialMonth(series.spotOverhead) ?? null,
    availability: store.trialMonth(series.spotAvailability) ?? null,
    hours,
    spotEligible,
  };
}

/** A pricing mix with one property order, so every mix shares one shape in gpuMonthCost's hot loop. */
export function mixOf(onDemand: number, spot: number | null, commitments: readonly CommitmentLayer[]): GpuMix {
  return { onDemand, spot, commitments };
}

const UNIT_ON_DEMAND: GpuMix = mixOf(1, 0, []);
const UNIT_SPOT: GpuMix = mixOf(0, 1, []);

/** Horizon GPU-hours per trial paid at each price, and each trial-month's spot-eligible cost. */
export interface SpotExposure {
  /** Per trial: GPU-hours paid at the on-demand price (steady demand and what spot cannot serve). */
  onDemandHours: Float64Array;
  /** Per trial: GPU-hours paid at the spot price, interruption overhead included. */
  spotHours: Float64Array;
  /** Per trial-month: the spot-eligible demand's cost alone under the exposure's mix (money). */
  flexibleCost: Float64Array;
}

/** Per-trial horizon cost (money) of one GPU type's demand under a mix, month by month with gpuMonthCost. */
export function gpuHorizonCost(demand: GpuDemand, mix: GpuMix): Float64Array {
  const { trials: N, months: M, steady, flexible, overhead, availability, spotEligible } = demand;
  const out = new Float64Array(N);
  const priced = mixOf(mix.onDemand, mix.spot, mix.commitments);
  for (let m = 0; m < M; m++) {
    const base = m * N;
    const committed = committedHours(priced, m);
    const payment = commitmentPayment(priced, m);
    if (!spotEligible) {
      // Without spot-eligible demand, overhead and availability change nothing.
      for (let t = 0; t < N; t++) out[t] = out[t]! + gpuMonthCostWith(steady[base + t]!, 0, committed, payment, priced, 0, 1);
      continue;
    }
    for (let t = 0; t < N; t++) {
      const i = base + t;
      out[t] = out[t]! + gpuMonthCostWith(steady[i]!, flexible[i]!, committed, payment, priced, overhead ? overhead[i]! : 0, availability ? availability[i]! : 1);
    }
  }
  return out;
}

/**
 * Spot exposures of a GPU type under `mix` (which has spot and no commitments), null when none
 * of its demand is spot-eligible or the mix has no spot: gpuMonthCost of the spot-eligible
 * demand at unit prices, since with nothing committed the cost is linear in the on-demand and
 * spot prices, so any provider's prices apply by multiplication.
 */
export function spotExposureOf(demand: GpuDemand, mix: GpuMix): SpotExposure | null {
  const { trials: N, months: M, steady, flexible, overhead, availability } = demand;
  if (mix.spot === null || !demand.spotEligible) return null;
  const onDemandHours = new Float64Array(N);
  const spotHours = new Float64Array(N);
  const flexibleCost = new Float64Array(N * M);
  for (let m = 0; m < M; m++) {
    for (let t = 0; t < N; t++) {
      const i = m * N + t;
      const f = flexible[i]!;
      let paidOnDemand = 0;
      let paidSpot = 0;
      if (f > 0) {
        const o = overhead ? overhead[i]! : 0;
        const a = availability ? availability[i]! : 1;
        paidOnDemand = gpuMonthCost(0, f, m, UNIT_ON_DEMAND, o, a);
        paidSpot = gpuMonthCost(0, f, m, UNIT_SPOT, o, a);
      }
      flexibleCost[i] = mix.onDemand * paidOnDemand + mix.spot * paidSpot;
      onDemandHours[t] = onDemandHours[t]! + steady[i]! + paidOnDemand;
      spotHours[t] = spotHours[t]! + paidSpot;
    }
  }
  return { onDemandHours, spotHours, flexibleCost };
}

/** Months a term's commitment covers from month 0 in whole terms; 0 when the horizon is shorter than the term. */
export function coveredMonths(term: Term, horizonMonths: number): number {
  const length = TERM_MONTHS[term];
  return Math.floor(horizonMonths / length) * length;
}

/** The commitment layers (for gpuMonthCost) of a set of choices; zero levels are left out. */
export function layersOf(choices: readonly CommitmentChoice[]): CommitmentLayer[] {
  return choices
    .filter((c) => c.gpuHoursPerMonth > 0)
    .map((c) => ({ hours: c.gpuHoursPerMonth, rate: c.rate, fromMonth: 0, toMonth: c.months - 1 }));
}

// ---------------------------------------------------------------------------------------------
// Hinges: a trial-month's cost as a function of the committed hours. With f spot-eligible
// hours costing q·f, a weight of p − q sits at the steady demand s and q at s + f; with no spot
// price q = p and a single weight p sits at s + f.

interface Hinges {
  trials: number;
  steady: Float64Array;
  /** Null when no demand is spot-eligible. */
  flexible: Float64Array | null;
  flexibleCost: Float64Array | null;
  onDemand: number;
  /** Demand counts in log-scale bins by first month → { end month, counts }: a by-product of the optimizer's passes. */
  demandCounts: Map<number, { to: number; counts: Float64Array }>;
}

const hingesByProblem = new WeakMap<CommitmentProblem, Hinges>();

function hingesOf(problem: CommitmentProblem): Hinges {
  let h = hingesByProblem.get(problem);
  if (!h) {
    const { demand } = problem;
    h = {
      trials: demand.trials,
      steady: demand.steady,
      flexible: demand.spotEligible ? demand.flexible : null,
      flexibleCost: problem.flexibleCost,
      onDemand: problem.mix.onDemand,
      demandCounts: new Map(),
    };
    hingesByProblem.set(problem, h);
  }
  return h;
}

/**
 * Per trial, Σ over months [0, covered) of the hinge cost with `level` + offset[m] hours
 * committed (commitment payments excluded), added to `out`.
 */
function addHingeCostAt(h: Hinges, covered: number, offset: Float64Array, level: number, out: Float64Array): void {
  const { trials: N, steady, flexible, flexibleCost, onDemand: p } = h;
  for (let m = 0; m < covered; m++) {
    const k = level + offset[m]!;
    for (let t = 0; t < N; t++) {
      const i = m * N + t;
      const s = steady[i]!;
      const f = flexible ? flexible[i]! : 0;
      const d = s + f;
      if (flexibleCost && f > 0) {
        const q = flexibleCost[i]! / f;
        out[t] = out[t]! + (s > k ? (p - q) * (s - k) : 0) + (d > k ? q * (d - k) : 0);
      } else if (d > k) {
        out[t] = out[t]! + p * (d - k);
      }
    }
  }
}

function hingeCostSum(h: Hinges, covered: number, offset: Float64Array, level: number): number {
  const perTrial = new Float64Array(h.trials);
  addHingeCostAt(h, covered, offset, level, perTrial);
  return perTrial.reduce((a, b) => a + b, 0);
}

// ---------------------------------------------------------------------------------------------
// Weighted quantile: the smallest K ≥ 0 with Σ weight·[point > K] ≤ target. Histogram the
// points, find the bin where the weight above crosses the target, recurse into that bin.
// Demand is heavy-tailed (a growth path's worst trial can be 10⁴ times its median), so the
// first histogram is logarithmic: 1/64-octave bins read from a double's exponent and top six
// mantissa bits, which order positive doubles like their values, without a log per point.

const BINS = 8192;
const SORT_BELOW = 4096;
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
/** Bin 0 starts at 2^-40 GPU-hours; the last ends at 2^88. */
const FIRST_KEY = (1023 - 40) << 6;

/** The log-scale bin of a positive value (values outside 2^-40 … 2^88 share the end bins). */
function logBin(value: number): number {
  bits[0] = value;
  const key = (words[HIGH_WORD]! >>> 14) - FIRST_KEY;
  return key < 0 ? 0 : key >= BINS ? BINS - 1 : key;
}

/** The upper edge of a log-scale bin. */
function logBinTop(bin: number): number {
  words[HIGH_WORD] = (bin + 1 + FIRST_KEY) << 14;
  words[1 - HIGH_WORD] = 0;
  return bits[0]!;
}

function scanSorted(points: Float64Array, weights: Float64Array, above: number, target: number): number {
  const order = Array.from({ length: points.length }, (_, i) => i).sort((a, b) => points[b]! - points[a]!);
  let cumulative = above;
  let best = points[order[0]!]!;
  for (let j = 0; j < order.length; ) {
    const value = points[order[j]!]!;
    if (cumulative > target) break;
    best = value;
    while (j < order.length && points[order[j]!]! === value) cumulative += weights[order[j++]!]!;
  }
  return best;
}

/** Scanning from the top, the first bin whose weight takes the running sum above the target. */
function crossingBin(weight: Float64Array, above: number, target: number): { bin: number; above: number } {
  let bin = weight.length - 1;
  for (; bin > 0 && above + weight[bin]! <= target; bin--) above += weight[bin]!;
  return { bin, above };
}

/** The quantile among collected points (all in one bin; `above` is the weight of every point above them). */
function quantileOfPoints(points: Float64Array, weights: Float64Array, above: number, target: number): number {
  const n = points.length;
  if (n === 0) return 0;
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < n; j++) {
    min = Math.min(min, points[j]!);
    max = Math.max(max, points[j]!);
  }
  // The crossing is among these points: with one value, it is that value.
  if (min === max) return min;
  if (n <= SORT_BELOW) return scanSorted(points, weights, above, target);
  const bins = SORT_BELOW;
  const scale = bins / (max - min);
  const binOf = (point: number) => Math.min(bins - 1, Math.floor((point - min) * scale));
  const weight = new Float64Array(bins);
  const count = new Uint32Array(bins);
  for (let j = 0; j < n; j++) {
    const b = binOf(points[j]!);
    weight[b] = weight[b]! + weights[j]!;
    count[b] = count[b]! + 1;
  }
  const cross = crossingBin(weight, above, target);
  const inner = new Float64Array(count[cross.bin]!);
  const innerWeights = new Float64Array(count[cross.bin]!);
  let k = 0;
  for (let j = 0; j < n; j++) {
    if (binOf(points[j]!) !== cross.bin) continue;
    inner[k] = points[j]!;
    innerWeights[k++] = weights[j]!;
  }
  return quantileOfPoints(inner, innerWeights, cross.above, target);
}

/** True when positive `value` lies in log-scale bin `bin` (edges compared as doubles: the same test as logBin(value) === bin). */
function inLogBin(value: number, bin: number, below: number, top: number): boolean {
  return (bin === 0 || value >= below) && (bin === BINS - 1 || value < top);
}

/**
 * minimizingLevel when no demand is spot-eligible: every positive trial-month is one hinge of
 * weight p at its demand, so one count per bin is the whole histogram (weight = count · p), and
 * a crossing bin holding a single value (discrete demand: whole GPUs × hours) is answered
 * without gathering its points.
 */
function steadyOnlyLevel(h: Hinges, from: number, to: number, target: number): number {
  const { trials: N, steady, onDemand: p } = h;
  const count = new Uint32Array(BINS);
  // Bins straight from the high words of the array itself (s > 0 only).
  const words = new Uint32Array(steady.buffer, steady.byteOffset, 2 * steady.length);
  for (let i = from * N, end = to * N; i < end; i++) {
    if (!(steady[i]! > 0)) continue;
    const key = (words[2 * i + HIGH_WORD]! >>> 14) - FIRST_KEY;
    count[key < 0 ? 0 : key >= BINS ? BINS - 1 : key]!++;
  }
  h.demandCounts.set(from, { to, counts: Float64Array.from(count) });
  const weight = Float64Array.from(count, (c) => c * p);
  let total = 0;
  for (let b = 0; b < BINS; b++) total += weight[b]!;
  if (total <= target) return 0;
  const { bin, above } = crossingBin(weight, 0, target);
  const below = bin > 0 ? logBinTop(bin - 1) : 0;
  const top = logBinTop(bin);
  const start = from * N;
  const end = to * N;
  // A crowded crossing bin (whole GPUs: one value over and over) is first checked for a single
  // value, so that its points need not be copied; a sparse one is gathered straight away.
  if (count[bin]! * 64 > end - start) {
    const range = rangeInLogBin(steady, start, end, bin, below, top);
    if (range.min === range.max) return range.min;
  }
  const points = pointsInLogBin(steady, start, end, bin, below, top, count[bin]!);
  return quantileOfPoints(points, new Float64Array(points.length).fill(p), above, target);
}

/** The smallest and largest positive value of values[start, end) in a log-scale bin. */
function rangeInLogBin(values: Float64Array, start: number, end: number, bin: number, below: number, top: number): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = start; i < end; i++) {
    const d = values[i]!;
    if (d > 0 && inLogBin(d, bin, below, top)) {
      if (d < min) min = d;
      if (d > max) max = d;
    }
  }
  return { min, max };
}

/** The `count` positive values of values[start, end) in a log-scale bin, in order. */
function pointsInLogBin(values: Float64Array, start: number, end: number, bin: number, below: number, top: number, count: number): Float64Array {
  const points = new Float64Array(count);
  let k = 0;
  for (let i = start; i < end; i++) {
    const d = values[i]!;
    if (d > 0 && inLogBin(d, bin, below, top)) points[k++] = d;
  }
  return points;
}

/** The level minimising `target` × level (rate × trial-months) plus the hinge costs of months [from, to). */
function minimizingLevel(h: Hinges, from: number, to: number, target: number): number {
  if (target < 0) return Infinity;
  if (from >= to) return 0;
  const { trials: N, steady, flexible, flexibleCost, onDemand: p } = h;
  if (!flexible) return steadyOnlyLevel(h, from, to, target);
  const weight = new Float64Array(BINS);
  const count = new Uint32Array(BINS);
  const demandCount = new Float64Array(BINS);
  for (let i = from * N, end = to * N; i < end; i++) {
    const s = steady[i]!;
    const f = flexible[i]!;
    const d = s + f;
    if (!(d > 0)) continue;
    const bd = logBin(d);
    demandCount[bd] = demandCount[bd]! + 1;
    count[bd] = count[bd]! + 1;
    if (flexibleCost && f > 0) {
      const q = flexibleCost[i]! / f;
      weight[bd] = weight[bd]! + q;
      if (s > 0) {
        const bs = logBin(s);
        weight[bs] = weight[bs]! + p - q;
        count[bs] = count[bs]! + 1;
      }
    } else {
      weight[bd] = weight[bd]! + p;
    }
  }
  h.demandCounts.set(from, { to, counts: demandCount });
  let total = 0;
  for (let b = 0; b < BINS; b++) total += weight[b]!;
  if (total <= target) return 0;
  const { bin, above } = crossingBin(weight, 0, target);
  const points = new Float64Array(count[bin]!);
  const weights = new Float64Array(count[bin]!);
  // The crossing bin's points, found by comparing with its edges (no bin computed per value).
  const below = bin > 0 ? logBinTop(bin - 1) : 0;
  const top = logBinTop(bin);
  let k = 0;
  for (let i = from * N, end = to * N; i < end; i++) {
    const s = steady[i]!;
    const f = flexible[i]!;
    const d = s + f;
    if (!(d > 0)) continue;
    if (flexibleCost && f > 0) {
      const q = flexibleCost[i]! / f;
      if (inLogBin(d, bin, below, top)) {
        points[k] = d;
        weights[k++] = q;
      }
      if (s > 0 && inLogBin(s, bin, below, top)) {
        points[k] = s;
        weights[k++] = p - q;
      }
    } else if (inLogBin(d, bin, below, top)) {
      points[k] = d;
      weights[k++] = p;
    }
  }
  return quantileOfPoints(points, weights, above, target);
}

/** An upper bound, within 1/64 octave, on a quantile of monthly demand (GPU-hours) over months [0, covered). */
function demandQuantileBound(h: Hinges, covered: number, probability: number): number {
  if (covered === 0) return 0;
  const { trials: N, steady, flexible } = h;
  const counts = new Float64Array(BINS);
  let month = 0;
  for (let part = h.demandCounts.get(month); part && part.to <= covered; part = h.demandCounts.get(month)) {
    for (let b = 0; b < BINS; b++) counts[b] = counts[b]! + part.counts[b]!;
    month = part.to;
  }
  let positive = 0;
  for (let i = month * N, end = covered * N; i < end; i++) {
    const d = steady[i]! + (flexible ? flexible[i]! : 0);
    if (d > 0) {
      const b = logBin(d);
      counts[b] = counts[b]! + 1;
    }
  }
  for (let b = 0; b < BINS; b++) positive += counts[b]!;
  if (positive === 0) return 0;
  const { bin } = crossingBin(counts, 0, (1 - probability) * covered * N);
  return logBinTop(bin);
}

// ---------------------------------------------------------------------------------------------
// Optimising the expected cost.

/**
 * The committed GPU-hours per month, per term, minimising the expected horizon cost of one GPU
 * type (exact on the simulated sample). Only terms with a rate and a whole term in the horizon.
 */
export function optimizeExpectedCost(problem: CommitmentProblem): CommitmentChoice[] {
  const M = problem.demand.months;
  const N = problem.demand.trials;
  const h = hingesOf(problem);
  const r1 = problem.rates['1y'];
  const r3 = problem.rates['3y'];
  const n1 = r1 !== null ? coveredMonths('1y', M) : 0;
  const n3 = r3 !== null ? coveredMonths('3y', M) : 0;
  const choice = (term: Term, hours: number, rate: number, months: number): CommitmentChoice => ({ term, gpuHoursPerMonth: hours, rate, months });
  if (r1 !== null && n1 > 0 && (r3 === null || n3 === 0)) return [choice('1y', minimizingLevel(h, 0, n1, r1 * n1 * N), r1, n1)];
  if (r3 !== null && n3 > 0 && (r1 === null || n1 === 0)) return [choice('3y', minimizingLevel(h, 0, n3, r3 * n3 * N), r3, n3)];
  if (r1 === null || r3 === null || n1 === 0 || n3 === 0) return [];

  // Both terms. The 1y layer covers months [0, n1) ⊇ [0, n3) of the 3y layer. With K = C3 + C1
  // in the first n3 months, the cost splits into r3·n3·K + hinges(K) over [0, n3) and
  // (r1·n1 − r3·n3)·C1 + hinges(C1) over [n3, n1): two independent problems, while C1 ≤ K.
  const total = minimizingLevel(h, 0, n3, r3 * n3 * N);
  const top = minimizingLevel(h, n3, n1, (r1 * n1 - r3 * n3) * N);
  if (top <= total) return [choice('3y', total - top, r3, n3), choice('1y', top, r1, n1)];
  // C1 ≤ K binds: the optimum lies on an edge of {0 ≤ C1 ≤ K}; compare the two.
  const only1y = minimizingLevel(h, 0, n1, r1 * n1 * N);
  const cost1y = r1 * n1 * N * only1y + hingeCostSum(h, n1, new Float64Array(n1), only1y);
  const cost3y = r3 * n3 * N * total + hingeCostSum(h, n1, new Float64Array(n1).fill(total, 0, n3), 0);
  return cost1y <= cost3y ? [choice('3y', 0, r3, n3), choice('1y', only1y, r1, n1)] : [choice('3y', total, r3, n3), choice('1y', 0, r1, n1)];
}

// ---------------------------------------------------------------------------------------------
// Pricing many levels for every trial.

/** The levels one pass prices: a grid in [lo, hi] and a few extra levels, with what each level moves. */
interface LevelGrid {
  /** Sorted levels (GPU-hours per month): the grid's and the extra ones. */
  levels: Float64Array;
  /** The grid's levels in grid order, the row (index in `levels`) of each and its payment change. */
  gridLevels: Float64Array;
  gridRows: Int32Array;
  gridPayments: Float64Array;
  /** Levels not on the grid (priced one by one). */
  extraLevels: number[];
  /** First grid level and grid step. */
  lo: number;
  step: number;
  /** Per row: the change in commitment payments from the current level (money). */
  payments: Float64Array;
  /** Per month of the term: the hours other terms commit. */
  offset: Float64Array;
  /** The current level's grid index, or −1 when it is off the grid. */
  currentOnGrid: number;
  /** The current level and the months its term covers. */
  current: number;
  covered: number;
}

function levelGridOf(choices: readonly CommitmentChoice[], term: Term, grid: { lo: number; hi: number; count: number }, extras: readonly number[]): LevelGrid {
  const varied = choices.find((c) => c.term === term)!;
  const covered = varied.months;
  const offset = new Float64Array(covered);
  for (const other of choices) if (other !== varied) for (let m = 0; m < Math.min(covered, other.months); m++) offset[m] = offset[m]! + other.gpuHoursPerMonth;
  const G = grid.hi > grid.lo ? grid.count : 1;
  const lo = grid.lo;
  const step = G > 1 ? (grid.hi - lo) / (G - 1) : 1;
  const gridLevels = Array.from({ length: G }, (_, k) => lo + k * step);
  // A grid laid out through the current level holds it exactly (no separate pass for it).
  const near = Math.round((varied.gpuHoursPerMonth - lo) / step);
  if (near >= 0 && near < G && Math.abs(lo + near * step - varied.gpuHoursPerMonth) < 1e-9 * step) gridLevels[near] = varied.gpuHoursPerMonth;
  const extraLevels = [...new Set([...extras, varied.gpuHoursPerMonth])].filter((x) => !gridLevels.includes(x));
  const levels = Float64Array.from([...gridLevels, ...extraLevels].sort((a, b) => a - b));
  const payments = Float64Array.from(levels, (x) => varied.rate * covered * (x - varied.gpuHoursPerMonth));
  const gridRows = Int32Array.from(gridLevels, (x) => levels.indexOf(x));
  return {
    levels,
    gridLevels: Float64Array.from(gridLevels),
    gridRows,
    gridPayments: Float64Array.from(gridRows, (row) => payments[row]!),
    extraLevels,
    lo,
    step,
    payments,
    offset,
    currentOnGrid: gridLevels.indexOf(varied.gpuHoursPerMonth),
    current: varied.gpuHoursPerMonth,
    covered,
  };
}

/**
 * Per grid level, how the totals of a pass fall about the level's band [low[k], high[k]]: counted
 * below it, counted at either edge (ties at the P90 are common: whole GPUs, or every trial fully
 * covered), or kept strictly inside it, up to the level's capacity (`inside[k]` counts them all,
 * so more than the capacity says the band overflowed).
 */
interface Bands {
  low: Float64Array;
  high: Float64Array;
  below: Float64Array;
  atLow: Float64Array;
  atHigh: Float64Array;
  inside: Float64Array;
  /** Level k keeps its values at [start[k], start[k] + min(inside[k], capacity[k])) of `values`. */
  start: Float64Array;
  capacity: Float64Array;
  values: Float64Array;
}

function bandsOf(low: Float64Array, high: Float64Array, capacity: Float64Array): Bands {
  const G = low.length;
  const start = new Float64Array(G);
  for (let k = 1; k < G; k++) start[k] = start[k - 1]! + capacity[k - 1]!;
  const size = G ? start[G - 1]! + capacity[G - 1]! : 0;
  return { low, high, below: new Float64Array(G), atLow: new Float64Array(G), atHigh: new Float64Array(G), inside: new Float64Array(G), start, capacity, values: new Float64Array(size) };
}

/** Bands that keep every total of the levels where `keep(k)`, and nothing of the others. */
function keepingBands(G: number, capacity: number, keep: (k: number) => boolean = () => true): Bands {
  const low = new Float64Array(G).fill(-Infinity);
  const high = Float64Array.from({ length: G }, (_, k) => (keep(k) ? Infinity : -Infinity));
  return bandsOf(low, high, Float64Array.from({ length: G }, (_, k) => (keep(k) ? capacity : 0)));
}

/** What a pass over the trials collects. */
interface PassOutputs {
  /** Per grid level, the sum of the totals in trial order (as meanOf adds them) and where they fall about the level's band; null to skip both. */
  levels: { sums: Float64Array; bands: Bands } | null;
  /** Writes the totals at grid level `level` into `into` (which may be the pass's `totals`: each is read before it is written). */
  capture: { level: number; into: Float64Array } | null;
}

/** Trials per block of a pass: a block's grid of intercepts and slopes stays in cache. */
const BLOCK = 256;

/**
 * Each trial's horizon total at every grid level, handed to `outputs` as it is made, over the
 * blocks of trials `blocks` lists (starts, BLOCK apart): `totals` (per trial, at the current
 * level) moved by the change in commitment payments and hinge costs. A hinge w·max(b − x, 0) adds
 * w·b − w·x to every level below b, so each trial accumulates intercept and slope changes at the
 * first level the hinge stops touching, then sums them up the grid. No total is stored: a
 * curve's totals are tens of megabytes, and the P90 needs only the few near it.
 */
function passOverGrid(h: Hinges, grid: LevelGrid, totals: Float64Array, anchor: Float64Array, blocks: Iterable<number>, outputs: PassOutputs): void {
  const N = h.trials;
  const G = grid.gridLevels.length;
  const { gridLevels, gridPayments: payments, currentOnGrid } = grid;
  const { levels, capture } = outputs;
  const intercept = new Float64Array(BLOCK * G);
  const slope = new Float64Array(BLOCK * G);
  const shifts = new Float64Array(BLOCK);
  for (const t0 of blocks) {
    const width = Math.min(BLOCK, N - t0);
    intercept.fill(0);
    slope.fill(0);
    accumulateBlock(h, grid.offset, t0, width, { lo: grid.lo, step: grid.step, count: G }, intercept, slope);
    // Each trial's hinge cost at every level, written over its intercepts (read just before).
    for (let j = 0; j < width; j++) {
      const t = t0 + j;
      hingeCostsOfTrial(intercept, slope, j * G, gridLevels);
      if (currentOnGrid >= 0) anchor[t] = intercept[j * G + currentOnGrid]!;
      shifts[j] = totals[t]! - anchor[t]!;
    }
    // Then level by level, so that each level's payment, band edges and sum stay in registers.
    if (levels) for (let k = 0; k < G; k++) levelTotals(levels.sums, levels.bands, k, shifts, width, payments[k]!, intercept, G);
    if (capture) for (let j = 0; j < width; j++) capture.into[t0 + j] = shifts[j]! + payments[capture.level]! + intercept[j * G + capture.level]!;
  }
}

/** A trial's hinge cost at each grid level from its intercept and slope changes, written over its intercepts. */
function hingeCostsOfTrial(intercept: Float64Array, slope: Float64Array, row: number, gridLevels: Float64Array): void {
  let a = 0;
  let b = 0;
  for (let k = 0; k < gridLevels.length; k++) {
    a += intercept[row + k]!;
    b += slope[row + k]!;
    intercept[row + k] = a - b * gridLevels[k]!;
  }
}

/** A block's totals at grid level k: added to the level's sum in trial order, and placed about the level's band. */
function levelTotals(sums: Float64Array, bands: Bands, k: number, shifts: Float64Array, width: number, payment: number, cost: Float64Array, G: number): void {
  const { values } = bands;
  const low = bands.low[k]!;
  const high = bands.high[k]!;
  const start = bands.start[k]!;
  const capacity = bands.capacity[k]!;
  let sum = sums[k]!;
  let below = bands.below[k]!;
  let atLow = bands.atLow[k]!;
  let atHigh = bands.atHigh[k]!;
  let inside = bands.inside[k]!;
  for (let j = 0; j < width; j++) {
    const v = shifts[j]! + payment + cost[j * G + k]!;
    sum += v;
    if (v < low) below++;
    else if (v <= high) {
      if (v === low) atLow++;
      else if (v === high) atHigh++;
      else {
        if (inside < capacity) values[start + inside] = v;
        inside++;
      }
    }
  }
  sums[k] = sum;
  bands.below[k] = below;
  bands.atLow[k] = atLow;
  bands.atHigh[k] = atHigh;
  bands.inside[k] = inside;
}

/**
 * One block of trials [t0, t0 + width): every hinge of months [0, offset.length) added to the
 * trial's grid as intercept and slope changes (kept small so the hinge step is inlined).
 */
function accumulateBlock(
  h: Hinges,
  offset: Float64Array,
  t0: number,
  width: number,
  grid: { lo: number; step: number; count: number },
  intercept: Float64Array,
  slope: Float64Array,
): void {
  const { trials: N, steady, flexible, flexibleCost, onDemand: p } = h;
  const { lo, step, count } = grid;
  for (let m = 0; m < offset.length; m++) {
    const c = offset[m]!;
    const base = m * N + t0;
    if (flexible && flexibleCost) {
      for (let j = 0; j < width; j++) {
        const s = steady[base + j]!;
        const f = flexible[base + j]!;
        const q = f > 0 ? flexibleCost[base + j]! / f : p;
        accumulateHinge(intercept, slope, j * count, s - c, p - q, lo, step, count);
        accumulateHinge(intercept, slope, j * count, s + f - c, q, lo, step, count);
      }
    } else {
      for (let j = 0; j < width; j++) {
        const d = steady[base + j]! + (flexible ? flexible[base + j]! : 0);
        accumulateHinge(intercept, slope, j * count, d - c, p, lo, step, count);
      }
    }
  }
}

/** Adds hinge w·max(point − x, 0) to a trial's grid x_k = lo + k·step as intercept and slope changes starting at `row`. */
function accumulateHinge(intercept: Float64Array, slope: Float64Array, row: number, point: number, weight: number, lo: number, step: number, count: number): void {
  if (point <= lo) return;
  const stop = Math.ceil((point - lo) / step);
  intercept[row] = intercept[row]! + weight * point;
  slope[row] = slope[row]! + weight;
  if (stop < count) {
    intercept[row + stop] = intercept[row + stop]! - weight * point;
    slope[row + stop] = slope[row + stop]! - weight;
  }
}

function meanOf(values: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i]!;
  return sum / (to - from);
}

/** From this many trials on, a pilot pass over every PILOT_STRIDE-th block sets each level's band. */
const PILOT_FROM = 16 * BLOCK;
const PILOT_STRIDE = 16;
/** The band reaches this many standard errors of the pilot's P90 rank either side (a miss only costs a pass). */
const BAND_Z = 6;

function* blockStarts(N: number, stride = 1): Generator<number> {
  for (let t0 = 0; t0 < N; t0 += stride * BLOCK) yield t0;
}

/**
 * Each grid level's band from a pilot pass over a share of the trials: the pilot's totals
 * between the ranks `bandZ` binomial standard errors either side of its P90 rank. Below
 * PILOT_FROM trials every level's band keeps every total.
 */
function pilotBands(h: Hinges, grid: LevelGrid, totals: Float64Array, anchor: Float64Array, bandZ: number): Bands {
  const N = h.trials;
  const G = grid.gridLevels.length;
  if (N < PILOT_FROM) return keepingBands(G, N);
  const pilotTrials = [...blockStarts(N, PILOT_STRIDE)].reduce((sum, t0) => sum + Math.min(BLOCK, N - t0), 0);
  const pilot = keepingBands(G, pilotTrials);
  passOverGrid(h, grid, totals, anchor, blockStarts(N, PILOT_STRIDE), { levels: { sums: new Float64Array(G), bands: pilot }, capture: null });
  const centre = 0.9 * (pilotTrials - 1);
  const half = bandZ * Math.sqrt(pilotTrials * 0.9 * 0.1) + 2;
  const from = Math.max(0, Math.floor(centre - half));
  const to = Math.min(pilotTrials - 1, Math.ceil(centre + half));
  const low = new Float64Array(G);
  const high = new Float64Array(G);
  for (let k = 0; k < G; k++) {
    const values = pilot.values.subarray(k * pilotTrials, (k + 1) * pilotTrials);
    const [a, b] = selectByQuickselect(values, [from, to]) as [number, number];
    low[k] = from === 0 ? -Infinity : a;
    high[k] = to === pilotTrials - 1 ? Infinity : b;
  }
  // Room for the band's share of all trials, with a margin.
  return bandsOf(low, high, new Float64Array(G).fill(Math.ceil((1.5 * (to - from + 1) * N) / pilotTrials) + 256));
}

/**
 * Per grid level, the P90 of the totals from how they fell about its band, or NaN where an order
 * statistic it needs is outside the band or among values the band had no room to keep.
 */
function p90sInBands(bands: Bands, N: number): number[] {
  const position = percentilePosition(N, 90);
  const { below: lo, above: hi } = position;
  return Array.from(bands.low, (low, k) => {
    const below = bands.below[k]!;
    const atLow = bands.atLow[k]!;
    const inside = bands.inside[k]!;
    if (lo < below || hi >= below + atLow + inside + bands.atHigh[k]!) return NaN;
    // The two ranks among the values kept strictly inside the band (negative: at its low edge).
    const ranks = [lo - below - atLow, hi - below - atLow];
    const kept = ranks.filter((r) => r >= 0 && r < inside);
    if (kept.length && inside > bands.capacity[k]!) return NaN;
    const start = bands.start[k]!;
    const found = kept.length ? selectByQuickselect(bands.values.subarray(start, start + inside), kept) : [];
    const [a, b] = ranks.map((r) => (r < 0 ? low : r < inside ? found[kept.indexOf(r)]! : bands.high[k]!)) as [number, number];
    return interpolateAt(position, a, b);
  });
}

interface LevelTotals {
  /** Sorted levels (GPU-hours per month). */
  levels: Float64Array;
  /** Per level, the sum of its totals in trial order (the mean × N, added up as meanOf does). */
  sums: Float64Array;
  /** Per level, the P90 of its totals (type 7, as stats.ts). */
  p90s: Float64Array;
  /** The levels' grid, and each trial's hinge cost at the current level, to price a level again (totalsAt). */
  grid: LevelGrid;
  anchor: Float64Array;
}

/**
 * The mean (as a sum) and the P90 of each trial's horizon total at `count` evenly spaced levels
 * of one term in [lo, hi] and at `extras` (other terms held), `totals` being the per-trial totals
 * at the term's current level. One pass gives the sums and each level's band of totals around
 * its P90 (set by a pilot pass), so no level's totals are kept; the levels whose P90 falls
 * outside their band get one more pass, together.
 */
function totalsAtLevels(
  h: Hinges,
  choices: readonly CommitmentChoice[],
  term: Term,
  range: { lo: number; hi: number; count: number },
  extras: readonly number[],
  totals: Float64Array,
  bandZ = BAND_Z,
): LevelTotals {
  const N = h.trials;
  const grid = levelGridOf(choices, term, range, extras);
  const { levels, gridRows, covered, offset } = grid;
  const sums = new Float64Array(levels.length);
  const p90s = new Float64Array(levels.length);
  // The hinge cost at the current level, each trial's anchor: from the grid when it lies on it.
  const anchor = new Float64Array(N);
  if (grid.currentOnGrid < 0) addHingeCostAt(h, covered, offset, grid.current, anchor);

  const G = gridRows.length;
  const gridSums = new Float64Array(G);
  const bands = pilotBands(h, grid, totals, anchor, bandZ);
  passOverGrid(h, grid, totals, anchor, blockStarts(N), { levels: { sums: gridSums, bands }, capture: null });
  let gridP90s = p90sInBands(bands, N);
  // Levels whose P90 the bands missed: one more pass keeps all of their totals.
  const missed = gridP90s.map(Number.isNaN);
  if (missed.includes(true)) {
    const again = keepingBands(G, N, (k) => missed[k]!);
    passOverGrid(h, grid, totals, anchor, blockStarts(N), { levels: { sums: new Float64Array(G), bands: again }, capture: null });
    const exact = p90sInBands(again, N);
    gridP90s = gridP90s.map((p90, k) => (missed[k] ? exact[k]! : p90));
  }
  for (let k = 0; k < G; k++) {
    sums[gridRows[k]!] = gridSums[k]!;
    p90s[gridRows[k]!] = gridP90s[k]!;
  }
  for (const x of grid.extraLevels) {
    const row = levels.indexOf(x);
    let values = totals;
    if (x !== grid.current) {
      values = new Float64Array(N);
      addHingeCostAt(h, covered, offset, x, values);
      for (let t = 0; t < N; t++) values[t] = totals[t]! - anchor[t]! + grid.payments[row]! + values[t]!;
    }
    let sum = 0;
    for (let t = 0; t < N; t++) sum += values[t]!;
    sums[row] = sum;
    // percentilesInPlace may reorder: `totals` itself is copied first, a level's own array is not.
    p90s[row] = percentilesInPlace(values === totals ? Float64Array.from(values) : values, [90])[0]!;
  }
  return { levels, sums, p90s, grid, anchor };
}

/**
 * Each trial's total at one level of a totalsAtLevels result (a grid level by its grid index),
 * written into `into` (which may be `totals`), exactly as the pass priced it.
 */
function totalsAt(at: LevelTotals, h: Hinges, totals: Float64Array, gridIndex: number, into: Float64Array): Float64Array {
  passOverGrid(h, at.grid, totals, at.anchor, blockStarts(h.trials), { levels: null, capture: { level: gridIndex, into } });
  return into;
}

/**
 * The commitment curve of one GPU type and term: the horizon total's mean and P90 (all spend,
 * `totals` being the per-trial totals at `choices`, other terms held) at `pointCount` levels from
 * 0 to the P99 of monthly demand over the term's months, plus the optimum and the configured level.
 * `bandZ`: how wide each level's band around its P90 is (see pilotBands); any width gives the same curve.
 */
export function commitmentCurve(
  problem: CommitmentProblem,
  choices: readonly CommitmentChoice[],
  term: Term,
  totals: Float64Array,
  configured: number | null,
  pointCount = 40,
  bandZ = BAND_Z,
): CommitmentCurve | null {
  const varied = choices.find((c) => c.term === term);
  if (!varied) return null;
  const h = hingesOf(problem);
  const N = problem.demand.trials;
  const p99 = demandQuantileBound(h, varied.months, 0.99);
  let top = Math.max(p99, varied.gpuHoursPerMonth * 1.1, (configured ?? 0) * 1.1) || 1;
  let count = pointCount;
  if (varied.gpuHoursPerMonth > 0) {
    // Space the points so that the optimum is one of them.
    const step = varied.gpuHoursPerMonth / Math.max(1, Math.round((varied.gpuHoursPerMonth * (pointCount - 1)) / top));
    count = Math.floor(top / step + 1e-9) + 1;
    top = (count - 1) * step;
  }
  const at = totalsAtLevels(h, choices, term, { lo: 0, hi: top, count }, configured !== null ? [configured] : [], totals, bandZ);
  const points = Array.from(at.levels, (x, k) => ({ gpuHoursPerMonth: x, expectedCost: at.sums[k]! / N, p90Cost: at.p90s[k]! }));
  return { gpu: problem.demand.gpu, term, points, optimum: varied.gpuHoursPerMonth, configured };
}

// ---------------------------------------------------------------------------------------------
// Optimising the P90.

/**
 * Moves each GPU type's levels to minimise the P90 of the horizon total (all spend; `totals`
 * holds the per-trial totals at `choices` and is updated in place). The P90 of a sum is not
 * separable, so this is coordinate descent over (GPU type, term), base term first, starting from
 * the expected-cost optimum: each step a grid search over 0 … P99 of demand, refined once around
 * its best point. A step keeps the current level unless another is strictly better, so the P90
 * never rises; `rounds` sweeps (one by default: each step prices its grid twice).
 */
export function refineForP90(problems: readonly CommitmentProblem[], choices: CommitmentChoice[][], totals: Float64Array, pointCount = 40, rounds = 1): void {
  const steps = problems.flatMap((_, g) => TERMS.filter((term) => choices[g]!.some((c) => c.term === term)).map((term) => ({ g, term })));
  for (let round = 0; round < rounds; round++) {
    for (const { g, term } of steps) {
      const own = choices[g]!;
      const index = own.findIndex((c) => c.term === term);
      const h = hingesOf(problems[g]!);
      let lo = 0;
      let hi = Math.max(demandQuantileBound(h, own[index]!.months, 0.99), own[index]!.gpuHoursPerMonth * 1.25) || 1;
      for (let pass = 0; pass < 2; pass++) {
        const current = own[index]!.gpuHoursPerMonth;
        const at = totalsAtLevels(h, own, term, { lo, hi, count: pointCount }, [], totals);
        let best = at.levels.indexOf(current);
        for (let k = 0; k < at.levels.length; k++) if (at.p90s[k]! < at.p90s[best]!) best = k;
        own[index] = { ...own[index]!, gpuHoursPerMonth: at.levels[best]! };
        // The totals at the chosen level, as the pass priced them (the current level off the grid is `totals` itself).
        const gridIndex = at.grid.gridRows.indexOf(best);
        if (gridIndex >= 0) totalsAt(at, h, totals, gridIndex, totals);
        lo = at.levels[Math.max(best - 1, 0)]!;
        hi = at.levels[Math.min(best + 1, at.levels.length - 1)]!;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reporting.

/**
 * Prices the sized layers with gpuMonthCost in one pass: the per-trial horizon cost with all of
 * them, and each layer's outcome, base layer first. A layer's saving is the mean cost with the
 * layers below it minus that with it too (so the savings add up to the saving of all the
 * commitments over `withNone`, the per-trial cost without commitments); it is under-used in a
 * covered trial-month whose demand is below the hours committed up to and including it.
 */
export function priceCommitments(
  problem: CommitmentProblem,
  choices: readonly CommitmentChoice[],
  withNone: Float64Array,
): { cost: Float64Array; outcomes: CommitmentOutcome[] } {
  const { demand, mix } = problem;
  const N = demand.trials;
  const ordered = TERMS.flatMap((term) => choices.filter((c) => c.term === term && c.gpuHoursPerMonth > 0));
  if (ordered.length === 0) return { cost: withNone, outcomes: [] };
  const costs = ordered.map((_, k) => gpuHorizonCost(demand, mixOf(mix.onDemand, mix.spot, layersOf(ordered.slice(0, k + 1)))));
  const { steady, flexible, spotEligible } = demand;
  const idle = ordered.map((choice, k) => {
    let count = 0;
    for (let m = 0; m < choice.months; m++) {
      let level = 0;
      for (const layer of ordered.slice(0, k + 1)) if (m < layer.months) level += layer.gpuHoursPerMonth;
      for (let i = m * N, end = (m + 1) * N; i < end; i++) if (steady[i]! + (spotEligible ? flexible[i]! : 0) < level) count++;
    }
    return count;
  });
  let previous = meanOf(withNone, 0, N);
  const outcomes = ordered.map((choice, k) => {
    const cost = meanOf(costs[k]!, 0, N);
    const saving = previous - cost;
    previous = cost;
    return { ...choice, expectedSaving: saving, probabilityUnderUsed: idle[k]! / (choice.months * N) };
  });
  return { cost: costs[costs.length - 1]!, outcomes };
}
