/**
 * One chunk of trials: every driver and workload evaluated for `n` trials × all months.
 * Arrays are month-major (index m·n + t) so a formula runs as one tight loop over n·M values.
 * Randomness comes from streams keyed by (seed, chunk index, driver name): any worker count
 * gives the same numbers, and a variant that leaves a driver alone reuses its draws.
 */
import { createStream, type RandomStream } from '../random/prng.ts';
import { applyQuantile } from '../random/distributions.ts';
import { latinHypercube } from '../random/lhs.ts';
import { imanConover } from '../random/correlation.ts';
import { projectTrend } from '../drivers/trend.ts';
import { fillWorkloadDemand } from '../workloads/demand.ts';
import type { SimulationPlan } from './plan-types.ts';

/** Trials per chunk: the unit of work, of randomness and of Latin-hypercube strata. */
export const CHUNK_SIZE = 1000;

export interface ChunkSettings {
  seed: number;
  chunkIndex: number;
  trials: number;
  sampling: 'lhs' | 'random';
}

/** Number of chunks for a trial count. */
export function chunkCount(trials: number): number {
  return Math.ceil(trials / CHUNK_SIZE);
}

/** Trials in chunk `index` of a run of `trials`. */
export function trialsInChunk(trials: number, index: number): number {
  return Math.min(CHUNK_SIZE, trials - index * CHUNK_SIZE);
}

/** The per-trial draws and per-trial-month values of one chunk. */
export interface ChunkValues {
  n: number;
  months: number;
  /** By plan slot: n·M values, month-major. */
  values: Float64Array[];
  /** By workload index: money paid directly and GPU-hours, n·M each. */
  direct: Float64Array[];
  gpuHours: Float64Array[];
}

function uniforms(stream: RandomStream, out: Float64Array, n: number, sampling: 'lhs' | 'random'): void {
  if (sampling === 'lhs') latinHypercube(stream, out, n);
  else stream.fillUniform(out, n);
}

function clamp(values: Float64Array, n: number, min: number | undefined, max: number | undefined): void {
  if (min === undefined && max === undefined) return;
  const lo = min ?? -Infinity;
  const hi = max ?? Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    values[i] = v < lo ? lo : v > hi ? hi : v;
  }
}

/** Evaluates every plan node and every workload's demand for one chunk. */
export function evaluateChunk(plan: SimulationPlan, settings: ChunkSettings): ChunkValues {
  const n = trialsInChunk(settings.trials, settings.chunkIndex);
  const M = plan.months;
  const length = n * M;
  const stream = (key: string) => createStream(settings.seed, settings.chunkIndex, key);
  const values: Float64Array[] = plan.nodes.map(() => new Float64Array(length));

  // 1. Per-trial draws of every uncertain node, so correlated groups can be rearranged together.
  const trialDraws = new Map<number, Float64Array>();
  const u = new Float64Array(n);
  for (const { name, slot, node } of plan.nodes) {
    if (node.kind !== 'uncertain' || node.per !== 'trial') continue;
    const draws = new Float64Array(n);
    uniforms(stream(name), u, n, settings.sampling);
    applyQuantile(node.distribution, u, draws, n);
    clamp(draws, n, node.min, node.max);
    trialDraws.set(slot, draws);
  }
  for (const group of plan.correlations) {
    imanConover(
      group.slots.map((slot) => trialDraws.get(slot)!),
      n,
      group.target,
      stream(group.key),
    );
  }

  // 2. Every node in dependency order.
  for (const { name, slot, node } of plan.nodes) {
    const out = values[slot]!;
    switch (node.kind) {
      case 'constant':
        out.fill(node.value);
        break;
      case 'month':
        for (let m = 0; m < M; m++) out.fill(m, m * n, (m + 1) * n);
        break;
      case 'series':
        for (let m = 0; m < M; m++) out.fill(node.values[m]!, m * n, (m + 1) * n);
        break;
      case 'formula':
        node.kernel(values, out, length);
        break;
      case 'uncertain':
        if (node.per === 'trial') {
          const draws = trialDraws.get(slot)!;
          for (let m = 0; m < M; m++) out.set(draws, m * n);
        } else {
          const s = stream(name);
          for (let m = 0; m < M; m++) {
            const month = out.subarray(m * n, (m + 1) * n);
            uniforms(s, u, n, settings.sampling);
            applyQuantile(node.distribution, u, month, n);
            clamp(month, n, node.min, node.max);
          }
        }
        break;
      case 'growth': {
        const start = values[node.start]!;
        const rate = values[node.rate]!;
        const sigma = node.volatility;
        const noise = sigma > 0 ? new Float64Array(n) : null;
        const noiseStream = sigma > 0 ? stream(`${name}#noise`) : null;
        for (let t = 0; t < n; t++) out[t] = start[t]!;
        for (let m = 1; m < M; m++) {
          if (noise && noiseStream) noiseStream.fillNormal(noise, n);
          const base = m * n;
          const previous = base - n;
          for (let t = 0; t < n; t++) {
            const v = out[previous + t]!;
            const r = rate[base + t]!;
            const step = node.cap !== undefined ? 1 + r * (1 - v / node.cap) : 1 + r;
            out[base + t] = v * step * (noise ? Math.exp(sigma * noise[t]! - (sigma * sigma) / 2) : 1);
          }
        }
        break;
      }
      case 'trend': {
        const s = stream(`${name}#trend`);
        projectTrend(node.fit, { from: node.firstStep, count: M }, n, () => s.nextNormal(), out);
        break;
      }
    }
  }

  // 3. Workload demand.
  const direct: Float64Array[] = [];
  const gpuHours: Float64Array[] = [];
  for (const workload of plan.workloads) {
    const demand = { direct: new Float64Array(length), gpuHours: new Float64Array(length) };
    fillWorkloadDemand(workload, (field) => values[workload.fields[field]!]!, length, demand);
    direct.push(demand.direct);
    gpuHours.push(demand.gpuHours);
  }
  return { n, months: M, values, direct, gpuHours };
}
