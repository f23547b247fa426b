/**
 * The scenario's own pricing mix for each GPU type: its configured commitments (each covering
 * its term from its start month, cut at the horizon's end) and spot where the scenario uses it.
 */
import type { SimulationPlan } from '../simulate/plan-types.ts';
import type { CommitmentLayer, GpuMix } from './gpu-cost.ts';

export const TERM_MONTHS = { '1y': 12, '3y': 36 } as const;

/** Commitment layers for one GPU type at the given committed hours per term. */
export function commitmentLayers(
  plan: SimulationPlan,
  gpu: string,
  commitments: readonly { term: '1y' | '3y'; gpuHoursPerMonth: number; startMonth?: number | undefined }[],
): CommitmentLayer[] {
  const price = plan.gpuPrices[gpu];
  if (!price) return [];
  return commitments.map((c) => {
    const from = (c.startMonth ?? 1) - 1;
    const rate = (c.term === '1y' ? price.committed1y : price.committed3y) ?? price.onDemand;
    return { hours: c.gpuHoursPerMonth, rate, fromMonth: from, toMonth: Math.min(from + TERM_MONTHS[c.term], plan.months) - 1 };
  });
}

/** The mix the scenario configures for a GPU type ("plan" strategy). */
export function planMix(plan: SimulationPlan, gpu: string): GpuMix {
  const price = plan.gpuPrices[gpu]!;
  const configured = (plan.scenario.pricing?.commitments ?? []).filter((c) => c.gpu === gpu);
  return {
    onDemand: price.onDemand,
    spot: plan.spot ? price.spot : null,
    commitments: commitmentLayers(plan, gpu, configured),
  };
}
