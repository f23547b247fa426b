/**
 * `costcast prices` and the pricing section of `costcast forecast`, run through the CLI's own
 * `main()` with an injected io, on the bundled catalog and the bundled scenarios.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { listCatalogRows, type CatalogRow } from '../../models/pricing/catalog/catalog.ts';
import type { ForecastResult } from '../../models/simulate/result.ts';

/** Runs the CLI with captured output. */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text), errIsTty: false });
  return { code, out, err };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const today = new Date().toISOString().slice(0, 10);

/** What `prices --json` prints: the catalog's rows (the JSON contract of DESIGN.md). */
type PriceRow = CatalogRow;

describe('costcast prices --json', () => {
  it('lists at least 5 providers and 4 GPU types, every row with its prices, source and as-of date', async () => {
    const { code, out, err } = await run(['prices', '--json']);
    expect(code).toBe(0);
    expect(err).toBe('');
    const rows = JSON.parse(out) as PriceRow[];
    expect(Array.isArray(rows)).toBe(true);
    const providers = new Set(rows.map((row) => row.provider));
    const gpus = new Set(rows.map((row) => row.gpu));
    expect(providers.size).toBeGreaterThanOrEqual(5);
    expect([...providers]).toEqual(expect.arrayContaining(['aws', 'gcp', 'azure', 'coreweave', 'lambda']));
    expect(gpus.size).toBeGreaterThanOrEqual(4);
    expect([...gpus]).toEqual(expect.arrayContaining(['H100', 'A100', 'L4']));
    expect(gpus.has('H200') || gpus.has('B200')).toBe(true);
    for (const row of rows) {
      const label = `${row.provider} ${row.region} ${row.instanceType}`;
      for (const key of ['provider', 'region', 'instanceType', 'gpu', 'source', 'asOf'] as const) expect(typeof row[key], `${label} ${key}`).toBe('string');
      expect(row.source.trim().length, label).toBeGreaterThan(10);
      expect(row.asOf, label).toMatch(isoDate);
      expect(row.asOf <= today, label).toBe(true);
      expect(Number.isInteger(row.gpuCount) && row.gpuCount > 0, label).toBe(true);
      expect(row.onDemandPerHour, label).toBeGreaterThan(0);
      expect(row.onDemandPerGpuHour, label).toBeCloseTo(row.onDemandPerHour / row.gpuCount, 12);
      for (const [perHour, perGpuHour] of [
        [row.spotPerHour, row.spotPerGpuHour],
        [row.committed1yPerHour, row.committed1yPerGpuHour],
        [row.committed3yPerHour, row.committed3yPerGpuHour],
      ] as const) {
        if (perHour === null) expect(perGpuHour, label).toBeNull();
        else {
          expect(perHour, label).toBeLessThan(row.onDemandPerHour);
          expect(perGpuHour!, label).toBeCloseTo(perHour / row.gpuCount, 12);
        }
      }
      expect(typeof row.committedEstimated, label).toBe('boolean');
    }
    // The JSON is the catalog itself, row for row.
    expect(rows).toEqual(JSON.parse(JSON.stringify(listCatalogRows())));
  });

  it('filters by GPU and provider, in any case', async () => {
    const h100 = JSON.parse((await run(['prices', '--gpu', 'h100', '--json'])).out) as PriceRow[];
    expect(h100.length).toBeGreaterThanOrEqual(5);
    expect(h100.every((row) => row.gpu === 'H100')).toBe(true);
    const lambdaB200 = JSON.parse((await run(['prices', '--provider', 'Lambda', '--gpu', 'B200', '--json'])).out) as PriceRow[];
    expect(lambdaB200.map((row) => [row.provider, row.gpu, row.onDemandPerGpuHour])).toEqual([['lambda', 'B200', 6.69]]);
  });

  it('prints a table with every row, its as-of date and a note on estimated commitments', async () => {
    const { code, out } = await run(['prices']);
    expect(code).toBe(0);
    const rows = listCatalogRows();
    for (const row of rows) expect(out).toContain(row.instanceType);
    for (const asOf of new Set(rows.map((row) => row.asOf))) expect(out).toContain(asOf);
    expect(out).toContain('* committed prices estimated from published discount ranges');
    expect(out.trim().split('\n').length).toBeGreaterThanOrEqual(rows.length + 2);
  });

  it('exits 1 when nothing matches and 2 on wrong usage', async () => {
    const none = await run(['prices', '--gpu', 'TPU-v9']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('no catalog rows match --gpu TPU-v9');
    expect(none.out).toBe('');
    const usage = await run(['prices', '--region', 'us-east-1']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('unknown option --region');
  });
});

describe('costcast forecast: the pricing section of every bundled scenario with GPU workloads', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const gpuTypes = new Set(['gpu-inference', 'training', 'experiments']);
  const bundled = readdirSync(path.join(root, 'scenarios'))
    .filter((name) => name.endsWith('.json') && name !== 'scenario.schema.json')
    .sort()
    .map((name) => path.join(root, 'scenarios', name))
    .filter((file) => (JSON.parse(readFileSync(file, 'utf8')) as { workloads: { type: string }[] }).workloads.some((w) => gpuTypes.has(w.type)));

  // On-demand USD per GPU-hour as the fact sheet lists them (instance price / 8 GPUs; AWS g6 has one L4).
  const factSheet: Record<string, Record<string, number>> = {
    aws: { H100: 6.88, A100: 2.745, 'A100-80GB': 3.43, L4: 0.8048 },
    gcp: { H100: 10.98, A100: 3.67 },
    azure: { H100: 12.29, 'A100-80GB': 4.1 },
    coreweave: { H100: 6.155 },
    lambda: { H100: 3.99, 'A100-80GB': 2.79 },
  };

  it('has at least one such scenario', () => {
    expect(bundled.length).toBeGreaterThan(0);
  });

  it.each(bundled.map((file) => [path.basename(file), file]))('%s: strategies, commitments and the provider ranking', async (_name, file) => {
    const json = await run(['forecast', file, '--json', '--trials', '1000', '--seed', '3']);
    expect(json.code, json.err).toBe(0);
    const result = JSON.parse(json.out) as ForecastResult;
    const pricing = result.pricing!;
    expect(pricing).not.toBeNull();
    const strategy = Object.fromEntries(pricing.strategies.map((s) => [s.name, s.total]));
    expect(Object.keys(strategy)).toEqual(['on-demand', 'committed', 'spot', 'plan', 'optimal']);
    // The plan strategy is the forecast itself; the optimum is never dearer than on-demand or spot.
    expect(strategy['plan']!.mean).toBeCloseTo(result.total.mean, 4);
    expect(strategy['optimal']!.mean).toBeLessThanOrEqual(strategy['on-demand']!.mean * (1 + 1e-12));
    expect(strategy['optimal']!.mean).toBeLessThanOrEqual(strategy['spot']!.mean * (1 + 1e-12));
    for (const commitment of pricing.recommendedCommitments) {
      expect(Object.keys(pricing.gpuHours ?? {})).toContain(commitment.gpu);
      expect(['1y', '3y']).toContain(commitment.term);
      expect(commitment.gpuHoursPerMonth).toBeGreaterThan(0);
      expect(commitment.expectedSaving).toBeGreaterThan(0);
    }
    // Ranked by P50, each provider at its catalog price, and where the fact sheet lists one, at that.
    expect(pricing.providers.length).toBeGreaterThanOrEqual(2);
    pricing.providers.forEach((provider, i) => {
      if (i > 0) expect(provider.total.p50).toBeGreaterThanOrEqual(pricing.providers[i - 1]!.total.p50);
      for (const [gpu, price] of Object.entries(provider.pricePerGpuHour ?? {})) {
        const offered = listCatalogRows({ provider: provider.provider, gpu }).map((row) => row.onDemandPerGpuHour);
        expect(offered, `${provider.provider} ${gpu}`).toContain(price);
        const fact = factSheet[provider.provider]?.[gpu];
        if (fact !== undefined) expect(Math.abs(price - fact), `${provider.provider} ${gpu}`).toBeLessThan(0.01);
      }
      expect(provider.co2eTonnes).toBeGreaterThan(0);
    });

    const text = await run(['forecast', file, '--trials', '1000', '--seed', '3']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Pricing strategies (same demand)');
    for (const name of Object.keys(strategy)) expect(text.out).toMatch(new RegExp(`^\\s+${name}\\s`, 'm'));
    if (pricing.recommendedCommitments.length) expect(text.out).toContain('Recommended: commit');
    expect(text.out).toContain('Cloud vs cloud (ranked by P50)');
    for (const provider of pricing.providers) expect(text.out).toMatch(new RegExp(`^\\s+${provider.provider}\\s`, 'm'));
  });
});
