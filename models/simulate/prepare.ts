/**
 * Everything checked before a run: the baseline compiles, and so does every variant (its
 * overrides applied to the baseline and validated like a file of its own), so a run never
 * starts on input that fails halfway.
 */
import { formatPath, type ScenarioIssue } from '../scenario/issues.ts';
import { setAtPointer } from '../scenario/json-pointer.ts';
import type { Scenario } from '../scenario/schema.ts';
import { validateDocument } from '../scenario/validate.ts';
import { compileForecast, type Prepared, type VariantEntry } from './compile-forecast.ts';
import type { FormulaParser } from './plan.ts';
import type { ReferenceData } from './reference-data.ts';

export type { Prepared, PreparedForecast } from './compile-forecast.ts';

/** The scenario with one variant's overrides applied (variants themselves removed). */
export function applyVariant(scenario: Scenario, variantIndex: number): { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] } {
  const variant = scenario.variants![variantIndex]!;
  let document: unknown = { ...scenario, variants: undefined };
  const issues: ScenarioIssue[] = [];
  for (const [pointer, value] of Object.entries(variant.set)) {
    try {
      document = setAtPointer(document, pointer, value);
    } catch (error) {
      issues.push({ path: formatPath(['variants', variantIndex, 'set', pointer]), message: error instanceof Error ? error.message : String(error), severity: 'error' });
    }
  }
  if (issues.length) return { ok: false, issues };
  const clean = JSON.parse(JSON.stringify(document)) as unknown;
  const validated = validateDocument(clean);
  if (!validated.ok) {
    return {
      ok: false,
      issues: validated.issues.map((issue) => ({ ...issue, path: `variants[${variantIndex}] "${variant.name}" → ${issue.path}`, pathKeys: ['variants', variantIndex, 'set'] })),
    };
  }
  return { ok: true, scenario: validated.scenario };
}

/** Applies and validates every variant, then compiles the baseline and the variants, reporting every issue of every one. */
export function prepareForecast(scenario: Scenario, reference: ReferenceData, parse: FormulaParser): Prepared {
  const names = new Set<string>();
  const entries: VariantEntry[] = [];
  (scenario.variants ?? []).forEach((variant, index) => {
    if (names.has(variant.name)) entries.push({ issues: [{ path: formatPath(['variants', index, 'name']), pathKeys: ['variants', index, 'name'], message: `duplicate variant name "${variant.name}"`, severity: 'error' }] });
    names.add(variant.name);
    const applied = applyVariant(scenario, index);
    entries.push(applied.ok ? { name: variant.name, index, scenario: applied.scenario } : { issues: applied.issues });
  });
  return compileForecast(scenario, entries, reference, parse);
}

/** A parser that remembers what it parsed, so the trees can be sent to worker threads. */
export function recordingParser(parse: FormulaParser): { parse: FormulaParser; parsed: Record<string, ReturnType<FormulaParser>> } {
  const parsed: Record<string, ReturnType<FormulaParser>> = {};
  return { parsed, parse: (text) => (parsed[text] ??= parse(text)) };
}
