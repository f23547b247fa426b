/**
 * From the assembled per-trial series to the ForecastResult contract. Sections that need
 * per-trial pairing (budget timing, ROI, sensitivity, variants) are computed here over the
 * full sample, in trial order.
 */
import { analyzeBudget } from '../analysis/budget.ts';
import { analyzeRoi } from '../analysis/roi.ts';
import { analyzeSensitivity } from '../analysis/sensitivity.ts';
import type { ReferenceData } from './reference-data.ts';
import { analyzePricing } from '../pricing/strategies.ts';
import { CHUNK_SIZE } from './chunk.ts';
import { series } from './collect.ts';
import type { SimulationPlan } from './plan-types.ts';
import { sampleShape } from './sample-shape.ts';
import type { BudgetResult, CarbonResult, ForecastResult, UnitResult, VariantResult } from './result.ts';
import type { SeriesStore } from './series-store.ts';
import { meanAndSd, percentileStdError, probability, summarize, summarizeMonths } from './stats.ts';
import { stepProgress, type ProgressListener } from './step-progress.ts';

export interface SummaryOptions {
  seed: number;
  sampling: 'lhs' | 'random';
  /** Variant plans and names, simulated with the same streams (common random numbers). */
  variants?: { name: string; plan: SimulationPlan; store: SeriesStore }[];
  /** Told how far the summary is, in steps (a 100,000-trial summary takes seconds: the app shows it). */
  onProgress?: ProgressListener;
}

/** Steps the pricing analysis is given in the summary's progress, per GPU type (it is one of the heavy parts). */
const PRICING_STEPS_PER_GPU = 8;

function cumulativeOf(values: Float64Array, trials: number, months: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let m = 0; m < months; m++) {
    const base = m * trials;
    for (let t = 0; t < trials; t++) out[base + t] = values[base + t]! + (m > 0 ? out[base - trials + t]! : 0);
  }
  return out;
}

/** Monthly total spend per trial (sum of the workloads' costs). */
export function monthlyTotal(plan: SimulationPlan, store: SeriesStore): Float64Array {
  return store.sum(plan.workloads.map((w) => series.workloadCost(w.index)));
}

/** Builds the result contract from a complete store. */
export function summarizeRun(plan: SimulationPlan, store: SeriesStore, reference: ReferenceData, options: SummaryOptions): ForecastResult {
  const { trials, months } = store;
  const labels = plan.monthLabels;
  const scenario = plan.scenario;
  const driverNames = store.trialNames().filter((name) => name.startsWith('driver:'));
  const tagKeys = [...new Set(plan.workloads.flatMap((w) => Object.keys(w.tags)))].sort();
  const chargebackGroups = tagKeys.reduce((sum, key) => sum + new Set(plan.workloads.map((w) => w.tags[key] ?? '(untagged)')).size, 0);
  const progress = stepProgress(
    // the monthly total, precision, budget, ROI, carbon and four closing statistics are a step each; the rest as counted.
    9 + plan.workloads.length + (scenario.budget?.byTag?.length ?? 0) + driverNames.length + plan.units.length + chargebackGroups + (options.variants?.length ?? 0) + PRICING_STEPS_PER_GPU * Object.keys(plan.gpuPrices).length,
    options.onProgress,
  );
  const monthly = monthlyTotal(plan, store);
  const total = store.horizonTotal(monthly);
  progress.step();

  const workloads: ForecastResult['workloads'] = {};
  for (const workload of plan.workloads) {
    const cost = store.trialMonth(series.workloadCost(workload.index))!;
    workloads[workload.spec.id] = { total: summarize(store.horizonTotal(cost)), monthly: summarizeMonths(cost, trials, labels, progress.part(1)) };
    progress.step();
  }

  const p50 = percentileStdError(total, 50, CHUNK_SIZE);
  const p90 = percentileStdError(total, 90, CHUNK_SIZE);
  progress.step();

  // Budget, with per-tag budgets over the workloads carrying the tag value.
  let budget: BudgetResult | null = null;
  if (scenario.budget) {
    budget = { ...analyzeBudget(scenario.budget, monthly, trials, months) };
    progress.step();
    if (scenario.budget.byTag?.length) {
      budget.byTag = scenario.budget.byTag.map((tagBudget) => {
        const names = plan.workloads.filter((w) => w.tags[tagBudget.tag] === tagBudget.value).map((w) => series.workloadCost(w.index));
        const analysis = analyzeBudget({ ...tagBudget, thresholds: scenario.budget!.thresholds }, store.sum(names), trials, months);
        progress.step();
        return { tag: tagBudget.tag, value: tagBudget.value, ...analysis };
      });
    }
  }

  const drivers = new Map<string, Float64Array>();
  for (const name of driverNames) drivers.set(name.slice('driver:'.length), store.trial(name)!);
  const sensitivity = analyzeSensitivity(total, drivers, progress.part(driverNames.length)).filter((entry) => Number.isFinite(entry.rankCorrelation));
  progress.step();

  const value = store.trialMonth(series.value);
  const roi = value && scenario.value ? analyzeRoi(value, monthly, trials, labels, scenario.value.discountRate ?? 0.1) : null;
  progress.step();

  // Unit costs: the cost of the chosen workloads over the units they served.
  let units: Record<string, UnitResult> | null = null;
  if (plan.units.length) {
    units = {};
    for (const unit of plan.units) {
      const count = store.trialMonth(series.unit(unit.name))!;
      const cost = store.sum(unit.workloads.map((index) => series.workloadCost(index)));
      const perUnitMonthly = new Float64Array(cost.length);
      for (let i = 0; i < cost.length; i++) perUnitMonthly[i] = count[i]! > 0 ? (cost[i]! / count[i]!) * unit.per : 0;
      const costTotal = store.horizonTotal(cost);
      const countTotal = store.horizonTotal(count);
      const perUnit = new Float64Array(trials);
      for (let t = 0; t < trials; t++) perUnit[t] = countTotal[t]! > 0 ? (costTotal[t]! / countTotal[t]!) * unit.per : 0;
      units[unit.name] = { costPerUnit: summarize(perUnit), monthly: summarizeMonths(perUnitMonthly, trials, labels), per: unit.per };
      progress.step();
    }
  }

  // Energy and emissions of the GPU workloads in the scenario's region.
  let carbon: CarbonResult | null = null;
  if (plan.carbon) {
    const energy = new Float64Array(trials);
    const byWorkload: Record<string, { energyMWh: number; co2eTonnes: number }> = {};
    for (const workload of plan.workloads) {
      const kwh = store.trial(series.energy(workload.index));
      if (!kwh) continue;
      for (let t = 0; t < trials; t++) energy[t] = energy[t]! + kwh[t]!;
      const mean = meanAndSd(kwh).mean;
      byWorkload[workload.spec.id] = { energyMWh: mean / 1000, co2eTonnes: (mean * plan.carbon.kgPerKwh) / 1000 };
    }
    const mwh = energy.map((kwh) => kwh / 1000);
    const tonnes = energy.map((kwh) => (kwh * plan.carbon!.kgPerKwh) / 1000);
    carbon = { energyMWh: summarize(mwh), co2eTonnes: summarize(tonnes), byWorkload };
  }
  progress.step();

  // Chargeback by every tag key.
  const chargeback: NonNullable<ForecastResult['chargeback']> = {};
  for (const key of tagKeys) {
    const groups = new Map<string, string[]>();
    for (const workload of plan.workloads) {
      const group = workload.tags[key] ?? '(untagged)';
      groups.set(group, [...(groups.get(group) ?? []), series.workloadCost(workload.index)]);
    }
    chargeback[key] = {};
    for (const [group, names] of groups) {
      const cost = store.sum(names);
      chargeback[key][group] = { total: summarize(store.horizonTotal(cost)), monthly: summarizeMonths(cost, trials, labels, progress.part(1)) };
      progress.step();
    }
  }

  let variants: VariantResult[] | null = null;
  if (options.variants?.length) {
    const base = summarize(total);
    variants = options.variants.map(({ name, plan: variantPlan, store: variantStore }) => {
      const variantMonthly = monthlyTotal(variantPlan, variantStore);
      const variantTotal = variantStore.horizonTotal(variantMonthly);
      const stats = summarize(variantTotal);
      const delta = new Float64Array(trials);
      for (let t = 0; t < trials; t++) delta[t] = variantTotal[t]! - total[t]!;
      const deltaStats = meanAndSd(delta);
      // Paired per trial: the change the variant makes under the same random numbers, not a difference of quantiles.
      const monthlyDelta = new Float64Array(variantMonthly.length);
      for (let i = 0; i < monthlyDelta.length; i++) monthlyDelta[i] = variantMonthly[i]! - monthly[i]!;
      const part = progress.part();
      const variantMonths = summarizeMonths(variantMonthly, trials, labels, (done, of) => part(done, 2 * of));
      const deltaMonths = summarizeMonths(monthlyDelta, trials, labels, (done, of) => part(of + done, 2 * of));
      progress.step();
      return {
        name,
        total: stats,
        deltaP50: stats.p50 - base.p50,
        deltaP90: stats.p90 - base.p90,
        deltaMean: deltaStats.mean,
        probabilityCheaper: probability(delta, (d) => d < 0),
        deltaStdError: deltaStats.sd / Math.sqrt(trials),
        monthly: variantMonths,
        delta: summarize(delta),
        monthlyDelta: deltaMonths,
      };
    });
  }

  const pricing = analyzePricing(plan, store, reference, progress.part(PRICING_STEPS_PER_GPU * Object.keys(plan.gpuPrices).length));
  progress.step();
  const totalStats = summarize(total);
  progress.step();
  const monthlyStats = summarizeMonths(monthly, trials, labels, progress.part(1));
  progress.step();
  const cumulative = summarizeMonths(cumulativeOf(monthly, trials, months), trials, labels, progress.part(1));
  progress.step();
  const shapes = progress.part();
  const driverShapes = [...drivers].map(([name, values], i) => {
    const shape = sampleShape(values);
    shapes(i + 1, drivers.size + 1);
    return [name, shape] as const;
  });
  const distributions = { total: sampleShape(total), drivers: Object.fromEntries(driverShapes) };
  progress.finish();

  return {
    scenario: scenario.name,
    currency: scenario.currency,
    trials,
    seed: options.seed,
    sampling: options.sampling,
    months: labels,
    total: totalStats,
    monthly: monthlyStats,
    workloads,
    precision: { p50StdError: p50.stdError, p90StdError: p90.stdError, method: p50.method },
    budget,
    sensitivity,
    pricing,
    roi,
    units,
    carbon,
    variants,
    chargeback,
    cumulative,
    distributions,
    ...(plan.warnings.length ? { warnings: plan.warnings } : {}),
  };
}
