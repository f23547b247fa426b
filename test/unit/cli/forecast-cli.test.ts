/**
 * `costcast forecast` on real files: the --json result carries every field of the contract
 * (DESIGN.md, "Forecast result"), the same seed gives byte-identical JSON across runs and any
 * number of worker threads, another seed other numbers; without a file it runs the bundled
 * default; on a terminal it prints a progress bar and a table.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ForecastResult, Stats } from '../../../models/simulate/result.ts';
import { root, runCli, scenario, spawnCli, tempFolder } from './cli-harness.ts';

const folder = tempFolder('forecast');
afterAll(() => folder.remove());

const defaultScenario = JSON.parse(readFileSync(path.join(root, 'scenarios', 'default.json'), 'utf8')) as { name: string; months: number; workloads: { id: string }[]; variants: { name: string }[]; units: Record<string, unknown> };
const STAT_KEYS = ['mean', 'sd', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'];

function expectStats(stats: Stats | undefined, where: string): void {
  expect(stats, where).toBeDefined();
  for (const key of STAT_KEYS) expect(typeof (stats as unknown as Record<string, unknown>)[key], `${where}.${key}`).toBe('number');
  expect(stats!.p10, where).toBeLessThanOrEqual(stats!.p50);
  expect(stats!.p50, where).toBeLessThanOrEqual(stats!.p90);
}

async function forecastJson(argv: string[]): Promise<{ text: string; result: ForecastResult }> {
  const run = await runCli(['forecast', ...argv, '--json']);
  expect(run.code, run.err).toBe(0);
  return { text: run.out, result: JSON.parse(run.out) as ForecastResult };
}

describe('costcast forecast --json', () => {
  it('without a file runs scenarios/default.json and prints every field of the result contract', async () => {
    const { result } = await forecastJson(['--trials', '2000', '--seed', '3']);
    expect(result.scenario).toBe(defaultScenario.name);
    expect(result).toMatchObject({ trials: 2000, seed: 3, sampling: 'lhs' });
    expect(typeof result.currency).toBe('string');
    expect(result.months).toHaveLength(defaultScenario.months);
    expectStats(result.total, 'total');
    expect(result.monthly).toHaveLength(defaultScenario.months);
    result.monthly.forEach((month, m) => {
      expect(month.month).toBe(result.months[m]);
      expectStats(month, `monthly[${m}]`);
    });
    expect(Object.keys(result.workloads)).toEqual(defaultScenario.workloads.map((w) => w.id));
    for (const [id, workload] of Object.entries(result.workloads)) {
      expectStats(workload.total, `workloads.${id}.total`);
      expect(workload.monthly).toHaveLength(defaultScenario.months);
    }
    expect(result.precision.p50StdError).toBeGreaterThan(0);
    expect(result.precision.p90StdError).toBeGreaterThan(0);
    // The bundled default uses a budget, pricing, value, units and variants: none may be null.
    const budget = result.budget!;
    for (const key of ['amount', 'probabilityOfExceeding', 'expectedOverrun', 'probabilityOfBreach'] as const) expect(typeof budget[key]).toBe('number');
    expect(budget.firstBreachMonth === null || typeof budget.firstBreachMonth.p50 === 'number').toBe(true);
    expect(result.sensitivity.length).toBeGreaterThan(0);
    const magnitudes = result.sensitivity.map((s) => Math.abs(s.rankCorrelation));
    expect(magnitudes).toEqual([...magnitudes].sort((a, b) => b - a));
    for (const entry of result.sensitivity) expect(typeof entry.driver).toBe('string');
    const pricing = result.pricing!;
    expect(pricing.strategies.map((s) => s.name)).toEqual(['on-demand', 'committed', 'spot', 'plan', 'optimal']);
    pricing.strategies.forEach((s) => expectStats(s.total, `pricing.${s.name}`));
    for (const c of pricing.recommendedCommitments) expect(c).toEqual(expect.objectContaining({ gpu: expect.any(String), term: expect.stringMatching(/^(1y|3y)$/), gpuHoursPerMonth: expect.any(Number) }));
    expect(pricing.providers.length).toBeGreaterThan(0);
    for (const p of pricing.providers) expect(p).toEqual(expect.objectContaining({ provider: expect.any(String), region: expect.any(String), co2eTonnes: expect.any(Number) }));
    const roi = result.roi!;
    for (const key of ['value', 'net', 'roi', 'npv'] as const) expectStats(roi[key], `roi.${key}`);
    expect(typeof roi.probabilityPositive).toBe('number');
    expect(typeof roi.probabilityOfPayback).toBe('number');
    expect(Object.keys(result.units!)).toEqual(Object.keys(defaultScenario.units));
    for (const unit of Object.values(result.units!)) expectStats(unit.costPerUnit, 'units');
    expectStats(result.carbon!.energyMWh, 'carbon.energyMWh');
    expectStats(result.carbon!.co2eTonnes, 'carbon.co2eTonnes');
    expect(result.variants!.map((v) => v.name)).toEqual(defaultScenario.variants.map((v) => v.name));
    for (const v of result.variants!) {
      expectStats(v.total, `variants.${v.name}`);
      expect(v.deltaP50).toBeCloseTo(v.total.p50 - result.total.p50, 6);
      expect(v.deltaP90).toBeCloseTo(v.total.p90 - result.total.p90, 6);
    }
  });

  it('the same seed gives byte-identical JSON across runs and across 1, 2 and 4 worker threads; another seed other numbers', async () => {
    const file = path.join(root, 'scenarios', 'default.json');
    const args = [file, '--trials', '3100', '--seed', '42'];
    const inProcess = await forecastJson(args);
    const again = await forecastJson(args);
    expect(again.text).toBe(inProcess.text);
    for (const workers of ['1', '2', '4']) {
      const threaded = await forecastJson([...args, '--workers', workers]);
      expect(threaded.text, `--workers ${workers}`).toBe(inProcess.text);
    }
    const other = await forecastJson([file, '--trials', '3100', '--seed', '43']);
    expect(other.result.seed).toBe(43);
    expect(other.result.total.p50).not.toBe(inProcess.result.total.p50);
    expect(other.result.total.mean).not.toBe(inProcess.result.total.mean);
    // Different numbers, the same forecast: the P50s agree to within a few standard errors.
    expect(Math.abs(other.result.total.p50 - inProcess.result.total.p50)).toBeLessThan(6 * Math.hypot(other.result.precision.p50StdError, inProcess.result.precision.p50StdError));
  });

  it('--sampling random and --seed are recorded in the result and change it', async () => {
    const file = folder.write('range.json', scenario({ drivers: { x: { p10: 1, p90: 4 } }, workloads: [{ id: 'w', type: 'formula', cost: 'x * 1000' }] }));
    const lhs = await forecastJson([file, '--trials', '1000']);
    const random = await forecastJson([file, '--trials', '1000', '--sampling', 'random']);
    expect(lhs.result.sampling).toBe('lhs');
    expect(random.result.sampling).toBe('random');
    expect(random.result.total.p50).not.toBe(lhs.result.total.p50);
  });
});

describe('costcast forecast for people', () => {
  it('draws a progress bar on a terminal and prints P10/P50/P90 of the total and each workload, the budget and precision', async () => {
    const file = folder.write('people.json', scenario({ drivers: { x: { p10: 1, p90: 4 } }, workloads: [{ id: 'api', type: 'formula', cost: 'x * 1000' }, { id: 'gateway', type: 'fixed', monthly: 500 }], budget: { total: 36000 } }));
    const run = await runCli(['forecast', file, '--trials', '4000'], { tty: true });
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/\[#+\] 100 % \(4,000 \/ 4,000 trials\)/);
    expect(run.out).toMatch(/P10\s+P50\s+P90/);
    expect(run.out).toMatch(/^\s+Total\s+\$[\d,]+/m);
    expect(run.out).toMatch(/^\s+api\s+\$[\d,]+/m);
    expect(run.out).toMatch(/^\s+gateway\s+\$6,000\s+\$6,000\s+\$6,000/m);
    expect(run.out).toMatch(/Budget \$36,000/);
    expect(run.out).toMatch(/P\(exceeding\) \d+\.\d %/);
    expect(run.out).toMatch(/Precision: P50 ± \$[\d,.]+/);
    // Not on a terminal: no progress bar.
    const piped = await runCli(['forecast', file, '--trials', '4000']);
    expect(piped.err).toBe('');
    expect(piped.out).toBe(run.out);
  });

  it('the installed bin forecasts with worker threads and prints only JSON with --json', async () => {
    const file = folder.write('bin.json', scenario({ drivers: { x: { p10: 1, p90: 4 } }, workloads: [{ id: 'w', type: 'formula', cost: 'x * 1000' }] }));
    const viaBin = await spawnCli(['forecast', file, '--trials', '2000', '--seed', '9', '--workers', '2', '--json'], folder.dir);
    expect(viaBin.code, viaBin.err).toBe(0);
    expect(viaBin.err).toBe('');
    const inProcess = await forecastJson([file, '--trials', '2000', '--seed', '9']);
    expect(viaBin.out).toBe(inProcess.text);
  });
});
