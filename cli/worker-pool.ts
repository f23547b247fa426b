/**
 * A pool of Node worker_threads that runs chunks. Chunks are handed out one at a time to
 * whichever worker is free; results land in the store by chunk index, so any worker count
 * gives the same numbers. The pool lives across runs (workers load the engine once).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { RunCancelled, type ChunkExecutor } from '../models/simulate/run.ts';
import type { ChunkResult } from '../models/simulate/run-chunk.ts';
import type { WorkerRequest } from './chunk-worker.ts';

const workerEntry = new URL('./chunk-worker.mjs', import.meta.url);

type WorkerReply = { jobId: number; result?: ChunkResult; error?: string };

/** One worker per core. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

export class WorkerPool {
  private readonly workers: Worker[];
  private nextJobId = 1;
  private busy = false;

  constructor(size = defaultWorkerCount()) {
    this.workers = Array.from({ length: size }, () => new Worker(workerEntry));
    // Idle workers must not keep the process alive.
    for (const worker of this.workers) worker.unref();
  }

  get size(): number {
    return this.workers.length;
  }

  /** The pool as a ChunkExecutor (one run at a time). */
  readonly executor: ChunkExecutor = (job, chunks, onResult, signal) =>
    new Promise<void>((resolve, reject) => {
      if (this.busy) return reject(new Error('the worker pool is already running a job'));
      this.busy = true;
      const jobId = this.nextJobId++;
      const queue = [...chunks];
      let pending = chunks.length;
      let settled = false;
      const listeners: [Worker, (reply: WorkerReply) => void, (error: Error) => void][] = [];
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearInterval(abortCheck);
        for (const [worker, onMessage, onError] of listeners) {
          worker.off('message', onMessage);
          worker.off('error', onError);
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
          const chunkIndex = queue.shift();
          if (chunkIndex !== undefined) worker.postMessage({ type: 'chunk', jobId, chunkIndex } satisfies WorkerRequest);
        };
        const onMessage = (reply: WorkerReply) => {
          if (settled || reply.jobId !== jobId) return;
          if (reply.error !== undefined) return finish(new Error(reply.error));
          onResult(reply.result!);
          pending--;
          if (pending === 0) return finish();
          if (signal?.aborted) return finish(new RunCancelled());
          send();
        };
        const onError = (error: Error) => finish(error);
        listeners.push([worker, onMessage, onError]);
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.ref();
        worker.postMessage({ type: 'job', jobId, job } satisfies WorkerRequest);
        send();
      }
    });

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
