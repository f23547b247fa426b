/** Series the forecast charts draw, picked out of the result (never recomputed). */
import type { Scenario } from '../../../models/scenario/schema.ts';
import type { ForecastResult } from '../../../models/simulate/result.ts';
import type { BreakdownGroup } from '../../charts/breakdown-chart.ts';

/**
 * The monthly budget line, from the engine's cumulative budget, when the budget is given per
 * month; null for a budget over the whole horizon (it has no monthly line).
 */
export function monthlyBudgetLine(scenario: Scenario | null, result: ForecastResult): number[] | null {
  const cumulative = result.budget?.cumulativeBudget;
  if (scenario?.budget?.monthly === undefined || !cumulative) return null;
  return cumulative.map((value, m) => value - (m > 0 ? cumulative[m - 1]! : 0));
}

/** Monthly P50 per workload, or per value of a tag key (chargeback). */
export function breakdownGroups(result: ForecastResult, scenario: Scenario | null, by: string): BreakdownGroup[] {
  if (by === 'workload') {
    const names = new Map(scenario?.workloads.map((w) => [w.id, w.name ?? w.id]) ?? []);
    return Object.entries(result.workloads).map(([id, w]) => ({ name: names.get(id) ?? id, values: w.monthly.map((m) => m.p50) }));
  }
  const groups = result.chargeback?.[by] ?? {};
  return Object.entries(groups).map(([value, g]) => ({ name: value, values: g.monthly.map((m) => m.p50) }));
}
