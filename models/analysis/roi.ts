/**
 * Return on the AI spend: value minus cost per month and trial, ROI, NPV at a yearly discount
 * rate converted to monthly ((1 + r)^(1/12) − 1, cash flows at each month's end) and the
 * payback month (first month, 1-based, whose cumulative net is ≥ 0).
 */
import type { RoiResult } from '../simulate/result.ts';
import { sampleShape } from '../simulate/sample-shape.ts';
import { probability, summarize, summarizeMonths, summarizeWhere } from '../simulate/stats.ts';

/** Monthly discount rate equivalent to a yearly one. */
export function monthlyRate(yearlyRate: number): number {
  return Math.pow(1 + yearlyRate, 1 / 12) - 1;
}

/** The ROI section from per-trial-month value and cost (month-major, trials × months). */
export function analyzeRoi(value: Float64Array, cost: Float64Array, trials: number, labels: readonly string[], yearlyDiscountRate: number): RoiResult {
  const months = labels.length;
  const rate = monthlyRate(yearlyDiscountRate);
  const totalValue = new Float64Array(trials);
  const totalCost = new Float64Array(trials);
  const npv = new Float64Array(trials);
  const payback = new Float64Array(trials);
  const cumulativeNet = new Float64Array(trials * months);
  const running = new Float64Array(trials);
  for (let m = 0; m < months; m++) {
    const discount = Math.pow(1 + rate, -(m + 1));
    const base = m * trials;
    for (let t = 0; t < trials; t++) {
      const v = value[base + t]!;
      const c = cost[base + t]!;
      totalValue[t] = totalValue[t]! + v;
      totalCost[t] = totalCost[t]! + c;
      npv[t] = npv[t]! + (v - c) * discount;
      running[t] = running[t]! + v - c;
      cumulativeNet[base + t] = running[t]!;
      if (payback[t] === 0 && running[t]! >= 0) payback[t] = m + 1;
    }
  }
  const net = new Float64Array(trials);
  const roi = new Float64Array(trials);
  for (let t = 0; t < trials; t++) {
    net[t] = totalValue[t]! - totalCost[t]!;
    roi[t] = totalCost[t]! > 0 ? net[t]! / totalCost[t]! : 0;
  }
  const paidBack = probability(payback, (month) => month > 0);
  const firstPayback = new Array<number>(months).fill(0);
  for (let t = 0; t < trials; t++) if (payback[t]! > 0) firstPayback[payback[t]! - 1]! += 1;
  let paidBackSoFar = 0;
  const paidBackByMonth = firstPayback.map((count) => (paidBackSoFar += count) / trials);
  return {
    value: summarize(totalValue),
    net: summarize(net),
    roi: summarize(roi),
    npv: summarize(npv),
    probabilityPositive: probability(roi, (r) => r > 0),
    probabilityOfPayback: paidBack,
    paybackMonth: paidBack > 0 ? summarizeWhere(payback, (t) => payback[t]! > 0) : null,
    monthlyValue: summarizeMonths(value, trials, labels),
    cumulativeNet: summarizeMonths(cumulativeNet, trials, labels),
    distributions: { roi: sampleShape(roi), npv: sampleShape(npv) },
    paybackHistogram: firstPayback.map((count) => count / trials),
    probabilityOfPaybackByMonth: paidBackByMonth,
  };
}
