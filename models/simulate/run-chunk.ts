/**
 * The unit of work every executor runs (in-process, worker_threads, Web Worker): one chunk of
 * the baseline and of every variant, on the same random streams.
 */
import { evaluateChunk, type ChunkSettings } from './chunk.ts';
import { collectChunk, type ChunkOutput } from './collect.ts';
import type { PreparedForecast } from './prepare.ts';

export interface RunSettings {
  trials: number;
  seed: number;
  sampling: 'lhs' | 'random';
}

/** The outputs of one chunk: the baseline's and each variant's. */
export interface ChunkResult {
  chunkIndex: number;
  base: ChunkOutput;
  variants: ChunkOutput[];
}

/** Evaluates one chunk of the baseline and of every variant. */
export function runChunk(prepared: PreparedForecast, settings: RunSettings, chunkIndex: number): ChunkResult {
  const chunkSettings: ChunkSettings = { ...settings, chunkIndex };
  const base = collectChunk(prepared.plan, evaluateChunk(prepared.plan, chunkSettings), chunkIndex);
  const variants = prepared.variants.map(({ plan }) => collectChunk(plan, evaluateChunk(plan, chunkSettings), chunkIndex));
  return { chunkIndex, base, variants };
}

/** Every distinct buffer of a chunk result, for a transfer list (arrays move, not copy). */
export function chunkBuffers(result: ChunkResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const output of [result.base, ...result.variants]) {
    for (const values of [...Object.values(output.trial), ...Object.values(output.trialMonth)]) buffers.add(values.buffer as ArrayBuffer);
  }
  return [...buffers];
}
