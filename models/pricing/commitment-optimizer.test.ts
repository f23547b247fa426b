import { describe, expect, it } from 'vitest';
import { inverseNormalCdf, normalCdf, normalPdf } from '../random/normal.ts';
import type { ReferenceData } from '../simulate/reference-data.ts';
import { series } from '../simulate/collect.ts';
import { summarize } from '../simulate/stats.ts';
import type { Stats } from '../simulate/result.ts';
import { simulationOf } from '../simulate/test-support.ts';
import { createCatalog } from './catalog/catalog.ts';
import { commitmentCurve, gpuDemandOf, layersOf, mixOf, optimizeExpectedCost, type CommitmentCurve, type CommitmentCurvePoint } from './commitment-optimizer.ts';
import type { CommitmentLayer } from './gpu-cost.ts';
import { createReferenceData } from './reference.ts';
import { analyzePricing, totalUnderMix, type PricingAnalysis } from './strategies.ts';

/** A catalog of one-GPU instances at the given per-GPU-hour prices (test prices, not facts). */
function referenceWith(rows: { provider?: string; region?: string; gpu: string; onDemand: number; spot?: number; committed1y?: number; committed3y?: number }[]): ReferenceData {
  return createReferenceData(
    createCatalog(
      rows.map((r) => ({
        provider: r.provider ?? 'aws',
        region: r.region ?? 'us-east-1',
        instanceType: `${r.gpu.toLowerCase()}-test`,
        gpu: r.gpu,
        gpuCount: 1,
        onDemandPerHour: r.onDemand,
        spotPerHour: r.spot ?? null,
        committed1yPerHour: r.committed1y ?? null,
        committed3yPerHour: r.committed3y ?? null,
        committedEstimated: false,
        source: 'test prices',
        asOf: '2026-01-01',
      })),
    ),
  );
}

/** Lognormal through P10 1,000 and P90 4,000: μ = ln 2,000, σ = ln 4 / (2 · z₀.₉). */
const MU = Math.log(2000);
const SIGMA = Math.log(4) / (2 * inverseNormalCdf(0.9));
const lognormalQuantile = (p: number) => Math.exp(MU + SIGMA * inverseNormalCdf(p));
/** Plain Monte Carlo standard error of the p-quantile from n draws: √(p(1−p)/n) / f(q) (LHS does better). */
const quantileStdError = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n) / (normalPdf(inverseNormalCdf(p)) / (lognormalQuantile(p) * SIGMA));

const h100At4 = referenceWith([{ gpu: 'H100', onDemand: 4, committed1y: 2.4 }]);

async function analyzed(fields: Record<string, unknown>, reference: ReferenceData, trials: number, seed = 5) {
  const simulation = await simulationOf({ pricing: { provider: 'aws', region: 'us-east-1' }, ...fields }, { reference, trials, seed });
  const pricing = analyzePricing(simulation.prepared.plan, simulation.store, reference)!;
  return { ...simulation, plan: simulation.prepared.plan, pricing };
}

const strategy = (pricing: PricingAnalysis, name: string) => pricing.strategies.find((s) => s.name === name)!.total;
const curveOf = (pricing: PricingAnalysis, gpu: string, term: '1y' | '3y') => pricing.commitmentCurves.find((c) => c.gpu === gpu && c.term === term)!;
const training = (per: 'trial' | 'month', extra: Record<string, unknown> = {}) => ({
  id: 'train',
  type: 'training',
  gpu: 'H100',
  gpuHoursPerRun: { p10: 1000, p90: 4000, per },
  runsPerMonth: 1,
  ...extra,
});

describe('commitment optimizer: the issue acceptance test', () => {
  // The optimum of one GPU type, one term, no spot is the (1 − r/p) = 1 − 2.4/4 = 0.4 quantile
  // of monthly demand: 2,000 · exp(σ · z₀.₄) ≈ 1,743.9 GPU-hours. Drawn once per trial or every
  // month, each trial-month's demand has that lognormal marginal, so both draw frequencies give
  // it: the pooled months are what the expected cost sees.
  const analytic = lognormalQuantile(0.4);

  for (const per of ['trial', 'month'] as const) {
    it(`recommends ≈ 1,744 GPU-hours/month with demand drawn per ${per}, below on-demand in expectation`, async () => {
      const trials = 20_000;
      const { pricing, store } = await analyzed({ workloads: [training(per)] }, h100At4, trials);
      expect(analytic).toBeCloseTo(1743.9, 0);
      const [recommended, ...others] = pricing.recommendedCommitments;
      expect(others).toEqual([]);
      expect(recommended).toMatchObject({ gpu: 'H100', term: '1y', monthsCovered: 12 });
      const level = recommended!.gpuHoursPerMonth;
      expect(Math.abs(level / 1744 - 1)).toBeLessThan(0.05);
      // Tighter: the sample quantile is within 4 plain-Monte-Carlo standard errors (per-trial
      // draws: N independent values; per-month: 12·N).
      expect(Math.abs(level - analytic)).toBeLessThan(4 * quantileStdError(0.4, per === 'trial' ? trials : 12 * trials));
      expect(strategy(pricing, 'optimal').mean).toBeLessThan(strategy(pricing, 'on-demand').mean);

      // Exactly the sample's crossing order statistic: at most 60 % of trial-months lie above it,
      // more than 60 % at or above it.
      const demand = store.trialMonth(series.gpuSteady('H100'))!;
      let above = 0;
      let atOrAbove = 0;
      for (const d of demand) {
        if (d > level) above++;
        if (d >= level) atOrAbove++;
      }
      expect(above).toBeLessThanOrEqual(0.6 * demand.length);
      expect(atOrAbove).toBeGreaterThan(0.6 * demand.length);
      // Under-used in the months whose demand is below it: 1 − r/p = 40 %.
      expect(Math.abs(recommended!.probabilityUnderUsed - 0.4)).toBeLessThan(12 / demand.length + 1e-9);
    });
  }

  it('reports the expected saving of the analytic lognormal: 12 · (p · E[min(D, K)] − r · K)', async () => {
    const trials = 20_000;
    const { pricing } = await analyzed({ workloads: [training('month')] }, h100At4, trials);
    const recommended = pricing.recommendedCommitments[0]!;
    const K = recommended.gpuHoursPerMonth;
    // E[min(D, K)] = E[D] − E[(D − K)⁺], E[(D − K)⁺] = e^{μ+σ²/2} Φ(d₁) − K Φ(d₂).
    const d1 = (MU + SIGMA ** 2 - Math.log(K)) / SIGMA;
    const expectedMin = Math.exp(MU + SIGMA ** 2 / 2) * (1 - normalCdf(d1)) + K * normalCdf(d1 - SIGMA);
    const analyticSaving = 12 * (4 * expectedMin - 2.4 * K);
    // min(D, K) lies in [0, K], so its sd is at most K/2; 12·N independent months.
    const tolerance = (4 * 4 * (K / 2) * 12) / Math.sqrt(12 * trials);
    expect(Math.abs(recommended.expectedSaving - analyticSaving)).toBeLessThan(tolerance);
    expect(recommended.expectedSaving).toBeCloseTo(strategy(pricing, 'on-demand').mean - strategy(pricing, 'optimal').mean, 6);
  });
});

describe('commitment optimizer: several GPU types, terms and the horizon', () => {
  it('sizes mixed GPU types independently: each as if it were alone, at its own (1 − r/p) quantile', async () => {
    const reference = referenceWith([
      { gpu: 'H100', onDemand: 4, committed1y: 2.4 },
      { gpu: 'L4', onDemand: 1, committed1y: 0.7 },
    ]);
    const l4 = { id: 'serve', type: 'training', gpu: 'L4', gpuHoursPerRun: { p10: 1000, p90: 4000, per: 'month' }, runsPerMonth: 1 };
    const both = await analyzed({ workloads: [training('month'), l4] }, reference, 10_000);
    const aloneH100 = await analyzed({ workloads: [training('month')] }, reference, 10_000);
    const aloneL4 = await analyzed({ workloads: [l4] }, reference, 10_000);
    const level = (p: PricingAnalysis, gpu: string) => p.recommendedCommitments.find((r) => r.gpu === gpu)!.gpuHoursPerMonth;
    // Random streams are keyed by driver name, so each GPU type's demand is the same sample.
    expect(level(both.pricing, 'H100')).toBe(level(aloneH100.pricing, 'H100'));
    expect(level(both.pricing, 'L4')).toBe(level(aloneL4.pricing, 'L4'));
    // L4: 1 − 0.7/1 = 0.3 quantile; H100: 0.4 quantile (of 120,000 trial-months each).
    expect(Math.abs(level(both.pricing, 'L4') - lognormalQuantile(0.3))).toBeLessThan(4 * quantileStdError(0.3, 120_000));
    expect(Math.abs(level(both.pricing, 'H100') - lognormalQuantile(0.4))).toBeLessThan(4 * quantileStdError(0.4, 120_000));
    // The optimal strategy's saving is the sum of the two.
    const saving = (p: PricingAnalysis) => p.strategies.find((s) => s.name === 'optimal')!.savingVsOnDemand;
    expect(saving(both.pricing)).toBeCloseTo(saving(aloneH100.pricing) + saving(aloneL4.pricing), 4);
  });

  it('puts everything on the cheaper 3-year rate when both terms cover the same months', async () => {
    // 36 months: 1y renewed three times covers the same months as one 3y term; 3y at $2 beats 1y at
    // $2.40, so the optimum is the 1 − 2/4 = 0.5 quantile on 3y and nothing on 1y.
    const reference = referenceWith([{ gpu: 'H100', onDemand: 4, committed1y: 2.4, committed3y: 2 }]);
    const { pricing } = await analyzed({ months: 36, workloads: [training('month')] }, reference, 4000);
    expect(pricing.recommendedCommitments.map((r) => r.term)).toEqual(['3y']);
    const level = pricing.recommendedCommitments[0]!.gpuHoursPerMonth;
    expect(Math.abs(level - 2000)).toBeLessThan(4 * quantileStdError(0.5, 36 * 4000));
    expect(curveOf(pricing, 'H100', '1y').optimum).toBe(0);
  });

  // 48 months: 3y covers months 1–36, 1y (four terms) months 1–48. A 1y hour costs 2.4·48 and
  // replaces a 3y hour worth 2.2·36 in months 1–36, so in months 37–48 it costs (115.2 − 79.2)/12
  // = 3 a month against 4 on demand: the 1 − 3/4 = 0.25 quantile of those months' demand, under
  // the 3y total of the 1 − 2.2/4 = 0.45 quantile of months 1–36 — while it fits under it.
  for (const [label, lastYear] of [['below the 3y total', 1], ['capped by the 3y total', 3]] as const) {
    it(`layers 3y under 1y when the 1y renewals outlast the 3y term (${label}), at the brute-force minimum`, async () => {
      const reference = referenceWith([{ gpu: 'H100', onDemand: 4, committed1y: 2.4, committed3y: 2.2 }]);
      const fields = {
        months: 48,
        drivers: { scale: { series: [...Array.from({ length: 36 }, () => 1), ...Array.from({ length: 12 }, () => lastYear)] } },
        workloads: [{ ...training('month'), runsPerMonth: 'scale' }],
      };
      const { pricing, plan, store } = await analyzed(fields, reference, 1000);
      const c3 = curveOf(pricing, 'H100', '3y').optimum;
      const c1 = curveOf(pricing, 'H100', '1y').optimum;
      if (lastYear === 1) {
        expect(Math.abs(c3 + c1 - lognormalQuantile(0.45))).toBeLessThan(4 * quantileStdError(0.45, 36_000));
        expect(Math.abs(c1 - lognormalQuantile(0.25))).toBeLessThan(4 * quantileStdError(0.25, 12_000));
      }
      const meanAt = (l3: number, l1: number) => {
        const layers: CommitmentLayer[] = [
          { hours: l3, rate: 2.2, fromMonth: 0, toMonth: 35 },
          { hours: l1, rate: 2.4, fromMonth: 0, toMonth: 47 },
        ];
        return summarize(totalUnderMix(plan, store, () => mixOf(4, null, layers))).mean;
      };
      const best = meanAt(c3, c1);
      expect(best).toBeCloseTo(strategy(pricing, 'optimal').mean, 6);
      // No point of a 2-D grid, nor a small step from the optimum, is cheaper (priced with gpuMonthCost).
      for (let i = 0; i <= 10; i++) for (let j = 0; j <= 10; j++) expect(meanAt(i * 400, j * 600)).toBeGreaterThanOrEqual(best - 1e-9 * best);
      for (const [d3, d1] of [[1, 0], [-1, 0], [0, 1], [0, -1], [1, -1], [-1, 1]] as const) {
        expect(meanAt(Math.max(c3 + 20 * d3, 0), Math.max(c1 + 20 * d1, 0))).toBeGreaterThanOrEqual(best - 1e-9 * best);
      }
    });
  }

  it('takes all cover on 1y when 1y is cheaper, even with a 3y term available', async () => {
    const reference = referenceWith([{ gpu: 'H100', onDemand: 4, committed1y: 2, committed3y: 2.4 }]);
    const { pricing } = await analyzed({ months: 36, workloads: [training('month')] }, reference, 4000);
    expect(pricing.recommendedCommitments.map((r) => r.term)).toEqual(['1y']);
    expect(Math.abs(pricing.recommendedCommitments[0]!.gpuHoursPerMonth - 2000)).toBeLessThan(4 * quantileStdError(0.5, 36 * 4000));
  });

  it('does not size a term longer than the horizon, and says so', async () => {
    const reference = referenceWith([{ gpu: 'H100', onDemand: 4, committed3y: 1.5 }]);
    const { pricing } = await analyzed({ workloads: [training('month')] }, reference, 2000);
    expect(pricing.recommendedCommitments).toEqual([]);
    expect(pricing.commitmentCurves).toEqual([]);
    expect(pricing.notes.some((n) => n.includes('3y') && n.includes('longer than the 12-month horizon'))).toBe(true);
    expect(strategy(pricing, 'optimal').mean).toBe(strategy(pricing, 'on-demand').mean);
  });

  it('sizes 1y in whole terms: in an 18-month horizon it covers months 1–12 and is sized on them alone', async () => {
    // Months 13–18 carry a fifth of the demand; sized on all 18 months the 0.4 quantile would fall.
    const fields = {
      months: 18,
      drivers: { scale: { series: [...Array.from({ length: 12 }, () => 1), ...Array.from({ length: 6 }, () => 0.2)] } },
      workloads: [{ ...training('month'), runsPerMonth: 'scale' }],
    };
    const { pricing } = await analyzed(fields, h100At4, 10_000);
    const recommended = pricing.recommendedCommitments[0]!;
    expect(recommended.monthsCovered).toBe(12);
    expect(Math.abs(recommended.gpuHoursPerMonth - lognormalQuantile(0.4))).toBeLessThan(4 * quantileStdError(0.4, 12 * 10_000));
    expect(pricing.notes.some((n) => n.includes('months 13–18 are priced without them'))).toBe(true);
  });
});

describe('commitment curve', () => {
  const spotReference = referenceWith([{ gpu: 'H100', onDemand: 4, committed1y: 2.6, committed3y: 1.9, spot: 1.6 }]);
  const fields = {
    months: 36,
    drivers: { base: { growth: { start: 1500, rate: { p10: 0, p90: 0.04 }, volatility: 0.1 } } },
    workloads: [
      { id: 'serve', type: 'training', gpu: 'H100', gpuHoursPerRun: 'base', runsPerMonth: 1 },
      { id: 'sweep', type: 'training', gpu: 'H100', gpuHoursPerRun: { p10: 200, p90: 1200, per: 'month' }, runsPerMonth: 1 },
    ],
    pricing: {
      provider: 'aws',
      region: 'us-east-1',
      commitments: [{ gpu: 'H100', term: '1y', gpuHoursPerMonth: 900 }],
      spot: { workloads: ['sweep'], interruptionOverhead: { p10: 0.05, p90: 0.3, per: 'month' }, availability: { dist: 'uniform', min: 0.7, max: 1, per: 'month' } },
    },
  };

  /** Each point's mean and P90 against `at`, the Stats of pricing every trial at the point's level. */
  const expectPointsMatchPricing = (points: readonly CommitmentCurvePoint[], at: (x: number) => Stats) => {
    for (const point of points) {
      const stats = at(point.gpuHoursPerMonth);
      expect(point.expectedCost).toBeCloseTo(stats.mean, 4);
      expect(point.p90Cost).toBeCloseTo(stats.p90, 4);
    }
  };

  it('has its minimum at the optimizer’s level, and every point matches gpuMonthCost pricing of that level', async () => {
    const { pricing, plan, store } = await analyzed(fields, spotReference, 1500);
    const optimal = strategy(pricing, 'optimal');
    const check = (curve: CommitmentCurve, layersAt: (x: number) => CommitmentLayer[]) => {
      const cheapest = curve.points.reduce((a, b) => (b.expectedCost < a.expectedCost ? b : a));
      expect(cheapest.gpuHoursPerMonth).toBe(curve.optimum);
      const atOptimum = curve.points.find((p) => p.gpuHoursPerMonth === curve.optimum)!;
      expect(atOptimum.expectedCost).toBeCloseTo(optimal.mean, 4);
      expect(atOptimum.p90Cost).toBeCloseTo(optimal.p90, 4);
      const sampled = curve.points.filter((_, k) => k % 7 === 0 || _.gpuHoursPerMonth === curve.configured);
      expectPointsMatchPricing(sampled, (x) => summarize(totalUnderMix(plan, store, () => mixOf(4, 1.6, layersAt(x)))));
    };
    const c3 = curveOf(pricing, 'H100', '3y');
    const c1 = curveOf(pricing, 'H100', '1y');
    expect(c1.configured).toBe(900);
    expect(c1.points.some((p) => p.gpuHoursPerMonth === 900)).toBe(true);
    expect(c3.configured).toBeNull();
    const layer = (hours: number, rate: number): CommitmentLayer => ({ hours, rate, fromMonth: 0, toMonth: 35 });
    check(c3, (x) => [layer(x, 1.9), layer(c1.optimum, 2.6)]);
    check(c1, (x) => [layer(c3.optimum, 1.9), layer(x, 2.6)]);
    expect(c3.points.length).toBeGreaterThanOrEqual(40);
    expect(c3.points.every((p, k) => k === 0 || p.gpuHoursPerMonth > c3.points[k - 1]!.gpuHoursPerMonth)).toBe(true);
  });

  // From 4,096 trials on, each level's P90 comes from the totals in a band around it, the band
  // set by a pilot pass over one block of trials in sixteen; ties at the band's edges are counted,
  // and a level whose P90 is not inside its band is priced again in full. Every way must give
  // what pricing every trial gives.

  it('prices every point as gpuMonthCost does when the P90s come from bands (12,000 trials)', async () => {
    const { pricing, plan, store } = await analyzed(fields, spotReference, 12_000);
    const c1 = curveOf(pricing, 'H100', '1y');
    const c3 = curveOf(pricing, 'H100', '3y');
    const layer = (hours: number, rate: number): CommitmentLayer => ({ hours, rate, fromMonth: 0, toMonth: 35 });
    expectPointsMatchPricing(c1.points, (x) => summarize(totalUnderMix(plan, store, () => mixOf(4, 1.6, [layer(c3.optimum, 1.9), layer(x, 2.6)]))));
  });

  it('prices every point as gpuMonthCost does when the P90 sits in a tie (discrete demand)', async () => {
    // Three demand levels, the top one 20 % of trials: at every level the P90 sits inside a tie
    // of about 2,400 totals, far more than a band keeps: they are counted at its edge instead.
    const discrete = { id: 'train', type: 'training', gpu: 'H100', gpuHoursPerRun: { dist: 'discrete', values: [1000, 2000, 4000], weights: [5, 3, 2] }, runsPerMonth: 1 };
    const { pricing, plan, store } = await analyzed({ months: 12, workloads: [discrete] }, h100At4, 12_000);
    const curve = curveOf(pricing, 'H100', '1y');
    expect(new Set(curve.points.map((p) => p.p90Cost)).size).toBeGreaterThan(10);
    expectPointsMatchPricing(curve.points, (x) => summarize(totalUnderMix(plan, store, () => mixOf(4, null, [{ hours: x, rate: 2.4, fromMonth: 0, toMonth: 11 }]))));
  });

  it('gives the same curve when the bands are too narrow to hold the P90s and every level is priced again', async () => {
    const { plan, store } = await analyzed({ months: 12, workloads: [training('month')] }, h100At4, 12_000);
    const demand = gpuDemandOf(store, 'H100', false);
    const problem = { demand, mix: mixOf(4, null, []), rates: { '1y': 2.4, '3y': null }, flexibleCost: null };
    const choices = optimizeExpectedCost(problem);
    const totals = totalUnderMix(plan, store, () => mixOf(4, null, layersOf(choices)));
    const usual = commitmentCurve(problem, choices, '1y', totals, null)!;
    // Bands two ranks of the pilot wide: most levels' P90s fall outside them.
    const narrow = commitmentCurve(problem, choices, '1y', totals, null, 40, 0)!;
    expect(narrow).toEqual(usual);
    expectPointsMatchPricing(usual.points, (x) => summarize(totalUnderMix(plan, store, () => mixOf(4, null, [{ hours: x, rate: 2.4, fromMonth: 0, toMonth: 11 }]))));
  });

  it('optimum is a local minimum of gpuMonthCost pricing with spot-eligible demand taking leftover commitment', async () => {
    const { pricing, plan, store } = await analyzed({ ...fields, months: 12 }, spotReference, 3000);
    const level = pricing.recommendedCommitments[0]!.gpuHoursPerMonth;
    const meanAt = (x: number) => summarize(totalUnderMix(plan, store, () => mixOf(4, 1.6, [{ hours: x, rate: 2.6, fromMonth: 0, toMonth: 11 }]))).mean;
    const best = meanAt(level);
    expect(best).toBeCloseTo(strategy(pricing, 'optimal').mean, 4);
    for (const step of [-0.05, -0.005, 0.005, 0.05]) expect(meanAt(level * (1 + step))).toBeGreaterThanOrEqual(best - 1e-9 * best);
  });
});

describe('optimizing the P90', () => {
  it('with demand fixed per trial, the P90-optimal commitment is the P90 of demand (4,000)', async () => {
    // Total = 12 · (r·C + p·max(D − C, 0)) rises with D for every C, so its P90 is the cost at
    // D's P90: 12 · (r·C + p·max(D₉₀ − C, 0)), smallest at C = D₉₀ = 4,000.
    const trials = 10_000;
    const mean = await analyzed({ workloads: [training('trial')] }, h100At4, trials);
    const p90 = await analyzed({ workloads: [training('trial')], pricing: { provider: 'aws', region: 'us-east-1', optimizeFor: 'p90' } }, h100At4, trials);
    const level = p90.pricing.recommendedCommitments[0]!.gpuHoursPerMonth;
    expect(Math.abs(level - 4000)).toBeLessThan(4 * quantileStdError(0.9, trials) + 4000 / 800);
    expect(p90.pricing.optimizeFor).toBe('p90');
    expect(strategy(p90.pricing, 'optimal').p90).toBeLessThanOrEqual(strategy(mean.pricing, 'optimal').p90);
    expect(strategy(p90.pricing, 'optimal').mean).toBeGreaterThanOrEqual(strategy(mean.pricing, 'optimal').mean);
    expect(p90.pricing.strategies.find((s) => s.name === 'optimal')!.note).toContain('P90');
  });
});
