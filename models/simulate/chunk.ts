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
import { fillWorkloadDemand, type WorkloadDemand } from '../workloads/demand.ts';
import type { SimulationPlan, VectorNode } from './plan-types.ts';

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
  /** Per workload: where its demand goes and how it reads its fields (made once, so every chunk calls the same functions). */
  demands: { workload: SimulationPlan['workloads'][number]; field: (name: string) => Float64Array; out: WorkloadDemand }[];
}

const workspaces = new WeakMap<SimulationPlan, Map<number, Workspace>>();

function workspaceFor(plan: SimulationPlan, n: number): Workspace {
  let byN = workspaces.get(plan);
  if (!byN) workspaces.set(plan, (byN = new Map()));
  let workspace = byN.get(n);
  if (workspace) return workspace;
  const M = plan.months;
  const length = n * M;
  // A formula that is a bare name (a workload field set to a driver, say) shares that node's
  // array: nodes come in dependency order, so the array it names is already in place.
  const values: Float64Array[] = [];
  for (const { slot, node } of plan.nodes) values[slot] = node.kind === 'formula' && node.sameAs !== undefined ? values[node.sameAs]! : new Float64Array(length);
  for (const { slot, node } of plan.nodes) {
    const out = values[slot]!;
    if (node.kind === 'constant') out.fill(node.value);
    else if (node.kind === 'month') for (let m = 0; m < M; m++) out.fill(m, m * n, (m + 1) * n);
    else if (node.kind === 'series') for (let m = 0; m < M; m++) out.fill(node.values[m]!, m * n, (m + 1) * n);
  }
  const trialDraws = new Map<number, Float64Array>();
  for (const { slot, node } of plan.nodes) if (node.kind === 'uncertain' && node.per === 'trial') trialDraws.set(slot, new Float64Array(n));
  const direct = plan.workloads.map(() => new Float64Array(length));
  const gpuHours = plan.workloads.map(() => new Float64Array(length));
  workspace = {
    values,
    trialDraws,
    uniforms: new Float64Array(n),
    noise: new Float64Array(n),
    direct,
    gpuHours,
    demands: plan.workloads.map((workload) => ({
      workload,
      field: (name: string) => values[workload.fields[name]!]!,
      out: { direct: direct[workload.index]!, gpuHours: gpuHours[workload.index]! },
    })),
  };
  byN.set(n, workspace);
  return workspace;
}

/** A growth path over the months: start, then each month the previous times (1 + rate), logistic under a cap, with lognormal noise. */
function growPath(out: Float64Array, start: Float64Array, rate: Float64Array, cap: number | undefined, sigma: number, noise: Float64Array | null, noiseStream: RandomStream | null, n: number, M: number): void {
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
}

/** A node drawn anew every month: n uniforms per month through its quantile function. */
function drawPerMonth(node: Extract<VectorNode, { kind: 'uncertain' }>, stream: RandomStream, sampling: 'lhs' | 'random', u: Float64Array, out: Float64Array, n: number, M: number): void {
  for (let m = 0; m < M; m++) {
    const month = out.subarray(m * n, (m + 1) * n);
    uniforms(stream, u, n, sampling);
    applyQuantile(node.distribution, u, month, n);
    clamp(month, n, node.min, node.max);
  }
}

/** One node's n·M values (constants, `month` and series are already in place). */
function evaluateNode(name: string, slot: number, node: VectorNode, workspace: Workspace, settings: ChunkSettings, n: number, M: number): void {
  const { values } = workspace;
  const out = values[slot]!;
  const stream = (key: string) => createStream(settings.seed, settings.chunkIndex, key);
  switch (node.kind) {
    case 'constant':
    case 'month':
    case 'series':
      return;
    case 'formula':
      // A bare name's values are already there: the array is the named node's.
      if (node.sameAs === undefined) node.kernel(values, out, n * M);
      return;
    case 'uncertain':
      if (node.per === 'trial') {
        const draws = workspace.trialDraws.get(slot)!;
        for (let m = 0; m < M; m++) out.set(draws, m * n);
      } else drawPerMonth(node, stream(name), settings.sampling, workspace.uniforms, out, n, M);
      return;
    case 'growth': {
      const sigma = node.volatility;
      growPath(out, values[node.start]!, values[node.rate]!, node.cap, sigma, sigma > 0 ? workspace.noise : null, sigma > 0 ? stream(`${name}#noise`) : null, n, M);
      return;
    }
    case 'trend': {
      const s = stream(`${name}#trend`);
      projectTrend(node.fit, { from: node.firstStep, count: M }, n, () => s.nextNormal(), out);
      return;
    }
  }
}

/**
 * Evaluates every plan node and every workload's demand for one chunk. The arrays returned are
 * the plan's workspace: valid until the next chunk of the same plan is evaluated.
 *
 * The work is spread over small functions, one loop each, on purpose: V8 optimizes a long
 * function from inside the loop it is running, and code compiled while the first loop ran
 * knows nothing of the later ones, so it would be thrown away chunk after chunk.
 */
export function evaluateChunk(plan: SimulationPlan, settings: ChunkSettings): ChunkValues {
  const n = trialsInChunk(settings.trials, settings.chunkIndex);
  const M = plan.months;
  const workspace = workspaceFor(plan, n);

  // 1. Per-trial draws of every uncertain node, so correlated groups can be rearranged together.
  drawPerTrial(plan, settings, n, workspace.trialDraws, workspace.uniforms);
  // 2. Every node in dependency order.
  for (const { name, slot, node } of plan.nodes) evaluateNode(name, slot, node, workspace, settings, n, M);
  // 3. Workload demand.
  for (const { workload, field, out } of workspace.demands) fillWorkloadDemand(workload, field, n * M, out);
  return { n, months: M, values: workspace.values, direct: workspace.direct, gpuHours: workspace.gpuHours };
}
