/**
 * Runs chunks on Node worker_threads. Chunks are handed out one at a time to whichever worker
 * is free; results land in the store by chunk index, so any worker count gives the same
 * numbers. Cancelling terminates the workers.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChunkExecutor, ChunkResult } from '../models/simulate/run.ts';
import { RunCancelled } from '../models/simulate/run.ts';

const workerEntry = new URL('./chunk-worker.mjs', import.meta.url);

/** Default worker count: one per core, at most `chunks`. */
export function defaultWorkers(chunks: number): number {
  return Math.max(1, Math.min(availableParallelism(), chunks));
}

/** An executor over `workers` threads (default: one per core). */
export function workerPoolExecutor(workers?: number): ChunkExecutor {
  return (scenario, settings, chunks, onResult, signal) =>
    new Promise<void>((resolve, reject) => {
      const queue = [...chunks];
      const count = Math.min(workers ?? defaultWorkers(chunks.length), Math.max(1, chunks.length));
      const pool: Worker[] = [];
      let pending = chunks.length;
      let finished = false;
      const stop = (error?: Error) => {
        if (finished) return;
        finished = true;
        for (const worker of pool) void worker.terminate();
        if (error) reject(error);
        else resolve();
      };
      if (pending === 0) return stop();
      const abortCheck = setInterval(() => {
        if (signal?.aborted) stop(new RunCancelled());
      }, 20);
      const next = (worker: Worker) => {
        const chunk = queue.shift();
        if (chunk !== undefined) worker.postMessage(chunk);
      };
      for (let i = 0; i < count; i++) {
        const worker = new Worker(workerEntry, { workerData: { scenario, settings } });
        pool.push(worker);
        worker.on('message', (message: { result?: ChunkResult; error?: string }) => {
          if (finished) return;
          if (message.error !== undefined) {
            clearInterval(abortCheck);
            return stop(new Error(message.error));
          }
          onResult(message.result!);
          pending--;
          if (pending === 0) {
            clearInterval(abortCheck);
            return stop();
          }
          next(worker);
        });
        worker.on('error', (error) => {
          clearInterval(abortCheck);
          stop(error);
        });
        next(worker);
      }
    });
}
