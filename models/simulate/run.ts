/**
 * A whole Monte Carlo run: chunks handed to an executor (in-process here; worker_threads in
 * the CLI, a Web Worker in the app), assembled in a SeriesStore by chunk index, then
 * summarized. Progress is reported per chunk and an CancelSignal cancels between chunks.
 */
import type { Scenario } from '../scenario/schema.ts';
import { chunkCount, evaluateChunk, type ChunkSettings } from './chunk.ts';
import { collectChunk, type ChunkOutput } from './collect.ts';
import { prepareForecast, type PreparedForecast } from './prepare.ts';
import type { ReferenceData } from './reference-data.ts';
import type { ForecastResult } from './result.ts';
import { SeriesStore } from './series-store.ts';
import { summarizeRun } from './summarize.ts';

export interface RunSettings {
  trials: number;
  seed: number;
  sampling: 'lhs' | 'random';
}

/** The outputs of one chunk: the baseline's and each variant's, on the same random streams. */
export interface ChunkResult {
  chunkIndex: number;
  base: ChunkOutput;
  variants: ChunkOutput[];
}

/** Runs chunks somewhere and calls back with each result (in any order). */
export type ChunkExecutor = (
  scenario: Scenario,
  settings: RunSettings,
  chunks: readonly number[],
  onResult: (result: ChunkResult) => void,
  signal?: CancelSignal,
) => Promise<void>;

/** Anything with an `aborted` flag (an AbortSignal, for one). */
export interface CancelSignal {
  readonly aborted: boolean;
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

/** Evaluates one chunk of the baseline and of every variant. */
export function runChunk(prepared: PreparedForecast, settings: RunSettings, chunkIndex: number): ChunkResult {
  const chunkSettings: ChunkSettings = { ...settings, chunkIndex };
  const base = collectChunk(prepared.plan, evaluateChunk(prepared.plan, chunkSettings), chunkIndex);
  const variants = prepared.variants.map(({ plan }) => collectChunk(plan, evaluateChunk(plan, chunkSettings), chunkIndex));
  return { chunkIndex, base, variants };
}

/** The in-process executor: chunks one after another, yielding between them. */
export function inProcessExecutor(reference: ReferenceData): ChunkExecutor {
  return async (scenario, settings, chunks, onResult, signal) => {
    const prepared = prepareForecast(scenario, reference);
    if (!prepared.ok) throw new Error(prepared.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    for (const chunkIndex of chunks) {
      if (signal?.aborted) throw new RunCancelled();
      onResult(runChunk(prepared.prepared, settings, chunkIndex));
      await Promise.resolve();
    }
  };
}

export interface ForecastOptions extends Partial<RunSettings> {
  reference: ReferenceData;
  executor?: ChunkExecutor;
  onProgress?: (done: number, total: number) => void;
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
  const prepared = prepareForecast(scenario, options.reference);
  if (!prepared.ok) throw new Error(prepared.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const { plan, variants } = prepared.prepared;
  const store = new SeriesStore(settings.trials, plan.months);
  const variantStores = variants.map(() => new SeriesStore(settings.trials, plan.months));
  const chunks = Array.from({ length: chunkCount(settings.trials) }, (_, i) => i);
  let done = 0;
  const executor = options.executor ?? inProcessExecutor(options.reference);
  await executor(
    scenario,
    settings,
    chunks,
    (result) => {
      store.add(result.base);
      result.variants.forEach((output, i) => variantStores[i]!.add(output));
      done += result.base.n;
      options.onProgress?.(done, settings.trials);
    },
    options.signal,
  );
  if (options.signal?.aborted) throw new RunCancelled();
  return { settings, prepared: prepared.prepared, store, variantStores };
}

/** Runs a validated scenario to a ForecastResult. Throws on issues (check with prepareForecast first). */
export async function runForecast(scenario: Scenario, options: ForecastOptions): Promise<ForecastResult> {
  const { settings, prepared, store, variantStores } = await simulate(scenario, options);
  const { plan, variants } = prepared;
  return summarizeRun(plan, store, options.reference, {
    seed: settings.seed,
    sampling: settings.sampling,
    variants: variants.map((variant, i) => ({ name: variant.name, plan: variant.plan, store: variantStores[i]! })),
  });
}
