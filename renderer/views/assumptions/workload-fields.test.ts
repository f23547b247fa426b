import { describe, expect, it } from 'vitest';
import { workloadSchema, type WorkloadType } from '../../../models/scenario/schema.ts';
import { newWorkload, priceFields, stageFields, workloadFields, WORKLOAD_TYPE_LABELS } from './workload-fields.ts';

describe('workload fields from the schema', () => {
  it('lists each type’s fields with meanings and defaults', () => {
    const gpu = workloadFields('gpu-inference');
    expect(gpu.map((f) => f.key)).toEqual(['gpu', 'requests', 'tokensPerRequest', 'tokensPerSecondPerGpu', 'targetUtilization', 'peakToAverage', 'minGpus', 'autoscaling']);
    expect(gpu.find((f) => f.key === 'targetUtilization')).toMatchObject({ optional: true, defaultText: '0.6', kind: 'driver' });
    expect(gpu.find((f) => f.key === 'requests')).toMatchObject({ optional: false, meaning: 'requests per month' });
    expect(gpu.find((f) => f.key === 'autoscaling')!.kind).toBe('boolean');
    expect(workloadFields('llm-api').find((f) => f.key === 'price')!.kind).toBe('price');
    expect(priceFields.map((f) => f.key)).toEqual(['input', 'output', 'cachedInput', 'batchDiscount']);
    expect(stageFields.map((f) => f.key)).toEqual(['runsPerMonth', 'gpuHoursPerRun', 'passRate']);
  });

  it('starts every new workload type valid', () => {
    for (const type of Object.keys(WORKLOAD_TYPE_LABELS) as WorkloadType[]) {
      expect(workloadSchema.safeParse(newWorkload(type, 'w1')).success, type).toBe(true);
    }
  });
});
