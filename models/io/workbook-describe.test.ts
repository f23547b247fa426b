import { describe, expect, it } from 'vitest';
import type { WorkloadSpec } from '../scenario/schema.ts';
import { describeDriver, describeNumber, describeWorkloadFields } from './workbook-describe.ts';

describe('describeDriver', () => {
  it('says how each range is read, in words and numbers', () => {
    expect(describeDriver({ p10: 20, p90: 45 })).toEqual({ form: '80 % range', words: '80 % range 20 to 45 (lognormal)', drawn: 'once per trial' });
    expect(describeDriver({ p10: -5, p90: 5, per: 'month' })).toEqual({ form: '80 % range', words: '80 % range -5 to 5 (normal)', drawn: 'every month' });
    expect(describeDriver({ p5: 250, p95: 700, min: 100 }).words).toBe('90 % range 250 to 700 (lognormal); clamped to at least 100');
  });

  it('names every distribution with its parameters', () => {
    expect(describeDriver({ dist: 'triangular', min: 800, mode: 1500, max: 4000 }).words).toBe('triangular: min 800, most likely 1,500, max 4,000');
    expect(describeDriver({ dist: 'normal', mean: 900, sd: 150, min: 200 }).words).toBe('normal with mean 900 and standard deviation 150; clamped to at least 200');
    expect(describeDriver({ dist: 'beta', alpha: 6, beta: 4 }).words).toBe('beta with α 6 and β 4 (mean 0.6)');
    expect(describeDriver({ dist: 'gamma', shape: 9, scale: 40 }).words).toBe('gamma with shape 9 and scale 40 (mean 360)');
    expect(describeDriver({ dist: 'bernoulli', p: 0.3 }).words).toBe('1 with probability 0.3, otherwise 0');
    expect(describeDriver({ dist: 'discrete', values: [20, 40, 60], weights: [0.5, 0.3, 0.2] }).words).toBe('one of 20 (50 %), 40 (30 %), 60 (20 %)');
    expect(describeDriver({ dist: 'discrete', values: [1, 2] }).words).toBe('one of 1 (50 %), 2 (50 %)');
    expect(describeDriver({ dist: 'poisson', mean: 40000, per: 'month' })).toEqual({ form: 'Poisson', words: 'Poisson count with mean 40,000', drawn: 'every month' });
  });

  it('keeps a formula as its own text and describes growth, trend and series', () => {
    expect(describeDriver('=HYPERLINK("x")')).toEqual({ form: 'formula', words: '=HYPERLINK("x")', drawn: 'from its inputs' });
    expect(describeDriver({ growth: { start: 12000, rate: { p10: 0.03, p90: 0.12 }, volatility: 0.05, cap: 200000 } }).words).toBe(
      'starts at 12,000; monthly growth rate 80 % range 0.03 to 0.12 (lognormal); volatility 0.05 (monthly log-noise σ); slows logistically towards a cap of 200,000',
    );
    expect(describeDriver({ trend: { history: 'mau' } }, { mau: { '2026-02': 5, '2026-01': 4 } }).words).toBe(
      'trend fitted to history "mau": 2 months 2026-01 to 2026-02, last 5; model: the best of linear, exponential and logistic by AICc; projected with parameter and residual uncertainty',
    );
    expect(describeDriver({ series: [1, 2, 3] })).toEqual({ form: 'planned series', words: 'per month: 1, 2, 3 (the last value repeats)', drawn: 'not random' });
    expect(describeDriver(0.002)).toEqual({ form: 'constant', words: '0.002', drawn: 'not random' });
  });

  it('rounds long numbers to 6 significant digits with separators', () => {
    expect(describeNumber(1234567.891)).toBe('1,234,570');
    expect(describeNumber(0.000123456789)).toBe('0.000123457');
  });
});

describe('describeWorkloadFields', () => {
  it('lists given fields with their meaning and optional ones at their defaults', () => {
    const workload: WorkloadSpec = { id: 'serve', type: 'gpu-inference', gpu: 'L4', requests: 'reqs', tokensPerRequest: 400, tokensPerSecondPerGpu: { p10: 900, p90: 1800 }, autoscaling: true };
    const fields = describeWorkloadFields(workload);
    expect(fields.find((f) => f.field === 'gpu')).toEqual({ field: 'gpu', meaning: 'GPU type, e.g. H100 (see `costcast prices`)', value: 'L4', form: 'catalog id' });
    expect(fields.find((f) => f.field === 'requests')).toMatchObject({ meaning: 'requests per month', value: 'reqs', form: 'formula' });
    expect(fields.find((f) => f.field === 'tokensPerSecondPerGpu')?.value).toBe('80 % range 900 to 1,800 (lognormal)');
    expect(fields.find((f) => f.field === 'targetUtilization')).toMatchObject({ value: 'default', meaning: 'share of throughput you plan to use (default 0.6)' });
    expect(fields.find((f) => f.field === 'autoscaling')?.value).toBe('yes');
    expect(fields.some((f) => f.field === 'id' || f.field === 'type')).toBe(false);
  });

  it('flattens experiment stages and LLM prices', () => {
    const experiments: WorkloadSpec = { id: 'e', type: 'experiments', gpu: 'H100', stages: [{ name: 'smoke', runsPerMonth: 30, gpuHoursPerRun: 2, passRate: 0.3 }, { name: 'full', gpuHoursPerRun: 12 }] };
    const fields = describeWorkloadFields(experiments).map((f) => `${f.field}=${f.value}`);
    expect(fields).toContain('stages[1] smoke: runsPerMonth=30');
    expect(fields).toContain('stages[2] full: gpuHoursPerRun=12');
    const llm: WorkloadSpec = { id: 'l', type: 'llm-api', price: { input: 2.5, output: 10 }, requests: 1000, inputTokens: 500, outputTokens: 200 };
    expect(describeWorkloadFields(llm).map((f) => `${f.field}=${f.value}`)).toEqual(expect.arrayContaining(['price.input=2.5', 'price.output=10', 'price.batchDiscount=default']));
  });
});
