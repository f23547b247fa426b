/**
 * What the workload editor shows for each type, read from the scenario schema itself (field
 * names, meanings with units, which are optional and their defaults), plus a starting point
 * for each type when a workload is added.
 */
import type { z } from '../../../models/scenario/schema-library.ts';
import { defOf, descriptionOf } from '../../../models/scenario/schema-def.ts';
import { llmPriceSchema, experimentStageSchema, workloadSchema, type WorkloadType } from '../../../models/scenario/schema.ts';

export type FieldKind = 'driver' | 'gpu' | 'model' | 'boolean' | 'price' | 'stages';

export interface WorkloadField {
  key: string;
  kind: FieldKind;
  meaning: string;
  optional: boolean;
  /** The default as the schema states it, e.g. "0.6". */
  defaultText?: string;
}

const BASE = new Set(['id', 'name', 'type', 'tags']);

function kindOf(key: string, type: WorkloadType): FieldKind {
  if (key === 'gpu') return 'gpu';
  if (key === 'model' && type === 'llm-api') return 'model';
  if (key === 'autoscaling') return 'boolean';
  if (key === 'price') return 'price';
  if (key === 'stages') return 'stages';
  return 'driver';
}

function fieldsOfShape(shape: Record<string, z.ZodType>, type: WorkloadType): WorkloadField[] {
  return Object.entries(shape)
    .filter(([key]) => !BASE.has(key))
    .map(([key, schema]) => {
      const meaning = descriptionOf(schema) ?? '';
      const defaultText = /\(default:? ([^)]+)\)/.exec(meaning)?.[1];
      return { key, kind: kindOf(key, type), meaning: meaning.replace(/\s*\(default[^)]*\)/, ''), optional: defOf(schema).type === 'optional', ...(defaultText ? { defaultText } : {}) };
    });
}

/** The editable fields of a workload type, in schema order. */
export function workloadFields(type: WorkloadType): WorkloadField[] {
  const option = workloadSchema.options.find((o) => o.shape.type.value === type);
  return option ? fieldsOfShape(option.shape as unknown as Record<string, z.ZodType>, type) : [];
}

/** The fields of an explicit LLM price and of an experiment stage. */
export const priceFields: WorkloadField[] = fieldsOfShape(llmPriceSchema.shape as unknown as Record<string, z.ZodType>, 'llm-api');
export const stageFields: WorkloadField[] = fieldsOfShape(experimentStageSchema.shape as unknown as Record<string, z.ZodType>, 'experiments').filter((f) => f.key !== 'name');

export const WORKLOAD_TYPE_LABELS: Record<WorkloadType, string> = {
  'llm-api': 'LLM API',
  'gpu-inference': 'GPU inference',
  training: 'Training',
  experiments: 'Experiments',
  storage: 'Storage',
  fixed: 'Fixed cost',
  formula: 'Formula',
};

/** A new workload of `type`: plausible numbers that validate, to be edited. */
export function newWorkload(type: WorkloadType, id: string): Record<string, unknown> {
  const base = { id, name: `New ${WORKLOAD_TYPE_LABELS[type].toLowerCase()}`, type };
  switch (type) {
    case 'fixed':
      return { ...base, monthly: 1000 };
    case 'formula':
      return { ...base, cost: '1000 + 100 * month' };
    case 'llm-api':
      return { ...base, model: 'gpt-4o-mini', requests: { p10: 100000, p90: 400000 }, inputTokens: 1500, outputTokens: 400 };
    case 'gpu-inference':
      return { ...base, gpu: 'L4', requests: { p10: 1000000, p90: 3000000 }, tokensPerRequest: 400, tokensPerSecondPerGpu: 1200 };
    case 'training':
      return { ...base, gpu: 'H100', paramsB: 8, tokensB: 20, mfu: { p10: 0.3, p90: 0.45 }, runsPerMonth: 1 };
    case 'experiments':
      return { ...base, gpu: 'H100', stages: [{ name: 'sweep', runsPerMonth: 20, gpuHoursPerRun: 8, passRate: 0.25 }, { name: 'full run', gpuHoursPerRun: 64 }] };
    case 'storage':
      return { ...base, terabytes: 10, egressTb: 1 };
  }
}
