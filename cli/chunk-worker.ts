/**
 * A worker thread of the CLI's pool: compiles the scenario once, then runs the chunks it is
 * sent and posts each result back with its arrays transferred (not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { bundledReference } from '../models/pricing/reference.ts';
import { prepareForecast } from '../models/simulate/prepare.ts';
import { runChunk, type ChunkResult, type RunSettings } from '../models/simulate/run.ts';
import type { Scenario } from '../models/scenario/schema.ts';

const { scenario, settings } = workerData as { scenario: Scenario; settings: RunSettings };
const prepared = prepareForecast(scenario, bundledReference);

/** Every distinct buffer in a chunk result, for the transfer list. */
export function transferables(result: ChunkResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const output of [result.base, ...result.variants]) {
    for (const values of [...Object.values(output.trial), ...Object.values(output.trialMonth)]) buffers.add(values.buffer as ArrayBuffer);
  }
  return [...buffers];
}

parentPort!.on('message', (chunkIndex: number) => {
  if (!prepared.ok) {
    parentPort!.postMessage({ error: prepared.issues.map((i) => `${i.path}: ${i.message}`).join('\n') });
    return;
  }
  const result = runChunk(prepared.prepared, settings, chunkIndex);
  parentPort!.postMessage({ result }, transferables(result));
});
