/**
 * The CLI's worker pool across runs: a run on memory recycled from an earlier run gives exactly
 * the result of a run on fresh memory, and a second run on the same workers too (what
 * `costcast compare` does for its second scenario).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../cli/worker-pool.ts';
import { bundledReference } from '../../../models/pricing/reference.ts';
import { series } from '../../../models/simulate/collect.ts';
import { simulate, simulationSections, summarizeSimulation, type Simulation } from '../../../models/simulate/run.ts';
import { validateDocument } from '../../../models/scenario/validate.ts';
import type { Scenario } from '../../../models/scenario/schema.ts';
import { root } from './cli-harness.ts';

function scenarioFrom(document: Record<string, unknown>): Scenario {
  const validated = validateDocument(document);
  if (!validated.ok) throw new Error(validated.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return validated.scenario;
}

const selfHosted = JSON.parse(readFileSync(path.join(root, 'scenarios', 'self-hosted-platform.json'), 'utf8')) as Record<string, unknown> & { pricing: Record<string, unknown> };
// With spot, its GPU types' spot-eligible series hold demand; without, they are never written (a new store's zeros stand in).
const withSpot = scenarioFrom(selfHosted);
const { spot: _spot, ...pricingWithoutSpot } = selfHosted.pricing;
const withoutSpot = scenarioFrom({ ...selfHosted, pricing: pricingWithoutSpot });
const settings = { trials: 3000, seed: 11, reference: bundledReference };

const pools: WorkerPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
});

async function startPool(): Promise<WorkerPool> {
  const pool = await WorkerPool.start(2);
  pools.push(pool);
  return pool;
}

async function forecastOn(pool: WorkerPool, scenario: Scenario): Promise<{ simulation: Simulation; json: string }> {
  const simulation = await simulate(scenario, { ...settings, executor: pool.executor });
  const computed = await pool.summarize(simulationSections(simulation));
  return { simulation, json: JSON.stringify(summarizeSimulation(simulation, bundledReference, undefined, computed)) };
}

/** Every buffer of a simulation's stores (the baseline's and each variant's). */
const buffersOf = (simulation: Simulation) =>
  new Set(
    [simulation.store, ...simulation.variantStores].flatMap((store) => {
      const { trial, trialMonth } = store.buffers();
      return [...Object.values(trial), ...Object.values(trialMonth)];
    }),
  );

describe('worker pool across runs', () => {
  it('a run on recycled memory equals a run on fresh memory, byte for byte, and leaves unwritten series at zero', async () => {
    const fresh = await forecastOn(await startPool(), withoutSpot);

    const pool = await startPool();
    const first = await forecastOn(pool, withSpot);
    const gpus = Object.keys(first.simulation.prepared.plan.gpuPrices);
    // The first run leaves demand in spot-eligible series that the second run does not write.
    expect(gpus.some((gpu) => first.simulation.store.trialMonth(series.gpuFlexible(gpu))!.some((v) => v > 0))).toBe(true);
    const used = buffersOf(first.simulation);
    pool.recycle(first.simulation);
    const second = await forecastOn(pool, withoutSpot);

    // The second run really ran on the first run’s memory…
    expect([...buffersOf(second.simulation)].filter((buffer) => used.has(buffer)).length).toBeGreaterThan(0);
    // …and its series it never writes are zeros again, as on fresh memory.
    for (const gpu of gpus) expect(second.simulation.store.trialMonth(series.gpuFlexible(gpu))!.every((v) => v === 0)).toBe(true);
    expect(second.json).toBe(fresh.json);
  });

  it('the same scenario twice on one pool gives the same result both times', async () => {
    const pool = await startPool();
    const first = await forecastOn(pool, withSpot);
    pool.recycle(first.simulation);
    const second = await forecastOn(pool, withSpot);
    expect(second.json).toBe(first.json);
  });
});
