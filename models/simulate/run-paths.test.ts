import { describe, expect, it } from 'vitest';
import { bundledReference } from '../pricing/reference.ts';
import { chunkCount } from './chunk.ts';
import { seriesLayout } from './collect.ts';
import { prepareJob } from './job.ts';
import { runChunk, runChunkInto } from './run-chunk.ts';
import { simulate, simulationSections, summarizeSimulation, summaryOptionsOf, type ChunkExecutor } from './run.ts';
import { SeriesStore } from './series-store.ts';
import { summarizeSection, type SummarySections } from './summarize.ts';
import { scenarioOf } from './test-support.ts';

// Spot, a commitment, a budget by tag, units, value and a variant: every kind of series.
const scenario = scenarioOf({
  months: 6,
  tags: { team: 'ml' },
  drivers: { users: { growth: { start: { p10: 800, p90: 1200 }, rate: { p10: 0.02, p90: 0.1 }, volatility: 0.05 } }, hours: { dist: 'gamma', shape: 4, scale: 25 }, per_user: { p10: 0.5, p90: 2 } },
  workloads: [
    { id: 'api', type: 'formula', cost: 'users * per_user', tags: { environment: 'production' } },
    { id: 'train', type: 'training', gpu: 'H100', gpuHoursPerRun: 'hours', runsPerMonth: 2, tags: { environment: 'experimentation' } },
    { id: 'serve', type: 'training', gpu: 'H100', gpuHoursPerRun: 300, runsPerMonth: 1 },
  ],
  pricing: { provider: 'aws', region: 'us-east-1', commitments: [{ gpu: 'H100', term: '1y', gpuHoursPerMonth: 100 }], spot: { workloads: ['train'], interruptionOverhead: { p10: 0.05, p90: 0.2 } } },
  budget: { total: 150_000, byTag: [{ tag: 'environment', value: 'experimentation', total: 60_000 }] },
  value: { monthly: 'users * 3' },
  units: { user: 'users' },
  variants: [{ name: 'no spot', set: { '/pricing/spot/workloads': [] } }],
});
const settings = { trials: 2_500, seed: 4, sampling: 'lhs' as const };

describe('ways of running chunks', () => {
  it('chunks transferred as their own arrays fill a store exactly as chunks written in place', async () => {
    const direct = await simulate(scenario, { ...settings, reference: bundledReference });
    // Rebuild with the transfer path: runChunk's own arrays, copied in with store.add.
    const { plan } = direct.prepared;
    const copied = new SeriesStore(settings.trials, plan.months);
    for (let c = 0; c < chunkCount(settings.trials); c++) copied.add(runChunk(direct.prepared, settings, c).base);
    expect(copied.complete).toBe(true);
    const layout = seriesLayout(plan);
    expect(layout.trialMonth.length).toBeGreaterThan(8);
    for (const name of layout.trialMonth) expect(copied.trialMonth(name), name).toEqual(direct.store.trialMonth(name));
    for (const name of layout.trial) expect(copied.trial(name), name).toEqual(direct.store.trial(name));
    expect(copied.trialNames()).toEqual(direct.store.trialNames());
  });

  it('an executor that runs the chunks in reverse order into shared memory gives the same result', async () => {
    const reversed: ChunkExecutor = {
      allocate: (length) => new Float64Array(new SharedArrayBuffer(length * 8)),
      run: async (job, chunks, stores, onChunk) => {
        const prepared = prepareJob(job, bundledReference);
        // A worker's view of the shared stores, as a worker thread opens them.
        const views = { base: SeriesStore.over(stores.base.buffers()), variants: stores.variants.map((s) => SeriesStore.over(s.buffers())) };
        for (const chunkIndex of [...chunks].reverse()) onChunk(chunkIndex, runChunkInto(prepared, job.settings, chunkIndex, views));
      },
    };
    const inOrder = await simulate(scenario, { ...settings, reference: bundledReference });
    const outOfOrder = await simulate(scenario, { ...settings, reference: bundledReference, executor: reversed });
    expect(JSON.stringify(summarizeSimulation(outOfOrder, bundledReference))).toBe(JSON.stringify(summarizeSimulation(inOrder, bundledReference)));
  });

  it('a result assembled from sections computed one by one equals the result computed at once', async () => {
    const simulation = await simulate(scenario, { ...settings, reference: bundledReference });
    const sections = simulationSections(simulation);
    expect(sections).toEqual(expect.arrayContaining(['pricing', 'core', 'sensitivity', 'distributions', 'workload:0', 'workload:2', 'variants', 'chargeback']));
    const options = summaryOptionsOf(simulation);
    const computed = Object.fromEntries(sections.map((section) => [section, structuredClone(summarizeSection(section, simulation.prepared.plan, simulation.store, bundledReference, options))])) as Partial<SummarySections>;
    expect(JSON.stringify(summarizeSimulation(simulation, bundledReference, undefined, computed))).toBe(JSON.stringify(summarizeSimulation(simulation, bundledReference)));
  });
});
