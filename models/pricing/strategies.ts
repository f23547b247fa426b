/**
 * The pricing section of the result: the same simulated demand priced under each strategy
 * (on-demand, committed, spot, plan, optimal), the commitments the optimizer sizes with their
 * curves, and cloud vs cloud. Every total includes the non-GPU spend, so it compares with the
 * forecast total; every GPU trial-month is priced by gpuMonthCost.
 */
import { series } from '../simulate/collect.ts';
import type { PricingSpec } from '../scenario/schema.ts';
import type { SimulationPlan } from '../simulate/plan-types.ts';
import type { ReferenceData } from '../simulate/reference-data.ts';
import type { PricingResult, RecommendedCommitment, Stats, StrategyResult } from '../simulate/result.ts';
import type { SeriesStore } from '../simulate/series-store.ts';
import { summarize } from '../simulate/stats.ts';
import {
  commitmentCurve,
  coveredMonths,
  gpuDemandOf,
  optimizeExpectedCost,
  refineForP90,
  priceCommitments,
  gpuHorizonCost,
  mixOf,
  spotExposureOf,
  TERMS,
  type CommitmentChoice,
  type CommitmentCurve,
  type CommitmentProblem,
  type GpuDemand,
} from './commitment-optimizer.ts';
import { commitmentPayment, committedHours, gpuMonthCostWith, type GpuMix } from './gpu-cost.ts';
import { commitmentLayers, planMix, TERM_MONTHS } from './plan-mix.ts';
import { compareProviders, providersToCompare, type PricedDemand } from './provider-comparison.ts';

/** A strategy with, where it needs one, a sentence on how to read it (e.g. "equals on-demand: …"). */
export interface PricedStrategy extends StrategyResult {
  savingVsOnDemand: number;
  note?: string;
}

export interface CommitmentRecommendation extends RecommendedCommitment {
  expectedSaving: number;
  probabilityUnderUsed: number;
  /** Months covered from the first month of the horizon (whole terms, renewed at the same level). */
  monthsCovered: number;
}

/** The pricing result with the additive fields this module fills. */
export interface PricingAnalysis extends PricingResult {
  strategies: PricedStrategy[];
  recommendedCommitments: CommitmentRecommendation[];
  commitmentCurves: CommitmentCurve[];
  gpuHours: Record<string, Stats>;
  asOf: string;
  /** What the optimizer minimised. */
  optimizeFor: 'mean' | 'p90';
  /** Plain sentences on what was not sized or compared, and why. */
  notes: string[];
}

/** Horizon total per trial (money) of non-GPU spend plus GPU spend priced with `mixFor(gpu)`. */
export function totalUnderMix(plan: SimulationPlan, store: SeriesStore, mixFor: (gpu: string) => GpuMix): Float64Array {
  const { trials, months } = store;
  const total = directTotal(store);
  const overhead = store.trialMonth(series.spotOverhead);
  const availability = store.trialMonth(series.spotAvailability);
  for (const gpu of Object.keys(plan.gpuPrices)) {
    const mix = mixFor(gpu);
    const steady = store.trialMonth(series.gpuSteady(gpu))!;
    const flexible = store.trialMonth(series.gpuFlexible(gpu))!;
    for (let m = 0; m < months; m++) {
      const base = m * trials;
      const committed = committedHours(mix, m);
      const payment = commitmentPayment(mix, m);
      for (let t = 0; t < trials; t++) {
        const i = base + t;
        total[t] = total[t]! + gpuMonthCostWith(steady[i]!, flexible[i]!, committed, payment, mix, overhead ? overhead[i]! : 0, availability ? availability[i]! : 1);
      }
    }
  }
  return total;
}

function directTotal(store: SeriesStore): Float64Array {
  return Float64Array.from(store.trial(series.directTotal) ?? new Float64Array(store.trials));
}

function scaled(values: Float64Array, factor: number): Float64Array {
  return values.map((v) => v * factor);
}

function sumOf(base: Float64Array, parts: readonly Float64Array[]): Float64Array {
  const out = Float64Array.from(base);
  for (const part of parts) for (let t = 0; t < out.length; t++) out[t] = out[t]! + part[t]!;
  return out;
}

/** One GPU type's demand priced every way the strategies need (per-trial horizon money). */
interface GpuCosts {
  gpu: string;
  demand: GpuDemand;
  hours: Float64Array;
  problem: CommitmentProblem;
  configured: NonNullable<PricingSpec['commitments']>;
  /** A workload of this GPU type may run on spot. */
  spotEligible: boolean;
  /** ...and the GPU type has a spot price, so it does. */
  spotUsed: boolean;
  exposure: PricedDemand['spotExposure'];
  onDemand: Float64Array;
  spot: Float64Array;
  committed: Float64Array;
  plan: Float64Array;
}

function costsOf(plan: SimulationPlan, store: SeriesStore, gpu: string): GpuCosts {
  const price = plan.gpuPrices[gpu]!;
  const spotEligible = plan.workloads.some((w) => w.gpu === gpu && w.onSpot);
  const demand = gpuDemandOf(store, gpu, spotEligible);
  const hours = demand.hours;
  const spotPrice = plan.spot ? price.spot : null;
  const bare = mixOf(price.onDemand, spotPrice, []);
  const configured = (plan.scenario.pricing?.commitments ?? []).filter((c) => c.gpu === gpu);
  const exposure = spotExposureOf(demand, bare);
  const onDemand = scaled(hours, price.onDemand);
  const spot = exposure ? exposure.onDemandHours.map((h, t) => price.onDemand * h + spotPrice! * exposure.spotHours[t]!) : onDemand;
  return {
    gpu,
    demand,
    hours,
    // Spot-eligible demand with no spot price pays on-demand: the hinges need no spot cost then.
    problem: { demand, mix: bare, rates: { '1y': price.committed1y, '3y': price.committed3y }, flexibleCost: exposure?.flexibleCost ?? null },
    configured,
    spotEligible,
    spotUsed: exposure !== null,
    exposure: exposure && { onDemandHours: exposure.onDemandHours, spotHours: exposure.spotHours },
    onDemand,
    spot,
    committed: configured.length ? gpuHorizonCost(demand, mixOf(price.onDemand, null, commitmentLayers(plan, gpu, configured))) : onDemand,
    plan: configured.length ? gpuHorizonCost(demand, planMix(plan, gpu)) : spot,
  };
}

function termNotes(plan: SimulationPlan, costs: readonly GpuCosts[]): string[] {
  const notes: string[] = [];
  const M = plan.months;
  for (const { gpu, problem, configured } of costs) {
    for (const term of TERMS) {
      const length = TERM_MONTHS[term];
      const covered = coveredMonths(term, M);
      if (problem.rates[term] === null) notes.push(`${gpu}: no ${term} committed price, so no ${term} commitment was sized`);
      else if (covered === 0) notes.push(`${gpu}: a ${term} term (${length} months) is longer than the ${M}-month horizon, so it was not sized: it would owe money after the horizon that this forecast does not see`);
      else if (covered < M) notes.push(`${gpu}: ${term} commitments are sized in whole terms, covering months 1–${covered}; months ${covered + 1}–${M} are priced without them`);
    }
    for (const c of configured) {
      const end = (c.startMonth ?? 1) - 1 + TERM_MONTHS[c.term];
      if (end > M) notes.push(`${gpu}: the configured ${c.term} commitment runs ${end - M} months past the horizon; "committed" and "plan" count only its months inside the horizon`);
    }
  }
  return notes;
}

function strategyNotes(plan: SimulationPlan, costs: readonly GpuCosts[], optimizeFor: 'mean' | 'p90', anySized: boolean): Partial<Record<PricedStrategy['name'], string>> {
  const notes: Partial<Record<PricedStrategy['name'], string>> = {};
  if (costs.every((c) => c.configured.length === 0)) notes.committed = 'no commitments are configured (pricing.commitments): equals on-demand';
  const eligible = costs.filter((c) => c.spotEligible);
  if (!plan.spot || eligible.length === 0) notes.spot = 'no GPU workload is spot-eligible (pricing.spot.workloads): equals on-demand';
  else {
    const unpriced = eligible.filter((c) => !c.spotUsed).map((c) => c.gpu);
    if (unpriced.length === eligible.length) notes.spot = `no spot price for ${unpriced.join(', ')}: equals on-demand`;
    else if (unpriced.length) notes.spot = `no spot price for ${unpriced.join(', ')}: its spot-eligible demand pays on-demand`;
  }
  if (optimizeFor === 'p90') notes.optimal = 'commitments sized to minimise the P90 of the total (pricing.optimizeFor)';
  else if (!anySized) notes.optimal = 'no commitment lowers the expected cost: equals spot';
  return notes;
}

/** on-demand, committed, spot, plan, optimal. */
const STRATEGY_COUNT = 5;

/**
 * Strategies, sized commitments with their curves, providers and GPU-hours; null when no workload
 * uses GPUs. `onProgress` hears (steps done, steps): a big run prices for seconds.
 */
export function analyzePricing(plan: SimulationPlan, store: SeriesStore, reference: ReferenceData, onProgress?: (done: number, total: number) => void): PricingAnalysis | null {
  const gpus = Object.keys(plan.gpuPrices);
  if (gpus.length === 0) return null;
  const pricing = plan.scenario.pricing;
  const optimizeFor = pricing?.optimizeFor ?? 'mean';
  // Per GPU type: its costs, its sizing, its pricing and a curve per term; then each strategy's statistics and the providers.
  const steps = gpus.length * (3 + TERMS.length) + STRATEGY_COUNT + 1;
  let done = 0;
  const step = () => onProgress?.(++done, steps);
  const direct = directTotal(store);
  const costs = gpus.map((gpu) => {
    const c = costsOf(plan, store, gpu);
    step();
    return c;
  });

  // Size commitments, then price the optimal mix with gpuMonthCost.
  const problems = costs.map((c) => c.problem);
  const choices: CommitmentChoice[][] = problems.map((problem) => {
    const choice = optimizeExpectedCost(problem);
    step();
    return choice;
  });
  let priced = costs.map((c, g) => priceCommitments(c.problem, choices[g]!, c.spot));
  if (optimizeFor === 'p90' && choices.some((c) => c.length)) {
    refineForP90(problems, choices, sumOf(direct, priced.map((p) => p.cost)));
    priced = costs.map((c, g) => priceCommitments(c.problem, choices[g]!, c.spot));
  }
  for (let g = 0; g < gpus.length; g++) step();
  const optimalTotal = sumOf(direct, priced.map((p) => p.cost));

  const anySized = choices.some((c) => c.some((choice) => choice.gpuHoursPerMonth > 0));
  const notesByName = strategyNotes(plan, costs, optimizeFor, anySized);
  const totals: [PricedStrategy['name'], Float64Array][] = [
    ['on-demand', sumOf(direct, costs.map((c) => c.onDemand))],
    ['committed', sumOf(direct, costs.map((c) => c.committed))],
    ['spot', sumOf(direct, costs.map((c) => c.spot))],
    ['plan', sumOf(direct, costs.map((c) => c.plan))],
    ['optimal', optimalTotal],
  ];
  const stats = totals.map(([name, total]) => {
    const summary = { name, total: summarize(total) };
    step();
    return summary;
  });
  const onDemandMean = stats[0]!.total.mean;
  const strategies: PricedStrategy[] = stats.map(({ name, total }) => {
    const note = notesByName[name];
    return { name, total, savingVsOnDemand: onDemandMean - total.mean, ...(note ? { note } : {}) };
  });

  const recommendedCommitments: CommitmentRecommendation[] = costs.flatMap((c, g) =>
    priced[g]!.outcomes.map((outcome) => ({
      gpu: c.gpu,
      term: outcome.term,
      gpuHoursPerMonth: outcome.gpuHoursPerMonth,
      expectedSaving: outcome.expectedSaving,
      probabilityUnderUsed: outcome.probabilityUnderUsed,
      monthsCovered: outcome.months,
    })),
  );

  const commitmentCurves: CommitmentCurve[] = costs.flatMap((c, g) =>
    TERMS.flatMap((term) => {
      const configured = c.configured.filter((x) => x.term === term);
      const level = configured.length ? configured.reduce((sum, x) => sum + x.gpuHoursPerMonth, 0) : null;
      const curve = commitmentCurve(c.problem, choices[g]!, term, optimalTotal, level);
      step();
      return curve ? [curve] : [];
    }),
  );

  const comparison = compareProviders({
    demands: costs.map((c) => ({ gpu: c.gpu, hours: c.hours, spotExposure: c.exposure, ownCost: c.spot })),
    direct,
    providers: providersToCompare(pricing?.compare, gpus, reference),
    reference,
    own: { provider: pricing?.provider, region: pricing?.region, carbon: plan.carbon },
  });
  step();

  return {
    strategies,
    recommendedCommitments,
    providers: comparison.providers,
    commitmentCurves,
    gpuHours: Object.fromEntries(costs.map((c) => [c.gpu, summarize(c.hours)])),
    asOf: reference.asOf(),
    optimizeFor,
    notes: [...termNotes(plan, costs), ...comparison.notes],
  };
}
