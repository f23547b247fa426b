/**
 * A worker thread of the CLI's pool. For each job it compiles the plans once from the formulas
 * the main thread parsed and the scenarios it validated (so the worker loads neither the parser's
 * nor the schema's library, test/unit/cli/worker-bundle.test.ts), runs a warm-up chunk of a
 * few trials on memory of its own and opens the run's stores, which live in shared memory; then
 * it runs the chunks it is sent, each written straight into the stores, and afterwards the
 * summary sections it is sent, each computed from the same stores.
 */
import { parentPort } from 'node:worker_threads';
import { bundledReference } from '../models/pricing/reference.ts';
import { prepareJob, type ChunkJob } from '../models/simulate/job.ts';
import type { PreparedForecast } from '../models/simulate/prepare.ts';
import { runChunkInto, type RunStores } from '../models/simulate/run-chunk.ts';
import { SeriesStore, sharedArrays, type StoreBuffers } from '../models/simulate/series-store.ts';
import { seriesLayout } from '../models/simulate/collect.ts';
import type { SimulationPlan } from '../models/simulate/plan-types.ts';
import { summarizeSection, type SummaryOptions, type SummarySection } from '../models/simulate/summarize.ts';

export type WorkerRequest =
  | { type: 'job'; jobId: number; job: ChunkJob; stores: StoreBuffers[] }
  | { type: 'chunk'; jobId: number; chunkIndex: number }
  | { type: 'section'; jobId: number; section: SummarySection };

export type WorkerReply =
  | { jobId: number; chunkIndex: number; trials: number }
  | { jobId: number; section: SummarySection; value: unknown }
  | { jobId: number; error: string };

interface LoadedJob {
  jobId: number;
  job: ChunkJob;
  prepared: PreparedForecast;
  stores: RunStores;
  summary: SummaryOptions;
}

let current: LoadedJob | undefined;

/** Trials of the warm-up chunk (see warmUp). */
const WARM_UP_TRIALS = 64;

function sharedStore(plan: SimulationPlan, trials: number): SeriesStore {
  const store = new SeriesStore(trials, plan.months, sharedArrays);
  store.allocate(seriesLayout(plan));
  return store;
}

/**
 * Runs one chunk of a few trials of the job on memory of its own and throws it away: every code
 * path of a chunk then runs once, with its types recorded, before the run's first chunk, so V8
 * compiles the real chunks' loops once from complete feedback instead of again each time a later
 * part of the chunk is first reached.
 */
function warmUp(prepared: PreparedForecast, job: ChunkJob): void {
  const stores = { base: sharedStore(prepared.plan, WARM_UP_TRIALS), variants: prepared.variants.map((variant) => sharedStore(variant.plan, WARM_UP_TRIALS)) };
  try {
    runChunkInto(prepared, { ...job.settings, trials: WARM_UP_TRIALS }, 0, stores);
  } catch {
    // Only a head start: whatever went wrong here, the run's own chunks report it if it is real.
  }
}

function load(request: Extract<WorkerRequest, { type: 'job' }>): LoadedJob {
  const prepared = prepareJob(request.job, bundledReference);
  warmUp(prepared, request.job);
  const [base, ...variants] = request.stores.map((buffers) => SeriesStore.over(buffers));
  if (!base || variants.length !== prepared.variants.length) throw new Error('the job came with the wrong number of stores');
  const summary: SummaryOptions = {
    seed: request.job.settings.seed,
    sampling: request.job.settings.sampling,
    variants: prepared.variants.map((variant, i) => ({ name: variant.name, plan: variant.plan, store: variants[i]! })),
  };
  return { jobId: request.jobId, job: request.job, prepared, stores: { base, variants }, summary };
}

parentPort!.on('message', (request: WorkerRequest) => {
  try {
    if (request.type === 'job') {
      current = load(request);
      return;
    }
    if (!current || current.jobId !== request.jobId) throw new Error(`request for unknown job ${request.jobId}`);
    if (request.type === 'chunk') {
      const trials = runChunkInto(current.prepared, current.job.settings, request.chunkIndex, current.stores);
      parentPort!.postMessage({ jobId: request.jobId, chunkIndex: request.chunkIndex, trials } satisfies WorkerReply);
      return;
    }
    const value = summarizeSection(request.section, current.prepared.plan, current.stores.base, bundledReference, current.summary);
    parentPort!.postMessage({ jobId: request.jobId, section: request.section, value } satisfies WorkerReply);
  } catch (error) {
    parentPort!.postMessage({ jobId: request.jobId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply);
  }
});
