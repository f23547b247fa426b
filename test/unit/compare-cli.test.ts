/**
 * `costcast compare a.json b.json`: two scenario files run with the same trial count and seed,
 * so drivers with the same name share their random streams (common random numbers) and the
 * per-trial delta is the effect of what differs between the files. Real files in a temp folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import type { Stats } from '../../models/simulate/result.ts';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text), errIsTty: false });
  return { code, out, err };
}

interface Comparison {
  trials: number;
  seed: number;
  sampling: string;
  a: { file: string; scenario: string; total: Stats };
  b: { file: string; scenario: string; total: Stats };
  deltaP50: number;
  deltaP90: number;
  deltaMean: number;
  deltaStdError: number;
  delta: Stats;
  probabilityBCheaper: number;
}

/** A scenario with an uncertain API workload and an uncertain training workload. */
function scenario(name: string, trainingScale: number, currency = 'USD') {
  return {
    format: 'costcast/scenario',
    version: 1,
    name,
    currency,
    start: '2027-01',
    months: 12,
    drivers: {
      users: { growth: { start: 50_000, rate: { dist: 'triangular', min: 0, mode: 0.03, max: 0.08 }, volatility: 0.05 } },
      tokens: { p10: 800, p90: 2000 },
      train_hours: { p10: 500, p90: 4000, per: 'month' },
    },
    workloads: [
      { id: 'api', type: 'formula', cost: 'users * tokens * 0.00002' },
      { id: 'training', type: 'formula', cost: `train_hours * 6.88 * ${trainingScale}` },
    ],
  };
}

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'costcast-compare-'));
  writeFileSync(file('a.json'), JSON.stringify(scenario('Baseline', 1), null, 2));
  writeFileSync(file('b.json'), JSON.stringify(scenario('Training +10 %', 1.1), null, 2));
  writeFileSync(file('eur.json'), JSON.stringify(scenario('In euros', 1, 'EUR'), null, 2));
  writeFileSync(file('broken.json'), '{ "format": "costcast/scenario", "version": 1, "name": "x", "currency": "USD", "start": "2027-01", "months": 12, "workloads": [{ "id": "w", "type": "fixed", "monthly": "nope * 2" }] }');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('costcast compare', () => {
  const N = 4000;

  it('runs both files on the same random numbers: B − A is 10 % of the training cost in every trial', async () => {
    const { code, out, err } = await run(['compare', file('a.json'), file('b.json'), '--json', '--trials', String(N), '--seed', '4']);
    expect(code, err).toBe(0);
    const comparison = JSON.parse(out) as Comparison;
    expect(comparison).toMatchObject({ trials: N, seed: 4, sampling: 'lhs', a: { scenario: 'Baseline' }, b: { scenario: 'Training +10 %' } });
    expect(comparison.a.file).toContain('a.json');
    // Analytic: E[B − A] = 0.1 × 12 × 6.88 × E[train_hours], lognormal through P10 500 / P90 4,000.
    const sigma = Math.log(8) / (2 * 1.2815515655446004);
    const expected = 0.1 * 12 * 6.88 * Math.sqrt(500 * 4000) * Math.exp(sigma ** 2 / 2);
    expect(Math.abs(comparison.deltaMean - expected)).toBeLessThan(4 * comparison.deltaStdError);
    // Paired, the delta is never negative: B is dearer in every trial.
    expect(comparison.delta.p5).toBeGreaterThan(0);
    expect(comparison.probabilityBCheaper).toBe(0);
    expect(comparison.deltaP50).toBeCloseTo(comparison.b.total.p50 - comparison.a.total.p50, 6);
    expect(comparison.deltaP90).toBeCloseTo(comparison.b.total.p90 - comparison.a.total.p90, 6);
    // Its standard error is a small fraction of what two independent runs would give.
    const unpaired = Math.sqrt((comparison.a.total.sd ** 2 + comparison.b.total.sd ** 2) / N);
    console.log(`compare: Δ mean ${comparison.deltaMean.toFixed(0)} (analytic ${expected.toFixed(0)}), standard error paired ${comparison.deltaStdError.toFixed(1)}, unpaired ${unpaired.toFixed(1)}`);
    expect(comparison.deltaStdError).toBeLessThan(unpaired / 10);
  });

  it('a file compared with itself has a delta of exactly 0', async () => {
    const { code, out } = await run(['compare', file('a.json'), file('a.json'), '--json', '--trials', '2000']);
    expect(code).toBe(0);
    const comparison = JSON.parse(out) as Comparison;
    expect(comparison.delta).toMatchObject({ mean: 0, sd: 0, p5: 0, p50: 0, p95: 0 });
    expect(comparison).toMatchObject({ deltaP50: 0, deltaP90: 0, deltaMean: 0, deltaStdError: 0, probabilityBCheaper: 0 });
  });

  it('prints a table of both scenarios and the deltas', async () => {
    const { code, out } = await run(['compare', file('a.json'), file('b.json'), '--trials', '2000']);
    expect(code).toBe(0);
    expect(out).toContain('Compare over 2,000 trials (seed 1, common random numbers)');
    expect(out).toContain('A Baseline');
    expect(out).toContain('B Training +10 %');
    expect(out).toContain('B − A (per trial)');
    expect(out).toMatch(/Δ P50 \$[\d,]+, Δ P90 \$[\d,]+, mean Δ \$[\d,]+ ± \$[\d,]+; P\(B cheaper\) 0\.0 %/);
  });

  it('warns when the currencies differ', async () => {
    const { code, err } = await run(['compare', file('a.json'), file('eur.json'), '--trials', '1000']);
    expect(code).toBe(0);
    expect(err).toContain('different currencies (USD, EUR)');
  });

  it('exits 2 on wrong usage and 1 on bad input, naming the file', async () => {
    const one = await run(['compare', file('a.json')]);
    expect(one.code).toBe(2);
    expect(one.err).toContain('compare takes two scenario files');
    const missing = await run(['compare', file('a.json'), file('nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.json: no such file/);
    const broken = await run(['compare', file('broken.json'), file('a.json')]);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('broken.json');
    expect(broken.err).toContain('nope');
    expect(broken.out).toBe('');
  });
});
