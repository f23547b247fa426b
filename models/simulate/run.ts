/**
 * A whole Monte Carlo run: chunks handed to an executor (in-process here; worker_threads in
 * the CLI, a Web Worker in the app), assembled in a SeriesStore by chunk index, then
 * summarized. Progress is reported per chunk and a cancel signal stops between chunks.
 */
import { parseFormula } from '../formula/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { chunkCount } from './chunk.ts';
import type { FormulaParser } from './plan.ts';
import { parsedFormulaLookup, prepareForecast, recordingParser, type PreparedForecast } from './prepare.ts';
import type { ReferenceData } from './reference-data.ts';
import type { ForecastResult } from './result.ts';
import { runChunk, type ChunkResult, type RunSettings } from './run-chunk.ts';
import { SeriesStore } from './series-store.ts';
import type { ProgressListener } from './step-progress.ts';
import { summarizeRun } from './summarize.ts';

export type { ChunkResult, RunSettings } from './run-chunk.ts';

/** What an executor needs to rebuild the plan anywhere: the scenario and its parsed formulas. */
export interface ChunkJob {
  scenario: Scenario;
  settings: RunSettings;
  formulas: Record<string, ReturnType<FormulaParser>>;
}

/** Anything with an `aborted` flag (an AbortSignal, for one). */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** Runs chunks somewhere and calls back with each result (in any order). */
export type ChunkExecutor = (job: ChunkJob, chunks: readonly number[], onResult: (result: ChunkResult) => void, signal?: CancelSignal) => Promise<void>;

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

/** Compiles a job's plan from its pre-parsed formulas (what a worker does once per job). */
export function prepareJob(job: ChunkJob, reference: ReferenceData): PreparedForecast {
  const prepared = prepareForecast(job.scenario, reference, parsedFormulaLookup(job.formulas));
  if (!prepared.ok) throw new Error(prepared.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return prepared.prepared;
}

/** The in-process executor: chunks one after another, yielding between them. */
export function inProcessExecutor(reference: ReferenceData): ChunkExecutor {
  return async (job, chunks, onResult, signal) => {
    const prepared = prepareJob(job, reference);
    for (const chunkIndex of chunks) {
      if (signal?.aborted) throw new RunCancelled();
      onResult(runChunk(prepared, job.settings, chunkIndex));
      await Promise.resolve();
    }
  };
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
  const store = new SeriesStore(settings.trials, plan.months);
  const variantStores = variants.map(() => new SeriesStore(settings.trials, plan.months));
  const chunks = Array.from({ length: chunkCount(settings.trials) }, (_, i) => i);
  let done = 0;
  const executor = options.executor ?? inProcessExecutor(options.reference);
  await executor(
    { scenario, settings, formulas: recorder.parsed },
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

/** The result contract of a finished simulation; `onProgress` hears how far the summary is. */
export function summarizeSimulation(simulation: Simulation, reference: ReferenceData, onProgress?: ProgressListener): ForecastResult {
  const { settings, prepared, store, variantStores } = simulation;
  return summarizeRun(prepared.plan, store, reference, {
    seed: settings.seed,
    sampling: settings.sampling,
    variants: prepared.variants.map((variant, i) => ({ name: variant.name, plan: variant.plan, store: variantStores[i]! })),
    ...(onProgress ? { onProgress } : {}),
  });
}

/** Runs a validated scenario to a ForecastResult. Throws on issues (check with prepareForecast first). */
export async function runForecast(scenario: Scenario, options: ForecastOptions): Promise<ForecastResult> {
  return summarizeSimulation(await simulate(scenario, options), options.reference, options.onSummaryProgress);
}
