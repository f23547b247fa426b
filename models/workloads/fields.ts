/**
 * The numeric fields of each workload type and their defaults (undefined: no default, the
 * field is optional or required by the schema). One table serves the compiler, the docs and
 * the app's workload editor.
 */
import type { DriverSpec, WorkloadType } from '../scenario/schema.ts';

export const workloadFieldDefaults: Record<WorkloadType, Record<string, DriverSpec | undefined>> = {
  fixed: { monthly: undefined },
  formula: { cost: undefined },
  'llm-api': { requests: undefined, inputTokens: undefined, outputTokens: undefined, cachedInputShare: 0, batchShare: 0 },
  'gpu-inference': {
    requests: undefined,
    tokensPerRequest: undefined,
    tokensPerSecondPerGpu: undefined,
    targetUtilization: 0.6,
    peakToAverage: 1,
    minGpus: 1,
  },
  training: { paramsB: undefined, tokensB: undefined, mfu: undefined, gpuHoursPerRun: undefined, runsPerMonth: undefined, overhead: 0 },
  experiments: {},
  storage: { terabytes: undefined, pricePerTbMonth: undefined, egressTb: undefined, egressPricePerTb: undefined },
};
