/**
 * The whole run's per-trial series, filled chunk by chunk in any order: chunk k's trials always
 * land at offset k·CHUNK_SIZE, so the result does not depend on which worker finished first.
 * Per-trial-month series are stored month-major (index m·N + t).
 *
 * Chunks write straight into place (`writeTrial`, `writeTrialMonth`). The arrays may live in
 * shared memory: then worker threads open views of the same store (`SeriesStore.over`) and
 * write their chunks where the main thread reads them, with nothing copied or transferred.
 * `add` copies a chunk that arrived as its own arrays (e.g. transferred from a Web Worker).
 */
import { CHUNK_SIZE } from './chunk.ts';
import type { ChunkOutput, SeriesLayout } from './collect.ts';

/** Makes a zero-filled array of `length` values (plain or in shared memory). Chunks rely on the zeros: a series of zeros is not written. */
export type Allocate = (length: number) => Float64Array;

/** The buffers of a store by series name, to open the same store elsewhere. */
export interface StoreBuffers {
  trials: number;
  months: number;
  trial: Record<string, ArrayBufferLike>;
  trialMonth: Record<string, ArrayBufferLike>;
}

const plainArrays: Allocate = (length) => new Float64Array(length);

/** Zero-filled arrays in shared memory, which worker threads can open and write in place. */
export const sharedArrays: Allocate = (length) => new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));

export class SeriesStore {
  readonly trials: number;
  readonly months: number;
  private readonly allocateArray: Allocate;
  private readonly perTrial = new Map<string, Float64Array>();
  private readonly perTrialMonth = new Map<string, Float64Array>();
  private received = 0;

  constructor(trials: number, months: number, allocate: Allocate = plainArrays) {
    this.trials = trials;
    this.months = months;
    this.allocateArray = allocate;
  }

  /** A store over existing buffers (a worker's view of the main thread's shared store). */
  static over(buffers: StoreBuffers): SeriesStore {
    const store = new SeriesStore(buffers.trials, buffers.months, () => {
      throw new Error('a store over shared buffers cannot grow: the series were not allocated up front');
    });
    for (const [name, buffer] of Object.entries(buffers.trial)) store.perTrial.set(name, new Float64Array(buffer));
    for (const [name, buffer] of Object.entries(buffers.trialMonth)) store.perTrialMonth.set(name, new Float64Array(buffer));
    return store;
  }

  /** Allocates every series of a layout up front (needed before workers write into shared memory). */
  allocate(layout: SeriesLayout): void {
    for (const name of layout.trial) this.trialTarget(name);
    for (const name of layout.trialMonth) this.trialMonthTarget(name);
  }

  /** The buffer of every series, to open this store in another thread. */
  buffers(): StoreBuffers {
    const of = (map: Map<string, Float64Array>) => Object.fromEntries([...map].map(([name, values]) => [name, values.buffer]));
    return { trials: this.trials, months: this.months, trial: of(this.perTrial), trialMonth: of(this.perTrialMonth) };
  }

  private trialTarget(name: string): Float64Array {
    let target = this.perTrial.get(name);
    if (!target) this.perTrial.set(name, (target = this.allocateArray(this.trials)));
    return target;
  }

  private trialMonthTarget(name: string): Float64Array {
    let target = this.perTrialMonth.get(name);
    if (!target) this.perTrialMonth.set(name, (target = this.allocateArray(this.trials * this.months)));
    return target;
  }

  /** Writes chunk `chunkIndex`'s n per-trial values of a series into place. */
  writeTrial(name: string, chunkIndex: number, values: Float64Array, n: number): void {
    this.trialTarget(name).set(values.subarray(0, n), chunkIndex * CHUNK_SIZE);
  }

  /** Writes chunk `chunkIndex`'s n·M values of a series (month-major with stride n) into place. */
  writeTrialMonth(name: string, chunkIndex: number, values: Float64Array, n: number): void {
    const target = this.trialMonthTarget(name);
    const offset = chunkIndex * CHUNK_SIZE;
    for (let m = 0; m < this.months; m++) target.set(values.subarray(m * n, (m + 1) * n), m * this.trials + offset);
  }

  /** Counts n more trials as arrived. */
  markReceived(n: number): void {
    this.received += n;
  }

  /** Copies one chunk's own arrays into place. */
  add(chunk: ChunkOutput): void {
    for (const [name, values] of Object.entries(chunk.trial)) this.writeTrial(name, chunk.chunkIndex, values, chunk.n);
    for (const [name, values] of Object.entries(chunk.trialMonth)) this.writeTrialMonth(name, chunk.chunkIndex, values, chunk.n);
    this.markReceived(chunk.n);
  }

  /** True once every trial has arrived. */
  get complete(): boolean {
    return this.received >= this.trials;
  }

  trial(name: string): Float64Array | undefined {
    return this.perTrial.get(name);
  }

  trialMonth(name: string): Float64Array | undefined {
    return this.perTrialMonth.get(name);
  }

  trialNames(): string[] {
    return [...this.perTrial.keys()];
  }

  /** Sum over months per trial of a per-trial-month series. */
  horizonTotal(values: Float64Array): Float64Array {
    const N = this.trials;
    const out = new Float64Array(N);
    for (let m = 0; m < this.months; m++) {
      const base = m * N;
      for (let t = 0; t < N; t++) out[t] = out[t]! + values[base + t]!;
    }
    return out;
  }

  /** Element-wise sum of several per-trial-month series. */
  sum(names: readonly string[]): Float64Array {
    const out = new Float64Array(this.trials * this.months);
    for (const name of names) {
      const values = this.perTrialMonth.get(name);
      if (!values) continue;
      for (let i = 0; i < out.length; i++) out[i] = out[i]! + values[i]!;
    }
    return out;
  }
}
