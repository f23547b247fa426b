/**
 * Scenario inputs in words and numbers, for the Assumptions sheet: "80 % range 20 to 45
 * (lognormal)", "triangular: min 800, most likely 1,500, max 4,000", a formula as its text.
 * Field meanings come from the scenario schema's own descriptions, so they cannot drift.
 * Everything returned here is plain text; the sheet writes it as text cells.
 */
import type { z } from '../scenario/schema-library.ts';
import {
  experimentStageSchema,
  llmPriceSchema,
  workloadSchema,
  type DistributionSpec,
  type DriverSpec,
  type Scenario,
  type UncertainNumber,
  type WorkloadSpec,
} from '../scenario/schema.ts';

const numberText = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });

/** A number as plain text with thousands separators and at most 6 significant digits. */
export function describeNumber(value: number): string {
  return Number.isFinite(value) ? numberText.format(value) : String(value);
}

export interface DriverDescription {
  /** The driver's form: constant, formula, 80 % range, triangular, growth path, … */
  form: string;
  /** Its definition in words and numbers. */
  words: string;
  /** How often it is drawn: once per trial, every month, or "not random". */
  drawn: string;
}

const ONCE = 'once per trial';
const MONTHLY = 'every month';
const FIXED = 'not random';

function bounds(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `; clamped to ${describeNumber(min)} … ${describeNumber(max)}`;
  if (min !== undefined) return `; clamped to at least ${describeNumber(min)}`;
  if (max !== undefined) return `; clamped to at most ${describeNumber(max)}`;
  return '';
}

function shareText(weight: number, total: number): string {
  return `${describeNumber(Math.round((weight / total) * 1000) / 10)} %`;
}

function distributionWords(spec: DistributionSpec): { form: string; words: string } {
  switch (spec.dist) {
    case 'normal':
      return { form: 'normal', words: `normal with mean ${describeNumber(spec.mean)} and standard deviation ${describeNumber(spec.sd)}${bounds(spec.min, spec.max)}` };
    case 'lognormal':
      return { form: 'lognormal', words: `lognormal, 80 % range ${describeNumber(spec.p10)} to ${describeNumber(spec.p90)}${bounds(spec.min, spec.max)}` };
    case 'uniform':
      return { form: 'uniform', words: `uniform between ${describeNumber(spec.min)} and ${describeNumber(spec.max)}` };
    case 'triangular':
      return { form: 'triangular', words: `triangular: min ${describeNumber(spec.min)}, most likely ${describeNumber(spec.mode)}, max ${describeNumber(spec.max)}` };
    case 'pert':
      return {
        form: 'PERT',
        words: `PERT: min ${describeNumber(spec.min)}, most likely ${describeNumber(spec.mode)}, max ${describeNumber(spec.max)}${spec.lambda !== undefined ? ` (mode weight ${describeNumber(spec.lambda)})` : ''}`,
      };
    case 'beta':
      return { form: 'beta', words: `beta with α ${describeNumber(spec.alpha)} and β ${describeNumber(spec.beta)} (mean ${describeNumber(spec.alpha / (spec.alpha + spec.beta))})${bounds(spec.min, spec.max)}` };
    case 'gamma':
      return { form: 'gamma', words: `gamma with shape ${describeNumber(spec.shape)} and scale ${describeNumber(spec.scale)} (mean ${describeNumber(spec.shape * spec.scale)})${bounds(spec.min, spec.max)}` };
    case 'poisson':
      return { form: 'Poisson', words: `Poisson count with mean ${describeNumber(spec.mean)}${bounds(spec.min, spec.max)}` };
    case 'bernoulli':
      return { form: 'yes/no (Bernoulli)', words: `1 with probability ${describeNumber(spec.p)}, otherwise 0` };
    case 'discrete': {
      const weights = spec.weights ?? spec.values.map(() => 1);
      const total = weights.reduce((sum, w) => sum + w, 0);
      const options = spec.values.map((value, i) => `${describeNumber(value)} (${total > 0 ? shareText(weights[i] ?? 0, total) : 'weight 0'})`);
      return { form: 'discrete', words: `one of ${options.join(', ')}${bounds(spec.min, spec.max)}` };
    }
  }
}

/** An uncertain number (constant, range or distribution) in words. */
export function describeUncertain(spec: UncertainNumber): DriverDescription {
  if (typeof spec === 'number') return { form: 'constant', words: describeNumber(spec), drawn: FIXED };
  const drawn = spec.per === 'month' ? MONTHLY : ONCE;
  if ('dist' in spec) return { ...distributionWords(spec), drawn };
  if ('p10' in spec) {
    return {
      form: '80 % range',
      words: `80 % range ${describeNumber(spec.p10)} to ${describeNumber(spec.p90)} (${spec.p10 > 0 ? 'lognormal' : 'normal'})${bounds(spec.min, spec.max)}`,
      drawn,
    };
  }
  return {
    form: '90 % range',
    words: `90 % range ${describeNumber(spec.p5)} to ${describeNumber(spec.p95)} (${spec.p5 > 0 ? 'lognormal' : 'normal'})${bounds(spec.min, spec.max)}`,
    drawn,
  };
}

const TREND_MODELS: Record<string, string> = {
  auto: 'the best of linear, exponential and logistic by AICc',
  linear: 'linear',
  exponential: 'exponential',
  logistic: 'logistic',
};

/** A history series in a few words: its span, count and last value. */
function historyWords(name: string, history: Scenario['history']): string {
  const points = Object.entries(history?.[name] ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (points.length === 0) return `history "${name}" (no points)`;
  const [first] = points[0]!;
  const [last, lastValue] = points[points.length - 1]!;
  return `history "${name}": ${points.length} months ${first} to ${last}, last ${describeNumber(lastValue)}`;
}

/** Any driver in words and numbers; `history` lets a trend name its data. */
export function describeDriver(spec: DriverSpec, history?: Scenario['history']): DriverDescription {
  if (typeof spec === 'number') return { form: 'constant', words: describeNumber(spec), drawn: FIXED };
  if (typeof spec === 'string') return { form: 'formula', words: spec, drawn: 'from its inputs' };
  if ('growth' in spec) {
    const { start, rate, volatility, cap } = spec.growth;
    const startText = describeUncertain(start);
    const rateText = describeUncertain(rate);
    const parts = [`starts at ${startText.words}`, `monthly growth rate ${rateText.words}`];
    if (volatility !== undefined) parts.push(`volatility ${describeNumber(volatility)} (monthly log-noise σ)`);
    if (cap !== undefined) parts.push(`slows logistically towards a cap of ${describeNumber(cap)}`);
    const random = startText.drawn !== FIXED || rateText.drawn !== FIXED || (volatility ?? 0) > 0;
    return { form: cap !== undefined ? 'growth path (logistic)' : 'growth path', words: parts.join('; '), drawn: random ? `start and rate ${ONCE}; noise ${MONTHLY}` : FIXED };
  }
  if ('trend' in spec) {
    const model = spec.trend.model ?? 'auto';
    return {
      form: 'trend',
      words: `trend fitted to ${historyWords(spec.trend.history, history)}; model: ${TREND_MODELS[model] ?? model}; projected with parameter and residual uncertainty`,
      drawn: `parameters ${ONCE}; residuals ${MONTHLY}`,
    };
  }
  if ('series' in spec) {
    return { form: 'planned series', words: `per month: ${spec.series.map(describeNumber).join(', ')} (the last value repeats)`, drawn: FIXED };
  }
  return describeUncertain(spec);
}

export interface FieldDescription {
  /** The field's path in the workload, e.g. "requests" or "stages[1] smoke: gpuHoursPerRun". */
  field: string;
  /** What the field means, from the schema (with its unit). */
  meaning: string;
  /** The value in words; "default" for an optional field left out. */
  value: string;
  /** The driver form, when the value is a driver. */
  form: string;
}

type Shape = Record<string, z.ZodType>;

const WORKLOAD_BASE = new Set(['id', 'name', 'type', 'tags']);
const IDENTIFIER_FIELDS = new Set(['model', 'gpu']);

function shapeOf(type: WorkloadSpec['type']): Shape {
  const option = workloadSchema.options.find((o) => o.shape.type.value === type);
  return (option?.shape ?? {}) as Shape;
}

function fieldsOf(record: Record<string, unknown>, shape: Shape, prefix: string, history: Scenario['history']): FieldDescription[] {
  const out: FieldDescription[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    if (WORKLOAD_BASE.has(key) && prefix === '') continue;
    const value = record[key];
    const meaning = schema.description ?? '';
    const field = `${prefix}${key}`;
    if (value === undefined) {
      if (/\(default/.test(meaning)) out.push({ field, meaning, value: 'default', form: '' });
      continue;
    }
    if (key === 'price' && typeof value === 'object' && value !== null) {
      out.push(...fieldsOf(value as Record<string, unknown>, llmPriceSchema.shape as Shape, `${field}.`, history));
    } else if (key === 'stages' && Array.isArray(value)) {
      value.forEach((stage: Record<string, unknown>, i) => {
        const label = `stages[${i + 1}] ${typeof stage['name'] === 'string' ? stage['name'] : ''}: `;
        const { name: _name, ...rest } = experimentStageSchema.shape;
        out.push(...fieldsOf(stage, rest as Shape, label, history));
      });
    } else if (typeof value === 'boolean') {
      out.push({ field, meaning, value: value ? 'yes' : 'no', form: '' });
    } else if (IDENTIFIER_FIELDS.has(key) && typeof value === 'string') {
      out.push({ field, meaning, value, form: 'catalog id' });
    } else {
      const driver = describeDriver(value as DriverSpec, history);
      out.push({ field, meaning, value: driver.words, form: driver.form });
    }
  }
  return out;
}

/** Every field of a workload in words, including optional ones left at their defaults. */
export function describeWorkloadFields(workload: WorkloadSpec, history?: Scenario['history']): FieldDescription[] {
  return fieldsOf(workload as unknown as Record<string, unknown>, shapeOf(workload.type), '', history);
}
