/**
 * Compiling a forecast whose scenarios are already valid: the baseline and each variant (its
 * overrides applied and validated by prepare.ts) to simulation plans. Nothing here loads the
 * schema library, so a worker thread compiles the same plans from a job without it.
 */
import { formatPath, type ScenarioIssue } from '../scenario/issues.ts';
import type { Scenario } from '../scenario/schema.ts';
import { compileScenario, type FormulaParser, type PlanOutcome } from './plan.ts';
import type { SimulationPlan } from './plan-types.ts';
import type { ReferenceData } from './reference-data.ts';

/** A variant as a scenario of its own: the baseline with the variant's overrides applied, validated. */
export interface VariantScenario {
  name: string;
  /** Its place in the baseline's `variants`, for the paths of its issues. */
  index: number;
  scenario: Scenario;
}

export interface PreparedForecast {
  plan: SimulationPlan;
  variants: (VariantScenario & { plan: SimulationPlan })[];
}

export type Prepared = { ok: true; prepared: PreparedForecast } | { ok: false; issues: ScenarioIssue[] };

/** A variant ready to compile, or issues found on the way to one (reported in their place among the variants'). */
export type VariantEntry = VariantScenario | { issues: ScenarioIssue[] };

/** Compiles one variant's scenario against the compiled baseline; its issues carry the variant's path. */
function compileVariant(variant: VariantScenario, base: PlanOutcome, reference: ReferenceData, parse: FormulaParser): { ok: true; variant: PreparedForecast['variants'][number] } | { ok: false; issues: ScenarioIssue[] } {
  const { name, index } = variant;
  const compiled = compileScenario(variant.scenario, reference, parse);
  if (!compiled.ok) return { ok: false, issues: compiled.issues.map((issue) => ({ ...issue, path: `variants[${index}] "${name}" → ${issue.path}`, pathKeys: ['variants', index, 'set'] })) };
  if (base.ok && compiled.plan.months !== base.plan.months) {
    return { ok: false, issues: [{ path: formatPath(['variants', index, 'set']), pathKeys: ['variants', index, 'set'], message: `variant "${name}" changes the horizon; variants are compared month by month`, fix: 'keep `months` and `start` as in the baseline', severity: 'error' }] };
  }
  return { ok: true, variant: { ...variant, plan: compiled.plan } };
}

/**
 * Compiles the baseline and its variants' scenarios (prepare.ts's last step, and a worker's part
 * of a job), reporting every issue: the baseline's, then each entry's in order.
 */
export function compileForecast(scenario: Scenario, entries: readonly VariantEntry[], reference: ReferenceData, parse: FormulaParser): Prepared {
  const base = compileScenario(scenario, reference, parse);
  const issues: ScenarioIssue[] = base.ok ? [] : [...base.issues];
  const variants: PreparedForecast['variants'] = [];
  for (const entry of entries) {
    if ('issues' in entry) {
      issues.push(...entry.issues);
      continue;
    }
    const compiled = compileVariant(entry, base, reference, parse);
    if (compiled.ok) variants.push(compiled.variant);
    else issues.push(...compiled.issues);
  }
  if (!base.ok || issues.length) return { ok: false, issues };
  return { ok: true, prepared: { plan: base.plan, variants } };
}
