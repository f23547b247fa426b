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

/**
 * The n per-trial draws of every uncertain node drawn once per trial, into `draws` (by slot, an
 * array of n values each), with the plan's rank correlations imposed: the sampling every engine
 * of a benchmark shares. `u` is scratch for n uniforms.
 */
export function drawPerTrial(plan: SimulationPlan, settings: ChunkSettings, n: number, draws: ReadonlyMap<number, Float64Array>, u: Float64Array): void {
  const stream = (key: string) => createStream(settings.seed, settings.chunkIndex, key);
  for (const { name, slot, node } of plan.nodes) {
    if (node.kind !== 'uncertain' || node.per !== 'trial') continue;
    const out = draws.get(slot)!;
    uniforms(stream(name), u, n, settings.sampling);
    applyQuantile(node.distribution, u, out, n);
    clamp(out, n, node.min, node.max);
  }
  for (const group of plan.correlations) {
    imanConover(
      group.slots.map((slot) => draws.get(slot)!),
      n,
      group.target,
      stream(group.key),
    );
  }
}

/**
 * The arrays one plan's chunks of n trials are evaluated in, reused from chunk to chunk (a
 * chunk allocates nothing). Nodes that do not depend on the trial — constants, `month`, series —
 * are filled once.
 */
interface Workspace {
  values: Float64Array[];
  trialDraws: Map<number, Float64Array>;
  uniforms: Float64Array;
  noise: Float64Array;
  direct: Float64Array[];
  gpuHours: Float64Array[];
}

const workspaces = new WeakMap<SimulationPlan, Map<number, Workspace>>();

function workspaceFor(plan: SimulationPlan, n: number): Workspace {
  let byN = workspaces.get(plan);
  if (!byN) workspaces.set(plan, (byN = new Map()));
  let workspace = byN.get(n);
  if (workspace) return workspace;
  const M = plan.months;
  const length = n * M;
  const values = plan.nodes.map(() => new Float64Array(length));
  for (const { slot, node } of plan.nodes) {
    const out = values[slot]!;
    if (node.kind === 'constant') out.fill(node.value);
    else if (node.kind === 'month') for (let m = 0; m < M; m++) out.fill(m, m * n, (m + 1) * n);
    else if (node.kind === 'series') for (let m = 0; m < M; m++) out.fill(node.values[m]!, m * n, (m + 1) * n);
  }
  const trialDraws = new Map<number, Float64Array>();
  for (const { slot, node } of plan.nodes) if (node.kind === 'uncertain' && node.per === 'trial') trialDraws.set(slot, new Float64Array(n));
  workspace = {
    values,
    trialDraws,
    uniforms: new Float64Array(n),
    noise: new Float64Array(n),
    direct: plan.workloads.map(() => new Float64Array(length)),
    gpuHours: plan.workloads.map(() => new Float64Array(length)),
  };
  byN.set(n, workspace);
  return workspace;
}

/**
 * Evaluates every plan node and every workload's demand for one chunk. The arrays returned are
 * the plan's workspace: valid until the next chunk of the same plan is evaluated.
 */
export function evaluateChunk(plan: SimulationPlan, settings: ChunkSettings): ChunkValues {
  const n = trialsInChunk(settings.trials, settings.chunkIndex);
  const M = plan.months;
  const length = n * M;
  const stream = (key: string) => createStream(settings.seed, settings.chunkIndex, key);
  const workspace = workspaceFor(plan, n);
  const { values, trialDraws } = workspace;

  // 1. Per-trial draws of every uncertain node, so correlated groups can be rearranged together.
  const u = workspace.uniforms;
  drawPerTrial(plan, settings, n, trialDraws, u);

  // 2. Every node in dependency order (constants, `month` and series are already in place).
  for (const { name, slot, node } of plan.nodes) {
    const out = values[slot]!;
    switch (node.kind) {
      case 'constant':
      case 'month':
      case 'series':
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
        const noise = sigma > 0 ? workspace.noise : null;
        const noiseStream = sigma > 0 ? stream(`${name}#noise`) : null;
        const cap = node.cap;
        for (let t = 0; t < n; t++) out[t] = start[t]!;
        for (let m = 1; m < M; m++) {
          if (noise && noiseStream) noiseStream.fillNormal(noise, n);
          const base = m * n;
          const previous = base - n;
          for (let t = 0; t < n; t++) {
            const v = out[previous + t]!;
            const r = rate[base + t]!;
            const step = cap !== undefined ? 1 + r * (1 - v / cap) : 1 + r;
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
  for (const workload of plan.workloads) {
    const demand = { direct: workspace.direct[workload.index]!, gpuHours: workspace.gpuHours[workload.index]! };
    fillWorkloadDemand(workload, (field) => values[workload.fields[field]!]!, length, demand);
  }
  return { n, months: M, values, direct: workspace.direct, gpuHours: workspace.gpuHours };
}
