/**
 * Chargeback / showback: cost by any tag key (team, product, useCase, model, environment or a
 * key of the user's own) per month, P50 and P90, each group its own distribution over trials.
 */
import { describe, expect, it } from 'vitest';
import { bundledReference } from '../pricing/reference.ts';
import { series } from '../simulate/collect.ts';
import { summarizeSimulation } from '../simulate/run.ts';
import { simulationOf, sortedQuantile } from '../simulate/test-support.ts';

/** Type-7 percentile (p in %) by sorting: an oracle independent of stats.ts. */
const percentile = (values: ArrayLike<number>, p: number) => sortedQuantile(values, p / 100);

const N = 3000;
const MONTHS = 12;
const fields = {
  tags: { product: 'assistant', team: 'platform' },
  drivers: {
    requests: { growth: { start: 100_000, rate: { p10: 0.02, p90: 0.06 }, volatility: 0.05 } },
    hours: { p10: 200, p90: 900, per: 'month' },
  },
  workloads: [
    { id: 'chat', type: 'formula', cost: 'requests * 0.004', tags: { team: 'support', model: 'gpt-4o', useCase: 'chat', environment: 'production' } },
    { id: 'search', type: 'formula', cost: 'requests * 0.001', tags: { team: 'support', model: 'embed', useCase: 'search', environment: 'production' } },
    { id: 'tuning', type: 'formula', cost: 'hours * 6.88', tags: { team: 'ml', environment: 'experimentation', costCenter: 'CC-17' } },
    { id: 'gateway', type: 'fixed', monthly: { p10: 1000, p90: 3000 } },
  ],
};

describe('chargeback', () => {
  it('groups cost by every tag key, with inherited and untagged workloads, month by month at P50 and P90', async () => {
    const simulation = await simulationOf(fields, { trials: N, seed: 12 });
    const result = summarizeSimulation(simulation, bundledReference);
    const chargeback = result.chargeback!;
    // Every key any workload carries, the scenario's own included.
    expect(Object.keys(chargeback).sort()).toEqual(['costCenter', 'environment', 'model', 'product', 'team', 'useCase']);
    // Workload tags override the scenario's (team), and the scenario's are inherited (product).
    expect(Object.keys(chargeback['team']!).sort()).toEqual(['ml', 'platform', 'support']);
    expect(Object.keys(chargeback['product']!)).toEqual(['assistant']);
    expect(Object.keys(chargeback['environment']!).sort()).toEqual(['(untagged)', 'experimentation', 'production']);
    expect(Object.keys(chargeback['costCenter']!).sort()).toEqual(['(untagged)', 'CC-17']);

    const members: Record<string, Record<string, number[]>> = {
      team: { support: [0, 1], ml: [2], platform: [3] },
      environment: { production: [0, 1], experimentation: [2], '(untagged)': [3] },
      model: { 'gpt-4o': [0], embed: [1], '(untagged)': [2, 3] },
      useCase: { chat: [0], search: [1], '(untagged)': [2, 3] },
      costCenter: { 'CC-17': [2], '(untagged)': [0, 1, 3] },
      product: { assistant: [0, 1, 2, 3] },
    };
    const { store } = simulation;
    for (const [key, groups] of Object.entries(members)) {
      for (const [value, indices] of Object.entries(groups)) {
        const group = chargeback[key]![value]!;
        const costs = indices.map((i) => store.trialMonth(series.workloadCost(i))!);
        for (const m of [0, 5, MONTHS - 1]) {
          const month = Array.from({ length: N }, (_, t) => costs.reduce((sum, cost) => sum + cost[m * N + t]!, 0));
          expect(group.monthly[m]!.month).toBe(result.months[m]);
          expect(group.monthly[m]!.p50, `${key}=${value} month ${m + 1}`).toBeCloseTo(percentile(month, 50), 6);
          expect(group.monthly[m]!.p90, `${key}=${value} month ${m + 1}`).toBeCloseTo(percentile(month, 90), 6);
        }
        const horizon = Array.from({ length: N }, (_, t) => costs.reduce((sum, cost) => sum + Array.from({ length: MONTHS }, (_, m) => cost[m * N + t]!).reduce((a, b) => a + b, 0), 0));
        expect(group.total.p90).toBeCloseTo(percentile(horizon, 90), 6);
      }
      // Means add up across the groups of a key (percentiles do not).
      const meanOfGroups = Object.values(chargeback[key]!).reduce((sum, group) => sum + group.total.mean, 0);
      expect(meanOfGroups).toBeCloseTo(result.total.mean, 4);
    }
    // A key carried by every workload groups the whole spend: its one group is the total.
    expect(chargeback['product']!['assistant']!.total.p90).toBeCloseTo(result.total.p90, 6);
    // The growth path makes later months dearer, and P90 sits above P50 for an uncertain group.
    const support = chargeback['team']!['support']!;
    expect(support.monthly[MONTHS - 1]!.p50).toBeGreaterThan(support.monthly[0]!.p50);
    expect(support.monthly[MONTHS - 1]!.p90).toBeGreaterThan(support.monthly[MONTHS - 1]!.p50);
  });

  it('is empty when no workload carries a tag', async () => {
    const simulation = await simulationOf({ workloads: [{ id: 'w', type: 'fixed', monthly: 10 }] }, { trials: 100 });
    expect(summarizeSimulation(simulation, bundledReference).chargeback).toEqual({});
  });
});
