/**
 * The scenario file format v1: the single source of truth. TypeScript types, validation
 * messages, scenarios/scenario.schema.json and the field tables in docs/scenario-format.md
 * are all derived from these zod schemas.
 *
 * Keys starting with `x-` are allowed anywhere and ignored: `stripExtensions` removes them
 * before validation, and the raw document (which keeps them) is what gets saved.
 */
import { z } from './schema-library.ts';

export const FORMAT = 'costcast/scenario';
export const CURRENT_VERSION = 1;

const finite = z.number().describe('a finite number');
const positive = z.number().positive();
const nonNegative = z.number().nonnegative();
const share = z.number().min(0).max(1);

/** Driver and series names: usable inside formulas. */
export const identifierPattern = /^[a-z_][a-z0-9_]*$/;
const identifier = z
  .string()
  .regex(identifierPattern, 'use lower-case letters, digits and underscores, starting with a letter or _');

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
const monthKey = z.string().regex(monthPattern, 'a month as YYYY-MM, e.g. 2027-01');

// ---------------------------------------------------------------------------------------------
// Drivers

/** Optional bounds and redraw frequency shared by every uncertain driver. */
const uncertainExtras = {
  per: z
    .enum(['trial', 'month'])
    .optional()
    .describe('"trial" (default): drawn once per trial; "month": redrawn every month'),
  min: finite.optional().describe('lower bound: samples below are clamped to it'),
  max: finite.optional().describe('upper bound: samples above are clamped to it'),
};

export const range80Schema = z
  .strictObject({ p10: finite, p90: finite, ...uncertainExtras })
  .describe('80 % range: 10 % chance below p10, 10 % above p90 (lognormal when p10 > 0, else normal)').meta({ id: 'Range80' });

export const range90Schema = z
  .strictObject({ p5: finite, p95: finite, ...uncertainExtras })
  .describe('90 % range: 5 % chance below p5, 5 % above p95 (lognormal when p5 > 0, else normal)').meta({ id: 'Range90' });

const bounded = { per: uncertainExtras.per };
const clampable = { ...uncertainExtras };

export const distributionSchema = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('normal'), mean: finite, sd: nonNegative, ...clampable }),
  z.strictObject({ dist: z.literal('lognormal'), p10: positive, p90: positive, ...clampable }),
  z.strictObject({ dist: z.literal('uniform'), min: finite, max: finite, ...bounded }),
  z.strictObject({ dist: z.literal('triangular'), min: finite, mode: finite, max: finite, ...bounded }),
  z.strictObject({
    dist: z.literal('pert'),
    min: finite,
    mode: finite,
    max: finite,
    lambda: positive.optional().describe('shape weight of the mode (default 4)'),
    ...bounded,
  }),
  z.strictObject({ dist: z.literal('beta'), alpha: positive, beta: positive, ...clampable }),
  z.strictObject({ dist: z.literal('gamma'), shape: positive, scale: positive, ...clampable }),
  z.strictObject({ dist: z.literal('poisson'), mean: nonNegative, ...clampable }),
  z.strictObject({ dist: z.literal('bernoulli'), p: share, ...bounded }),
  z.strictObject({
    dist: z.literal('discrete'),
    values: z.array(finite).min(1),
    weights: z.array(nonNegative).optional().describe('relative weights (default: equal)'),
    ...clampable,
  }),
]).meta({ id: 'Distribution' });

/** A number we may be unsure of: a constant, a range or a distribution (no formulas). */
export const uncertainNumberSchema = z.union([finite, range80Schema, range90Schema, distributionSchema]).meta({ id: 'UncertainNumber' });

export const growthSchema = z.strictObject({
  growth: z.strictObject({
    start: uncertainNumberSchema.describe('value in the first month'),
    rate: uncertainNumberSchema.describe('growth per month as a share, e.g. 0.05 for 5 %'),
    volatility: nonNegative.optional().describe('σ of the monthly log-noise (default 0)'),
    cap: positive.optional().describe('carrying capacity: growth slows logistically towards it'),
  }),
}).meta({ id: 'Growth' });

export const trendSchema = z.strictObject({
  trend: z.strictObject({
    history: identifier.describe('name of a series in `history`'),
    model: z.enum(['auto', 'linear', 'exponential', 'logistic']).optional().describe('default auto (lowest AICc)'),
  }),
}).meta({ id: 'Trend' });

export const seriesSchema = z.strictObject({
  series: z.array(finite).min(1).describe('planned value per month; the last value repeats'),
}).meta({ id: 'Series' });

export const formulaSchema = z.string().min(1).describe('a formula over other drivers and `month`');

export const driverSchema = z.union([
  finite,
  formulaSchema,
  range80Schema,
  range90Schema,
  distributionSchema,
  growthSchema,
  trendSchema,
  seriesSchema,
]).meta({ id: 'Driver' });

// ---------------------------------------------------------------------------------------------
// Workloads

const tagsSchema = z
  .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'tag keys are letters, digits, _ and -'), z.string())
  .describe('labels for chargeback: team, product, useCase, model, environment, …').meta({ id: 'Tags' });

const workloadBase = {
  id: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'letters, digits, _, . and -').describe('unique id'),
  name: z.string().optional().describe('display name'),
  tags: tagsSchema.optional(),
};

const gpuId = z.string().min(1).describe('GPU type, e.g. H100 (see `costcast prices`)');

export const fixedWorkloadSchema = z.strictObject({
  ...workloadBase,
  type: z.literal('fixed'),
  monthly: driverSchema.describe('cost per month'),
}).meta({ id: 'FixedWorkload' });

export const formulaWorkloadSchema = z.strictObject({
  ...workloadBase,
  type: z.literal('formula'),
  cost: driverSchema.describe('cost per month'),
}).meta({ id: 'FormulaWorkload' });

export const llmPriceSchema = z.strictObject({
  input: driverSchema.describe('per 1M input tokens'),
  output: driverSchema.describe('per 1M output tokens'),
  cachedInput: driverSchema.optional().describe('per 1M cached input tokens (default: input)'),
  batchDiscount: driverSchema.optional().describe('share off for batch requests (default 0.5)'),
}).meta({ id: 'LlmPrice' });

export const llmApiWorkloadSchema = z.strictObject({
  ...workloadBase,
  type: z.literal('llm-api'),
  model: z.string().optional().describe('catalog model id, e.g. gpt-4o'),
  price: llmPriceSchema.optional(),
  requests: driverSchema.describe('requests per month'),
  inputTokens: driverSchema.describe('input tokens per request'),
  outputTokens: driverSchema.describe('output tokens per request'),
  cachedInputShare: driverSchema.optional().describe('share of input tokens read from cache (default 0)'),
  batchShare: driverSchema.optional().describe('share of requests sent through the batch API (default 0)'),
}).meta({ id: 'LlmApiWorkload' });

export const gpuInferenceWorkloadSchema = z.strictObject({
  ...workloadBase,
  type: z.literal('gpu-inference'),
  gpu: gpuId,
  requests: driverSchema.describe('requests per month'),
  tokensPerRequest: driverSchema.describe('tokens generated per request'),
  tokensPerSecondPerGpu: driverSchema.describe('sustained throughput of one GPU'),
  targetUtilization: driverSchema.optional().describe('share of throughput you plan to use (default 0.6)'),
  peakToAverage: driverSchema.optional().describe('peak load over average load (default 1)'),
  minGpus: driverSchema.optional().describe('GPUs always on (default 1)'),
  autoscaling: z.boolean().optional().describe('true: pay for average GPUs; false (default): provision for the peak'),
}).meta({ id: 'GpuInferenceWorkload' });

export const trainingWorkloadSchema = z.strictObject({
  ...workloadBase,
  type: z.literal('training'),
  gpu: gpuId,
  paramsB: driverSchema.optional().describe('model size, billions of parameters'),
  tokensB: driverSchema.optional().describe('training tokens per run, billions'),
  mfu: driverSchema.optional().describe('model FLOP utilization, e.g. 0.4'),
  gpuHoursPerRun: driverSchema.optional().describe('GPU-hours per run (instead of paramsB, tokensB, mfu)'),
  runsPerMonth: driverSchema.describe('training runs per month'),
  overhead: driverSchema.optional().describe('extra share for restarts and failed runs (default 0)'),
}).meta({ id: 'TrainingWorkload' });

export const experimentStageSchema = z.strictObject({
  name: z.string().min(1).describe('stage name'),
  runsPerMonth: driverSchema.optional().describe('runs entering the first stage each month'),
  gpuHoursPerRun: driverSchema.describe('GPU-hours per run of this stage'),
  passRate: driverSchema.optional().describe('share of runs promoted to the next stage (default 1)'),
}).meta({ id: 'ExperimentStage' });

export const experimentsWorkloadSchema = z.strictObject({
  ...workloadBase,
  type: z.literal('experiments'),
  gpu: gpuId,
  stages: z.array(experimentStageSchema).min(1),
}).meta({ id: 'ExperimentsWorkload' });

export const storageWorkloadSchema = z.strictObject({
  ...workloadBase,
  type: z.literal('storage'),
  terabytes: driverSchema.describe('TB stored (average over the month)'),
  pricePerTbMonth: driverSchema.optional().describe('price per TB-month (default: catalog standard class)'),
  egressTb: driverSchema.optional().describe('TB transferred out per month (default 0)'),
  egressPricePerTb: driverSchema.optional().describe('price per TB of egress (default: catalog)'),
}).meta({ id: 'StorageWorkload' });

export const workloadSchema = z.discriminatedUnion('type', [
  fixedWorkloadSchema,
  formulaWorkloadSchema,
  llmApiWorkloadSchema,
  gpuInferenceWorkloadSchema,
  trainingWorkloadSchema,
  experimentsWorkloadSchema,
  storageWorkloadSchema,
]).meta({ id: 'Workload' });

// ---------------------------------------------------------------------------------------------
// Pricing, budget, value, units, variants, simulation

export const gpuPriceOverrideSchema = z.strictObject({
  onDemand: positive,
  committed1y: positive.optional(),
  committed3y: positive.optional(),
  spot: positive.optional(),
}).meta({ id: 'GpuPriceOverride' });

export const commitmentSchema = z.strictObject({
  gpu: gpuId,
  term: z.enum(['1y', '3y']),
  gpuHoursPerMonth: nonNegative,
  startMonth: z.number().int().min(1).optional().describe('1-based month of the horizon it starts (default 1)'),
}).meta({ id: 'Commitment' });

export const pricingSchema = z.strictObject({
  provider: z.string().optional().describe('catalog provider, e.g. aws, gcp, azure, coreweave, lambda'),
  region: z.string().optional().describe('catalog region, e.g. us-east-1'),
  gpuPrices: z.record(z.string(), gpuPriceOverrideSchema).optional().describe('per GPU-hour overrides by GPU type'),
  commitments: z.array(commitmentSchema).optional(),
  spot: z
    .strictObject({
      workloads: z.array(z.string()).describe('ids of workloads that may run on spot'),
      interruptionOverhead: uncertainNumberSchema.optional().describe('extra GPU-hours lost to interruptions, as a share (default 0)'),
      availability: uncertainNumberSchema.optional().describe('share of spot demand actually served on spot (default 1)'),
    })
    .optional(),
  compare: z.array(z.string()).optional().describe('providers for cloud-vs-cloud'),
  optimizeFor: z.enum(['mean', 'p90']).optional().describe('what the commitment optimizer minimises (default mean)'),
}).meta({ id: 'Pricing' });

const budgetAmount = {
  total: positive.optional().describe('budget for the whole horizon'),
  monthly: z.union([positive, z.array(nonNegative).min(1)]).optional().describe('budget per month (one value or one per month)'),
};

export const budgetSchema = z
  .strictObject({
    ...budgetAmount,
    thresholds: z.array(z.number().positive().max(10)).optional().describe('alert levels as shares of the budget (default [0.8, 1])'),
    byTag: z
      .array(
        z.strictObject({ tag: z.string(), value: z.string(), ...budgetAmount }).refine((b) => (b.total === undefined) !== (b.monthly === undefined), {
          message: 'give either `total` or `monthly`, not both and not neither',
        }),
      )
      .optional()
      .describe('budgets for the workloads carrying a tag value'),
  })
  .refine((b) => (b.total === undefined) !== (b.monthly === undefined), {
    message: 'give either `total` or `monthly`, not both and not neither',
  }).meta({ id: 'Budget' });

export const valueSchema = z.strictObject({
  monthly: driverSchema.describe('value (revenue, savings) per month'),
  discountRate: z.number().min(0).max(1).optional().describe('yearly discount rate for NPV (default 0.10)'),
}).meta({ id: 'Value' });

export const unitSchema = z.union([
  driverSchema,
  z.strictObject({
    count: driverSchema.describe('units per month'),
    per: positive.optional().describe('quote the cost per this many units, e.g. 1000 (default 1)'),
    workloads: z.array(z.string()).optional().describe('workloads whose cost counts (default: all)'),
  }),
]).meta({ id: 'Unit' });

export const variantSchema = z.strictObject({
  name: z.string().min(1).describe('unique variant name'),
  description: z.string().optional(),
  set: z.record(z.string().regex(/^\//, 'a JSON pointer such as /drivers/price'), z.unknown()).describe('JSON pointer → new value'),
}).meta({ id: 'Variant' });

export const simulationSchema = z.strictObject({
  trials: z.number().int().min(100).max(1_000_000).optional().describe('default 10000'),
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional().describe('default 1'),
  sampling: z.enum(['lhs', 'random']).optional().describe('default lhs (Latin hypercube)'),
  targetPrecision: z.number().positive().max(0.5).optional().describe('stop early once the P90 is known to ± this share'),
}).meta({ id: 'Simulation' });

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional().describe('path to scenario.schema.json, for editors'),
  format: z.literal(FORMAT).describe('always "costcast/scenario"'),
  version: z.literal(CURRENT_VERSION).describe('format version'),
  name: z.string().min(1).describe('shown in the app, the CLI and the workbook'),
  description: z.string().optional().describe('the story behind the numbers'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD'),
  start: monthKey.describe('first forecast month, YYYY-MM'),
  months: z.number().int().min(1).max(120).describe('horizon in months, 1 to 120'),
  tags: tagsSchema.optional(),
  drivers: z.record(identifier, driverSchema).optional().describe('named inputs, usable in formulas'),
  history: z.record(identifier, z.record(monthKey, finite)).optional().describe('observed monthly values per series (YYYY-MM → number), for trend drivers'),
  correlations: z
    .array(z.strictObject({ drivers: z.tuple([identifier, identifier]).describe('two uncertain drivers'), rank: z.number().min(-1).max(1).describe('target Spearman rank correlation') }))
    .optional()
    .describe('rank correlations between drivers drawn once per trial'),
  workloads: z.array(workloadSchema).min(1).describe('what costs money'),
  pricing: pricingSchema.optional().describe('where GPUs are bought and how'),
  budget: budgetSchema.optional().describe('the budget to test the forecast against'),
  value: valueSchema.optional().describe('value created, for ROI'),
  units: z.record(z.string().min(1), unitSchema).optional().describe('unit-cost denominators by unit name'),
  variants: z.array(variantSchema).optional().describe('named what-ifs compared with the baseline'),
  simulation: simulationSchema.optional().describe('Monte Carlo settings'),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type DriverSpec = z.output<typeof driverSchema>;
export type UncertainNumber = z.output<typeof uncertainNumberSchema>;
export type DistributionSpec = z.output<typeof distributionSchema>;
export type WorkloadSpec = z.output<typeof workloadSchema>;
export type WorkloadType = WorkloadSpec['type'];
export type PricingSpec = z.output<typeof pricingSchema>;
export type BudgetSpec = z.output<typeof budgetSchema>;
export type UnitSpec = z.output<typeof unitSchema>;
export type VariantSpec = z.output<typeof variantSchema>;
