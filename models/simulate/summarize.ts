/**
 * From the assembled per-trial series to the ForecastResult contract. Sections that need
 * per-trial pairing (budget timing, ROI, sensitivity, variants) are computed here over the
 * full sample, in trial order.
 *
 * The result is built from sections, each a pure function of the plan and the stores, so any
 * thread holding the stores can compute any section (the CLI spreads them over its worker
 * threads); `summarizeRun` computes whatever sections it is not handed and assembles them in
 * one fixed order, so the result is the same wherever each section was computed.
 */
import { analyzeBudget } from '../analysis/budget.ts';
import { analyzeRoi } from '../analysis/roi.ts';
import { analyzeSensitivity } from '../analysis/sensitivity.ts';
import type { ReferenceData } from './reference-data.ts';
import { analyzePricing } from '../pricing/strategies.ts';
import { CHUNK_SIZE } from './chunk.ts';
import { addInto, series } from './collect.ts';
import type { SimulationPlan } from './plan-types.ts';
import { sampleShape } from './sample-shape.ts';
import type { BudgetResult, CarbonResult, ForecastResult, MonthStats, UnitResult, WorkloadResult } from './result.ts';
import type { SeriesStore } from './series-store.ts';
import { meanAndSd, percentileStdError, probability, summarize, summarizeEachMonth, summarizeMonths } from './stats.ts';
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

/** running[t] += the month starting at `base` of a month-major series (a loop of its own: see "Speed notes" in docs/architecture.md). */
function addMonth(running: Float64Array, monthly: Float64Array, base: number): void {
  for (let t = 0; t < running.length; t++) running[t] = monthly[base + t]! + running[t]!;
}

/**
 * Stats per month of each trial's spend so far, from the monthly spend: one running total per
 * trial carried month to month (an array of trials, not of trials × months).
 */
function summarizeCumulative(monthly: Float64Array, trials: number, labels: readonly string[], onProgress?: ProgressListener): MonthStats[] {
  const running = new Float64Array(trials);
  return summarizeEachMonth(
    labels,
    (m) => {
      addMonth(running, monthly, m * trials);
      return running;
    },
    onProgress,
  );
}

/** Cost per `per` units, element by element; 0 where no units were served. */
function costPerUnit(cost: Float64Array, count: Float64Array, per: number): Float64Array {
  const out = new Float64Array(cost.length);
  for (let i = 0; i < cost.length; i++) out[i] = count[i]! > 0 ? (cost[i]! / count[i]!) * per : 0;
  return out;
}

/** Monthly total spend per trial (the workloads' costs added up by the chunks). */
export function monthlyTotal(store: SeriesStore): Float64Array {
  return store.trialMonth(series.monthlyTotal)!;
}

/** Each trial's spend over the horizon. */
export function horizonTotal(store: SeriesStore): Float64Array {
  return store.trial(series.total)!;
}

/** The sections a result is built from, with the values they produce. */
export interface SummarySections {
  /** Total, monthly total, precision, budget, ROI, units, carbon, cumulative. */
  core: Pick<ForecastResult, 'total' | 'monthly' | 'precision' | 'budget' | 'roi' | 'units' | 'carbon'> & Required<Pick<ForecastResult, 'cumulative'>>;
  sensitivity: ForecastResult['sensitivity'];
  distributions: NonNullable<ForecastResult['distributions']>;
  pricing: ForecastResult['pricing'];
  chargeback: NonNullable<ForecastResult['chargeback']>;
  variants: ForecastResult['variants'];
  /** One section per workload (by index), so they can be spread over threads. */
  [workload: `workload:${number}`]: WorkloadResult;
}

export type SummarySection = keyof SummarySections & string;

/** Every section of a plan's result, the costliest first (the order a pool hands them out). */
export function summarySections(plan: SimulationPlan, options: Pick<SummaryOptions, 'variants'>): SummarySection[] {
  const sections: SummarySection[] = [];
  if (Object.keys(plan.gpuPrices).length) sections.push('pricing');
  sections.push('core', 'sensitivity', 'distributions');
  sections.push(...plan.workloads.map((w) => `workload:${w.index}` as const));
  if (options.variants?.length) sections.push('variants');
  sections.push('chargeback');
  return sections;
}

/** How many progress steps each section is worth (the heavy ones more). */
function sectionSteps(section: SummarySection, plan: SimulationPlan, store: SeriesStore, options: SummaryOptions): number {
  if (section.startsWith('workload:')) return 1;
  switch (section) {
    case 'core':
      // monthly total, precision, ROI, carbon, total, monthly and cumulative stats; budget, tag budgets and units as counted.
      return 7 + (plan.scenario.budget ? 1 + (plan.scenario.budget.byTag?.length ?? 0) : 0) + plan.units.length;
    case 'sensitivity':
      return Math.max(1, store.trialNames().filter((name) => name.startsWith('driver:')).length);
    case 'distributions':
      return 2;
    case 'pricing':
      return PRICING_STEPS_PER_GPU * Object.keys(plan.gpuPrices).length;
    case 'chargeback':
      return Math.max(1, chargebackGroups(plan).reduce((sum, [, groups]) => sum + groups.size, 0));
    case 'variants':
      return Math.max(1, options.variants?.length ?? 0);
    default:
      return 1;
  }
}

/** Computes one section of the result; `onProgress` hears how far it is. */
export function summarizeSection<K extends SummarySection>(section: K, plan: SimulationPlan, store: SeriesStore, reference: ReferenceData, options: SummaryOptions, onProgress?: ProgressListener): SummarySections[K] {
  return computeSection(section, plan, store, reference, options, onProgress) as SummarySections[K];
}

function computeSection(section: SummarySection, plan: SimulationPlan, store: SeriesStore, reference: ReferenceData, options: SummaryOptions, onProgress?: ProgressListener): SummarySections[SummarySection] {
  if (section.startsWith('workload:')) return workloadSection(plan, store, Number(section.slice('workload:'.length)), onProgress);
  switch (section) {
    case 'core':
      return coreSection(plan, store, onProgress);
    case 'sensitivity':
      return analyzeSensitivity(horizonTotal(store), driverSamples(store), onProgress).filter((entry) => Number.isFinite(entry.rankCorrelation));
    case 'distributions': {
      const drivers = driverSamples(store);
      const shapes = [...drivers].map(([name, values], i) => {
        const shape = sampleShape(values);
        onProgress?.(i + 1, drivers.size + 1);
        return [name, shape] as const;
      });
      return { total: sampleShape(horizonTotal(store)), drivers: Object.fromEntries(shapes) };
    }
    case 'pricing':
      return analyzePricing(plan, store, reference, onProgress);
    case 'chargeback':
      return chargebackSection(plan, store, onProgress);
    case 'variants':
      return variantsSection(plan, store, options, onProgress);
    default:
      throw new RangeError(`unknown summary section "${section}"`);
  }
}

/** The per-trial samples of the reported drivers (month means), by driver name. */
function driverSamples(store: SeriesStore): Map<string, Float64Array> {
  const drivers = new Map<string, Float64Array>();
  for (const name of store.trialNames()) {
    if (name.startsWith('driver:')) drivers.set(name.slice('driver:'.length), store.trial(name)!);
  }
  return drivers;
}

function workloadSection(plan: SimulationPlan, store: SeriesStore, index: number, onProgress?: ProgressListener): WorkloadResult {
  const cost = store.trialMonth(series.workloadCost(index))!;
  return { total: summarize(store.trial(series.workloadTotal(index))!), monthly: summarizeMonths(cost, store.trials, plan.monthLabels, onProgress) };
}

function coreSection(plan: SimulationPlan, store: SeriesStore, onProgress?: ProgressListener): SummarySections['core'] {
  const { trials, months } = store;
  const labels = plan.monthLabels;
  const scenario = plan.scenario;
  const progress = stepProgress(sectionSteps('core', plan, store, {} as SummaryOptions), onProgress);
  const monthly = monthlyTotal(store);
  const total = horizonTotal(store);
  progress.step();

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
      const perUnitMonthly = costPerUnit(cost, count, unit.per);
      const perUnit = costPerUnit(store.horizonTotal(cost), store.horizonTotal(count), unit.per);
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
      addInto(energy, kwh, trials);
      const mean = meanAndSd(kwh).mean;
      byWorkload[workload.spec.id] = { energyMWh: mean / 1000, co2eTonnes: (mean * plan.carbon.kgPerKwh) / 1000 };
    }
    const mwh = energy.map((kwh) => kwh / 1000);
    const tonnes = energy.map((kwh) => (kwh * plan.carbon!.kgPerKwh) / 1000);
    carbon = { energyMWh: summarize(mwh), co2eTonnes: summarize(tonnes), byWorkload };
  }
  progress.step();

  const totalStats = summarize(total);
  progress.step();
  const monthlyStats = summarizeMonths(monthly, trials, labels, progress.part(1));
  progress.step();
  const cumulative = summarizeCumulative(monthly, trials, labels, progress.part(1));
  progress.finish();
  return { total: totalStats, monthly: monthlyStats, precision: { p50StdError: p50.stdError, p90StdError: p90.stdError, method: p50.method }, budget, roi, units, carbon, cumulative };
}

/** Workloads grouped by every tag key (sorted), by tag value in order of first appearance. */
function chargebackGroups(plan: SimulationPlan): [string, Map<string, string[]>][] {
  const tagKeys = [...new Set(plan.workloads.flatMap((w) => Object.keys(w.tags)))].sort();
  return tagKeys.map((key) => {
    const groups = new Map<string, string[]>();
    for (const workload of plan.workloads) {
      const group = workload.tags[key] ?? '(untagged)';
      groups.set(group, [...(groups.get(group) ?? []), series.workloadCost(workload.index)]);
    }
    return [key, groups];
  });
}

/** Chargeback by every tag key. */
function chargebackSection(plan: SimulationPlan, store: SeriesStore, onProgress?: ProgressListener): SummarySections['chargeback'] {
  const keyed = chargebackGroups(plan);
  const progress = stepProgress(Math.max(1, keyed.reduce((sum, [, groups]) => sum + groups.size, 0)), onProgress);
  const chargeback: SummarySections['chargeback'] = {};
  for (const [key, groups] of keyed) {
    chargeback[key] = {};
    for (const [group, names] of groups) {
      const cost = store.sum(names);
      chargeback[key][group] = { total: summarize(store.horizonTotal(cost)), monthly: summarizeMonths(cost, store.trials, plan.monthLabels, progress.part(1)) };
      progress.step();
    }
  }
  progress.finish();
  return chargeback;
}

function variantsSection(plan: SimulationPlan, store: SeriesStore, options: SummaryOptions, onProgress?: ProgressListener): SummarySections['variants'] {
  if (!options.variants?.length) return null;
  const { trials } = store;
  const labels = plan.monthLabels;
  const monthly = monthlyTotal(store);
  const total = horizonTotal(store);
  const base = summarize(total);
  const progress = stepProgress(options.variants.length, onProgress);
  const variants = options.variants.map(({ name, store: variantStore }) => {
    const variantMonthly = monthlyTotal(variantStore);
    const variantTotal = horizonTotal(variantStore);
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
  progress.finish();
  return variants;
}

/**
 * Builds the result contract from a complete store: the sections in `computed` as given
 * (computed elsewhere), every other one here, reporting progress to `options.onProgress`.
 */
export function summarizeRun(plan: SimulationPlan, store: SeriesStore, reference: ReferenceData, options: SummaryOptions, computed: Partial<SummarySections> = {}): ForecastResult {
  const sections = summarySections(plan, options);
  const weights = sections.map((section) => sectionSteps(section, plan, store, options));
  const progress = stepProgress(weights.reduce((a, b) => a + b, 0), options.onProgress);
  const values: Partial<Record<SummarySection, unknown>> = {};
  sections.forEach((section, i) => {
    const listener = progress.part(weights[i]);
    values[section] = (computed as Partial<Record<SummarySection, unknown>>)[section] ?? summarizeSection(section, plan, store, reference, options, listener);
    progress.step();
  });
  progress.finish();
  const section = <K extends SummarySection>(name: K) => values[name] as SummarySections[K];
  const core = section('core');
  const workloads: ForecastResult['workloads'] = {};
  for (const workload of plan.workloads) workloads[workload.spec.id] = section(`workload:${workload.index}`);
  return {
    scenario: plan.scenario.name,
    currency: plan.scenario.currency,
    trials: store.trials,
    seed: options.seed,
    sampling: options.sampling,
    months: plan.monthLabels,
    total: core.total,
    monthly: core.monthly,
    workloads,
    precision: core.precision,
    budget: core.budget,
    sensitivity: section('sensitivity'),
    pricing: Object.keys(plan.gpuPrices).length ? section('pricing') : null,
    roi: core.roi,
    units: core.units,
    carbon: core.carbon,
    variants: options.variants?.length ? section('variants') : null,
    chargeback: section('chargeback'),
    cumulative: core.cumulative,
    distributions: section('distributions'),
    ...(plan.warnings.length ? { warnings: plan.warnings } : {}),
  };
}
