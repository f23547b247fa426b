import { describe, expect, it } from 'vitest';
import type { ReferenceData } from '../simulate/reference-data.ts';
import { summarize } from '../simulate/stats.ts';
import { simulationOf } from '../simulate/test-support.ts';
import { createCatalog } from './catalog/catalog.ts';
import { mixOf } from './commitment-optimizer.ts';
import { providersToCompare } from './provider-comparison.ts';
import { createReferenceData } from './reference.ts';
import { analyzePricing, totalUnderMix, type PricingAnalysis } from './strategies.ts';

type Row = { provider: string; region: string; gpu: string; onDemand: number; spot?: number };

/** A catalog of one-GPU instances at the given per-GPU-hour prices (test prices, not facts). */
function referenceWith(rows: Row[]): ReferenceData {
  return createReferenceData(
    createCatalog(
      rows.map((r) => ({
        provider: r.provider,
        region: r.region,
        instanceType: `${r.gpu.toLowerCase()}-test`,
        gpu: r.gpu,
        gpuCount: 1,
        onDemandPerHour: r.onDemand,
        spotPerHour: r.spot ?? null,
        committed1yPerHour: null,
        committed3yPerHour: null,
        committedEstimated: false,
        source: 'test prices',
        asOf: '2026-01-01',
      })),
    ),
  );
}

const rows: Row[] = [
  { provider: 'aws', region: 'us-east-1', gpu: 'H100', onDemand: 5, spot: 2 },
  { provider: 'aws', region: 'us-east-1', gpu: 'L4', onDemand: 0.8 },
  { provider: 'gcp', region: 'us-central1', gpu: 'H100', onDemand: 4 },
  { provider: 'azure', region: 'eastus', gpu: 'H100', onDemand: 6, spot: 1.5 },
  { provider: 'azure', region: 'eastus', gpu: 'L4', onDemand: 0.5 },
  { provider: 'coreweave', region: 'na', gpu: 'B200', onDemand: 9 },
];
const reference = referenceWith(rows);

async function analyzed(fields: Record<string, unknown>, trials = 50) {
  const simulation = await simulationOf(fields, { reference, trials, seed: 2 });
  return { plan: simulation.prepared.plan, store: simulation.store, pricing: analyzePricing(simulation.prepared.plan, simulation.store, reference) as PricingAnalysis };
}

// Each month: 1,000 H100 hours, 500 L4 hours and $100 of other spend, for 12 months.
const known = {
  workloads: [
    { id: 'train', type: 'training', gpu: 'H100', gpuHoursPerRun: 1000, runsPerMonth: 1 },
    { id: 'serve', type: 'training', gpu: 'L4', gpuHoursPerRun: 500, runsPerMonth: 1 },
    { id: 'ops', type: 'fixed', monthly: 100 },
  ],
};

describe('cloud vs cloud', () => {
  it('prices the same demand at each provider, ranked by P50, with missing GPUs at the scenario’s own price', async () => {
    const { pricing } = await analyzed({ ...known, pricing: { provider: 'aws', region: 'us-east-1', compare: ['azure', 'aws', 'gcp', 'nosuch'] } });
    const providers = pricing.providers;
    // azure 12·(6,000 + 250) = 75,000; gcp 12·(4,000 + 400 own L4) = 52,800; aws 12·(5,000 + 400) = 64,800; + 1,200.
    expect(providers.map((p) => p.provider)).toEqual(['gcp', 'aws', 'azure']);
    expect(providers.map((p) => p.total.p50)).toEqual([54_000, 66_000, 76_200].map((x) => expect.closeTo(x, 6)));
    const gcp = providers[0]!;
    expect(gcp.missingGpus).toEqual(['L4']);
    expect(gcp.pricePerGpuHour).toEqual({ H100: 4 });
    expect(gcp.region).toBe('us-central1');
    expect(providers[2]!.pricePerGpuHour).toEqual({ H100: 6, L4: 0.5 });
    expect(providers[2]!.missingGpus).toEqual([]);
    expect(pricing.notes.some((n) => n.includes('"nosuch" is not in the price catalog'))).toBe(true);
  });

  it('counts energy as GPU-hours × GPU kW × region PUE, and CO2e × the region’s grid intensity', async () => {
    const { pricing } = await analyzed({ ...known, pricing: { provider: 'aws', region: 'us-east-1', compare: ['aws', 'gcp'] } });
    const region = (provider: string, name: string) => reference.region(provider, name)!;
    const aws = region('aws', 'us-east-1');
    const gcp = region('gcp', 'us-central1');
    const kw = { H100: reference.gpu('H100')!.watts / 1000, L4: reference.gpu('L4')!.watts / 1000 };
    const h100Kwh = 12 * 1000 * kw.H100;
    const l4Kwh = 12 * 500 * kw.L4;
    const at = (name: string) => pricing.providers.find((p) => p.provider === name)!;
    expect(at('aws').energyMWh).toBeCloseTo(((h100Kwh + l4Kwh) * aws.pue) / 1000, 9);
    expect(at('aws').co2eTonnes).toBeCloseTo(((h100Kwh + l4Kwh) * aws.pue * aws.kgPerKwh) / 1000, 9);
    // gcp lacks L4: its L4 hours stay in the scenario's own region.
    expect(at('gcp').energyMWh).toBeCloseTo((h100Kwh * gcp.pue + l4Kwh * aws.pue) / 1000, 9);
    expect(at('gcp').co2eTonnes).toBeCloseTo((h100Kwh * gcp.pue * gcp.kgPerKwh + l4Kwh * aws.pue * aws.kgPerKwh) / 1000, 9);
  });

  it('puts spot-eligible demand on each provider’s spot price when the plan uses spot', async () => {
    const fields = {
      workloads: [
        { id: 'train', type: 'training', gpu: 'H100', gpuHoursPerRun: { p10: 500, p90: 1500, per: 'month' }, runsPerMonth: 1 },
        { id: 'sweep', type: 'training', gpu: 'H100', gpuHoursPerRun: { p10: 100, p90: 900, per: 'month' }, runsPerMonth: 1 },
      ],
      pricing: {
        provider: 'aws',
        region: 'us-east-1',
        compare: ['aws', 'gcp', 'azure'],
        spot: { workloads: ['sweep'], interruptionOverhead: { p10: 0.05, p90: 0.3, per: 'month' }, availability: { dist: 'uniform', min: 0.6, max: 1 } },
      },
    };
    const { pricing, plan, store } = await analyzed(fields, 2000);
    const at = (name: string) => pricing.providers.find((p) => p.provider === name)!;
    // Each provider's total is gpuMonthCost with its prices and no commitments, trial by trial.
    for (const [name, onDemand, spot] of [['aws', 5, 2], ['gcp', 4, null], ['azure', 6, 1.5]] as const) {
      const direct = summarize(totalUnderMix(plan, store, () => mixOf(onDemand, spot, [])));
      expect(at(name).total.mean).toBeCloseTo(direct.mean, 6);
      expect(at(name).total.p90).toBeCloseTo(direct.p90, 6);
    }
    // The scenario's own provider at its own prices is the spot strategy.
    expect(at('aws').total).toEqual(pricing.strategies.find((s) => s.name === 'spot')!.total);
    expect(pricing.providers.map((p) => p.total.p50)).toEqual([...pricing.providers.map((p) => p.total.p50)].sort((a, b) => a - b));
  });

  it('compares every provider offering one of the GPU types when `compare` is absent', () => {
    expect(providersToCompare(undefined, ['H100'], reference)).toEqual(['aws', 'azure', 'gcp']);
    expect(providersToCompare(undefined, ['L4'], reference)).toEqual(['aws', 'azure']);
    expect(providersToCompare(['gcp', 'gcp', 'aws'], ['L4'], reference)).toEqual(['gcp', 'aws']);
  });

  it('leaves out, with a note, a compared provider that offers none of the GPU types', async () => {
    const { pricing } = await analyzed({ ...known, pricing: { provider: 'aws', region: 'us-east-1', compare: ['coreweave', 'aws'] } });
    expect(pricing.providers.map((p) => p.provider)).toEqual(['aws']);
    expect(pricing.notes).toContain('coreweave offers none of H100, L4; left out of the comparison');
  });
});
