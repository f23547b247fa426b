/**
 * Everything checked before a run: the baseline compiles, and so does every variant (its
 * overrides applied to the baseline and validated like a file of its own), so a run never
 * starts on input that fails halfway.
 */
import { formatPath, type ScenarioIssue } from '../scenario/issues.ts';
import { setAtPointer } from '../scenario/json-pointer.ts';
import type { Scenario } from '../scenario/schema.ts';
import { validateDocument } from '../scenario/validate.ts';
import { compileVariant, type Prepared, type PreparedForecast } from './compile-forecast.ts';
import { compileScenario, type FormulaParser } from './plan.ts';
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
  const base = compileScenario(scenario, reference, parse);
  const issues: ScenarioIssue[] = base.ok ? [] : [...base.issues];
  const variants: PreparedForecast['variants'] = [];
  const names = new Set<string>();
  (scenario.variants ?? []).forEach((variant, index) => {
    if (names.has(variant.name)) issues.push({ path: formatPath(['variants', index, 'name']), pathKeys: ['variants', index, 'name'], message: `duplicate variant name "${variant.name}"`, severity: 'error' });
    names.add(variant.name);
    const applied = applyVariant(scenario, index);
    if (!applied.ok) {
      issues.push(...applied.issues);
      return;
    }
    const compiled = compileVariant({ name: variant.name, index, scenario: applied.scenario }, base, reference, parse);
    if (compiled.ok) variants.push(compiled.variant);
    else issues.push(...compiled.issues);
  });
  if (!base.ok || issues.length) return { ok: false, issues };
  return { ok: true, prepared: { plan: base.plan, variants } };
}

/** A parser that remembers what it parsed, so the trees can be sent to worker threads. */
export function recordingParser(parse: FormulaParser): { parse: FormulaParser; parsed: Record<string, ReturnType<FormulaParser>> } {
  const parsed: Record<string, ReturnType<FormulaParser>> = {};
  return { parsed, parse: (text) => (parsed[text] ??= parse(text)) };
}
