import { describe, expect, it } from 'vitest';
import type { ReferenceData } from '../simulate/reference-data.ts';
import { forecastOf, simulationOf } from '../simulate/test-support.ts';
import { createCatalog } from './catalog/catalog.ts';
import { bundledReference, createReferenceData } from './reference.ts';
import { analyzePricing, type PricingAnalysis } from './strategies.ts';

/** A catalog of one-GPU instances at the given per-GPU-hour prices (test prices, not facts). */
function referenceWith(rows: { gpu: string; onDemand: number; spot?: number; committed1y?: number; committed3y?: number }[]): ReferenceData {
  return createReferenceData(
    createCatalog(
      rows.map((r) => ({
        provider: 'aws',
        region: 'us-east-1',
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

async function pricingOf(fields: Record<string, unknown>, reference: ReferenceData, trials: number): Promise<PricingAnalysis | null> {
  const simulation = await simulationOf({ pricing: { provider: 'aws', region: 'us-east-1' }, ...fields }, { reference, trials, seed: 9 });
  return analyzePricing(simulation.prepared.plan, simulation.store, reference);
}

const byName = (pricing: PricingAnalysis) => Object.fromEntries(pricing.strategies.map((s) => [s.name, s]));
const h100 = referenceWith([{ gpu: 'H100', onDemand: 4, committed1y: 2.4, spot: 1.6 }]);

describe('pricing strategies', () => {
  it('is null without GPU workloads', async () => {
    expect(await pricingOf({ workloads: [{ id: 'w', type: 'fixed', monthly: 100 }] }, h100, 100)).toBeNull();
    expect((await forecastOf({ workloads: [{ id: 'w', type: 'fixed', monthly: 100 }] }, { trials: 100 })).pricing).toBeNull();
  });

  it('prices training on spot at $1.60 with 10 % overhead at 1.76/4 of on-demand (the issue acceptance test)', async () => {
    const pricing = (await pricingOf(
      {
        workloads: [{ id: 'train', type: 'training', gpu: 'H100', gpuHoursPerRun: { p10: 1000, p90: 4000, per: 'month' }, runsPerMonth: 1 }],
        pricing: { provider: 'aws', region: 'us-east-1', spot: { workloads: ['train'], interruptionOverhead: 0.1 } },
      },
      h100,
      5000,
    ))!;
    const s = byName(pricing);
    // Every GPU-hour on spot: 1.6 · 1.1 = 1.76 per hour against 4, trial by trial.
    expect(s.spot!.total.mean / s['on-demand']!.total.mean).toBeCloseTo(1.76 / 4, 12);
    expect(s.spot!.total.p90 / s['on-demand']!.total.p90).toBeCloseTo(1.76 / 4, 12);
    // Committing at 2.40 never beats spot at 1.76: the optimum commits nothing.
    expect(pricing.recommendedCommitments).toEqual([]);
    expect(s.optimal!.total.mean).toBe(s.spot!.total.mean);
    expect(s.optimal!.note).toContain('equals spot');
  });

  it('applies the commitment and spot rules exactly on known demand', async () => {
    // Each month: 1,000 steady and 500 spot-eligible GPU-hours, $100 of other spend; 1,100 hours
    // committed for 1y at 2.40; spot 1.60 with 10 % overhead, 80 % of spot demand served on spot.
    const pricing = (await pricingOf(
      {
        workloads: [
          { id: 'serve', type: 'training', gpu: 'H100', gpuHoursPerRun: 1000, runsPerMonth: 1 },
          { id: 'sweep', type: 'training', gpu: 'H100', gpuHoursPerRun: 500, runsPerMonth: 1 },
          { id: 'ops', type: 'fixed', monthly: 100 },
        ],
        pricing: {
          provider: 'aws',
          region: 'us-east-1',
          commitments: [{ gpu: 'H100', term: '1y', gpuHoursPerMonth: 1100 }],
          spot: { workloads: ['sweep'], interruptionOverhead: 0.1, availability: 0.8 },
        },
      },
      h100,
      50,
    ))!;
    const s = byName(pricing);
    const monthly = (gpu: number) => 12 * (gpu + 100);
    // on-demand: 1,500 · 4.
    expect(s['on-demand']!.total.mean).toBeCloseTo(monthly(6000), 6);
    // committed (no spot): 1,100 · 2.4 paid, 400 more hours on demand.
    expect(s.committed!.total.mean).toBeCloseTo(monthly(2640 + 400 * 4), 6);
    // spot (no commitment): steady 1,000 · 4; spot-eligible 400 on spot at 1.76, 100 on demand.
    expect(s.spot!.total.mean).toBeCloseTo(monthly(4000 + 400 * 1.76 + 100 * 4), 6);
    // plan: the commitment serves the 1,000 steady hours, its 100 spare hours serve spot-eligible
    // demand; of the 400 left, 320 run on spot and 80 on demand.
    expect(s.plan!.total.mean).toBeCloseTo(monthly(2640 + 320 * 1.76 + 80 * 4), 6);
    // optimal: spot-eligible demand costs (704 + 400) / 500 = 2.208 an hour, under the 2.40
    // commitment, so the optimum commits the steady 1,000 hours only.
    expect(pricing.recommendedCommitments.map((r) => [r.term, r.gpuHoursPerMonth])).toEqual([['1y', 1000]]);
    expect(s.optimal!.total.mean).toBeCloseTo(monthly(2400 + 400 * 1.76 + 100 * 4), 6);
    for (const strategy of pricing.strategies) expect(strategy.savingVsOnDemand).toBeCloseTo(s['on-demand']!.total.mean - strategy.total.mean, 6);
    expect(pricing.gpuHours).toEqual({ H100: expect.objectContaining({ mean: 18_000, p10: 18_000, p90: 18_000 }) });
    expect(pricing.recommendedCommitments[0]!.probabilityUnderUsed).toBe(0);
  });

  it('shows all five strategies, saying when one equals on-demand', async () => {
    const pricing = (await pricingOf({ workloads: [{ id: 'serve', type: 'training', gpu: 'H100', gpuHoursPerRun: { p10: 500, p90: 900 }, runsPerMonth: 1 }] }, h100, 500))!;
    const s = byName(pricing);
    expect(pricing.strategies.map((x) => x.name)).toEqual(['on-demand', 'committed', 'spot', 'plan', 'optimal']);
    expect(s.committed!.note).toContain('no commitments are configured');
    expect(s.spot!.note).toContain('no GPU workload is spot-eligible');
    expect(s.committed!.total).toEqual(s['on-demand']!.total);
    expect(s.spot!.total).toEqual(s['on-demand']!.total);
    expect(s.plan!.total).toEqual(s['on-demand']!.total);
    expect(s.optimal!.total.mean).toBeLessThan(s['on-demand']!.total.mean);
    expect(pricing.optimizeFor).toBe('mean');
  });

  it('says when spot-eligible demand has no spot price', async () => {
    const reference = referenceWith([{ gpu: 'H100', onDemand: 4, committed1y: 2.4 }]);
    const pricing = (await pricingOf(
      {
        workloads: [{ id: 'sweep', type: 'training', gpu: 'H100', gpuHoursPerRun: 500, runsPerMonth: 1 }],
        pricing: { provider: 'aws', region: 'us-east-1', spot: { workloads: ['sweep'] } },
      },
      reference,
      20,
    ))!;
    const s = byName(pricing);
    expect(s.spot!.note).toBe('no spot price for H100: equals on-demand');
    expect(s.spot!.total).toEqual(s['on-demand']!.total);
    // Without spot, the spot-eligible demand is committed like any other (500 hours, 1 − 2.4/4 > 0).
    expect(pricing.recommendedCommitments.map((r) => r.gpuHoursPerMonth)).toEqual([500]);
  });

  it('the plan strategy is the forecast total; optimal ≤ plan, spot ≤ on-demand in expectation', async () => {
    const fields = {
      drivers: { users: { growth: { start: 1000, rate: { p10: 0.01, p90: 0.06 }, volatility: 0.05 } } },
      workloads: [
        { id: 'serve', type: 'training', gpu: 'H100', gpuHoursPerRun: 'users', runsPerMonth: 1 },
        { id: 'sweep', type: 'training', gpu: 'H100', gpuHoursPerRun: { p10: 100, p90: 900, per: 'month' }, runsPerMonth: 1 },
        { id: 'embed', type: 'training', gpu: 'L4', gpuHoursPerRun: { p10: 2000, p90: 6000 }, runsPerMonth: 1 },
        { id: 'ops', type: 'fixed', monthly: { p10: 1000, p90: 3000 } },
      ],
      pricing: {
        provider: 'aws',
        region: 'us-east-1',
        commitments: [{ gpu: 'H100', term: '1y', gpuHoursPerMonth: 700 }],
        spot: { workloads: ['sweep'], interruptionOverhead: { p10: 0.05, p90: 0.25 } },
      },
    };
    const result = await forecastOf(fields, { trials: 3000, seed: 4 });
    const s = byName(result.pricing as PricingAnalysis);
    // The forecast prices every trial-month with the plan's mix: the same totals.
    expect(s.plan!.total.mean).toBeCloseTo(result.total.mean, 4);
    expect(s.plan!.total.p50).toBeCloseTo(result.total.p50, 4);
    expect(s.plan!.total.p90).toBeCloseTo(result.total.p90, 4);
    // The configured 1y commitment from month 1 is one of the levels the optimizer searched.
    expect(s.optimal!.total.mean).toBeLessThanOrEqual(s.plan!.total.mean);
    expect(s.optimal!.total.mean).toBeLessThanOrEqual(s.spot!.total.mean);
    expect(s.spot!.total.mean).toBeLessThanOrEqual(s['on-demand']!.total.mean);
    expect(s.committed!.total.mean).toBeLessThan(s['on-demand']!.total.mean);
    const pricing = result.pricing as PricingAnalysis;
    expect(pricing.asOf).toBe(bundledReference.asOf());
    expect(Object.keys(pricing.gpuHours)).toEqual(['H100', 'L4']);
    expect(pricing.recommendedCommitments.every((r) => r.expectedSaving > 0)).toBe(true);
  });
});
