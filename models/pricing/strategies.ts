/**
 * The pricing section of the result: the same simulated GPU-hour demand priced under each
 * strategy. (Extended by the commitment optimizer and the provider comparison.)
 */
import type { SimulationPlan } from '../simulate/plan-types.ts';
import type { ReferenceData } from '../simulate/reference-data.ts';
import type { PricingResult, StrategyResult } from '../simulate/result.ts';
import type { SeriesStore } from '../simulate/series-store.ts';
import { series } from '../simulate/collect.ts';
import { summarize } from '../simulate/stats.ts';
import { gpuMonthCost, type GpuMix } from './gpu-cost.ts';
import { planMix } from './plan-mix.ts';

/** Horizon total per trial of non-GPU spend plus GPU spend priced with `mixOf(gpu)`. */
export function totalUnderMix(plan: SimulationPlan, store: SeriesStore, mixOf: (gpu: string) => GpuMix): Float64Array {
  const { trials, months } = store;
  const total = store.horizonTotal(store.trialMonth(series.direct)!);
  const overhead = store.trialMonth(series.spotOverhead);
  const availability = store.trialMonth(series.spotAvailability);
  for (const gpu of Object.keys(plan.gpuPrices)) {
    const mix = mixOf(gpu);
    const steady = store.trialMonth(series.gpuSteady(gpu))!;
    const flexible = store.trialMonth(series.gpuFlexible(gpu))!;
    for (let m = 0; m < months; m++) {
      const base = m * trials;
      for (let t = 0; t < trials; t++) {
        const i = base + t;
        total[t] = total[t]! + gpuMonthCost(steady[i]!, flexible[i]!, m, mix, overhead ? overhead[i]! : 0, availability ? availability[i]! : 1);
      }
    }
  }
  return total;
}

/** Strategies, recommended commitments and providers; null when no workload uses GPUs. */
export function analyzePricing(plan: SimulationPlan, store: SeriesStore, _reference: ReferenceData): PricingResult | null {
  const gpus = Object.keys(plan.gpuPrices);
  if (gpus.length === 0) return null;
  const onDemand = summarize(totalUnderMix(plan, store, (gpu) => ({ onDemand: plan.gpuPrices[gpu]!.onDemand, spot: null, commitments: [] })));
  const strategies: StrategyResult[] = [
    { name: 'on-demand', total: onDemand, savingVsOnDemand: 0 },
  ];
  const planned = summarize(totalUnderMix(plan, store, (gpu) => planMix(plan, gpu)));
  strategies.push({ name: 'plan', total: planned, savingVsOnDemand: onDemand.mean - planned.mean });
  return { strategies, recommendedCommitments: [], providers: [] };
}
