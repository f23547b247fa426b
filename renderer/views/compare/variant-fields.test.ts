/**
 * The fields a variant may override, read from the bundled scenarios: named for people, with the
 * pointer the engine reads, and each starting value a change the engine accepts (a no-op).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFormula } from '../../../models/formula/parse.ts';
import { bundledReference } from '../../../models/pricing/reference.ts';
import { validateDocument } from '../../../models/scenario/validate.ts';
import { prepareForecast } from '../../../models/simulate/prepare.ts';
import type { ScenarioDocument } from '../../document/document-text.ts';
import { baselineOf, fieldOf, newVariantName, overrideFields, overridesOf, startingValue, valueInWords } from './variant-fields.ts';

const scenario = (name: string) => JSON.parse(readFileSync(new URL(`../../../scenarios/${name}`, import.meta.url), 'utf8')) as ScenarioDocument;

describe('overrideFields', () => {
  const document = scenario('default.json');
  const fields = overrideFields(document);

  it('lists drivers, workload fields, pricing, budget and value by name with their pointers', () => {
    const byPointer = new Map(fields.map((f) => [f.pointer, f]));
    expect(byPointer.get('/drivers/cache_hit_share')).toMatchObject({ label: 'driver cache_hit_share', group: 'Drivers', kind: 'driver' });
    expect(byPointer.get('/workloads/0/model')).toMatchObject({ label: 'Customer assistant (API) · model', group: 'Workloads', kind: 'model' });
    expect(byPointer.get('/workloads/1/autoscaling')).toMatchObject({ kind: 'boolean' });
    expect(byPointer.get('/pricing/provider')).toMatchObject({ kind: 'provider', group: 'Pricing' });
    expect(byPointer.get('/pricing/spot/interruptionOverhead')).toMatchObject({ kind: 'uncertain' });
    expect(byPointer.get('/pricing/commitments/0/gpuHoursPerMonth')).toMatchObject({ label: 'pricing · H100 1y commitment (GPU-hours per month)', kind: 'number' });
    expect(byPointer.get('/budget/total')).toMatchObject({ kind: 'number', group: 'Budget' });
    expect(byPointer.get('/value/monthly')).toMatchObject({ kind: 'driver', group: 'Value' });
    // Experiment stages are listed stage by stage.
    expect(fields.some((f) => /^\/workloads\/\d+\/stages\/1\/gpuHoursPerRun$/.test(f.pointer))).toBe(true);
    expect(new Set(fields.map((f) => f.pointer)).size).toBe(fields.length);
  });

  it('names a pointer it does not list as itself, edited as JSON', () => {
    expect(fieldOf(fields, '/tags/team')).toEqual({ pointer: '/tags/team', label: '/tags/team', group: 'Drivers', kind: 'json' });
  });

  for (const file of ['default.json', 'enterprise-rag.json', 'self-hosted-platform.json', 'support-assistant.json']) {
    it(`${file}: every field, overridden with its starting value, is a variant the engine accepts`, () => {
      const doc = scenario(file);
      const baseline = baselineOf(doc);
      expect(baseline.variants).toBeUndefined();
      const list = overrideFields(baseline);
      const variants = list.map((field, i) => ({ name: `v${i}`, set: { [field.pointer]: startingValue(baseline, field) } }));
      const validated = validateDocument({ ...baseline, variants });
      if (!validated.ok) throw new Error(validated.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
      const prepared = prepareForecast(validated.scenario, bundledReference, parseFormula);
      if (!prepared.ok) throw new Error(prepared.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
      expect(prepared.prepared.variants).toHaveLength(list.length);
    });
  }
});

describe('variant helpers', () => {
  it('names a new variant after the ones there are and lists overrides in order', () => {
    const document = scenario('default.json');
    expect(newVariantName(document)).toBe('Variant 1');
    expect(newVariantName({ ...document, variants: [{ name: 'Variant 1', set: {} }] })).toBe('Variant 2');
    expect(overridesOf(document, 0)).toEqual([['/workloads/0/model', 'gpt-4o-mini']]);
    expect(overridesOf(document, 5)).toEqual([]);
  });
});

describe('valueInWords', () => {
  it('says a driver in words and other values as they are', () => {
    expect(valueInWords({ p10: 20, p90: 45 }, 'driver')).toMatch(/20.*45/);
    expect(valueInWords({ p10: 20, p90: 45 }, 'driver')).not.toContain('{');
    expect(valueInWords('gpt-4o', 'model')).toBe('gpt-4o');
    expect(valueInWords(undefined, 'boolean')).toBe('default');
    expect(valueInWords({ a: 1 }, 'json')).toBe('{"a":1}');
  });
});
