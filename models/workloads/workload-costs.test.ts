/**
 * Known answers for every workload type: deterministic inputs through the real engine (schema,
 * compiler, chunked simulation, pricing, summary), checked against the arithmetic of DESIGN.md
 * "Exact arithmetic" worked out by hand in each test. Every input is a constant, so every trial
 * of a month costs the same and P5 = P50 = P95 = mean = the hand calculation.
 */
import { describe, expect, it } from 'vitest';
import { forecastOf } from '../simulate/test-support.ts';
import type { ForecastResult, Stats } from '../simulate/result.ts';
import { HOURS_PER_MONTH, trainingGpuHoursPerRun } from './demand.ts';

/** Relative tolerance for sums of a few hundred floating-point products. */
const RELATIVE = 1e-12;

function expectNear(actual: number, expected: number, label?: string): void {
  expect(Math.abs(actual - expected), `${label ?? ''} ${actual} vs ${expected}`).toBeLessThanOrEqual(RELATIVE * Math.max(1, Math.abs(expected)));
}

/** Every trial has the same value: the whole distribution collapses onto `expected`. */
function expectConstant(stats: Stats, expected: number, label?: string): void {
  for (const key of ['p5', 'p10', 'p50', 'p90', 'p95', 'mean'] as const) expectNear(stats[key], expected, `${label ?? ''} ${key}`);
  expect(stats.sd).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

function workload(result: ForecastResult, id: string) {
  const found = result.workloads[id];
  if (!found) throw new Error(`no workload ${id} in the result`);
  return found;
}

/** Checks one workload's cost in every month and over the 12-month horizon. */
function expectMonthly(result: ForecastResult, id: string, perMonth: (m: number) => number): void {
  const { monthly, total } = workload(result, id);
  expect(monthly).toHaveLength(12);
  let sum = 0;
  monthly.forEach((month, m) => {
    expectConstant(month, perMonth(m), `${id} month ${m}`);
    sum += perMonth(m);
  });
  expectConstant(total, sum, `${id} total`);
}

const TRIALS = { trials: 200, seed: 3 };

describe('fixed and formula workloads', () => {
  it('fixed: the monthly amount every month; 12 × 1,234.50 = 14,814 over the horizon', async () => {
    const result = await forecastOf({ workloads: [{ id: 'gateway', type: 'fixed', monthly: 1234.5 }] }, TRIALS);
    expectMonthly(result, 'gateway', () => 1234.5);
    expectConstant(result.total, 14_814);
  });

  it('formula: "100 * month + 50" costs 50, 150, …, 1,150; the horizon sums to 100·66 + 12·50 = 7,200', async () => {
    const result = await forecastOf({ workloads: [{ id: 'guardrails', type: 'formula', cost: '100 * month + 50' }] }, TRIALS);
    expectMonthly(result, 'guardrails', (m) => 100 * m + 50);
    expectConstant(result.total, 7_200);
  });
});

describe('llm-api workloads', () => {
  it('explicit price: requests · [in·(1−c)·input + in·c·cached + out·output] / 10⁶ · (1 − batchShare·batchDiscount)', async () => {
    const result = await forecastOf(
      {
        workloads: [
          {
            id: 'chat',
            type: 'llm-api',
            price: { input: 2.5, cachedInput: 1.25, output: 10, batchDiscount: 0.5 },
            requests: 100_000,
            inputTokens: 2000,
            outputTokens: 500,
            cachedInputShare: 0.3,
            batchShare: 0.2,
          },
        ],
      },
      TRIALS,
    );
    // Per request: 2000·0.7·2.50 + 2000·0.3·1.25 + 500·10 = 3,500 + 750 + 5,000 = 9,250 $ per 10⁶ requests' tokens,
    // i.e. $0.00925 a request; 100,000 requests = $925; 20 % of them at half price: × (1 − 0.2·0.5) = $832.50 a month.
    expectMonthly(result, 'chat', () => 832.5);
  });

  it('catalog model gpt-4o-mini ($0.15 / $0.075 cached / $0.60, batch 50 % off) prices the same way', async () => {
    const result = await forecastOf(
      {
        workloads: [
          { id: 'mini', type: 'llm-api', model: 'gpt-4o-mini', requests: 1_000_000, inputTokens: 1500, outputTokens: 300, cachedInputShare: 0.4, batchShare: 0.25 },
        ],
      },
      TRIALS,
    );
    // Per request: 1500·0.6·0.15 + 1500·0.4·0.075 + 300·0.60 = 135 + 45 + 180 = 360 $ per 10⁶ requests;
    // 10⁶ requests → $360; batch: × (1 − 0.25·0.5) = 0.875 → $315 a month.
    expectMonthly(result, 'mini', () => 315);
  });

  it('a catalog model whose sources state no batch discount (gpt-4.1) gets none, whatever the batch share', async () => {
    const result = await forecastOf(
      {
        workloads: [{ id: 'g41', type: 'llm-api', model: 'gpt-4.1', requests: 10_000, inputTokens: 3000, outputTokens: 800, batchShare: 0.5 }],
      },
      TRIALS,
    );
    // 10,000 · (3000·2.00 + 800·8.00) / 10⁶ = 10,000 · 12,400 / 10⁶ = $124 a month; no cache share, no discount.
    expectMonthly(result, 'g41', () => 124);
  });

  it('an explicit price without cachedInput charges cached tokens the full input price, and batchDiscount defaults to 0.5', async () => {
    const result = await forecastOf(
      {
        workloads: [
          { id: 'own', type: 'llm-api', price: { input: 1, output: 4 }, requests: 1000, inputTokens: 1000, outputTokens: 250, cachedInputShare: 0.9, batchShare: 1 },
        ],
      },
      TRIALS,
    );
    // 1000 · (1000·1 + 250·4) / 10⁶ = $2; all batch at the default 50 % off → $1 a month.
    expectMonthly(result, 'own', () => 1);
  });

  it('a catalog model with a long-context tier (gemini-2.5-pro above 200,000 input tokens) bills every token of a longer request at that tier', async () => {
    const result = await forecastOf(
      {
        drivers: { prompt: 'month < 6 ? 150000 : 250000' },
        workloads: [{ id: 'long', type: 'llm-api', model: 'gemini-2.5-pro', requests: 1000, inputTokens: 'prompt', outputTokens: 2000, cachedInputShare: 0.2 }],
      },
      TRIALS,
    );
    // Months 1–6, 150,000 tokens (base tier $1.25 / $0.125 cached / $10):
    //   1000 · (150,000·0.8·1.25 + 150,000·0.2·0.125 + 2000·10) / 10⁶ = 1000 · (150,000 + 3,750 + 20,000) / 10⁶ = $173.75.
    // Months 7–12, 250,000 tokens (long tier $2.50 / $0.25 cached / $15 on every token):
    //   1000 · (250,000·0.8·2.5 + 250,000·0.2·0.25 + 2000·15) / 10⁶ = 1000 · (500,000 + 12,500 + 30,000) / 10⁶ = $542.50.
    expectMonthly(result, 'long', (m) => (m < 6 ? 173.75 : 542.5));
  });

  it('an explicit price has no long-context tier, even for a model that has one in the catalog', async () => {
    const result = await forecastOf(
      { workloads: [{ id: 'own', type: 'llm-api', model: 'gemini-2.5-pro', price: { input: 1.25, output: 10 }, requests: 1000, inputTokens: 250_000, outputTokens: 2000 }] },
      TRIALS,
    );
    // 1000 · (250,000·1.25 + 2000·10) / 10⁶ = $332.50 a month.
    expectMonthly(result, 'own', () => 332.5);
  });
});

describe('gpu-inference workloads', () => {
  // 1,500 tokens/s per GPU at 60 % target utilisation serve 1500 · 0.6 · 3600 · 730 = 2,365,200,000 tokens per GPU-month.
  const gpuMonthTokens = 1500 * 0.6 * 3600 * HOURS_PER_MONTH;
  const base = { type: 'gpu-inference', gpu: 'L4', tokensPerRequest: 800, tokensPerSecondPerGpu: 1500, targetUtilization: 0.6 };
  const pricing = { gpuPrices: { L4: { onDemand: 0.8 } } };

  it('without autoscaling: the fleet is provisioned for the peak, max(minGpus, ⌈average GPUs · peakToAverage⌉) · 730 GPU-hours', async () => {
    const result = await forecastOf(
      {
        workloads: [
          // 2,000,000 · 800 = 1.6·10⁹ tokens → 0.6765 GPUs on average; × 3.5 peak = 2.368 → ⌈⌉ 3 GPUs → 2,190 GPU-hours → $1,752.
          { id: 'peak', ...base, requests: 2_000_000, peakToAverage: 3.5, minGpus: 1 },
          // 100,000 · 800 = 8·10⁷ tokens → 0.0338 GPUs; × 2.5 → ⌈0.085⌉ = 1, but minGpus 4 keeps 4 on: 2,920 GPU-hours → $2,336.
          { id: 'floor', ...base, requests: 100_000, peakToAverage: 2.5, minGpus: 4 },
        ],
        pricing,
      },
      TRIALS,
    );
    expect((2_000_000 * 800) / gpuMonthTokens).toBeCloseTo(0.6765, 4);
    expectMonthly(result, 'peak', () => 3 * 730 * 0.8);
    expectMonthly(result, 'floor', () => 4 * 730 * 0.8);
    expectConstant(result.pricing!.gpuHours!['L4']!, 12 * (3 + 4) * 730);
  });

  it('with autoscaling: pays for the average GPUs, max(minGpus · 730, average GPUs · 730), ignoring the peak', async () => {
    const result = await forecastOf(
      {
        workloads: [
          // 20,000,000 · 800 = 1.6·10¹⁰ tokens / (1500 · 0.6 · 3600) tokens per GPU-hour = 4,938.27 GPU-hours (6.765 GPUs) → $3,950.62.
          { id: 'busy', ...base, requests: 20_000_000, peakToAverage: 2.5, minGpus: 2, autoscaling: true },
          // 1,000,000 · 800 = 8·10⁸ tokens → 246.9 GPU-hours, below the 2 · 730 = 1,460 of the two GPUs kept on → $1,168.
          { id: 'quiet', ...base, requests: 1_000_000, peakToAverage: 2.5, minGpus: 2, autoscaling: true },
          // The busy workload without autoscaling: ⌈6.765 · 2.1⌉ = ⌈14.21⌉ = 15 GPUs → 10,950 GPU-hours → $8,760.
          { id: 'busy-fixed', ...base, requests: 20_000_000, peakToAverage: 2.1, minGpus: 2 },
        ],
        pricing,
      },
      TRIALS,
    );
    const busyHours = (20_000_000 * 800) / (1500 * 0.6 * 3600);
    expect(busyHours).toBeCloseTo(4938.27, 2);
    expectMonthly(result, 'busy', () => busyHours * 0.8);
    expectMonthly(result, 'quiet', () => 2 * 730 * 0.8);
    expectMonthly(result, 'busy-fixed', () => 15 * 730 * 0.8);
  });

  it('takes the GPU-hour price from the catalog: L4 on AWS us-east-1 (g6.xlarge) at $0.8048', async () => {
    const result = await forecastOf(
      { workloads: [{ id: 'peak', ...base, requests: 2_000_000, peakToAverage: 3.5, minGpus: 1 }], pricing: { provider: 'aws', region: 'us-east-1' } },
      TRIALS,
    );
    // Same 3 GPUs as above: 2,190 GPU-hours · $0.8048 = $1,762.51 a month.
    expectMonthly(result, 'peak', () => 2190 * 0.8048);
  });
});

describe('training workloads', () => {
  it('6·N·D: 8B parameters × 20B tokens at MFU 0.4 on an H100 (989 TFLOP/s dense BF16) take 674.08 GPU-hours per run', () => {
    // 6 · 8·10⁹ · 20·10⁹ = 9.6·10²⁰ FLOPs; 989·10¹² · 0.4 · 3600 = 1.42416·10¹⁸ FLOPs per GPU-hour → 674.08.
    expect(trainingGpuHoursPerRun(8, 20, 989, 0.4)).toBeCloseTo(674.08, 2);
  });

  it('prices runs × GPU-hours per run × (1 + overhead): 2 runs with 15 % overhead at $4 per H100-hour', async () => {
    const result = await forecastOf(
      {
        workloads: [{ id: 'retrain', type: 'training', gpu: 'H100', paramsB: 8, tokensB: 20, mfu: 0.4, runsPerMonth: 2, overhead: 0.15 }],
        pricing: { gpuPrices: { H100: { onDemand: 4 } } },
      },
      TRIALS,
    );
    const perRun = (6 * 8e9 * 20e9) / (989e12 * 0.4 * 3600);
    // 674.08 · 1.15 · 2 = 1,550.39 GPU-hours → $6,201.55 a month.
    expect(perRun * 1.15 * 2).toBeCloseTo(1550.39, 2);
    expectMonthly(result, 'retrain', () => perRun * 1.15 * 2 * 4);
    expectConstant(result.pricing!.gpuHours!['H100']!, 12 * perRun * 1.15 * 2);
  });

  it('uses the peak of the workload\'s own GPU: the same run on an A100 (312 TFLOP/s) takes 989/312 times as long', async () => {
    const result = await forecastOf(
      {
        workloads: [{ id: 'retrain', type: 'training', gpu: 'A100', paramsB: 8, tokensB: 20, mfu: 0.4, runsPerMonth: 1 }],
        pricing: { gpuPrices: { A100: { onDemand: 1 } } },
      },
      TRIALS,
    );
    // 9.6·10²⁰ / (312·10¹² · 0.4 · 3600) = 2,136.75 GPU-hours at $1.
    expectMonthly(result, 'retrain', () => 9.6e20 / (312e12 * 0.4 * 3600));
  });

  it('gpuHoursPerRun instead of model size: 500 GPU-hours × 1.1 × 3 runs = 1,650 GPU-hours at $4', async () => {
    const result = await forecastOf(
      {
        workloads: [{ id: 'finetune', type: 'training', gpu: 'H100', gpuHoursPerRun: 500, runsPerMonth: 3, overhead: 0.1 }],
        pricing: { gpuPrices: { H100: { onDemand: 4 } } },
      },
      TRIALS,
    );
    expectMonthly(result, 'finetune', () => 1650 * 4);
  });
});

describe('experiments workloads', () => {
  it('stage k+1 runs = stage k runs × passRate_k; GPU-hours = Σ runs_k · gpuHoursPerRun_k', async () => {
    const result = await forecastOf(
      {
        workloads: [
          {
            id: 'evals',
            type: 'experiments',
            gpu: 'A100',
            stages: [
              { name: 'smoke', runsPerMonth: 40, gpuHoursPerRun: 2, passRate: 0.25 },
              { name: 'full eval', gpuHoursPerRun: 16, passRate: 0.5 },
              { name: 'red team', gpuHoursPerRun: 40 },
            ],
          },
        ],
        pricing: { gpuPrices: { A100: { onDemand: 2 } } },
      },
      TRIALS,
    );
    // 40 runs · 2 h = 80; 40 · 0.25 = 10 runs · 16 h = 160; 10 · 0.5 = 5 runs · 40 h = 200 → 440 GPU-hours → $880 a month.
    expectMonthly(result, 'evals', () => (40 * 2 + 10 * 16 + 5 * 40) * 2);
    expectConstant(result.pricing!.gpuHours!['A100']!, 12 * 440);
  });

  it('a passRate on the last stage promotes runs to nothing and costs nothing', async () => {
    const result = await forecastOf(
      {
        workloads: [{ id: 'sweep', type: 'experiments', gpu: 'A100', stages: [{ name: 'sweep', runsPerMonth: 12, gpuHoursPerRun: 8, passRate: 0.1 }] }],
        pricing: { gpuPrices: { A100: { onDemand: 2 } } },
      },
      TRIALS,
    );
    expectMonthly(result, 'sweep', () => 12 * 8 * 2);
  });
});

describe('storage workloads', () => {
  it('terabytes · pricePerTbMonth + egressTb · egressPricePerTb: 12 TB at $23 and 2 TB out at $90 = $456', async () => {
    const result = await forecastOf(
      { workloads: [{ id: 'docs', type: 'storage', terabytes: 12, pricePerTbMonth: 23, egressTb: 2, egressPricePerTb: 90 }] },
      TRIALS,
    );
    expectMonthly(result, 'docs', () => 12 * 23 + 2 * 90);
  });

  it('takes the provider\'s standard class from the catalog: GCS $0.020/GB-month and $0.12/GB egress, 1 TB = 1,000 GB', async () => {
    const result = await forecastOf(
      { workloads: [{ id: 'docs', type: 'storage', terabytes: '10 + month', egressTb: 2 }], pricing: { provider: 'gcp' } },
      TRIALS,
    );
    // Month m: (10 + m) TB · $20 + 2 TB · $120 = 440 + 20m; horizon 12·440 + 20·66 = $6,600.
    expectMonthly(result, 'docs', (m) => (10 + m) * 20 + 2 * 120);
    expectConstant(workload(result, 'docs').total, 6_600);
  });

  it('costs nothing for egress when egressTb is left out', async () => {
    const result = await forecastOf({ workloads: [{ id: 'docs', type: 'storage', terabytes: 5, pricePerTbMonth: 21 }] }, TRIALS);
    expectMonthly(result, 'docs', () => 105);
  });
});

describe('every type in one scenario', () => {
  it('adds the workloads up: the total is the sum of the hand calculations above', async () => {
    const result = await forecastOf(
      {
        workloads: [
          { id: 'gateway', type: 'fixed', monthly: 1234.5 },
          { id: 'guardrails', type: 'formula', cost: '100 * month + 50' },
          { id: 'mini', type: 'llm-api', model: 'gpt-4o-mini', requests: 1_000_000, inputTokens: 1500, outputTokens: 300, cachedInputShare: 0.4, batchShare: 0.25 },
          { id: 'peak', type: 'gpu-inference', gpu: 'L4', requests: 2_000_000, tokensPerRequest: 800, tokensPerSecondPerGpu: 1500, targetUtilization: 0.6, peakToAverage: 3.5 },
          { id: 'finetune', type: 'training', gpu: 'H100', gpuHoursPerRun: 500, runsPerMonth: 3, overhead: 0.1 },
          { id: 'evals', type: 'experiments', gpu: 'H100', stages: [{ name: 'smoke', runsPerMonth: 40, gpuHoursPerRun: 2, passRate: 0.25 }, { name: 'full', gpuHoursPerRun: 16 }] },
          { id: 'docs', type: 'storage', terabytes: 12, pricePerTbMonth: 23, egressTb: 2, egressPricePerTb: 90 },
        ],
        pricing: { gpuPrices: { L4: { onDemand: 0.8 }, H100: { onDemand: 4 } } },
      },
      TRIALS,
    );
    // Per month: 1,234.50 + (100m + 50) + 315 + 1,752 + 6,600 + (80 + 160)·4 + 456.
    const monthly = (m: number) => 1234.5 + (100 * m + 50) + 315 + 1752 + 6600 + 240 * 4 + 456;
    result.monthly.forEach((month, m) => expectConstant(month, monthly(m), `month ${m}`));
    expectConstant(result.total, Array.from({ length: 12 }, (_, m) => monthly(m)).reduce((a, b) => a + b, 0));
  });
});

describe('uncertain inputs', () => {
  it('a lognormal request volume passes through linearly: mean cost = $/request · E[requests] within Monte Carlo error', async () => {
    const trials = 20_000;
    const result = await forecastOf(
      {
        months: 1,
        workloads: [
          {
            id: 'chat',
            type: 'llm-api',
            price: { input: 2.5, cachedInput: 1.25, output: 10, batchDiscount: 0.5 },
            requests: { p10: 50_000, p90: 200_000 },
            inputTokens: 2000,
            outputTokens: 500,
            cachedInputShare: 0.3,
            batchShare: 0.2,
          },
        ],
      },
      { trials, seed: 11 },
    );
    // $0.00925 · 0.9 = $0.008325 per request (the explicit-price case above). Requests are lognormal through
    // P10 50,000 and P90 200,000: μ = ln √(50,000·200,000) = ln 100,000, σ = ln 4 / (2·1.28155) = 0.54087;
    // E = e^(μ + σ²/2) = 100,000 · e^0.14627 = 115,751; sd = E·√(e^σ² − 1) = 67,175.
    const perRequest = 0.008325;
    const sigma = Math.log(4) / (2 * 1.2815515655446004);
    const mean = 100_000 * Math.exp((sigma * sigma) / 2);
    const sd = mean * Math.sqrt(Math.exp(sigma * sigma) - 1);
    // Plain Monte Carlo's standard error of the mean is sd/√N; Latin hypercube is tighter still. Allow 4 of them.
    expect(Math.abs(result.total.mean - perRequest * mean)).toBeLessThan((4 * perRequest * sd) / Math.sqrt(trials));
    // Quantiles scale exactly: P50 = $/request · 100,000 = $832.50 (within the order-statistic error, ~0.5 %).
    expect(Math.abs(result.total.p50 / (perRequest * 100_000) - 1)).toBeLessThan(0.01);
  });
});
