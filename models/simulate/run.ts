/**
 * A whole Monte Carlo run: chunks handed to an executor (in-process here; worker_threads in
 * the CLI, a Web Worker in the app), written by chunk index into one SeriesStore per plan,
 * then summarized. Progress is reported per chunk and a cancel signal stops between chunks.
 */
import { parseFormula } from '../formula/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { chunkCount } from './chunk.ts';
import { seriesLayout } from './collect.ts';
import { jobOf, prepareJob, type ChunkJob } from './job.ts';
import { prepareForecast, recordingParser, type PreparedForecast } from './prepare.ts';
import type { ReferenceData } from './reference-data.ts';
import type { ForecastResult } from './result.ts';
import { runChunkInto, type RunSettings, type RunStores } from './run-chunk.ts';
import { SeriesStore, type Allocate } from './series-store.ts';
import type { ProgressListener } from './step-progress.ts';
import { summarizeRun, summarySections, type SummaryOptions, type SummarySection, type SummarySections } from './summarize.ts';

export type { ChunkResult, RunSettings, RunStores } from './run-chunk.ts';
export { prepareJob, type ChunkJob } from './job.ts';

/** Anything with an `aborted` flag (an AbortSignal, for one). */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** Runs chunks somewhere, each written into the run's stores, and reports each one done (in any order). */
export interface ChunkExecutor {
  /** How the stores allocate their arrays: shared memory lets worker threads write chunks in place. */
  allocate?: Allocate;
  run(job: ChunkJob, chunks: readonly number[], stores: RunStores, onChunk: (chunkIndex: number, trials: number) => void, signal?: CancelSignal): Promise<void>;
}

export class RunCancelled extends Error {
  constructor() {
    super('the run was cancelled');
    this.name = 'RunCancelled';
  }
}

/** The run's settings: the scenario's own, overridden by the caller's. */
export function runSettings(scenario: Scenario, overrides: Partial<RunSettings> = {}): RunSettings {
  return {
    trials: overrides.trials ?? scenario.simulation?.trials ?? 10_000,
    seed: overrides.seed ?? scenario.simulation?.seed ?? 1,
    sampling: overrides.sampling ?? scenario.simulation?.sampling ?? 'lhs',
  };
}

/** Chunks one after another on this thread, yielding between them. */
async function runLocally(prepared: PreparedForecast, settings: RunSettings, chunks: readonly number[], stores: RunStores, onChunk: (chunkIndex: number, trials: number) => void, signal?: CancelSignal): Promise<void> {
  for (const chunkIndex of chunks) {
    if (signal?.aborted) throw new RunCancelled();
    onChunk(chunkIndex, runChunkInto(prepared, settings, chunkIndex, stores));
    await Promise.resolve();
  }
}

/** The in-process executor: compiles the job's plan here and runs the chunks on this thread. */
export function inProcessExecutor(reference: ReferenceData): ChunkExecutor {
  return { run: (job, chunks, stores, onChunk, signal) => runLocally(prepareJob(job, reference), job.settings, chunks, stores, onChunk, signal) };
}

export interface ForecastOptions extends Partial<RunSettings> {
  reference: ReferenceData;
  executor?: ChunkExecutor;
  onProgress?: (done: number, total: number) => void;
  /** After the trials, the summary's progress (it takes seconds for a big run). */
  onSummaryProgress?: ProgressListener;
  signal?: CancelSignal;
}

export interface Simulation {
  settings: RunSettings;
  prepared: PreparedForecast;
  store: SeriesStore;
  variantStores: SeriesStore[];
}

/** Runs every chunk of a validated scenario and returns the assembled per-trial series. */
export async function simulate(scenario: Scenario, options: ForecastOptions): Promise<Simulation> {
  const settings = runSettings(scenario, options);
  const recorder = recordingParser(parseFormula);
  const prepared = prepareForecast(scenario, options.reference, recorder.parse);
  if (!prepared.ok) throw new Error(prepared.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const { plan, variants } = prepared.prepared;
  const executor = options.executor;
  const storeOf = (p: typeof plan) => {
    const store = new SeriesStore(settings.trials, p.months, executor?.allocate);
    store.allocate(seriesLayout(p));
    return store;
  };
  const stores: RunStores = { base: storeOf(plan), variants: variants.map((variant) => storeOf(variant.plan)) };
  const chunks = Array.from({ length: chunkCount(settings.trials) }, (_, i) => i);
  let done = 0;
  const onChunk = (_chunkIndex: number, trials: number) => {
    for (const store of [stores.base, ...stores.variants]) store.markReceived(trials);
    done += trials;
    options.onProgress?.(done, settings.trials);
  };
  if (executor) await executor.run(jobOf(scenario, prepared.prepared, settings, recorder.parsed), chunks, stores, onChunk, options.signal);
  // Without an executor the plan compiled above runs here: no second compile.
  else await runLocally(prepared.prepared, settings, chunks, stores, onChunk, options.signal);
  if (options.signal?.aborted) throw new RunCancelled();
  if (!stores.base.complete) throw new Error(`internal: the executor finished with ${done} of ${settings.trials} trials`);
  return { settings, prepared: prepared.prepared, store: stores.base, variantStores: stores.variants };
}

/** How a finished simulation's result is summarized (seed, sampling, the variants' stores). */
export function summaryOptionsOf(simulation: Simulation, onProgress?: ProgressListener): SummaryOptions {
  const { settings, prepared, variantStores } = simulation;
  return {
    seed: settings.seed,
    sampling: settings.sampling,
    variants: prepared.variants.map((variant, i) => ({ name: variant.name, plan: variant.plan, store: variantStores[i]! })),
    ...(onProgress ? { onProgress } : {}),
  };
}

/** The summary sections of a finished simulation, the costliest first (to hand to workers). */
export function simulationSections(simulation: Simulation): SummarySection[] {
  return summarySections(simulation.prepared.plan, summaryOptionsOf(simulation));
}

/**
 * The result contract of a finished simulation; `onProgress` hears how far the summary is, and
 * sections computed elsewhere (by worker threads) may be handed in.
 */
export function summarizeSimulation(simulation: Simulation, reference: ReferenceData, onProgress?: ProgressListener, computed: Partial<SummarySections> = {}): ForecastResult {
  return summarizeRun(simulation.prepared.plan, simulation.store, reference, summaryOptionsOf(simulation, onProgress), computed);
}

/** Runs a validated scenario to a ForecastResult. Throws on issues (check with prepareForecast first). */
export async function runForecast(scenario: Scenario, options: ForecastOptions): Promise<ForecastResult> {
  return summarizeSimulation(await simulate(scenario, options), options.reference, options.onSummaryProgress);
}
