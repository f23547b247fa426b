/**
 * The benchmark's reference scenario, validated and compiled once, and the sampling every engine
 * of the benchmark shares (so that only the evaluation differs between them).
 */
import { readFileSync } from 'node:fs';
import { parseFormula } from '../../models/formula/parse.ts';
import { bundledReference } from '../../models/pricing/reference.ts';
import type { Scenario } from '../../models/scenario/schema.ts';
import { validateScenarioText } from '../../models/scenario/validate.ts';
import { CHUNK_SIZE, chunkCount, drawPerTrial, trialsInChunk } from '../../models/simulate/chunk.ts';
import type { SimulationPlan } from '../../models/simulate/plan-types.ts';
import { prepareForecast } from '../../models/simulate/prepare.ts';
import { createStream } from '../../models/random/prng.ts';

export const referenceFile = new URL('./reference-scenario.json', import.meta.url);

export interface Reference {
  scenario: Scenario;
  plan: SimulationPlan;
}

/** The reference scenario and its compiled plan. */
export function loadReference(): Reference {
  const validated = validateScenarioText(readFileSync(referenceFile, 'utf8'));
  if (!validated.ok) throw new Error(`the reference scenario is invalid: ${validated.issues.map((i) => i.message).join('; ')}`);
  const prepared = prepareForecast(validated.scenario, bundledReference, parseFormula);
  if (!prepared.ok) throw new Error(`the reference scenario does not compile: ${prepared.issues.map((i) => i.message).join('; ')}`);
  return { scenario: validated.scenario, plan: prepared.prepared.plan };
}

/** The value of a node the plan compiled to a constant (a catalog price, a default). */
export function constantOf(plan: SimulationPlan, name: string): number {
  const node = plan.nodes.find((n) => n.name === name)?.node;
  if (node?.kind !== 'constant') throw new Error(`${name} is not a constant of the plan`);
  return node.value;
}

/** One chunk's per-trial draws by node name: exactly the engine's (same streams, Latin hypercube, rank correlation). */
export function chunkDraws(plan: SimulationPlan, seed: number, trials: number, chunkIndex: number): Map<string, Float64Array> {
  const n = trialsInChunk(trials, chunkIndex);
  const bySlot = new Map<number, Float64Array>();
  for (const { slot, node } of plan.nodes) if (node.kind === 'uncertain' && node.per === 'trial') bySlot.set(slot, new Float64Array(n));
  drawPerTrial(plan, { seed, chunkIndex, trials, sampling: 'lhs' }, n, bySlot, new Float64Array(n));
  return new Map([...bySlot].map(([slot, values]) => [plan.nodes[slot]!.name, values]));
}

/** The month-to-month noise of a growth path in one chunk (the engine's stream), month m ≥ 1 into `out`. */
export function growthNoise(seed: number, chunkIndex: number, driver: string): (out: Float64Array, n: number) => void {
  const stream = createStream(seed, chunkIndex, `${driver}#noise`);
  return (out, n) => stream.fillNormal(out, n);
}

/** Per workload (in scenario order), its cost per trial and month, month-major (index m·N + t). */
export type WorkloadCosts = Float64Array[];

/** Runs `chunk` for every chunk of a run (chunk index, first trial, trials in it). */
export function forEachChunk(trials: number, chunk: (chunkIndex: number, offset: number, n: number) => void): void {
  for (let c = 0; c < chunkCount(trials); c++) chunk(c, c * CHUNK_SIZE, trialsInChunk(trials, c));
}

/** The largest relative difference between two engines' costs over the first `trials` trials. */
export function largestDifference(a: WorkloadCosts, b: WorkloadCosts, trialsA: number, trialsB: number, trials: number, months: number): number {
  let worst = 0;
  a.forEach((costA, w) => {
    const costB = b[w]!;
    for (let m = 0; m < months; m++) {
      for (let t = 0; t < trials; t++) {
        const x = costA[m * trialsA + t]!;
        const y = costB[m * trialsB + t]!;
        const scale = Math.max(Math.abs(x), Math.abs(y));
        if (scale > 0) worst = Math.max(worst, Math.abs(x - y) / scale);
      }
    }
  });
  return worst;
}
