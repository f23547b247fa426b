/**
 * The whole run's per-trial series, assembled from chunks in any arrival order: chunk k's
 * trials always land at offset k·CHUNK_SIZE, so the result does not depend on which worker
 * finished first. Per-trial-month series are stored month-major (index m·N + t).
 */
import { CHUNK_SIZE } from './chunk.ts';
import type { ChunkOutput } from './collect.ts';

export class SeriesStore {
  readonly trials: number;
  readonly months: number;
  private readonly perTrial = new Map<string, Float64Array>();
  private readonly perTrialMonth = new Map<string, Float64Array>();
  private received = 0;

  constructor(trials: number, months: number) {
    this.trials = trials;
    this.months = months;
  }

  /** Copies one chunk's series into place. */
  add(chunk: ChunkOutput): void {
    const offset = chunk.chunkIndex * CHUNK_SIZE;
    const { n } = chunk;
    for (const [name, values] of Object.entries(chunk.trial)) {
      let target = this.perTrial.get(name);
      if (!target) this.perTrial.set(name, (target = new Float64Array(this.trials)));
      target.set(values.subarray(0, n), offset);
    }
    for (const [name, values] of Object.entries(chunk.trialMonth)) {
      let target = this.perTrialMonth.get(name);
      if (!target) this.perTrialMonth.set(name, (target = new Float64Array(this.trials * this.months)));
      for (let m = 0; m < this.months; m++) target.set(values.subarray(m * n, (m + 1) * n), m * this.trials + offset);
    }
    this.received += n;
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
