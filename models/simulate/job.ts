/**
 * A run as a message: the scenario, its variants as scenarios of their own (applied and
 * validated by the main thread), the settings and the formulas the main thread parsed, so a
 * worker compiles the same plans without loading the formula parser's or the schema's library.
 */
import type { Scenario } from '../scenario/schema.ts';
import { compileForecast, type PreparedForecast, type VariantScenario } from './compile-forecast.ts';
import type { FormulaParser } from './plan.ts';
import type { ReferenceData } from './reference-data.ts';
import type { RunSettings } from './run-chunk.ts';

/** What an executor needs to rebuild the plans anywhere: the scenarios and their parsed formulas. */
export interface ChunkJob {
  scenario: Scenario;
  variants: VariantScenario[];
  settings: RunSettings;
  formulas: Record<string, ReturnType<FormulaParser>>;
}

/** A job for a prepared forecast (prepare.ts): its variants' scenarios and the formulas `parsed` recorded. */
export function jobOf(scenario: Scenario, prepared: PreparedForecast, settings: RunSettings, formulas: ChunkJob['formulas']): ChunkJob {
  return { scenario, variants: prepared.variants.map(({ name, index, scenario: variant }) => ({ name, index, scenario: variant })), settings, formulas };
}

/** A parser over trees parsed elsewhere (in a worker: by the main thread). */
export function parsedFormulaLookup(parsed: Readonly<Record<string, ReturnType<FormulaParser>>>): FormulaParser {
  return (text) => parsed[text] ?? { message: `formula "${text}" was not parsed before the run` };
}

/** Compiles a job's plans from its pre-parsed formulas (what a worker does once per job). */
export function prepareJob(job: ChunkJob, reference: ReferenceData): PreparedForecast {
  const prepared = compileForecast(job.scenario, job.variants, reference, parsedFormulaLookup(job.formulas));
  if (!prepared.ok) throw new Error(prepared.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return prepared.prepared;
}
