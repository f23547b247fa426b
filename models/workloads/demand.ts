/**
 * What each workload type consumes per trial and month: money paid directly (tokens,
 * storage, fixed costs) and GPU-hours (priced afterwards under the pricing plan, since all
 * workloads of one GPU type share its commitments). The arithmetic is DESIGN.md's
 * "Exact arithmetic" contract; docs/cost-models.md explains it for users.
 */
import type { CompiledWorkload } from '../simulate/plan-types.ts';

/** Hours in a billing month (the cloud convention: 8,760 h / 12). */
export const HOURS_PER_MONTH = 730;

/**
 * Where one workload's demand goes. Both arrays start as zeros and belong to that workload alone
 * (chunk after chunk): its type writes every value of the one it produces and never touches the
 * other, which so stays zero without being cleared for every chunk.
 */
export interface WorkloadDemand {
  /** Money per trial-month paid outside GPU pricing. */
  direct: Float64Array;
  /** GPU-hours per trial-month (zero for non-GPU workloads). */
  gpuHours: Float64Array;
}

/** GPU-hours per training run from model size: 6·N·D FLOPs at `mfu` of the GPU's peak. */
export function trainingGpuHoursPerRun(paramsB: number, tokensB: number, peakTflops: number, mfu: number): number {
  return (6 * paramsB * 1e9 * tokensB * 1e9) / (peakTflops * 1e12 * mfu * 3600);
}

type Field = (name: string) => Float64Array;
type SpecOf<T extends CompiledWorkload['spec']['type']> = Extract<CompiledWorkload['spec'], { type: T }>;

/**
 * Fills `out` with one workload's demand for `length` trial-months.
 * `field(name)` returns the array of a numeric field (defaults already applied).
 *
 * One small function per workload type, not one long switch with every type's loop: V8 then
 * optimizes each type's loop once, instead of recompiling one function as each new type shows up.
 */
export function fillWorkloadDemand(workload: CompiledWorkload, field: Field, length: number, out: WorkloadDemand): void {
  const { direct, gpuHours } = out;
  const spec = workload.spec;
  switch (spec.type) {
    case 'fixed':
      return copyInto(direct, field('monthly'), length);
    case 'formula':
      return copyInto(direct, field('cost'), length);
    case 'llm-api':
      return llmApiCost(workload, field, length, direct);
    case 'gpu-inference':
      return inferenceGpuHours(spec, field, length, gpuHours);
    case 'training':
      return trainingGpuHours(workload, spec, field, length, gpuHours);
    case 'experiments':
      return experimentGpuHours(spec, field, length, gpuHours);
    case 'storage':
      return storageCost(spec, field, length, direct);
  }
}

function copyInto(out: Float64Array, values: Float64Array, length: number): void {
  for (let i = 0; i < length; i++) out[i] = values[i]!;
}

function llmApiCost(workload: CompiledWorkload, field: Field, length: number, direct: Float64Array): void {
  const requests = field('requests');
  const inputTokens = field('inputTokens');
  const outputTokens = field('outputTokens');
  const cachedShare = field('cachedInputShare');
  const batchShare = field('batchShare');
  const input = field('price.input');
  const cachedInput = field('price.cachedInput');
  const output = field('price.output');
  const batchDiscount = field('price.batchDiscount');
  // Above the threshold every token of the request is billed at the long-context tier; the
  // tier is chosen from the average input tokens per request of the trial and month.
  const long = workload.longContext;
  for (let i = 0; i < length; i++) {
    const tokensIn = inputTokens[i]!;
    const c = cachedShare[i]!;
    const tier = long !== undefined && tokensIn > long.thresholdTokens;
    const perRequest = tier
      ? tokensIn * (1 - c) * long.input + tokensIn * c * long.cachedInput + outputTokens[i]! * long.output
      : tokensIn * (1 - c) * input[i]! + tokensIn * c * cachedInput[i]! + outputTokens[i]! * output[i]!;
    direct[i] = ((requests[i]! * perRequest) / 1e6) * (1 - batchShare[i]! * batchDiscount[i]!);
  }
}

function inferenceGpuHours(spec: SpecOf<'gpu-inference'>, field: Field, length: number, gpuHours: Float64Array): void {
  const requests = field('requests');
  const tokensPerRequest = field('tokensPerRequest');
  const throughput = field('tokensPerSecondPerGpu');
  const utilization = field('targetUtilization');
  const peakToAverage = field('peakToAverage');
  const minGpus = field('minGpus');
  const secondsPerMonth = 3600 * HOURS_PER_MONTH;
  const autoscaling = spec.autoscaling;
  for (let i = 0; i < length; i++) {
    const averageGpus = (requests[i]! * tokensPerRequest[i]!) / (throughput[i]! * utilization[i]! * secondsPerMonth);
    gpuHours[i] = autoscaling
      ? Math.max(minGpus[i]! * HOURS_PER_MONTH, averageGpus * HOURS_PER_MONTH)
      : Math.max(minGpus[i]!, Math.ceil(averageGpus * peakToAverage[i]!)) * HOURS_PER_MONTH;
  }
}

/**
 * A training workload's GPU-hours: from hours per run, or from model size (two loops of their
 * own, given arrays rather than the field reader: workloads of both kinds call them in turn).
 */
function trainingGpuHours(workload: CompiledWorkload, spec: SpecOf<'training'>, field: Field, length: number, gpuHours: Float64Array): void {
  if (spec.gpuHoursPerRun !== undefined) return trainingFromRunHours(field('gpuHoursPerRun'), field('overhead'), field('runsPerMonth'), length, gpuHours);
  trainingFromModelSize(field('paramsB'), field('tokensB'), field('mfu'), workload.peakTflops ?? NaN, field('overhead'), field('runsPerMonth'), length, gpuHours);
}

function trainingFromRunHours(perRun: Float64Array, overhead: Float64Array, runs: Float64Array, length: number, gpuHours: Float64Array): void {
  for (let i = 0; i < length; i++) gpuHours[i] = perRun[i]! * (1 + overhead[i]!) * runs[i]!;
}

function trainingFromModelSize(paramsB: Float64Array, tokensB: Float64Array, mfu: Float64Array, peak: number, overhead: Float64Array, runs: Float64Array, length: number, gpuHours: Float64Array): void {
  for (let i = 0; i < length; i++) {
    gpuHours[i] = trainingGpuHoursPerRun(paramsB[i]!, tokensB[i]!, peak, mfu[i]!) * (1 + overhead[i]!) * runs[i]!;
  }
}

/** Runs entering the current stage of an experiment pipeline (scratch, reused call to call). */
let stageRuns = new Float64Array(0);

function experimentGpuHours(spec: SpecOf<'experiments'>, field: Field, length: number, gpuHours: Float64Array): void {
  if (stageRuns.length < length) stageRuns = new Float64Array(length);
  const runs = stageRuns;
  runs.set(field('stages.0.runsPerMonth').subarray(0, length));
  // Stages add up into the hours, which still hold the last chunk's.
  gpuHours.fill(0, 0, length);
  for (let k = 0; k < spec.stages.length; k++) {
    const perRun = field(`stages.${k}.gpuHoursPerRun`);
    const passRate = field(`stages.${k}.passRate`);
    for (let i = 0; i < length; i++) {
      gpuHours[i] = gpuHours[i]! + runs[i]! * perRun[i]!;
      runs[i] = runs[i]! * passRate[i]!;
    }
  }
}

function storageCost(spec: SpecOf<'storage'>, field: Field, length: number, direct: Float64Array): void {
  const terabytes = field('terabytes');
  const price = field('pricePerTbMonth');
  const hasEgress = spec.egressTb !== undefined;
  const egress = hasEgress ? field('egressTb') : undefined;
  const egressPrice = hasEgress ? field('egressPricePerTb') : undefined;
  for (let i = 0; i < length; i++) {
    direct[i] = terabytes[i]! * price[i]! + (egress && egressPrice ? egress[i]! * egressPrice[i]! : 0);
  }
}
