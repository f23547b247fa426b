/**
 * A worker thread of the CLI's pool. For each job it compiles the plan once from the
 * formulas the main thread parsed (so the worker never loads the parser's library), then runs
 * the chunks it is sent and posts each result with its arrays transferred, not copied.
 */
import { parentPort } from 'node:worker_threads';
import { bundledReference } from '../models/pricing/reference.ts';
import type { PreparedForecast } from '../models/simulate/prepare.ts';
import { chunkBuffers, runChunk } from '../models/simulate/run-chunk.ts';
import { prepareJob, type ChunkJob } from '../models/simulate/run.ts';

export type WorkerRequest = { type: 'job'; jobId: number; job: ChunkJob } | { type: 'chunk'; jobId: number; chunkIndex: number };

let current: { jobId: number; job: ChunkJob; prepared: PreparedForecast } | undefined;

parentPort!.on('message', (request: WorkerRequest) => {
  try {
    if (request.type === 'job') {
      current = { jobId: request.jobId, job: request.job, prepared: prepareJob(request.job, bundledReference) };
      return;
    }
    if (!current || current.jobId !== request.jobId) throw new Error(`chunk for unknown job ${request.jobId}`);
    const result = runChunk(current.prepared, current.job.settings, request.chunkIndex);
    parentPort!.postMessage({ jobId: request.jobId, result }, chunkBuffers(result));
  } catch (error) {
    parentPort!.postMessage({ jobId: request.jobId, error: error instanceof Error ? error.message : String(error) });
  }
});
