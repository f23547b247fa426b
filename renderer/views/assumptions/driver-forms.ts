/**
 * The forms a driver can take in the editor, what parameters each has, and how to switch a
 * driver from one form to another without losing its magnitude (a constant of 1,500 becomes an
 * 80 % range around 1,500, not 0 to 1). Pure functions over scenario JSON; the engine decides
 * whether the result is valid.
 */
import { isJsonObject } from '../../../models/scenario/json-pointer.ts';

export type DriverForm =
  | 'constant'
  | 'formula'
  | 'range80'
  | 'range90'
  | 'normal'
  | 'lognormal'
  | 'uniform'
  | 'triangular'
  | 'pert'
  | 'beta'
  | 'gamma'
  | 'poisson'
  | 'bernoulli'
  | 'discrete'
  | 'growth'
  | 'trend'
  | 'series';

export const FORM_LABELS: Record<DriverForm, string> = {
  constant: 'constant',
  formula: 'formula',
  range80: '80 % range (p10–p90)',
  range90: '90 % range (p5–p95)',
  normal: 'normal',
  lognormal: 'lognormal',
  uniform: 'uniform',
  triangular: 'triangular',
  pert: 'PERT',
  beta: 'beta',
  gamma: 'gamma',
  poisson: 'Poisson',
  bernoulli: 'yes/no (Bernoulli)',
  discrete: 'discrete',
  growth: 'growth path',
  trend: 'trend from history',
  series: 'planned series',
};

/** Forms of an uncertain number (a growth path's start and rate, spot overheads). */
export const UNCERTAIN_FORMS: readonly DriverForm[] = ['constant', 'range80', 'range90', 'normal', 'lognormal', 'uniform', 'triangular', 'pert', 'beta', 'gamma', 'poisson', 'bernoulli', 'discrete'];
export const ALL_FORMS: readonly DriverForm[] = [...UNCERTAIN_FORMS.slice(0, 1), 'formula', ...UNCERTAIN_FORMS.slice(1), 'growth', 'trend', 'series'];

export interface ParamSpec {
  key: string;
  label: string;
  /** Shown as a hint next to the input. */
  hint?: string;
  optional?: boolean;
  kind: 'number' | 'list';
}

const bounds: ParamSpec[] = [
  { key: 'min', label: 'min', optional: true, kind: 'number', hint: 'clamp below' },
  { key: 'max', label: 'max', optional: true, kind: 'number', hint: 'clamp above' },
];

/** The numeric parameters of each distribution-like form, in the order they are edited. */
export const FORM_PARAMS: Partial<Record<DriverForm, ParamSpec[]>> = {
  range80: [{ key: 'p10', label: 'p10', kind: 'number', hint: '10 % chance below' }, { key: 'p90', label: 'p90', kind: 'number', hint: '10 % chance above' }, ...bounds],
  range90: [{ key: 'p5', label: 'p5', kind: 'number', hint: '5 % chance below' }, { key: 'p95', label: 'p95', kind: 'number', hint: '5 % chance above' }, ...bounds],
  normal: [{ key: 'mean', label: 'mean', kind: 'number' }, { key: 'sd', label: 'sd', kind: 'number' }, ...bounds],
  lognormal: [{ key: 'p10', label: 'p10', kind: 'number' }, { key: 'p90', label: 'p90', kind: 'number' }, ...bounds],
  uniform: [{ key: 'min', label: 'min', kind: 'number' }, { key: 'max', label: 'max', kind: 'number' }],
  triangular: [{ key: 'min', label: 'min', kind: 'number' }, { key: 'mode', label: 'most likely', kind: 'number' }, { key: 'max', label: 'max', kind: 'number' }],
  pert: [{ key: 'min', label: 'min', kind: 'number' }, { key: 'mode', label: 'most likely', kind: 'number' }, { key: 'max', label: 'max', kind: 'number' }, { key: 'lambda', label: 'mode weight', optional: true, kind: 'number', hint: 'default 4' }],
  beta: [{ key: 'alpha', label: 'α', kind: 'number' }, { key: 'beta', label: 'β', kind: 'number' }, ...bounds],
  gamma: [{ key: 'shape', label: 'shape', kind: 'number' }, { key: 'scale', label: 'scale', kind: 'number' }, ...bounds],
  poisson: [{ key: 'mean', label: 'mean', kind: 'number' }, ...bounds],
  bernoulli: [{ key: 'p', label: 'p', kind: 'number', hint: 'probability of 1' }],
  discrete: [{ key: 'values', label: 'values', kind: 'list' }, { key: 'weights', label: 'weights', optional: true, kind: 'list', hint: 'default equal' }, ...bounds],
};

type Json = unknown;
const num = (value: Json, fallback = 0): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

/** The form of a driver value as written, or null when it is none of them. */
export function formOf(spec: Json): DriverForm | null {
  if (typeof spec === 'number') return 'constant';
  if (typeof spec === 'string') return 'formula';
  if (!isJsonObject(spec)) return null;
  if ('growth' in spec) return 'growth';
  if ('trend' in spec) return 'trend';
  if ('series' in spec) return 'series';
  if (typeof spec.dist === 'string') return (spec.dist in FORM_LABELS ? spec.dist : null) as DriverForm | null;
  if ('p10' in spec) return 'range80';
  if ('p5' in spec) return 'range90';
  return null;
}

/** Whether a form is drawn at random (and so may carry `per: "month"`). */
export function isRandomForm(form: DriverForm): boolean {
  return !['constant', 'formula', 'growth', 'trend', 'series'].includes(form);
}

/** A number that stands for the driver's magnitude, to carry over when the form changes. */
export function representativeValue(spec: Json): number {
  const form = formOf(spec);
  if (!isJsonObject(spec)) return typeof spec === 'number' ? spec : 1;
  switch (form) {
    case 'range80':
    case 'lognormal': {
      const [a, b] = [num(spec.p10), num(spec.p90)];
      return a > 0 && b > 0 ? Math.sqrt(a * b) : (a + b) / 2;
    }
    case 'range90': {
      const [a, b] = [num(spec.p5), num(spec.p95)];
      return a > 0 && b > 0 ? Math.sqrt(a * b) : (a + b) / 2;
    }
    case 'normal':
    case 'poisson':
      return num(spec.mean, 1);
    case 'uniform':
      return (num(spec.min) + num(spec.max)) / 2;
    case 'triangular':
    case 'pert':
      return num(spec.mode, 1);
    case 'beta':
      return num(spec.alpha, 1) / (num(spec.alpha, 1) + num(spec.beta, 1));
    case 'gamma':
      return num(spec.shape, 1) * num(spec.scale, 1);
    case 'bernoulli':
      return num(spec.p, 0.5);
    case 'discrete': {
      const values = Array.isArray(spec.values) ? spec.values.map((v) => num(v)) : [1];
      return values[Math.floor(values.length / 2)] ?? 1;
    }
    case 'growth':
      return isJsonObject(spec.growth) ? representativeValue(spec.growth.start) : 1;
    case 'series':
      return Array.isArray(spec.series) ? num(spec.series[0], 1) : 1;
    default:
      return 1;
  }
}

/** Rounds to three significant digits so converted parameters read well. */
export function nice(value: number): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  return Number(value.toPrecision(3));
}

/** The driver rewritten in `form`, keeping its magnitude; `historyNames` feed a trend. */
export function convertTo(spec: Json, form: DriverForm, historyNames: readonly string[] = []): Json {
  const v = representativeValue(spec);
  const spread = (low: number, high: number) => (v > 0 ? [nice(v * low), nice(v * high)] : [nice(v - Math.abs(v) * (1 - low) - 1), nice(v + Math.abs(v) * (high - 1) + 1)]);
  const per = isJsonObject(spec) && spec.per === 'month' && isRandomForm(form) ? { per: 'month' } : {};
  switch (form) {
    case 'constant':
      return nice(v);
    case 'formula':
      return typeof spec === 'string' ? spec : String(nice(v));
    case 'range80': {
      const [p10, p90] = spread(0.8, 1.25);
      return { p10, p90, ...per };
    }
    case 'range90': {
      const [p5, p95] = spread(0.7, 1.4);
      return { p5, p95, ...per };
    }
    case 'normal':
      return { dist: 'normal', mean: nice(v), sd: nice(Math.abs(v) * 0.1) || 1, ...per };
    case 'lognormal': {
      const [p10, p90] = v > 0 ? spread(0.8, 1.25) : [1, 2];
      return { dist: 'lognormal', p10, p90, ...per };
    }
    case 'uniform': {
      const [min, max] = spread(0.8, 1.2);
      return { dist: 'uniform', min, max, ...per };
    }
    case 'triangular':
    case 'pert': {
      const [min, max] = spread(0.7, 1.5);
      return { dist: form, min, mode: nice(v), max, ...per };
    }
    case 'beta':
      return { dist: 'beta', alpha: 2, beta: 2, ...per };
    case 'gamma':
      return { dist: 'gamma', shape: 4, scale: nice(Math.abs(v) / 4) || 1, ...per };
    case 'poisson':
      return { dist: 'poisson', mean: Math.max(1, Math.round(Math.abs(v))), ...per };
    case 'bernoulli':
      return { dist: 'bernoulli', p: v > 0 && v < 1 ? nice(v) : 0.5, ...per };
    case 'discrete':
      return { dist: 'discrete', values: [nice(v * 0.5), nice(v), nice(v * 1.5)], weights: [1, 2, 1], ...per };
    case 'growth':
      return { growth: { start: nice(v), rate: { p10: 0.02, p90: 0.08 } } };
    case 'trend':
      return { trend: { history: historyNames[0] ?? 'history', model: 'auto' } };
    case 'series':
      return { series: [nice(v), nice(v), nice(v)] };
  }
}

/** A list of numbers as typed: `1, 2.5, 3` → [1, 2.5, 3]; null when any entry is not a number. */
export function parseNumberList(text: string): number[] | null {
  const parts = text.split(/[,;\s]+/).filter((part) => part !== '');
  if (!parts.length) return null;
  const values = parts.map((part) => Number(part.replace(/_/g, '')));
  return values.every((value) => Number.isFinite(value)) ? values : null;
}

/** A number as typed (`1,500`, `1_500`, `2e6`); null when it is not one. */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/[,_\s]/g, '');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
