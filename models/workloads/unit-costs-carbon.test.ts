/**
 * Known answers for unit costs (`units`) and energy and emissions (`carbon`) through the real
 * engine, with the arithmetic of docs/cost-models.md worked out by hand in each test:
 * - cost per unit over the horizon = Σ cost of the unit's workloads / Σ units · per;
 *   per month = cost_m / units_m · per;
 * - energy (kWh) = GPU-hours · GPU board power (kW) · PUE of the region;
 *   CO2e (kg) = energy · grid intensity of the region (kg/kWh).
 * Inputs are constants, so every trial is the same and P5 = P50 = P95 = the hand calculation.
 */
import { describe, expect, it } from 'vitest';
import { forecastOf } from '../simulate/test-support.ts';
import type { Stats } from '../simulate/result.ts';

const TRIALS = { trials: 200, seed: 5 };

function expectNear(actual: number | undefined, expected: number, label = ''): void {
  expect(actual, label).toBeDefined();
  expect(Math.abs(actual! - expected), `${label} ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

function expectConstant(stats: Stats | undefined, expected: number, label = ''): void {
  expect(stats, label).toBeDefined();
  for (const key of ['p5', 'p50', 'p95', 'mean'] as const) expectNear(stats![key], expected, `${label} ${key}`);
}

// The chat workload of workload-costs.test.ts: $0.00925 of tokens a request, 20 % batched at
// half price → $0.008325 a request, $832.50 a month at 100,000 requests.
const chat = {
  id: 'chat',
  type: 'llm-api',
  price: { input: 2.5, cachedInput: 1.25, output: 10, batchDiscount: 0.5 },
  requests: 'requests',
  inputTokens: 2000,
  outputTokens: 500,
  cachedInputShare: 0.3,
  batchShare: 0.2,
};

describe('unit costs', () => {
  it('quotes a workload subset per 1,000 units, and all workloads per unit by default', async () => {
    const result = await forecastOf(
      {
        drivers: { requests: 100_000, users: 5000 },
        workloads: [chat, { id: 'platform', type: 'fixed', monthly: 1000 }],
        units: {
          request: { count: 'requests', per: 1000, workloads: ['chat'] },
          active_user: 'users',
        },
      },
      TRIALS,
    );
    // Chat only: $832.50 / 100,000 requests · 1,000 = $8.325 per 1,000 requests.
    expectConstant(result.units?.['request']?.costPerUnit, 8.325, 'per 1,000 requests');
    expect(result.units?.['request']?.per).toBe(1000);
    // Everything: ($832.50 + $1,000) / 5,000 users = $0.3665 per active user a month.
    expectConstant(result.units?.['active_user']?.costPerUnit, 0.3665, 'per active user');
  });

  it('over the horizon divides total cost by total units, not the mean of monthly ratios', async () => {
    const result = await forecastOf(
      { workloads: [{ id: 'platform', type: 'fixed', monthly: 1200 }], units: { user: '1000 * (month + 1)' } },
      TRIALS,
    );
    // Users 1,000, 2,000, …, 12,000 (78,000 user-months) against $1,200 × 12 = $14,400 → $0.184615 per user-month.
    // (The mean of the monthly ratios 1.2/(m + 1) would be 1.2 · H₁₂ / 12 = $0.3103: a different, wrong number.)
    expectConstant(result.units?.['user']?.costPerUnit, 14_400 / 78_000, 'horizon');
    const monthly = result.units?.['user']?.monthly ?? [];
    expect(monthly).toHaveLength(12);
    monthly.forEach((month, m) => expectConstant(month, 1200 / (1000 * (m + 1)), `month ${m}`));
  });

  it('cost per training run: 674.08 GPU-hours × 1.15 overhead × $4 = $3,100.78', async () => {
    const result = await forecastOf(
      {
        drivers: { runs: 2, requests: 100_000 },
        workloads: [{ id: 'retrain', type: 'training', gpu: 'H100', paramsB: 8, tokensB: 20, mfu: 0.4, runsPerMonth: 'runs', overhead: 0.15 }, chat],
        pricing: { gpuPrices: { H100: { onDemand: 4 } } },
        units: { training_run: { count: 'runs', workloads: ['retrain'] } },
      },
      TRIALS,
    );
    const perRun = ((6 * 8e9 * 20e9) / (989e12 * 0.4 * 3600)) * 1.15 * 4;
    expect(perRun).toBeCloseTo(3100.78, 2);
    expectConstant(result.units?.['training_run']?.costPerUnit, perRun, 'per run');
  });

  it('reports a month without units as 0 rather than dividing by zero', async () => {
    const result = await forecastOf(
      { workloads: [{ id: 'platform', type: 'fixed', monthly: 100 }], units: { launch_user: 'month < 6 ? 0 : 50' } },
      TRIALS,
    );
    const monthly = result.units?.['launch_user']?.monthly ?? [];
    monthly.forEach((month, m) => expectConstant(month, m < 6 ? 0 : 2, `month ${m}`));
    // $1,200 over 6 · 50 = 300 user-months → $4.
    expectConstant(result.units?.['launch_user']?.costPerUnit, 4, 'horizon');
  });
});

describe('energy and emissions', () => {
  // 2 training runs of 674.08 GPU-hours with 15 % overhead on H100s: 1,550.39 GPU-hours a month.
  const trainingHours = ((6 * 8e9 * 20e9) / (989e12 * 0.4 * 3600)) * 1.15 * 2;
  const training = { id: 'retrain', type: 'training', gpu: 'H100', paramsB: 8, tokensB: 20, mfu: 0.4, runsPerMonth: 2, overhead: 0.15 };
  // 3 L4s kept on all month (autoscaling floor): 2,190 GPU-hours a month.
  const serving = {
    id: 'serve', type: 'gpu-inference', gpu: 'L4', requests: 1000, tokensPerRequest: 500, tokensPerSecondPerGpu: 1000, minGpus: 3, autoscaling: true,
  };
  const gpuPrices = { H100: { onDemand: 4 }, L4: { onDemand: 0.8 } };

  it('AWS us-east-1: GPU-hours × board power × PUE 1.135, × 379 g CO2e/kWh (regions.json)', async () => {
    const result = await forecastOf({ workloads: [training, serving, chat], drivers: { requests: 1000 }, pricing: { provider: 'aws', region: 'us-east-1', gpuPrices } }, TRIALS);
    // H100 700 W: 1,550.39 h · 0.7 kW · 1.135 · 12 months = 14,781.4 kWh; L4 72 W: 2,190 · 0.072 · 1.135 · 12 = 2,147.6 kWh.
    const h100Kwh = trainingHours * 0.7 * 1.135 * 12;
    const l4Kwh = 2190 * 0.072 * 1.135 * 12;
    expect(h100Kwh).toBeCloseTo(14_781.39, 1);
    expect(l4Kwh).toBeCloseTo(2_147.59, 1);
    const carbon = result.carbon!;
    expect(carbon).not.toBeNull();
    expectConstant(carbon.energyMWh, (h100Kwh + l4Kwh) / 1000, 'energy');
    // 16,929 kWh · 0.379 kg/kWh = 6,416.1 kg = 6.42 t.
    expectConstant(carbon.co2eTonnes, ((h100Kwh + l4Kwh) * 0.379) / 1000, 'CO2e');
    // Per workload; the API workload draws no GPU-hours of ours and has no entry.
    expectNear(carbon.byWorkload?.['retrain']?.energyMWh, h100Kwh / 1000, 'retrain energy');
    expectNear(carbon.byWorkload?.['retrain']?.co2eTonnes, (h100Kwh * 0.379) / 1000, 'retrain CO2e');
    expectNear(carbon.byWorkload?.['serve']?.co2eTonnes, (l4Kwh * 0.379) / 1000, 'serve CO2e');
    expect(carbon.byWorkload?.['chat']).toBeUndefined();
  });

  it('the same demand in eu-north-1 (Stockholm, 8.8 g/kWh) uses the same energy and emits 8.8/379 as much', async () => {
    const result = await forecastOf({ workloads: [training], pricing: { provider: 'aws', region: 'eu-north-1', gpuPrices } }, TRIALS);
    const kwh = trainingHours * 0.7 * 1.135 * 12;
    expectConstant(result.carbon!.energyMWh, kwh / 1000, 'energy');
    // 14,781.4 kWh · 0.0088 kg/kWh = 130.1 kg.
    expectConstant(result.carbon!.co2eTonnes, (kwh * 0.0088) / 1000, 'CO2e');
  });

  it('GCP us-central1 has its own PUE (1.11) and grid factor (454 g/kWh)', async () => {
    const result = await forecastOf({ workloads: [serving], pricing: { provider: 'gcp', region: 'us-central1', gpuPrices } }, TRIALS);
    const kwh = 2190 * 0.072 * 1.11 * 12;
    expectConstant(result.carbon!.energyMWh, kwh / 1000, 'energy');
    expectConstant(result.carbon!.co2eTonnes, (kwh * 0.454) / 1000, 'CO2e');
  });

  it('has no carbon section when no workload uses GPUs and no region is given', async () => {
    const result = await forecastOf({ workloads: [chat], drivers: { requests: 1000 } }, TRIALS);
    expect(result.carbon).toBeNull();
  });
});
