/**
 * Budget and ROI against hand calculations (DESIGN.md, "Exact arithmetic"): the issue's worked
 * example exactly, monthly and per-tag budgets, alert thresholds and the ROI distribution with
 * analytic answers and tolerances from the Monte Carlo standard error.
 */
import { describe, expect, it } from 'vitest';
import { bundledReference } from '../pricing/reference.ts';
import { summarizeSimulation } from '../simulate/run.ts';
import { prepareForecast } from '../simulate/prepare.ts';
import { forecastOf, scenarioDocument, scenarioOf, simulationOf } from '../simulate/test-support.ts';
import { validateDocument } from '../scenario/validate.ts';
import { parseFormula } from '../formula/parse.ts';
import { analyzeBudget, cumulativeBudget, firstCrossing } from './budget.ts';
import { analyzeRoi, monthlyRate } from './roi.ts';

const MONTHS = 12;
const labels = Array.from({ length: MONTHS }, (_, m) => `2027-${String(m + 1).padStart(2, '0')}`);

/** One trial's monthly path as the month-major array the analyses take (trials = 1). */
const path = (values: readonly number[]) => Float64Array.from(values);

/** The issue's example: 20,000 in month 1, then 1,000 a month; value 4,000 a month. */
const cost = [20_000, ...Array.from({ length: MONTHS - 1 }, () => 1000)];
const value = Array.from({ length: MONTHS }, () => 4000);

describe('the issue’s worked example, by hand', () => {
  // Σ cost = 31,000, Σ value = 48,000 → ROI = 17,000 / 31,000 = 0.548387…
  // Monthly rate i = 1.12^(1/12) − 1 = 0.0094888; NPV = Σ (4,000 − cost_m) / (1 + i)^m = 15,053.14.
  // Cumulative net: −16,000, −13,000, −10,000, −7,000, −4,000, −1,000, +2,000 → payback in month 7.
  // Cumulative cost passes 30,000 only in month 12 (31,000; month 11 is exactly 30,000).
  const handNpv = cost.reduce((sum, c, m) => sum + (4000 - c) / Math.pow(1.12, (m + 1) / 12), 0);

  it('the hand NPV is 15,053.14 and the ROI 0.5484', () => {
    expect(handNpv).toBeCloseTo(15_053.14, 2);
    expect(17_000 / 31_000).toBeCloseTo(0.5484, 4);
    expect(monthlyRate(0.12)).toBeCloseTo(0.0094888, 7);
  });

  it('analyzeRoi gives ROI 0.5484, NPV 15,053.14 and payback month 7', () => {
    const roi = analyzeRoi(path(value), path(cost), 1, labels, 0.12);
    expect(roi.roi.p50).toBeCloseTo(17_000 / 31_000, 12);
    expect(roi.npv.p50).toBeCloseTo(15_053.14, 2);
    expect(roi.npv.p50).toBeCloseTo(handNpv, 8);
    expect(roi.value.p50).toBe(48_000);
    expect(roi.net.p50).toBe(17_000);
    expect(roi.paybackMonth?.p50).toBe(7);
    expect(roi.probabilityOfPayback).toBe(1);
    expect(roi.probabilityPositive).toBe(1);
    expect(roi.cumulativeNet!.map((m) => m.p50)).toEqual([-16_000, -13_000, -10_000, -7_000, -4_000, -1_000, 2_000, 5_000, 8_000, 11_000, 14_000, 17_000]);
  });

  it('analyzeBudget: a 30,000 budget is exceeded with probability 1, overrun 1,000, first breach in month 12', () => {
    const budget = analyzeBudget({ total: 30_000 }, path(cost), 1, MONTHS);
    expect(budget.amount).toBe(30_000);
    expect(budget.probabilityOfExceeding).toBe(1);
    expect(budget.expectedOverrun).toBe(1000);
    expect(budget.probabilityOfBreach).toBe(1);
    expect(budget.firstBreachMonth?.p50).toBe(12);
    expect(budget.probabilityOverByMonth).toEqual([...Array.from({ length: 11 }, () => 0), 1]);
    expect(budget.firstBreachHistogram).toEqual([...Array.from({ length: 11 }, () => 0), 1]);
  });

  it('the whole engine gives the same figures for the scenario written as a file would be', async () => {
    const result = await forecastOf(
      {
        workloads: [{ id: 'project', type: 'fixed', monthly: { series: [20_000, 1000] } }],
        budget: { total: 30_000 },
        value: { monthly: 4000, discountRate: 0.12 },
      },
      { trials: 500, seed: 3 },
    );
    expect(result.total.p50).toBe(31_000);
    expect(result.roi!.roi.p50).toBeCloseTo(0.5484, 4);
    expect(result.roi!.npv.p50).toBeCloseTo(15_053.14, 2);
    expect(result.roi!.paybackMonth!.p50).toBe(7);
    // Deterministic: every trial is the same path, so every percentile is the hand value.
    expect(result.roi!.npv.p5).toBeCloseTo(result.roi!.npv.p95, 9);
    expect(result.budget!.probabilityOfExceeding).toBe(1);
    expect(result.budget!.expectedOverrun).toBeCloseTo(1000, 9);
    expect(result.budget!.probabilityOfBreach).toBe(1);
    expect(result.budget!.firstBreachMonth).toMatchObject({ p5: 12, p50: 12, p95: 12 });
    // Default alert levels 80 % and 100 %: cumulative spend reaches exactly 24,000 in month 5, so
    // 80 % is first exceeded in month 6 (25,000); 30,000 in month 12.
    expect(result.budget!.thresholds!.map((t) => [t.level, t.probability, t.likelyMonth])).toEqual([
      [0.8, 1, 6],
      [1, 1, 12],
    ]);
  });
});

describe('monthly budgets', () => {
  it('one number per month accumulates: 900 a month against 1,000 a month breaches in month 1', () => {
    const spend = path(Array.from({ length: MONTHS }, () => 1000));
    expect(cumulativeBudget({ monthly: 900 }, 3)).toEqual([900, 1800, 2700]);
    const budget = analyzeBudget({ monthly: 900 }, spend, 1, MONTHS);
    expect(budget.amount).toBe(10_800);
    expect(budget.expectedOverrun).toBe(1200);
    expect(budget.firstBreachMonth?.p50).toBe(1);
  });

  it('a phased budget is compared month by month with the running sums', () => {
    // Cumulative budget 2,000, 4,000, 4,500, 5,000, 5,500, 6,000, 6,500, …, 9,000 against
    // cumulative spend 1,000·m: equal in month 6 (not a breach: "exceeds" is strict), over in 7.
    const phased = [2000, 2000, ...Array.from({ length: MONTHS - 2 }, () => 500)];
    const spend = path(Array.from({ length: MONTHS }, () => 1000));
    const budget = analyzeBudget({ monthly: phased, thresholds: [0.8, 1] }, spend, 1, MONTHS);
    expect(budget.cumulativeBudget).toEqual([2000, 4000, 4500, 5000, 5500, 6000, 6500, 7000, 7500, 8000, 8500, 9000]);
    expect(budget.amount).toBe(9000);
    expect(budget.probabilityOfExceeding).toBe(1);
    expect(budget.expectedOverrun).toBe(3000);
    expect(budget.firstBreachMonth?.p50).toBe(7);
    expect(budget.probabilityOverByMonth).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    // 80 %: 1,600, 3,200, 3,600, 4,000, 4,400 … against 1,000, 2,000, 3,000, 4,000, 5,000: month 5.
    expect(budget.thresholds!.map((t) => [t.level, t.likelyMonth, t.firstMonth?.p50])).toEqual([
      [0.8, 5, 5],
      [1, 7, 7],
    ]);
  });

  it('firstCrossing marks 0 for a trial that never crosses', () => {
    // Two trials (month-major): 100 a month and 1,000 a month against 5,000 in total.
    const spend = new Float64Array(2 * MONTHS);
    for (let m = 0; m < MONTHS; m++) {
      spend[2 * m] = 100;
      spend[2 * m + 1] = 1000;
    }
    expect([...firstCrossing(spend, 2, MONTHS, cumulativeBudget({ total: 5000 }, MONTHS), 1)]).toEqual([0, 6]);
    const budget = analyzeBudget({ total: 5000 }, spend, 2, MONTHS);
    expect(budget.probabilityOfBreach).toBe(0.5);
    expect(budget.probabilityOfExceeding).toBe(0.5);
    // Only the breaching trial counts: (12,000 − 5,000) / 2 trials.
    expect(budget.expectedOverrun).toBe(3500);
    expect(budget.firstBreachMonth?.mean).toBe(6);
  });
});

describe('alert thresholds under uncertainty', () => {
  // Spend x a month, x ~ uniform(500, 1,500) drawn once per trial, 12 months, total budget 10,500.
  // Level L is crossed in month m when m·x > L·10,500: first month ⌊L·10,500 / x⌋ + 1.
  //   P(cross within 12 months) = P(x > L·10,500 / 12): 100 % → P(x > 875) = 0.625; 80 % → P(x > 700) = 0.8.
  //   Crossed by month m in at least half the trials ⇔ L·10,500 / m ≤ 1,000 (the median of x):
  //   100 % → m ≥ 10.5 → month 11; 80 % → m ≥ 8.4 → month 9.
  //   Expected overrun: 12x ~ uniform(6,000, 18,000), E[(12x − 10,500)⁺] = 7,500² / (2 · 12,000) = 2,343.75.
  const BUDGET = 10_500;
  const N = 20_000;
  const uniformBetween = (lo: number, hi: number) => Math.max(0, Math.min(1500, hi) - Math.max(500, lo)) / 1000;
  /** P(first crossing = m) and its conditional mean, by integrating over x. */
  function firstMonthMean(level: number): number {
    let p = 0;
    let mean = 0;
    for (let m = 1; m <= MONTHS; m++) {
      const pm = uniformBetween((level * BUDGET) / m, m > 1 ? (level * BUDGET) / (m - 1) : Infinity);
      p += pm;
      mean += m * pm;
    }
    return mean / p;
  }
  /** Plain Monte Carlo standard error of a proportion p from n trials (LHS does better). */
  const proportionError = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);

  it('gives each level its probability, its earliest likely month and first-month statistics', async () => {
    const result = await forecastOf(
      {
        drivers: { x: { dist: 'uniform', min: 500, max: 1500 } },
        workloads: [{ id: 'w', type: 'fixed', monthly: 'x' }],
        budget: { total: BUDGET, thresholds: [0.8, 1] },
      },
      { trials: N, seed: 17 },
    );
    const budget = result.budget!;
    const [eighty, hundred] = budget.thresholds!;
    expect(Math.abs(hundred!.probability - 0.625)).toBeLessThan(4 * proportionError(0.625, N));
    expect(Math.abs(eighty!.probability - 0.8)).toBeLessThan(4 * proportionError(0.8, N));
    expect(hundred!.likelyMonth).toBe(11);
    expect(eighty!.likelyMonth).toBe(9);
    // The 100 % level is the budget itself.
    expect(budget.probabilityOfBreach).toBe(hundred!.probability);
    expect(budget.probabilityOfExceeding).toBe(hundred!.probability);
    // Conditional mean first month: 9.574 (100 %) and 8.484 (80 %); months lie in 1…12, so their
    // sd is below 6, over the N·p crossing trials.
    expect(Math.abs(hundred!.firstMonth!.mean - firstMonthMean(1))).toBeLessThan((4 * 6) / Math.sqrt(N * 0.625));
    expect(Math.abs(eighty!.firstMonth!.mean - firstMonthMean(0.8))).toBeLessThan((4 * 6) / Math.sqrt(N * 0.8));
    expect(firstMonthMean(1)).toBeCloseTo(9.574, 3);
    expect(budget.firstBreachMonth!.mean).toBe(hundred!.firstMonth!.mean);
    // The overrun (12x − 10,500)⁺ lies in [0, 7,500], so its sd is below 3,750.
    expect(Math.abs(budget.expectedOverrun - 2343.75)).toBeLessThan((4 * 3750) / Math.sqrt(N));
    // The histogram of first breach months sums to P(breach).
    expect(budget.firstBreachHistogram!.reduce((a, b) => a + b, 0)).toBeCloseTo(budget.probabilityOfBreach, 12);
    // P(over by the end of month m) = P(m·x > 10,500): 0 until month 7 (x > 1,500 impossible), then rising.
    expect(budget.probabilityOverByMonth!.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(Math.abs(budget.probabilityOverByMonth![11]! - 0.625)).toBeLessThan(4 * proportionError(0.625, N));
  });
});

describe('budgets per tag', () => {
  it('tests each tag value’s budget against the spend of the workloads carrying it only', async () => {
    // Experimentation: x a month, x ~ uniform(500, 1,500); production: 2,000 a month, fixed.
    // Experimentation budget 10,500 → P(exceeding) = 0.625 as above; production 20,000 a month
    // budget → never exceeded; the whole 30,000 a month → never exceeded either.
    const N = 10_000;
    const result = await forecastOf(
      {
        tags: { team: 'ml' },
        drivers: { x: { dist: 'uniform', min: 500, max: 1500 } },
        workloads: [
          { id: 'sweeps', type: 'fixed', monthly: 'x', tags: { environment: 'experimentation' } },
          { id: 'serving', type: 'fixed', monthly: 2000, tags: { environment: 'production' } },
        ],
        budget: {
          monthly: 3600,
          byTag: [
            { tag: 'environment', value: 'experimentation', total: 10_500 },
            { tag: 'environment', value: 'production', monthly: 2500 },
            { tag: 'team', value: 'ml', total: 40_000 },
          ],
        },
      },
      { trials: N, seed: 5 },
    );
    const budget = result.budget!;
    // Whole scenario: 2,000 + x ≤ 3,500 < 3,600 every month: never over.
    expect(budget.amount).toBe(3600 * MONTHS);
    expect(budget.probabilityOfExceeding).toBe(0);
    expect(budget.firstBreachMonth).toBeNull();
    const [experimentation, production, team] = budget.byTag!;
    expect(experimentation).toMatchObject({ tag: 'environment', value: 'experimentation', amount: 10_500 });
    expect(Math.abs(experimentation!.probabilityOfExceeding - 0.625)).toBeLessThan(4 * Math.sqrt((0.625 * 0.375) / N));
    expect(experimentation!.thresholds!.map((t) => t.likelyMonth)).toEqual([9, 11]);
    expect(production).toMatchObject({ value: 'production', amount: 30_000, probabilityOfExceeding: 0, expectedOverrun: 0, probabilityOfBreach: 0, firstBreachMonth: null });
    // The scenario's tags are inherited by every workload: team=ml carries both, 24,000 + 12x
    // against 40,000 → over when x > 1,333.3: P = 1/6.
    expect(team).toMatchObject({ tag: 'team', value: 'ml', amount: 40_000 });
    expect(Math.abs(team!.probabilityOfExceeding - 1 / 6)).toBeLessThan(4 * Math.sqrt(((1 / 6) * (5 / 6)) / N));
  });
});

describe('budget checks before a run', () => {
  const workloads = [{ id: 'w', type: 'fixed', monthly: 100, tags: { team: 'a' } }];

  it('a tag budget needs either a total or a monthly amount', () => {
    for (const entry of [{ tag: 'team', value: 'a' }, { tag: 'team', value: 'a', total: 10, monthly: 1 }]) {
      const validated = validateDocument(scenarioDocument({ workloads, budget: { total: 1000, byTag: [entry] } }));
      expect(validated.ok).toBe(false);
      if (!validated.ok) expect(validated.issues.map((i) => `${i.path}: ${i.message}`)).toContain('budget.byTag[0]: give either `total` or `monthly`, not both and not neither');
    }
  });

  it('monthly budgets, the scenario’s and each tag’s, have one value per month', () => {
    const prepared = prepareForecast(scenarioOf({ workloads, budget: { monthly: [1, 2], byTag: [{ tag: 'team', value: 'a', monthly: [1, 2, 3] }] } }), bundledReference, parseFormula);
    expect(prepared.ok).toBe(false);
    if (!prepared.ok) {
      expect(prepared.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
        'budget.monthly: has 2 values for a 12-month horizon',
        'budget.byTag[0].monthly: has 3 values for a 12-month horizon',
      ]);
    }
  });

  it('warns when no workload carries a budgeted tag value (a typo, usually)', () => {
    const prepared = prepareForecast(scenarioOf({ workloads, budget: { total: 1000, byTag: [{ tag: 'team', value: 'b', total: 5 }, { tag: 'team', value: 'a', total: 5 }] } }), bundledReference, parseFormula);
    expect(prepared.ok).toBe(true);
    if (prepared.ok) expect(prepared.prepared.plan.warnings).toEqual(['budget.byTag[0]: no workload carries the tag team=b, so this budget sees no spend']);
  });
});

describe('ROI distribution', () => {
  // Cost 6,000 in month 1 then 1,000 a month (17,000 in all); value v a month, v ~ uniform(1,000, 2,000).
  // Cumulative net at month m = m·(v − 1,000) − 5,000 ≥ 0 ⇔ m ≥ 5,000 / (v − 1,000): payback within
  // 12 months ⇔ v ≥ 1,416.67, P = 0.5833; ROI = (12v − 17,000) / 17,000 > 0 ⇔ the same event.
  // NPV is linear in v: E[NPV] = Σ_m (1,500 − cost_m) · d^m, sd(NPV) = sd(v) · Σ_m d^m.
  const N = 20_000;
  const costPath = [6000, ...Array.from({ length: MONTHS - 1 }, () => 1000)];
  const rate = monthlyRate(0.1);
  const discount = (m: number) => Math.pow(1 + rate, -(m + 1));

  it('P(ROI > 0), P(payback), payback month, mean NPV and ROI against their analytic values', async () => {
    const simulation = await simulationOf(
      {
        drivers: { v: { dist: 'uniform', min: 1000, max: 2000 } },
        workloads: [{ id: 'project', type: 'fixed', monthly: { series: [6000, 1000] } }],
        value: { monthly: 'v', discountRate: 0.1 },
      },
      { trials: N, seed: 23 },
    );
    const roi = summarizeSimulation(simulation, bundledReference).roi!;
    const p = (2000 - (1000 + 5000 / 12)) / 1000;
    const proportionError = Math.sqrt((p * (1 - p)) / N);
    expect(Math.abs(roi.probabilityOfPayback - p)).toBeLessThan(4 * proportionError);
    expect(Math.abs(roi.probabilityPositive - p)).toBeLessThan(4 * proportionError);
    const expectedNpv = costPath.reduce((sum, c, m) => sum + (1500 - c) * discount(m), 0);
    const npvSd = (1000 / Math.sqrt(12)) * costPath.reduce((sum, _, m) => sum + discount(m), 0);
    expect(Math.abs(roi.npv.mean - expectedNpv)).toBeLessThan((4 * npvSd) / Math.sqrt(N));
    // Median ROI: v at its median 1,500 → (18,000 − 17,000) / 17,000.
    expect(Math.abs(roi.roi.p50 - 1000 / 17_000)).toBeLessThan(0.01);
    // Payback month ⌈5,000 / (v − 1,000)⌉ over the paying trials, v ∈ [1,416.67, 2,000]: months 5…12.
    // P(month = m) = P(1,000 + 5,000/m ≤ v < 1,000 + 5,000/(m − 1)); its conditional mean by summing.
    let paying = 0;
    let monthSum = 0;
    for (let m = 1; m <= MONTHS; m++) {
      const lo = Math.max(1000, 1000 + 5000 / m);
      const hi = Math.min(2000, m > 1 ? 1000 + 5000 / (m - 1) : Infinity);
      const pm = Math.max(0, hi - lo) / 1000;
      paying += pm;
      monthSum += m * pm;
    }
    expect(paying).toBeCloseTo(p, 12);
    // Months lie in 5…12, so their sd is below 3.5, over the N·p paying trials.
    expect(Math.abs(roi.paybackMonth!.mean - monthSum / paying)).toBeLessThan((4 * 3.5) / Math.sqrt(N * p));
    expect(roi.paybackMonth!.p5).toBeGreaterThanOrEqual(5);
    expect(roi.paybackMonth!.p95).toBeLessThanOrEqual(12);
  });
});
