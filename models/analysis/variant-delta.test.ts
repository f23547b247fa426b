/**
 * The paired change a variant makes (`delta`, `monthlyDelta`): statistics of variant − baseline
 * trial by trial under common random numbers — not the difference of two quantiles — checked
 * against the per-trial series of the same simulation and against a change known exactly.
 */
import { describe, expect, it } from 'vitest';
import { bundledReference } from '../pricing/reference.ts';
import { series } from '../simulate/collect.ts';
import { summarizeSimulation } from '../simulate/run.ts';
import { horizonTotal } from '../simulate/summarize.ts';
import { simulationOf, sortedQuantile } from '../simulate/test-support.ts';

const fields = {
  drivers: {
    users: { growth: { start: 20_000, rate: { p10: 0.01, p90: 0.06 }, volatility: 0.05 } },
    train_hours: { p10: 500, p90: 4000, per: 'month' },
  },
  workloads: [
    { id: 'chat', type: 'formula', cost: 'users * 0.4' },
    { id: 'training', type: 'formula', cost: 'train_hours * 6.88' },
  ],
};

/** The p-th percentile (in %) of a sample by the same rule as the engine, from a full sort. */
const percentile = (values: readonly number[], p: number) => sortedQuantile(values, p / 100);

describe('paired variant deltas', () => {
  it('are the stats of variant − baseline per trial, which differ from the difference of the P50s', async () => {
    const simulation = await simulationOf({ ...fields, variants: [{ name: 'training +10 %', set: { '/workloads/1/cost': 'train_hours * 6.88 * 1.1' } }] }, { trials: 4000, seed: 5 });
    const { store, variantStores } = simulation;
    const base = horizonTotal(store);
    const variantStore = variantStores[0]!;
    const variant = horizonTotal(variantStore);
    const paired = Array.from(base, (b, t) => variant[t]! - b);
    // The change is exactly 10 % of the training cost of each trial.
    const training = store.horizonTotal(store.trialMonth(series.workloadCost(1))!);
    paired.forEach((d, t) => expect(d).toBeCloseTo(0.1 * training[t]!, 6));

    const result = summarizeSimulation(simulation, bundledReference);
    const v = result.variants![0]!;
    expect(v.delta).toBeDefined();
    for (const p of [5, 10, 25, 50, 75, 90, 95] as const) {
      expect(v.delta![`p${p}`]).toBeCloseTo(percentile(paired, p), 6);
    }
    expect(v.delta!.mean).toBeCloseTo(v.deltaMean!, 9);
    // Every trial gets dearer, so even the P5 of the paired change is above 0 …
    expect(v.delta!.p5).toBeGreaterThan(0);
    // … and the P50 of the change is not the change of the P50 (the total has other uncertainty).
    expect(Math.abs(v.delta!.p50 - v.deltaP50)).toBeGreaterThan(1);
  });

  it('per month: zero for a variant that changes nothing, and the monthly means add up to the total mean', async () => {
    const simulation = await simulationOf(
      { ...fields, variants: [{ name: 'no change', set: {} }, { name: 'cheaper chat', set: { '/workloads/0/cost': 'users * 0.3' } }] },
      { trials: 2000, seed: 9 },
    );
    const result = summarizeSimulation(simulation, bundledReference);
    const [same, cheaper] = result.variants!;
    expect(same!.monthlyDelta).toHaveLength(12);
    for (const month of same!.monthlyDelta!) expect([month.p5, month.p50, month.p95, month.mean, month.sd]).toEqual([0, 0, 0, 0, 0]);
    expect(same!.delta).toMatchObject({ p50: 0, mean: 0, sd: 0 });
    expect(cheaper!.monthlyDelta!.map((m) => m.month)).toEqual(result.months);
    const sumOfMonthlyMeans = cheaper!.monthlyDelta!.reduce((sum, m) => sum + m.mean, 0);
    expect(sumOfMonthlyMeans).toBeCloseTo(cheaper!.delta!.mean, 6);
    // A quarter of the chat cost, in every month of every trial: never dearer.
    expect(cheaper!.monthlyDelta!.every((m) => m.p95 < 0)).toBe(true);
    expect(cheaper!.probabilityCheaper).toBe(1);
  });
});
