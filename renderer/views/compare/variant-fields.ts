/**
 * What a variant may change, read from the baseline document: every driver, each workload's
 * fields (from the schema, as the workload editor shows them), pricing, budget and value — each
 * with a name people read and the JSON pointer the variant's `set` stores. Pure functions over
 * scenario JSON; the engine decides whether a variant is valid.
 */
import { gpuSpecs, llmModels, providers, regions } from '../../../models/pricing/catalog/catalog.ts';
import { getAtPointer, pointerOf, isJsonObject } from '../../../models/scenario/json-pointer.ts';
import { describeDriver } from '../../../models/io/workbook-describe.ts';
import type { DriverSpec, WorkloadType } from '../../../models/scenario/schema.ts';
import type { ScenarioDocument } from '../../document/document-text.ts';
import { formOf, UNCERTAIN_FORMS, type DriverForm } from '../assumptions/driver-forms.ts';
import { priceFields, stageFields, workloadFields } from '../assumptions/workload-fields.ts';

/** How a field's value is edited. */
export type OverrideKind = 'driver' | 'uncertain' | 'gpu' | 'model' | 'boolean' | 'provider' | 'region' | 'number' | 'json';

export interface OverrideField {
  pointer: string;
  /** The field in words: "Customer assistant (API) · model". */
  label: string;
  group: 'Drivers' | 'Workloads' | 'Pricing' | 'Budget' | 'Value';
  kind: OverrideKind;
  /** What the field means, with units, from the schema. */
  meaning?: string;
  /** The schema's default, for fields the baseline leaves out. */
  defaultText?: string;
}

type Json = unknown;

/** The baseline: the document without its variants (what every override is applied to). */
export function baselineOf(document: ScenarioDocument): ScenarioDocument {
  const { variants: _variants, ...rest } = document;
  return rest;
}

const SIZE_FIELDS = new Set(['paramsB', 'tokensB', 'mfu']);

/**
 * Fields that exclude each other are offered only the way the baseline uses them: a training run
 * is sized by GPU-hours per run or by model size, tokens and MFU; an LLM is priced by a catalog
 * model or by an explicit price.
 */
function excludedField(workload: Record<string, Json>, key: string): boolean {
  if (workload.type === 'llm-api') return key === 'model' && workload.price !== undefined;
  if (workload.type !== 'training') return false;
  const byHours = workload.gpuHoursPerRun !== undefined;
  return byHours ? SIZE_FIELDS.has(key) : key === 'gpuHoursPerRun';
}

/** Every field of the baseline a variant can override, grouped, in document order. */
export function overrideFields(document: ScenarioDocument): OverrideField[] {
  const fields: OverrideField[] = [];
  const drivers = isJsonObject(document.drivers) ? document.drivers : {};
  for (const name of Object.keys(drivers)) fields.push({ pointer: pointerOf(['drivers', name]), label: `driver ${name}`, group: 'Drivers', kind: 'driver' });

  const workloads = Array.isArray(document.workloads) ? document.workloads : [];
  workloads.forEach((workload, index) => {
    if (!isJsonObject(workload)) return;
    const title = typeof workload.name === 'string' && workload.name ? workload.name : String(workload.id ?? `workload ${index + 1}`);
    const add = (keys: (string | number)[], label: string, kind: OverrideKind, meaning: string, defaultText?: string) =>
      fields.push({ pointer: pointerOf(['workloads', index, ...keys]), label: `${title} · ${label}`, group: 'Workloads', kind, meaning, ...(defaultText ? { defaultText } : {}) });
    for (const field of workloadFields(workload.type as WorkloadType)) {
      if (field.kind === 'price') {
        if (isJsonObject(workload.price)) for (const price of priceFields) add(['price', price.key], `price ${price.key}`, 'driver', price.meaning, price.defaultText);
      } else if (field.kind === 'stages') {
        const stages = Array.isArray(workload.stages) ? workload.stages : [];
        stages.forEach((stage, s) => {
          const stageName = isJsonObject(stage) && typeof stage.name === 'string' ? stage.name : `stage ${s + 1}`;
          // Only the first stage takes runs; later stages get the runs the stage before passes.
          for (const key of stageFields) if (key.key !== 'runsPerMonth' || s === 0) add(['stages', s, key.key], `${stageName} ${key.key}`, 'driver', key.meaning, key.defaultText);
        });
      } else if (!excludedField(workload, field.key)) {
        add([field.key], field.key, field.kind, field.meaning, field.defaultText);
      }
    }
  });

  const pricing = document.pricing;
  if (isJsonObject(pricing)) {
    const add = (keys: (string | number)[], label: string, kind: OverrideKind, meaning: string) => fields.push({ pointer: pointerOf(['pricing', ...keys]), label: `pricing · ${label}`, group: 'Pricing', kind, meaning });
    add(['provider'], 'provider', 'provider', 'catalog provider whose prices apply');
    add(['region'], 'region', 'region', 'catalog region of that provider');
    if (isJsonObject(pricing.spot)) {
      add(['spot', 'interruptionOverhead'], 'spot interruption overhead', 'uncertain', 'extra GPU-hours lost to interruptions, as a share');
      add(['spot', 'availability'], 'spot availability', 'uncertain', 'share of spot demand actually served on spot');
    }
    const commitments = Array.isArray(pricing.commitments) ? pricing.commitments : [];
    commitments.forEach((commitment, k) => {
      if (!isJsonObject(commitment)) return;
      add(['commitments', k, 'gpuHoursPerMonth'], `${String(commitment.gpu)} ${String(commitment.term)} commitment (GPU-hours per month)`, 'number', 'GPU-hours paid each month whether used or not');
    });
    if (isJsonObject(pricing.gpuPrices)) {
      for (const [gpu, prices] of Object.entries(pricing.gpuPrices)) {
        if (!isJsonObject(prices)) continue;
        for (const key of Object.keys(prices)) add(['gpuPrices', gpu, key], `${gpu} ${key} price`, 'number', 'per GPU-hour');
      }
    }
  }

  const budget = document.budget;
  if (isJsonObject(budget)) {
    if (typeof budget.total === 'number') fields.push({ pointer: '/budget/total', label: 'budget · total', group: 'Budget', kind: 'number', meaning: 'budget for the whole horizon' });
    if (typeof budget.monthly === 'number') fields.push({ pointer: '/budget/monthly', label: 'budget · per month', group: 'Budget', kind: 'number', meaning: 'budget per month' });
  }
  const value = document.value;
  if (isJsonObject(value)) {
    fields.push({ pointer: '/value/monthly', label: 'value · per month', group: 'Value', kind: 'driver', meaning: 'value (revenue, savings) per month' });
    fields.push({ pointer: '/value/discountRate', label: 'value · discount rate', group: 'Value', kind: 'number', meaning: 'yearly discount rate for NPV', defaultText: '0.10' });
  }
  return fields;
}

/** The field an override's pointer names, or a plain JSON field for a pointer the list does not know. */
export function fieldOf(fields: readonly OverrideField[], pointer: string): OverrideField {
  return fields.find((f) => f.pointer === pointer) ?? { pointer, label: pointer, group: 'Drivers', kind: 'json' };
}

/** The value an override starts from: the baseline's value, else the field's default, so adding it changes nothing yet. */
export function startingValue(baseline: ScenarioDocument, field: OverrideField): Json {
  const current = getAtPointer(baseline, field.pointer);
  if (current !== undefined) return current;
  const fromDefault = field.defaultText !== undefined ? Number(field.defaultText.replace(/[^\d.eE+-]/g, '')) : Number.NaN;
  switch (field.kind) {
    case 'boolean':
      return false;
    case 'gpu':
      return gpuSpecs[0]?.id ?? 'H100';
    case 'model':
      return llmModels[0]?.id ?? '';
    case 'provider':
      return providers()[0] ?? 'aws';
    case 'region':
      return regionsOf(String(getAtPointer(baseline, '/pricing/provider') ?? providers()[0] ?? ''))[0] ?? '';
    default:
      return Number.isFinite(fromDefault) ? fromDefault : 0;
  }
}

/** Catalog regions of a provider. */
export function regionsOf(provider: string): string[] {
  return regions.filter((r) => r.provider === provider).map((r) => r.region);
}

/** The driver forms offered for a field: every form for drivers, uncertain numbers for spot shares. */
export function formsOf(kind: OverrideKind): readonly DriverForm[] | undefined {
  return kind === 'uncertain' ? UNCERTAIN_FORMS : undefined;
}

/** A name for a new variant that no variant has yet: "Variant 1", "Variant 2", … */
export function newVariantName(document: ScenarioDocument): string {
  const names = new Set((Array.isArray(document.variants) ? document.variants : []).map((v) => (isJsonObject(v) ? v.name : undefined)));
  let n = 1;
  while (names.has(`Variant ${n}`)) n++;
  return `Variant ${n}`;
}

/** The overrides of variant `index` as [pointer, value] pairs, in their order. */
export function overridesOf(document: ScenarioDocument, index: number): [string, Json][] {
  const variant = Array.isArray(document.variants) ? document.variants[index] : undefined;
  return isJsonObject(variant) && isJsonObject(variant.set) ? Object.entries(variant.set) : [];
}

/** A short text of a value, for the "Baseline" column: drivers in words ("80 % range 20 to 45 (lognormal)"), other values as they are. */
export function valueInWords(value: Json, kind: OverrideKind = 'json'): string {
  if (value === undefined) return 'default';
  if ((kind === 'driver' || kind === 'uncertain') && formOf(value) !== null) {
    try {
      return describeDriver(value as DriverSpec).words;
    } catch {
      // Not a driver the engine reads: shown as JSON below.
    }
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
