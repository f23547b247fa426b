/**
 * The forecast result: the JSON contract of `costcast forecast --json` and what the app's
 * worker posts back. Only statistics, never raw trials, so a 1M-trial run stays small.
 * Fields are only ever added, never changed (DESIGN.md, "Forecast result").
 */

/** Summary statistics of a sample (money unless said otherwise). */
export interface Stats {
  mean: number;
  sd: number;
  p5: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
}

/** Additive: the shape of a sample, for histograms and CDFs (see sample-shape.ts). */
export interface SampleShape {
  /** Percentiles 0, 1, …, 100 of the sample (index = percent). */
  percentiles: number[];
  /** Equal-width bins from `min` to `max`; trials beyond fall into the end bins. */
  histogram: { min: number; max: number; counts: number[] };
}

export interface MonthStats extends Stats {
  month: string;
}

export interface WorkloadResult {
  total: Stats;
  monthly: MonthStats[];
}

export interface BudgetThresholdResult {
  /** Share of the budget, e.g. 0.8. */
  level: number;
  /** Probability that cumulative spend crosses `level` × cumulative budget within the horizon. */
  probability: number;
  /** Earliest month (1-based) by which at least half of the trials have crossed, or null. */
  likelyMonth: number | null;
  /** Stats of the first crossing month over the trials that cross. */
  firstMonth: Stats | null;
}

export interface BudgetResult {
  amount: number;
  probabilityOfExceeding: number;
  expectedOverrun: number;
  probabilityOfBreach: number;
  firstBreachMonth: Stats | null;
  /** Additive: cumulative budget per month (the line drawn on charts). */
  cumulativeBudget?: number[];
  /** Additive: P(cumulative spend > cumulative budget) at the end of each month. */
  probabilityOverByMonth?: number[];
  /** Additive: histogram of the first breach month, index m-1 = share of all trials breaching first in month m. */
  firstBreachHistogram?: number[];
  thresholds?: BudgetThresholdResult[];
  byTag?: (Omit<BudgetResult, 'byTag'> & { tag: string; value: string })[];
}

export interface SensitivityEntry {
  driver: string;
  rankCorrelation: number;
  /** Additive: P50 of the total when the driver sits in its bottom / top decile of trials. */
  p50AtLow?: number;
  p50AtHigh?: number;
  /** Additive: how much the P10–P90 spread of the total would shrink (money) if this driver were known. */
  spreadReduction?: number;
}

export interface StrategyResult {
  name: 'on-demand' | 'committed' | 'spot' | 'plan' | 'optimal';
  total: Stats;
  /** Additive: mean saving against on-demand (money; positive is cheaper). */
  savingVsOnDemand?: number;
  /** Additive: how to read this strategy when it needs it, e.g. "no commitments are configured …: equals on-demand". */
  note?: string;
}

export interface RecommendedCommitment {
  gpu: string;
  term: '1y' | '3y';
  gpuHoursPerMonth: number;
  expectedSaving?: number;
  probabilityUnderUsed?: number;
  /** Additive: months covered from the first month (whole terms). */
  monthsCovered?: number;
}

export interface ProviderResult {
  provider: string;
  region: string;
  total: Stats;
  co2eTonnes: number;
  pricePerGpuHour?: Record<string, number>;
  energyMWh?: number;
  missingGpus?: string[];
}

export interface PricingResult {
  strategies: StrategyResult[];
  recommendedCommitments: RecommendedCommitment[];
  providers: ProviderResult[];
  commitmentCurves?: {
    gpu: string;
    term: '1y' | '3y';
    points: { gpuHoursPerMonth: number; expectedCost: number; p90Cost: number }[];
    /** Additive: the optimizer's level (GPU-hours per month), one of the points. */
    optimum?: number;
    /** Additive: the scenario's configured level for this GPU type and term, or null. */
    configured?: number | null;
  }[];
  /** Additive: GPU-hours over the horizon per GPU type. */
  gpuHours?: Record<string, Stats>;
  asOf?: string;
  /** Additive: what the commitment optimizer minimised. */
  optimizeFor?: 'mean' | 'p90';
  /** Additive: plain sentences on what was not sized or compared, and why. */
  notes?: string[];
}

export interface RoiResult {
  value: Stats;
  net: Stats;
  roi: Stats;
  npv: Stats;
  probabilityPositive: number;
  probabilityOfPayback: number;
  paybackMonth: Stats | null;
  monthlyValue?: MonthStats[];
  cumulativeNet?: MonthStats[];
  /** Additive: the shape of the ROI (a share) and NPV (money) samples, for histograms and CDFs. */
  distributions?: { roi: SampleShape; npv: SampleShape };
  /** Additive: share of all trials that pay back first in month m (index m − 1); sums to probabilityOfPayback. */
  paybackHistogram?: number[];
  /** Additive: P(cumulative net ≥ 0 by the end of month m), index m − 1; the last is probabilityOfPayback. */
  probabilityOfPaybackByMonth?: number[];
}

export interface UnitResult {
  costPerUnit: Stats;
  monthly?: MonthStats[];
  per?: number;
}

export interface CarbonResult {
  energyMWh: Stats;
  co2eTonnes: Stats;
  byWorkload?: Record<string, { energyMWh: number; co2eTonnes: number }>;
}

export interface VariantResult {
  name: string;
  total: Stats;
  deltaP50: number;
  deltaP90: number;
  deltaMean?: number;
  probabilityCheaper?: number;
  deltaStdError?: number;
  monthly?: MonthStats[];
  /** Additive: stats of the paired change of the horizon total, variant − baseline, trial by trial (common random numbers). */
  delta?: Stats;
  /** Additive: stats of the paired change per month, variant − baseline, trial by trial. */
  monthlyDelta?: MonthStats[];
}

export interface ForecastResult {
  scenario: string;
  currency: string;
  trials: number;
  seed: number;
  sampling: 'lhs' | 'random';
  months: string[];
  total: Stats;
  monthly: MonthStats[];
  workloads: Record<string, WorkloadResult>;
  precision: { p50StdError: number; p90StdError: number; method?: string };
  budget: BudgetResult | null;
  sensitivity: SensitivityEntry[];
  pricing: PricingResult | null;
  roi: RoiResult | null;
  units: Record<string, UnitResult> | null;
  carbon: CarbonResult | null;
  variants: VariantResult[] | null;
  /** Additive: cost by tag key → tag value → monthly P50/P90 and total stats. */
  chargeback?: Record<string, Record<string, { total: Stats; monthly: MonthStats[] }>>;
  /** Additive: the shape of the horizon total and of each uncertain driver drawn once per trial. */
  distributions?: { total: SampleShape; drivers: Record<string, SampleShape> };
  /** Additive: cumulative total spend per month. */
  cumulative?: MonthStats[];
  warnings?: string[];
}
