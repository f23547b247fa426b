/**
 * A user's price file reaches the forecast: the reference built from the merged catalog prices
 * the same demand at the imported rates (the app's worker runs exactly this).
 */
import { describe, expect, it } from 'vitest';
import { forecastOf } from '../simulate/test-support.ts';
import { bundledReference } from './reference.ts';
import { parseUserPriceCsv, referenceWithUserPrices } from './user-prices.ts';

const csv = [
  'provider,region,instanceType,gpu,gpuCount,onDemandPerHour,spotPerHour,committed1yPerHour,committed3yPerHour,source,asOf',
  // Replaces the catalog's aws us-east-1 p5.48xlarge (55.04 an hour, 6.88 per GPU-hour).
  'aws,us-east-1,p5.48xlarge,H100,8,40.00,,30.00,22.00,negotiated rate,2026-10-01',
  'example-cloud,eu-1,big-8,H100,8,16.00,,,,quote from sales,2026-09-30',
].join('\n');

const scenario = {
  workloads: [{ id: 'train', type: 'training', gpu: 'H100', gpuHoursPerRun: 1000, runsPerMonth: 1 }],
  pricing: { provider: 'aws', region: 'us-east-1', compare: ['aws', 'example-cloud'] },
};

describe('referenceWithUserPrices', () => {
  const parsed = parseUserPriceCsv(csv, 'prices.csv', { today: '2026-12-01' });
  if (!('rows' in parsed)) throw new Error(JSON.stringify(parsed.errors));

  it('is the bundled reference when nothing was imported', () => {
    expect(referenceWithUserPrices(undefined)).toBe(bundledReference);
    expect(referenceWithUserPrices([])).toBe(bundledReference);
  });

  it('prices the demand at the imported rate and compares an imported provider', async () => {
    const bundled = await forecastOf(scenario, { trials: 200 });
    const imported = await forecastOf(scenario, { trials: 200, reference: referenceWithUserPrices(parsed.rows) });
    // 12 months × 1,000 GPU-hours, on demand: 12,000 × 6.88 with the catalog, × 40 / 8 = 5 with the file.
    expect(bundled.total.p50).toBeCloseTo(12_000 * 6.88, 6);
    expect(imported.total.p50).toBeCloseTo(12_000 * 5, 6);
    const aws = imported.pricing!.providers.find((p) => p.provider === 'aws')!;
    const example = imported.pricing!.providers.find((p) => p.provider === 'example-cloud')!;
    expect(aws.pricePerGpuHour!.H100).toBe(5);
    expect(example.pricePerGpuHour!.H100).toBe(2);
    expect(example.total.p50).toBeCloseTo(12_000 * 2, 6);
    // Ranked by P50: the imported cloud is cheapest.
    expect(imported.pricing!.providers[0]!.provider).toBe('example-cloud');
    expect(bundled.pricing!.providers.map((p) => p.provider)).toEqual(['aws']);
  });
});
