/**
 * The compiled form of a scenario: a list of vector nodes in dependency order, each filling
 * one array of trials × months per chunk. Compiling once and running many chunks keeps parsing,
 * name resolution and catalog look-ups out of the hot loop.
 */
import type { Distribution } from '../random/distributions.ts';
import type { VectorKernel } from '../formula/compile.ts';
import type { TrendFit } from '../drivers/trend.ts';
import type { Scenario, WorkloadSpec } from '../scenario/schema.ts';
import type { LongContextPrice } from './reference-data.ts';

export type VectorNode =
  | { kind: 'constant'; value: number }
  | { kind: 'month' }
  | { kind: 'series'; values: Float64Array }
  /** `sameAs`: the formula is a bare name, so the node's values are that slot's (a chunk shares the array instead of copying it). */
  | { kind: 'formula'; kernel: VectorKernel; inputs: number[]; sameAs?: number }
  | { kind: 'uncertain'; distribution: Distribution; per: 'trial' | 'month'; min?: number; max?: number }
  | { kind: 'growth'; start: number; rate: number; volatility: number; cap?: number }
  | { kind: 'trend'; fit: TrendFit; firstStep: number };

export interface PlanNode {
  /** Driver name, or a dotted name for values inside workloads (`chat.requests`). */
  name: string;
  slot: number;
  node: VectorNode;
  /** True for values that vary between trials (drives the sensitivity analysis). */
  uncertain: boolean;
  /** Shown in sensitivity results (named drivers and uncertain workload fields). */
  reported: boolean;
}

/** The GPU-hour price list a chunk uses (per GPU type, per GPU-hour). */
export interface GpuPrice {
  onDemand: number;
  committed1y: number | null;
  committed3y: number | null;
  spot: number | null;
  source: string;
}

export interface CompiledWorkload {
  spec: WorkloadSpec;
  index: number;
  /** Slots of the workload's numeric fields by field name (stage fields as `stages.0.gpuHoursPerRun`). */
  fields: Record<string, number>;
  /** GPU type for GPU workloads. */
  gpu?: string;
  /** Peak dense BF16 TFLOP/s of that GPU (training maths). */
  peakTflops?: number;
  /** Power draw in kW of one GPU (energy maths). */
  gpuKw?: number;
  /** An llm-api workload priced from a catalog model with a long-context tier. */
  longContext?: LongContextPrice;
  onSpot: boolean;
  /** Tag values including the scenario's inherited tags. */
  tags: Record<string, string>;
}

export interface CorrelationGroup {
  slots: number[];
  /** Spearman targets between the group's slots. */
  target: number[][];
  key: string;
}

export interface SimulationPlan {
  scenario: Scenario;
  months: number;
  monthLabels: string[];
  nodes: PlanNode[];
  workloads: CompiledWorkload[];
  correlations: CorrelationGroup[];
  gpuPrices: Record<string, GpuPrice>;
  /** Grid intensity (kg CO2e per kWh) and PUE of the scenario's region, for carbon. */
  carbon: { kgPerKwh: number; pue: number; region: string } | null;
  valueSlot: number | null;
  /** Slots of the spot interruption overhead and availability (when the scenario uses spot). */
  spot: { overheadSlot: number; availabilitySlot: number } | null;
  units: { name: string; slot: number; per: number; workloads: number[] }[];
  warnings: string[];
}
