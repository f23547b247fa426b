/**
 * What a chunk hands back to the aggregator: named per-trial series (n values) and
 * per-trial-month series (n·M values, month-major). Only these cross the worker boundary.
 */
import { gpuMonthCost } from '../pricing/gpu-cost.ts';
import { planMix } from '../pricing/plan-mix.ts';
import type { ChunkValues } from './chunk.ts';
import type { SimulationPlan } from './plan-types.ts';

export interface ChunkOutput {
  chunkIndex: number;
  n: number;
  /** n values each. */
  trial: Record<string, Float64Array>;
  /** n·M values each, month-major. */
  trialMonth: Record<string, Float64Array>;
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
  direct: 'direct',
  variantCost: (index: number) => `variant:${index}`,
  spotOverhead: 'spot:overhead',
  spotAvailability: 'spot:availability',
} as const;

/** Per-trial mean over the months of an n·M array. */
function monthMean(values: Float64Array, n: number, M: number): Float64Array {
  const out = new Float64Array(n);
  for (let m = 0; m < M; m++) for (let t = 0; t < n; t++) out[t] = out[t]! + values[m * n + t]!;
  for (let t = 0; t < n; t++) out[t] = out[t]! / M;
  return out;
}

/** Prices the chunk's demand under the scenario's plan and names the series to keep. */
export function collectChunk(plan: SimulationPlan, chunk: ChunkValues, chunkIndex: number): ChunkOutput {
  const { n, months: M, values } = chunk;
  const length = n * M;
  const trial: Record<string, Float64Array> = {};
  const trialMonth: Record<string, Float64Array> = {};

  // GPU demand per type, split into steady and spot-eligible.
  const gpus = Object.keys(plan.gpuPrices);
  for (const gpu of gpus) {
    const steady = new Float64Array(length);
    const flexible = new Float64Array(length);
    for (const workload of plan.workloads) {
      if (workload.gpu !== gpu) continue;
      const hours = chunk.gpuHours[workload.index]!;
      const target = workload.onSpot ? flexible : steady;
      for (let i = 0; i < length; i++) target[i] = target[i]! + hours[i]!;
    }
    trialMonth[series.gpuSteady(gpu)] = steady;
    trialMonth[series.gpuFlexible(gpu)] = flexible;
  }
  const overhead = plan.spot ? values[plan.spot.overheadSlot]! : null;
  const availability = plan.spot ? values[plan.spot.availabilitySlot]! : null;
  if (overhead && availability) {
    trialMonth[series.spotOverhead] = overhead;
    trialMonth[series.spotAvailability] = availability;
  }

  // Plan cost per GPU type, shared among its workloads in proportion to their GPU-hours.
  const gpuCostShare = new Map<string, Float64Array>();
  for (const gpu of gpus) {
    const mix = planMix(plan, gpu);
    const steady = trialMonth[series.gpuSteady(gpu)]!;
    const flexible = trialMonth[series.gpuFlexible(gpu)]!;
    const perHour = new Float64Array(length);
    for (let m = 0; m < M; m++) {
      for (let t = 0; t < n; t++) {
        const i = m * n + t;
        const hours = steady[i]! + flexible[i]!;
        const cost = gpuMonthCost(steady[i]!, flexible[i]!, m, mix, overhead ? overhead[i]! : 0, availability ? availability[i]! : 1);
        perHour[i] = hours > 0 ? cost / hours : 0;
        // Paid-for commitments with no demand still cost money: carried by the first workload of the type.
        if (hours === 0 && cost > 0) perHour[i] = -cost;
      }
    }
    gpuCostShare.set(gpu, perHour);
  }
  const firstOfType = new Map<string, number>();
  for (const workload of plan.workloads) {
    if (workload.gpu && !firstOfType.has(workload.gpu)) firstOfType.set(workload.gpu, workload.index);
  }

  const direct = new Float64Array(length);
  for (const workload of plan.workloads) {
    const own = chunk.direct[workload.index]!;
    for (let i = 0; i < length; i++) direct[i] = direct[i]! + own[i]!;
  }
  trialMonth[series.direct] = direct;

  for (const workload of plan.workloads) {
    const cost = new Float64Array(chunk.direct[workload.index]!);
    if (workload.gpu) {
      const hours = chunk.gpuHours[workload.index]!;
      const perHour = gpuCostShare.get(workload.gpu)!;
      const carriesIdle = firstOfType.get(workload.gpu) === workload.index;
      for (let i = 0; i < length; i++) {
        const rate = perHour[i]!;
        cost[i] = cost[i]! + (rate >= 0 ? hours[i]! * rate : carriesIdle ? -rate : 0);
      }
      if (plan.carbon && workload.gpuKw !== undefined) {
        const energy = new Float64Array(n);
        const kw = workload.gpuKw * plan.carbon.pue;
        for (let m = 0; m < M; m++) for (let t = 0; t < n; t++) energy[t] = energy[t]! + hours[m * n + t]! * kw;
        trial[series.energy(workload.index)] = energy;
      }
    }
    trialMonth[series.workloadCost(workload.index)] = cost;
  }

  for (const node of plan.nodes) {
    if (node.reported && node.uncertain) trial[series.driver(node.name)] = monthMean(values[node.slot]!, n, M);
  }
  if (plan.valueSlot !== null) trialMonth[series.value] = values[plan.valueSlot]!;
  for (const unit of plan.units) trialMonth[series.unit(unit.name)] = values[unit.slot]!;
  return { chunkIndex, n, trial, trialMonth };
}
