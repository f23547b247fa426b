/**
 * What a chunk hands on to the summary: named per-trial series (n values) and per-trial-month
 * series (n·M values, month-major). The plan alone fixes which series exist (`seriesLayout`),
 * so a store can be allocated before any chunk runs — in shared memory for worker threads.
 */
import { commitmentPayment, committedHours, gpuMonthCostWith, type GpuMix } from '../pricing/gpu-cost.ts';
import { planMix } from '../pricing/plan-mix.ts';
import type { ChunkValues } from './chunk.ts';
import type { SimulationPlan } from './plan-types.ts';

/** A chunk's series as arrays of its own (what crosses a postMessage by transfer). */
export interface ChunkOutput {
  chunkIndex: number;
  n: number;
  /** n values each. */
  trial: Record<string, Float64Array>;
  /** n·M values each, month-major. */
  trialMonth: Record<string, Float64Array>;
}

/** The names of the series a plan's chunks produce, in a fixed order. */
export interface SeriesLayout {
  trial: string[];
  trialMonth: string[];
}

/**
 * Where a chunk's series go: its own arrays, or straight into a store. The values are the
 * chunk's scratch: copy them. `zeros` says every value is 0, which a freshly allocated store
 * already holds (so nothing is written).
 */
export interface ChunkSink {
  trial(name: string, values: Float64Array, n: number): void;
  trialMonth(name: string, values: Float64Array, n: number, zeros?: boolean): void;
}

/** Series names, shared by the chunk side and the summary side. */
export const series = {
  workloadCost: (index: number) => `cost:${index}`,
  gpuSteady: (gpu: string) => `gpu:${gpu}:steady`,
  gpuFlexible: (gpu: string) => `gpu:${gpu}:flexible`,
  energy: (index: number) => `energy:${index}`,
  driver: (name: string) => `driver:${name}`,
  value: 'value',
  unit: (name: string) => `unit:${name}`,
  /** Per trial: the non-GPU spend (money paid directly) over the horizon. */
  directTotal: 'direct-total',
  /** Per trial-month: the spend of every workload (the forecast's monthly total). */
  monthlyTotal: 'monthly-total',
  /** Per trial: the spend over the horizon, all workloads. */
  total: 'total',
  /** Per trial: one workload's spend over the horizon. */
  workloadTotal: (index: number) => `cost-total:${index}`,
  variantCost: (index: number) => `variant:${index}`,
  spotOverhead: 'spot:overhead',
  spotAvailability: 'spot:availability',
} as const;

function hasEnergy(plan: SimulationPlan, workload: SimulationPlan['workloads'][number]): boolean {
  return workload.gpu !== undefined && plan.carbon !== null && workload.gpuKw !== undefined;
}

const layouts = new WeakMap<SimulationPlan, SeriesLayout>();

/** Every series collectChunk writes for this plan, in the order it writes them. */
export function seriesLayout(plan: SimulationPlan): SeriesLayout {
  let layout = layouts.get(plan);
  if (layout) return layout;
  const trialMonth: string[] = [];
  for (const gpu of Object.keys(plan.gpuPrices)) trialMonth.push(series.gpuSteady(gpu), series.gpuFlexible(gpu));
  if (plan.spot) trialMonth.push(series.spotOverhead, series.spotAvailability);
  const trial: string[] = [];
  for (const workload of plan.workloads) {
    trialMonth.push(series.workloadCost(workload.index));
    trial.push(series.workloadTotal(workload.index));
    if (hasEnergy(plan, workload)) trial.push(series.energy(workload.index));
  }
  trial.push(series.directTotal);
  trialMonth.push(series.monthlyTotal);
  trial.push(series.total);
  for (const node of plan.nodes) if (node.reported && node.uncertain) trial.push(series.driver(node.name));
  if (plan.valueSlot !== null) trialMonth.push(series.value);
  for (const unit of plan.units) trialMonth.push(series.unit(unit.name));
  layout = { trial, trialMonth };
  layouts.set(plan, layout);
  return layout;
}

/** A sink that gives the chunk arrays of its own (copies of the scratch). */
export function ownedOutput(chunkIndex: number, n: number, months: number): { sink: ChunkSink; output: ChunkOutput } {
  const output: ChunkOutput = { chunkIndex, n, trial: {}, trialMonth: {} };
  return {
    output,
    sink: {
      trial: (name, values, count) => void (output.trial[name] = values.slice(0, count)),
      trialMonth: (name, values, count) => void (output.trialMonth[name] = values.slice(0, count * months)),
    },
  };
}

/** Reusable arrays for collecting a plan's chunks of n trials (one chunk at a time). */
interface CollectScratch {
  steady: Float64Array[];
  flexible: Float64Array[];
  perHour: Float64Array[];
  /** Per trial: the non-GPU spend over the horizon. */
  direct: Float64Array;
  cost: Float64Array;
  monthly: Float64Array;
  perTrial: Float64Array;
}

const scratchByPlan = new WeakMap<SimulationPlan, Map<number, CollectScratch>>();

function scratchFor(plan: SimulationPlan, n: number): CollectScratch {
  let byN = scratchByPlan.get(plan);
  if (!byN) scratchByPlan.set(plan, (byN = new Map()));
  let scratch = byN.get(n);
  if (!scratch) {
    const length = n * plan.months;
    const gpus = Object.keys(plan.gpuPrices);
    const arrays = () => gpus.map(() => new Float64Array(length));
    scratch = { steady: arrays(), flexible: arrays(), perHour: arrays(), direct: new Float64Array(n), cost: new Float64Array(length), monthly: new Float64Array(length), perTrial: new Float64Array(n) };
    byN.set(n, scratch);
  }
  return scratch;
}

/**
 * Each trial's sum over the months of an n·M month-major chunk series, added month after month
 * from 0 (the order SeriesStore.horizonTotal adds them in).
 */
function horizonSumInto(values: Float64Array, n: number, M: number, out: Float64Array): void {
  out.fill(0, 0, n);
  for (let m = 0; m < M; m++) {
    const base = m * n;
    for (let t = 0; t < n; t++) out[t] = out[t]! + values[base + t]!;
  }
}

/** monthly += values over n·M, and each trial's horizon sum of values into `out` (horizonSumInto), in one pass. */
function addIntoWithHorizonSum(monthly: Float64Array, values: Float64Array, n: number, M: number, out: Float64Array): void {
  out.fill(0, 0, n);
  for (let m = 0; m < M; m++) {
    const base = m * n;
    for (let t = 0; t < n; t++) {
      const v = values[base + t]!;
      monthly[base + t] = monthly[base + t]! + v;
      out[t] = out[t]! + v;
    }
  }
}

/** target += values, element by element over the first `length` (a loop of its own for any caller: see "Speed notes" in docs/architecture.md). */
export function addInto(target: Float64Array, values: Float64Array, length: number): void {
  for (let i = 0; i < length; i++) target[i] = target[i]! + values[i]!;
}

/**
 * Each trial-month's plan cost per GPU-hour of one GPU type; where there is no demand but
 * paid-for commitments still cost money, minus that cost (carried by the type's first workload).
 * A function of its own, not a closure made per chunk: the optimized loop then stays optimized.
 */
function pricePerHour(steady: Float64Array, flexible: Float64Array, mix: GpuMix, overhead: Float64Array | null, availability: Float64Array | null, n: number, M: number, perHour: Float64Array): void {
  for (let m = 0; m < M; m++) {
    const committed = committedHours(mix, m);
    const payment = commitmentPayment(mix, m);
    for (let t = 0; t < n; t++) {
      const i = m * n + t;
      const hours = steady[i]! + flexible[i]!;
      const cost = gpuMonthCostWith(steady[i]!, flexible[i]!, committed, payment, mix, overhead ? overhead[i]! : 0, availability ? availability[i]! : 1);
      perHour[i] = hours > 0 ? cost / hours : hours === 0 && cost > 0 ? -cost : 0;
    }
  }
}

/**
 * A GPU workload's share of its type's plan cost, into `cost`: its hours at the trial-month's
 * rate; where the rate is negative (commitments paid with no demand), the first workload of the
 * type carries it. In the same pass, as addIntoWithHorizonSum does for the others: the cost added
 * to `monthly` and each trial's horizon cost into `total`.
 */
function gpuWorkloadCost(cost: Float64Array, hours: Float64Array, perHour: Float64Array, carriesIdle: boolean, n: number, M: number, monthly: Float64Array, total: Float64Array): void {
  total.fill(0, 0, n);
  for (let m = 0; m < M; m++) {
    const base = m * n;
    for (let t = 0; t < n; t++) {
      const i = base + t;
      const rate = perHour[i]!;
      const c = rate >= 0 ? hours[i]! * rate : carriesIdle ? -rate : 0;
      cost[i] = c;
      monthly[i] = monthly[i]! + c;
      total[t] = total[t]! + c;
    }
  }
}

/** Each trial's energy over the horizon (kWh): its GPU-hours month by month times kW (PUE included). */
function energyPerTrial(hours: Float64Array, kw: number, n: number, M: number, out: Float64Array): void {
  out.fill(0, 0, n);
  for (let m = 0; m < M; m++) for (let t = 0; t < n; t++) out[t] = out[t]! + hours[m * n + t]! * kw;
}

/** A GPU type's workloads (indices, in plan order): those on demand, the spot-eligible ones, and the first, which carries paid-for idle commitments. */
interface GpuGroup {
  gpu: string;
  steady: number[];
  onSpot: number[];
  first: number;
}

const gpuGroupsByPlan = new WeakMap<SimulationPlan, GpuGroup[]>();

/** The plan's GPU types in price-list order, with their workloads. */
function gpuGroupsOf(plan: SimulationPlan): GpuGroup[] {
  let groups = gpuGroupsByPlan.get(plan);
  if (!groups) {
    groups = Object.keys(plan.gpuPrices).map((gpu) => {
      const ofType = plan.workloads.filter((w) => w.gpu === gpu);
      return { gpu, steady: ofType.filter((w) => !w.onSpot).map((w) => w.index), onSpot: ofType.filter((w) => w.onSpot).map((w) => w.index), first: ofType[0]?.index ?? -1 };
    });
    gpuGroupsByPlan.set(plan, groups);
  }
  return groups;
}

/**
 * The GPU-hours of workloads `indices` added up, month by month in workload order: the one
 * workload's own array when it is alone (nothing to add), else `into`. Null when there are none.
 */
function gpuDemandSum(indices: readonly number[], hours: readonly Float64Array[], length: number, into: Float64Array): Float64Array | null {
  if (indices.length <= 1) return indices.length ? hours[indices[0]!]! : null;
  into.set(hours[indices[0]!]!.subarray(0, length));
  for (let k = 1; k < indices.length; k++) addInto(into, hours[indices[k]!]!, length);
  return into;
}

/** Each trial's mean over the months of an n·M chunk series. */
function monthMean(values: Float64Array, n: number, M: number, out: Float64Array): void {
  horizonSumInto(values, n, M, out);
  for (let t = 0; t < n; t++) out[t] = out[t]! / M;
}

/** Prices the chunk's demand under the scenario's plan and writes every series of the layout to `sink`. */
export function collectChunk(plan: SimulationPlan, chunk: ChunkValues, sink: ChunkSink): void {
  const { n, months: M, values } = chunk;
  const length = n * M;
  const scratch = scratchFor(plan, n);

  // GPU demand per type, split into steady and spot-eligible (0 + x is x, so a sum starts from
  // its first workload's hours, and a type with one workload uses that workload's own array).
  const groups = gpuGroupsOf(plan);
  const steadyOf: Float64Array[] = [];
  const flexibleOf: Float64Array[] = [];
  for (let g = 0; g < groups.length; g++) {
    const { gpu, steady: onDemand, onSpot } = groups[g]!;
    const steady = gpuDemandSum(onDemand, chunk.gpuHours, length, scratch.steady[g]!) ?? scratch.steady[g]!.fill(0);
    // The spot-eligible scratch is only ever written here: without such workloads it stays zero.
    const flexible = gpuDemandSum(onSpot, chunk.gpuHours, length, scratch.flexible[g]!) ?? scratch.flexible[g]!;
    steadyOf.push(steady);
    flexibleOf.push(flexible);
    sink.trialMonth(series.gpuSteady(gpu), steady, n);
    sink.trialMonth(series.gpuFlexible(gpu), flexible, n, onSpot.length === 0);
  }
  const overhead = plan.spot ? values[plan.spot.overheadSlot]! : null;
  const availability = plan.spot ? values[plan.spot.availabilitySlot]! : null;
  if (overhead && availability) {
    sink.trialMonth(series.spotOverhead, overhead, n);
    sink.trialMonth(series.spotAvailability, availability, n);
  }

  // Plan cost per GPU type, shared among its workloads in proportion to their GPU-hours.
  for (let g = 0; g < groups.length; g++) {
    pricePerHour(steadyOf[g]!, flexibleOf[g]!, planMix(plan, groups[g]!.gpu), overhead, availability, n, M, scratch.perHour[g]!);
  }

  // Each workload's cost, its horizon total, and the monthly total they add up to (workload by
  // workload from 0, as a sum of the stored series would): computed here, where the chunk's
  // values are at hand, instead of in passes over the whole store afterwards. The non-GPU
  // workloads' horizon totals add up to the direct spend (GPU workloads pay nothing directly).
  const monthly = scratch.monthly;
  monthly.fill(0);
  const direct = scratch.direct;
  direct.fill(0);
  const perTrial = scratch.perTrial;
  for (const workload of plan.workloads) {
    let cost: Float64Array;
    if (workload.gpu) {
      // Without GPUs a workload's cost is what it pays directly; with them, their share of the plan cost.
      cost = scratch.cost;
      const hours = chunk.gpuHours[workload.index]!;
      const g = groups.findIndex((group) => group.gpu === workload.gpu);
      gpuWorkloadCost(cost, hours, scratch.perHour[g]!, groups[g]!.first === workload.index, n, M, monthly, perTrial);
    } else {
      cost = chunk.direct[workload.index]!;
      addIntoWithHorizonSum(monthly, cost, n, M, perTrial);
      addInto(direct, perTrial, n);
    }
    sink.trialMonth(series.workloadCost(workload.index), cost, n);
    sink.trial(series.workloadTotal(workload.index), perTrial, n);
    if (hasEnergy(plan, workload)) {
      energyPerTrial(chunk.gpuHours[workload.index]!, workload.gpuKw! * plan.carbon!.pue, n, M, perTrial);
      sink.trial(series.energy(workload.index), perTrial, n);
    }
  }
  sink.trial(series.directTotal, direct, n);
  sink.trialMonth(series.monthlyTotal, monthly, n);
  horizonSumInto(monthly, n, M, perTrial);
  sink.trial(series.total, perTrial, n);

  // Per-trial mean over the months of each reported uncertain driver. A driver drawn once per
  // trial holds the same value in every month, so that value is its mean (as a sum of M equal
  // terms divided by M would only round towards).
  const mean = scratch.perTrial;
  for (const node of plan.nodes) {
    if (!(node.reported && node.uncertain)) continue;
    const driver = values[node.slot]!;
    if (node.node.kind === 'uncertain' && node.node.per === 'trial') sink.trial(series.driver(node.name), driver, n);
    else {
      monthMean(driver, n, M, mean);
      sink.trial(series.driver(node.name), mean, n);
    }
  }
  if (plan.valueSlot !== null) sink.trialMonth(series.value, values[plan.valueSlot]!, n);
  for (const unit of plan.units) sink.trialMonth(series.unit(unit.name), values[unit.slot]!, n);
}
