/**
 * "Use as driver": an imported series becomes `history.<name>` and a driver
 * `{ trend: { history, model } }` in one change of the document (one undo step). Pure
 * functions over scenario JSON; the engine then fits the trend as it does for any driver.
 */
import { identifierPattern } from '../../../models/scenario/schema.ts';
import type { TrendModelChoice } from '../../../models/drivers/trend.ts';
import type { ScenarioDocument } from '../../document/document-text.ts';
import { isJsonObject } from '../../../models/scenario/json-pointer.ts';


export interface DriverFromSeries {
  /** Key under `history`. */
  historyName: string;
  /** The months fitted ("YYYY-MM" → value), consecutive. */
  values: Readonly<Record<string, number>>;
  /** A new driver's name, or an existing driver to replace. */
  driverName: string;
  model: TrendModelChoice;
}

/** Why a name cannot be used, or null. */
export function nameProblem(name: string): string | null {
  return identifierPattern.test(name) ? null : 'lower-case letters, digits and _, starting with a letter or _';
}

/** The document with the history added (or replaced) and the driver set to a trend of it. */
export function withDriverFromSeries(document: ScenarioDocument, input: DriverFromSeries): ScenarioDocument {
  const history = isJsonObject(document.history) ? document.history : {};
  const drivers = isJsonObject(document.drivers) ? document.drivers : {};
  const trend = { trend: { history: input.historyName, model: input.model } };
  return {
    ...document,
    history: { ...history, [input.historyName]: { ...input.values } },
    drivers: { ...drivers, [input.driverName]: trend },
  };
}

/** Drivers other than `except` whose trend reads `historyName`: replacing that history changes them too. */
export function otherTrendsOf(document: ScenarioDocument, historyName: string, except: string): string[] {
  const drivers = isJsonObject(document.drivers) ? document.drivers : {};
  return Object.entries(drivers)
    .filter(([name, spec]) => name !== except && isJsonObject(spec) && isJsonObject(spec.trend) && spec.trend.history === historyName)
    .map(([name]) => name);
}

/** A free driver name for a series: the series name, else with _2, _3 … */
export function freeDriverName(document: ScenarioDocument, base: string): string {
  const drivers = isJsonObject(document.drivers) ? document.drivers : {};
  let name = base;
  for (let k = 2; name in drivers; k++) name = `${base}_${k}`;
  return name;
}
