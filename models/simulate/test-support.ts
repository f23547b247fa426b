/**
 * Test support: build a scenario from a partial document and run it with the real engine.
 * (Used by tests only; kept in models/ so engine tests need nothing outside the engine.)
 */
import { bundledReference } from '../pricing/reference.ts';
import { validateDocument } from '../scenario/validate.ts';
import type { Scenario } from '../scenario/schema.ts';
import { runForecast, simulate, type ForecastOptions } from './run.ts';
import type { ForecastResult } from './result.ts';

/** A valid scenario document with the given fields over a 12-month default. */
export function scenarioDocument(fields: Record<string, unknown>): Record<string, unknown> {
  return { format: 'costcast/scenario', version: 1, name: 'test', currency: 'USD', start: '2027-01', months: 12, ...fields };
}

/** Validates a document, failing loudly with the issues when it is invalid. */
export function scenarioOf(fields: Record<string, unknown>): Scenario {
  const validated = validateDocument(scenarioDocument(fields));
  if (!validated.ok) throw new Error(validated.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return validated.scenario;
}

/** Runs a scenario document with the bundled catalog. */
export function forecastOf(fields: Record<string, unknown>, options: Partial<ForecastOptions> = {}): Promise<ForecastResult> {
  return runForecast(scenarioOf(fields), { reference: bundledReference, ...options });
}

/** Simulates a scenario document (per-trial series available). */
export function simulationOf(fields: Record<string, unknown>, options: Partial<ForecastOptions> = {}) {
  return simulate(scenarioOf(fields), { reference: bundledReference, ...options });
}

/** The type-7 quantile (p in [0, 1]) from a full sort: the reference the engine's selection is checked against. */
export function sortedQuantile(values: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(values).sort();
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!);
}
