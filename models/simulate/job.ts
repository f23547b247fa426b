/**
 * A run as a message: the scenario, the settings and the formulas the main thread parsed, so a
 * worker compiles the same plan without loading the formula parser's library.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { FormulaParser } from './plan.ts';
import { parsedFormulaLookup, prepareForecast, type PreparedForecast } from './prepare.ts';
import type { ReferenceData } from './reference-data.ts';
import type { RunSettings } from './run-chunk.ts';

/** What an executor needs to rebuild the plan anywhere: the scenario and its parsed formulas. */
export interface ChunkJob {
  scenario: Scenario;
  settings: RunSettings;
  formulas: Record<string, ReturnType<FormulaParser>>;
}

/** Compiles a job's plan from its pre-parsed formulas (what a worker does once per job). */
export function prepareJob(job: ChunkJob, reference: ReferenceData): PreparedForecast {
  const prepared = prepareForecast(job.scenario, reference, parsedFormulaLookup(job.formulas));
  if (!prepared.ok) throw new Error(prepared.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return prepared.prepared;
}
