/**
 * The ROI section's shapes for charts: the ROI and NPV histograms/CDFs and the payback month
 * distribution, against four hand-built trials and against the whole engine.
 */
import { describe, expect, it } from 'vitest';
import { forecastOf } from '../simulate/test-support.ts';
import { analyzeRoi } from './roi.ts';

const MONTHS = 6;
const labels = Array.from({ length: MONTHS }, (_, m) => `2027-0${m + 1}`);

/** Month-major trials × months from one path per trial. */
function monthMajor(paths: readonly (readonly number[])[]): Float64Array {
  const trials = paths.length;
  const out = new Float64Array(trials * MONTHS);
  paths.forEach((path, t) => path.forEach((v, m) => (out[m * trials + t] = v)));
  return out;
}

describe('ROI distributions and the payback month distribution', () => {
  // Cost: 1,000 in month 1, then 100 a month. Value per month: 400, 200, 1,100, 400.
  // Cumulative net — trial 0: −600, −300, 0 → pays back in month 3 (≥ 0 counts);
  // trial 1: −800, −700, … never; trial 2: +100 → month 1; trial 3 like trial 0 → month 3.
  const cost = [1000, 100, 100, 100, 100, 100];
  const values = [400, 200, 1100, 400];
  const roi = analyzeRoi(monthMajor(values.map((v) => cost.map(() => v))), monthMajor(values.map(() => cost)), values.length, labels, 0.1);

  it('gives the share of trials paying back first in each month, and the running probability', () => {
    expect(roi.paybackHistogram).toEqual([0.25, 0, 0.5, 0, 0, 0]);
    expect(roi.probabilityOfPaybackByMonth).toEqual([0.25, 0.25, 0.75, 0.75, 0.75, 0.75]);
    expect(roi.probabilityOfPaybackByMonth!.at(-1)).toBe(roi.probabilityOfPayback);
    expect(roi.paybackMonth!.p50).toBe(3);
  });

  it('describes the ROI and NPV samples with their exact percentiles and histograms of every trial', () => {
    // Σ cost = 1,500; ROI per trial = (6·v − 1,500) / 1,500: 0.6, −0.2, 3.4, 0.6.
    const shapes = roi.distributions!;
    expect(shapes.roi.percentiles[0]).toBeCloseTo(-0.2, 12);
    expect(shapes.roi.percentiles[100]).toBeCloseTo(3.4, 12);
    expect(shapes.roi.percentiles[50]).toBeCloseTo(roi.roi.p50, 12);
    expect(shapes.npv.percentiles[50]).toBeCloseTo(roi.npv.p50, 9);
    expect(shapes.npv.percentiles[90]).toBeCloseTo(roi.npv.p90, 9);
    expect(shapes.roi.histogram.counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect(shapes.npv.histogram.counts.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('the engine carries them in result.roi, consistent with the ROI statistics', async () => {
    const result = await forecastOf(
      {
        drivers: { lift: { p10: 2000, p90: 6000 } },
        workloads: [{ id: 'project', type: 'fixed', monthly: { series: [20_000, 1000] } }],
        value: { monthly: 'lift', discountRate: 0.1 },
      },
      { trials: 2000, seed: 5 },
    );
    const roi = result.roi!;
    expect(roi.distributions!.roi.percentiles[50]).toBeCloseTo(roi.roi.p50, 9);
    expect(roi.distributions!.npv.percentiles[10]).toBeCloseTo(roi.npv.p10, 6);
    expect(roi.paybackHistogram).toHaveLength(result.months.length);
    const sum = roi.paybackHistogram!.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(roi.probabilityOfPayback, 12);
    // Month 1 never pays back here: 20,000 of cost against at most a few thousand of value.
    expect(roi.paybackHistogram![0]).toBe(0);
    const byMonth = roi.probabilityOfPaybackByMonth!;
    expect(byMonth.every((p, m) => m === 0 || p >= byMonth[m - 1]!)).toBe(true);
    expect(byMonth.at(-1)).toBe(roi.probabilityOfPayback);
  });
});
