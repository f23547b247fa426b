/**
 * A pool of Node worker_threads that runs chunks, then summary sections. The run's stores live in
 * shared memory: a worker writes each chunk it runs straight into place (chunk k's trials at
 * offset k·CHUNK_SIZE) and replies with only the chunk's index, so any worker count gives the
 * same numbers and nothing is copied between threads. Work is handed out one item at a time to
 * whichever worker is free. The pool lives across runs: workers load the engine once, and a
 * finished run's memory handed back with recycle() serves the next run of the same size.
 *
 * Workers load one bundled ES module from the bundle cache (cli/bundle-cache.mjs) when they can:
 * starting a thread then takes about 60 ms here instead of the two seconds it takes to load the
 * TypeScript sources through tsx (the fallback, cli/chunk-worker.mjs).
 */
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { bundledEntry } from './bundle-cache.mjs';
import { RunCancelled, type CancelSignal, type ChunkExecutor, type ChunkJob, type RunStores, type Simulation } from '../models/simulate/run.ts';
import { sharedArrays } from '../models/simulate/series-store.ts';
import type { SummarySection, SummarySections } from '../models/simulate/summarize.ts';
import type { WorkerReply, WorkerRequest } from './chunk-worker.ts';

/** Worker entry through tsx, when no bundle can be made. */
const sourceEntry = new URL('./chunk-worker.mjs', import.meta.url);

/** One worker per core. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

export class WorkerPool {
  private readonly workers: Worker[];
  private nextJobId = 1;
  private jobId = 0;
  private busy = false;
  /** Shared buffers of finished runs handed back with recycle(), by size in bytes. */
  private readonly spare = new Map<number, SharedArrayBuffer[]>();

  private constructor(workers: Worker[]) {
    this.workers = workers;
    // Idle workers must not keep the process alive.
    for (const worker of this.workers) worker.unref();
  }

  /** Starts `size` workers (from the bundle cache when possible). */
  static async start(size = defaultWorkerCount()): Promise<WorkerPool> {
    // The workers keep every core busy, so V8's background optimizing compiler would only get
    // CPU by taking it from them, and hot loops would run unoptimized while they wait for it.
    // Compiling on the worker's own thread gets the optimized code sooner: 5 % off a 100,000-trial
    // forecast here (`npm run bench`). V8 flags are per process and read when an isolate is
    // made, so this applies to the workers started below (the main thread does little work).
    setFlagsFromString('--no-concurrent-recompilation');
    const entry = (await bundledEntry('cli/chunk-worker.ts')) ?? sourceEntry.href;
    return new WorkerPool(Array.from({ length: size }, () => new Worker(new URL(entry))));
  }

  get size(): number {
    return this.workers.length;
  }

  /** The pool as a ChunkExecutor (one run at a time). */
  readonly executor: ChunkExecutor = {
    allocate: (length) => this.sharedArray(length),
    run: (job: ChunkJob, chunks: readonly number[], stores: RunStores, onChunk: (chunkIndex: number, trials: number) => void, signal?: CancelSignal) => {
      const jobId = this.nextJobId++;
      this.jobId = jobId;
      const buffers = [stores.base, ...stores.variants].map((store) => store.buffers());
      for (const worker of this.workers) worker.postMessage({ type: 'job', jobId, job, stores: buffers } satisfies WorkerRequest);
      return this.dispatch(
        chunks.map((chunkIndex): WorkerRequest => ({ type: 'chunk', jobId, chunkIndex })),
        (reply) => {
          if ('chunkIndex' in reply) onChunk(reply.chunkIndex, reply.trials);
        },
        signal,
      );
    },
  };

  /**
   * An array in shared memory, visible to every worker: a recycled buffer of the same size
   * (zeroed, as a new one is) when there is one. Touching fresh memory costs a page fault per
   * 4 KB, which for a 100,000-trial run is a good part of the simulation time.
   */
  private sharedArray(length: number): Float64Array {
    const bytes = length * Float64Array.BYTES_PER_ELEMENT;
    const reused = this.spare.get(bytes)?.pop();
    return reused ? new Float64Array(reused).fill(0) : sharedArrays(length);
  }

  /**
   * Hands a finished simulation's memory back for the next run on this pool. The simulation's
   * stores must not be read afterwards: the next run overwrites them.
   */
  recycle(simulation: Simulation): void {
    for (const store of [simulation.store, ...simulation.variantStores]) {
      const { trial, trialMonth } = store.buffers();
      for (const buffer of [...Object.values(trial), ...Object.values(trialMonth)]) {
        if (!(buffer instanceof SharedArrayBuffer)) continue;
        const list = this.spare.get(buffer.byteLength) ?? [];
        if (!list.includes(buffer)) list.push(buffer);
        this.spare.set(buffer.byteLength, list);
      }
    }
  }

  /** Computes summary sections of the last run in the workers (the costliest first, as listed). */
  async summarize(sections: readonly SummarySection[]): Promise<Partial<SummarySections>> {
    const jobId = this.jobId;
    if (jobId === 0) throw new Error('the worker pool has not run a job to summarize');
    const computed: Partial<Record<SummarySection, unknown>> = {};
    await this.dispatch(
      sections.map((section): WorkerRequest => ({ type: 'section', jobId, section })),
      (reply) => {
        if ('section' in reply) computed[reply.section] = reply.value;
      },
    );
    return computed as Partial<SummarySections>;
  }

  /** Hands `requests` to the workers one at a time, calling `onReply` for each answer. */
  private dispatch(requests: readonly WorkerRequest[], onReply: (reply: WorkerReply) => void, signal?: CancelSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.busy) return reject(new Error('the worker pool is already running'));
      this.busy = true;
      const queue = [...requests];
      let pending = requests.length;
      let settled = false;
      const listeners: [Worker, (reply: WorkerReply) => void, (error: Error) => void, (code: number) => void][] = [];
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearInterval(abortCheck);
        for (const [worker, onMessage, onError, onExit] of listeners) {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
          worker.unref();
        }
        this.busy = false;
        if (error) reject(error);
        else resolve();
      };
      const abortCheck = setInterval(() => {
        if (signal?.aborted) finish(new RunCancelled());
      }, 10);
      if (pending === 0) return finish();
      for (const worker of this.workers) {
        const send = () => {
          const request = queue.shift();
          if (request) worker.postMessage(request);
        };
        const onMessage = (reply: WorkerReply) => {
          if (settled || reply.jobId !== requests[0]!.jobId) return;
          if ('error' in reply) return finish(new Error(`a worker failed: ${reply.error}`));
          onReply(reply);
          pending--;
          if (pending === 0) return finish();
          if (signal?.aborted) return finish(new RunCancelled());
          send();
        };
        const onError = (error: Error) => finish(error);
        const onExit = (code: number) => finish(new Error(`a worker stopped (exit code ${code})`));
        listeners.push([worker, onMessage, onError, onExit]);
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        worker.ref();
        send();
      }
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
