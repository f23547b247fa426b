/**
 * Everything the engine says about the open document, computed once per document object:
 * structural problems (zod), then the compile problems (formulas, names, cycles, catalog ids),
 * each with its path so the editor can show it beside the field. A document with no errors
 * yields the validated Scenario that runs are started from.
 */
import { parseFormula } from '../../models/formula/parse.ts';
import { bundledReference } from '../../models/pricing/reference.ts';
import type { ScenarioIssue } from '../../models/scenario/issues.ts';
import { pointerOf } from '../../models/scenario/json-pointer.ts';
import type { Scenario } from '../../models/scenario/schema.ts';
import { validateDocument } from '../../models/scenario/validate.ts';
import { prepareForecast } from '../../models/simulate/prepare.ts';
import type { ScenarioDocument } from './document-text.ts';

export interface DocumentCheck {
  /** The scenario ready to run, or null while there are errors. */
  scenario: Scenario | null;
  errors: ScenarioIssue[];
  warnings: ScenarioIssue[];
}

const checks = new WeakMap<ScenarioDocument, DocumentCheck>();

export function checkDocument(document: ScenarioDocument): DocumentCheck {
  let check = checks.get(document);
  if (!check) checks.set(document, (check = computeCheck(document)));
  return check;
}

function computeCheck(document: ScenarioDocument): DocumentCheck {
  const validated = validateDocument(document);
  if (!validated.ok) return { scenario: null, errors: validated.issues, warnings: [] };
  const prepared = prepareForecast(validated.scenario, bundledReference, parseFormula);
  if (!prepared.ok) return { scenario: null, errors: withoutVariantEchoes(prepared.issues.filter((i) => i.severity === 'error')), warnings: [...validated.warnings, ...prepared.issues.filter((i) => i.severity !== 'error')] };
  const planWarnings: ScenarioIssue[] = prepared.prepared.plan.warnings.map((message) => ({ path: '', message, severity: 'warning' }));
  return { scenario: validated.scenario, errors: [], warnings: [...validated.warnings, ...planWarnings] };
}

/** `variants[1] "Name" → drivers.x` → `drivers.x`: where a variant's issue sits in the baseline. */
const VARIANT_PATH = /^variants\[\d+\] ".*" → (.*)$/s;

/**
 * Each variant is checked as the baseline with its overrides, so one broken baseline formula comes
 * back once more per variant. Those echoes say nothing new: one problem is one problem to fix.
 */
function withoutVariantEchoes(errors: ScenarioIssue[]): ScenarioIssue[] {
  const baseline = new Set(errors.filter((issue) => !VARIANT_PATH.test(issue.path)).map((issue) => `${issue.path}\n${issue.message}`));
  return errors.filter((issue) => {
    const inBaseline = VARIANT_PATH.exec(issue.path)?.[1];
    return inBaseline === undefined || !baseline.has(`${inBaseline}\n${issue.message}`);
  });
}

/** The JSON pointer of an issue's path, for matching it to the field that shows it. */
export function issuePointer(issue: ScenarioIssue): string | null {
  if (!issue.pathKeys) return null;
  return pointerOf(issue.pathKeys.map((key) => (typeof key === 'number' ? key : String(key))));
}

/** The issues at `pointer` or inside it. */
export function issuesAt(issues: readonly ScenarioIssue[], pointer: string): ScenarioIssue[] {
  return issues.filter((issue) => {
    const at = issuePointer(issue);
    return at !== null && (at === pointer || at.startsWith(`${pointer}/`));
  });
}
