/**
 * The unit of work every executor runs (in-process, worker_threads, Web Worker): one chunk of
 * the baseline and of every variant, on the same random streams — written straight into the
 * run's stores, or returned as arrays of its own to be transferred.
 */
import { evaluateChunk, type ChunkSettings } from './chunk.ts';
import { collectChunk, ownedOutput, seriesLayout, type ChunkOutput, type ChunkSink } from './collect.ts';
import type { PreparedForecast } from './prepare.ts';
import type { SimulationPlan } from './plan-types.ts';
import type { SeriesStore } from './series-store.ts';

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

/** The stores of a run: the baseline's and one per variant. */
export interface RunStores {
  base: SeriesStore;
  variants: SeriesStore[];
}

/**
 * A sink into a store that checks the chunk writes exactly the plan's layout. A class, not an
 * object of closures made per chunk: its methods stay the same call targets from chunk to chunk,
 * so the optimized collecting code that calls them is not thrown away at every chunk.
 */
class StoreSink implements ChunkSink {
  private written = 0;
  constructor(
    private readonly store: SeriesStore,
    private readonly plan: SimulationPlan,
    private readonly chunkIndex: number,
  ) {}

  trial(name: string, values: Float64Array, n: number): void {
    this.store.writeTrial(name, this.chunkIndex, values, n);
    this.written++;
  }

  trialMonth(name: string, values: Float64Array, n: number, zeros?: boolean): void {
    // A new store is all zeros: a series of zeros needs no writing.
    if (!zeros) this.store.writeTrialMonth(name, this.chunkIndex, values, n);
    this.written++;
  }

  check(): void {
    const layout = seriesLayout(this.plan);
    const expected = layout.trial.length + layout.trialMonth.length;
    if (this.written !== expected) throw new Error(`internal: chunk ${this.chunkIndex} wrote ${this.written} series, the layout has ${expected}`);
  }
}

/** Evaluates one chunk of the baseline and of every variant into the run's stores; returns its trial count (the caller marks them received). */
export function runChunkInto(prepared: PreparedForecast, settings: RunSettings, chunkIndex: number, stores: RunStores): number {
  const chunkSettings: ChunkSettings = { ...settings, chunkIndex };
  const plans = [prepared.plan, ...prepared.variants.map((variant) => variant.plan)];
  let n = 0;
  plans.forEach((plan, i) => {
    const store = i === 0 ? stores.base : stores.variants[i - 1]!;
    const values = evaluateChunk(plan, chunkSettings);
    const sink = new StoreSink(store, plan, chunkIndex);
    collectChunk(plan, values, sink);
    sink.check();
    n = values.n;
  });
  return n;
}

/** Evaluates one chunk of the baseline and of every variant into arrays of its own (to transfer). */
export function runChunk(prepared: PreparedForecast, settings: RunSettings, chunkIndex: number): ChunkResult {
  const chunkSettings: ChunkSettings = { ...settings, chunkIndex };
  const run = (plan: SimulationPlan) => {
    const values = evaluateChunk(plan, chunkSettings);
    const { sink, output } = ownedOutput(chunkIndex, values.n, plan.months);
    collectChunk(plan, values, sink);
    return output;
  };
  return { chunkIndex, base: run(prepared.plan), variants: prepared.variants.map(({ plan }) => run(plan)) };
}

/** Every distinct buffer of a chunk result, for a transfer list (arrays move, not copy). */
export function chunkBuffers(result: ChunkResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const output of [result.base, ...result.variants]) {
    for (const values of [...Object.values(output.trial), ...Object.values(output.trialMonth)]) buffers.add(values.buffer as ArrayBuffer);
  }
  return [...buffers];
}
