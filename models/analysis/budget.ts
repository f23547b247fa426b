/**
 * Budget analysis over the per-trial monthly spend: probability and size of an overrun, and
 * *when* it happens — the first month in which cumulative spend crosses the cumulative budget
 * (the total budget as a whole, or the running sum of monthly budgets), also at alert levels.
 */
import type { BudgetSpec } from '../scenario/schema.ts';
import type { BudgetResult, BudgetThresholdResult } from '../simulate/result.ts';
import { summarize, summarizeWhere } from '../simulate/stats.ts';

/** Cumulative budget per month: flat at the total, or the running sum of monthly budgets. */
export function cumulativeBudget(budget: Pick<BudgetSpec, 'total' | 'monthly'>, months: number): number[] {
  if (budget.total !== undefined) return Array.from({ length: months }, () => budget.total!);
  const monthly = budget.monthly!;
  let running = 0;
  return Array.from({ length: months }, (_, m) => (running += Array.isArray(monthly) ? (monthly[m] ?? 0) : monthly));
}

/** First month (1-based) in which cumulative spend exceeds level × cumulative budget, per trial (0: never). */
export function firstCrossing(monthlySpend: Float64Array, trials: number, months: number, limit: readonly number[], level: number): Float64Array {
  const first = new Float64Array(trials);
  const cumulative = new Float64Array(trials);
  for (let m = 0; m < months; m++) {
    const threshold = limit[m]! * level;
    const base = m * trials;
    for (let t = 0; t < trials; t++) {
      cumulative[t] = cumulative[t]! + monthlySpend[base + t]!;
      if (first[t] === 0 && cumulative[t]! > threshold) first[t] = m + 1;
    }
  }
  return first;
}

/** The budget section of the result for one spend series (the whole scenario or one tag). */
export function analyzeBudget(
  budget: Pick<BudgetSpec, 'total' | 'monthly'> & { thresholds?: number[] | undefined },
  monthlySpend: Float64Array,
  trials: number,
  months: number,
): Omit<BudgetResult, 'byTag'> {
  const limit = cumulativeBudget(budget, months);
  const amount = limit[months - 1]!;
  const totals = new Float64Array(trials);
  const overByMonth = new Array<number>(months).fill(0);
  for (let m = 0; m < months; m++) {
    const base = m * trials;
    let over = 0;
    for (let t = 0; t < trials; t++) {
      totals[t] = totals[t]! + monthlySpend[base + t]!;
      if (totals[t]! > limit[m]!) over++;
    }
    overByMonth[m] = over / trials;
  }
  let exceeding = 0;
  let overrun = 0;
  for (let t = 0; t < trials; t++) {
    if (totals[t]! > amount) {
      exceeding++;
      overrun += totals[t]! - amount;
    }
  }
  const first = firstCrossing(monthlySpend, trials, months, limit, 1);
  const histogram = new Array<number>(months).fill(0);
  let breaches = 0;
  for (let t = 0; t < trials; t++) {
    if (first[t]! > 0) {
      breaches++;
      histogram[first[t]! - 1]! += 1 / trials;
    }
  }
  const thresholds: BudgetThresholdResult[] = (budget.thresholds ?? [0.8, 1]).map((level) => {
    const crossing = level === 1 ? first : firstCrossing(monthlySpend, trials, months, limit, level);
    const perMonth = new Array<number>(months).fill(0);
    let count = 0;
    for (let t = 0; t < trials; t++) {
      if (crossing[t]! > 0) {
        count++;
        perMonth[crossing[t]! - 1]!++;
      }
    }
    let cumulative = 0;
    let likelyMonth: number | null = null;
    for (let m = 0; m < months && likelyMonth === null; m++) {
      cumulative += perMonth[m]!;
      if (cumulative >= trials / 2) likelyMonth = m + 1;
    }
    return { level, probability: count / trials, likelyMonth, firstMonth: summarizeWhere(crossing, (t) => crossing[t]! > 0) };
  });
  return {
    amount,
    probabilityOfExceeding: exceeding / trials,
    expectedOverrun: overrun / trials,
    probabilityOfBreach: breaches / trials,
    firstBreachMonth: breaches ? summarizeWhere(first, (t) => first[t]! > 0) : null,
    cumulativeBudget: limit,
    probabilityOverByMonth: overByMonth,
    firstBreachHistogram: histogram,
    thresholds,
  };
}

export { summarize };
