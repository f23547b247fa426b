/**
 * Renaming a driver across a whole scenario document: the key in `drivers`, every formula that
 * refers to it (in drivers, workload fields, LLM prices, experiment stages, value, units and
 * variant values), the correlations that name it and the variant pointers into it. The document
 * is untrusted JSON as the user holds it (with `x-` keys), so the walk is structural and keeps
 * everything it does not understand exactly as it was.
 */
import { referencesTo, renameReference } from '../formula/rename.ts';
import { workloadFieldDefaults } from '../workloads/fields.ts';
import { pointerKeys, pointerOf, isJsonObject } from './json-pointer.ts';
import { identifierPattern } from './schema.ts';

type Json = unknown;
type Path = readonly (string | number)[];

/** Workload fields that hold a driver (any type), plus the nested LLM price and stage fields. */
const WORKLOAD_DRIVER_FIELDS = new Set(Object.values(workloadFieldDefaults).flatMap((fields) => Object.keys(fields)));
const STAGE_DRIVER_FIELDS = new Set(['runsPerMonth', 'gpuHoursPerRun', 'passRate']);

/** Whether a string at `path` is a formula (a driver written as text). */
export function isFormulaPath(path: Path): boolean {
  const [head, a, b, c, d] = path;
  switch (head) {
    case 'drivers':
      return path.length === 2;
    case 'workloads':
      if (path.length === 3) return WORKLOAD_DRIVER_FIELDS.has(String(b));
      if (path.length === 4) return b === 'price';
      return path.length === 5 && b === 'stages' && typeof c === 'number' && STAGE_DRIVER_FIELDS.has(String(d));
    case 'value':
      return path.length === 2 && a === 'monthly';
    case 'units':
      return path.length === 2 || (path.length === 3 && b === 'count');
    default:
      return false;
  }
}


/** Maps every formula string of `value` (which sits at `path`); all else is copied as is. */
function mapFormulasAt(value: Json, path: Path, fn: (text: string, path: Path) => string): Json {
  if (typeof value === 'string') return isFormulaPath(path) ? fn(value, path) : value;
  if (Array.isArray(value)) return value.map((item, i) => mapFormulasAt(item, [...path, i], fn));
  if (!isJsonObject(value)) return value;
  const out: Record<string, Json> = {};
  for (const [key, inner] of Object.entries(value)) {
    // Variant values sit at the path their pointer names, not under `variants`.
    if (path.length === 3 && path[0] === 'variants' && path[2] === 'set') {
      out[key] = mapPointerValue(key, inner, fn);
    } else {
      out[key] = key.startsWith('x-') ? inner : mapFormulasAt(inner, [...path, key], fn);
    }
  }
  return out;
}

function mapPointerValue(pointer: string, value: Json, fn: (text: string, path: Path) => string): Json {
  let keys: (string | number)[];
  try {
    keys = pointerKeys(pointer).map((key) => (/^\d+$/.test(key) ? Number(key) : key));
  } catch {
    return value; // not a pointer: validation reports it; leave it alone
  }
  return mapFormulasAt(value, keys, fn);
}

/** Calls `visit` with every formula of the document and where it is. */
export function forEachFormula(document: Json, visit: (text: string, path: Path) => void): void {
  mapFormulasAt(document, [], (text, path) => {
    visit(text, path);
    return text;
  });
}

/** Whether formula `text` refers to the driver `name` (function names excluded). */
export function formulaRefersTo(text: string, name: string): boolean {
  return referencesTo(text, name).length > 0;
}

/** The paths of the formulas that use driver `name`, as JSON pointers. */
export function driverUsages(document: Json, name: string): string[] {
  const usages: string[] = [];
  forEachFormula(document, (text, path) => {
    if (formulaRefersTo(text, name)) usages.push(pointerOf(path));
  });
  return usages;
}

export type RenameOutcome = { ok: true; document: Json } | { ok: false; message: string };

/** The document with driver `from` renamed to `to` everywhere it is named. */
export function renameDriver(document: Json, from: string, to: string): RenameOutcome {
  if (!isJsonObject(document) || !isJsonObject(document.drivers) || !(from in document.drivers)) return { ok: false, message: `there is no driver "${from}"` };
  if (from === to) return { ok: true, document };
  if (!identifierPattern.test(to)) return { ok: false, message: `"${to}" is not a valid driver name: use lower-case letters, digits and _, starting with a letter or _` };
  if (to in document.drivers) return { ok: false, message: `a driver named "${to}" already exists` };
  let renamed: Json;
  try {
    renamed = mapFormulasAt(document, [], (text) => renameReference(text, from, to));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const out = renamed as Record<string, Json>;
  // The key itself, keeping the drivers' order.
  out.drivers = Object.fromEntries(Object.entries(out.drivers as Record<string, Json>).map(([key, value]) => [key === from ? to : key, value]));
  if (Array.isArray(out.correlations)) {
    out.correlations = out.correlations.map((entry) =>
      isJsonObject(entry) && Array.isArray(entry.drivers) ? { ...entry, drivers: entry.drivers.map((name) => (name === from ? to : name)) } : entry,
    );
  }
  if (Array.isArray(out.variants)) {
    const prefix = `/drivers/${from}`;
    out.variants = out.variants.map((variant) => {
      if (!isJsonObject(variant) || !isJsonObject(variant.set)) return variant;
      const set = Object.fromEntries(
        Object.entries(variant.set).map(([pointer, value]) => [pointer === prefix || pointer.startsWith(`${prefix}/`) ? `/drivers/${to}${pointer.slice(prefix.length)}` : pointer, value]),
      );
      return { ...variant, set };
    });
  }
  return { ok: true, document: out };
}

/** The document with workload id `from` renamed to `to`, in the workload and where ids are listed (spot workloads, unit workloads). */
export function renameWorkloadId(document: Json, from: string, to: string): RenameOutcome {
  if (!isJsonObject(document) || !Array.isArray(document.workloads)) return { ok: false, message: 'the scenario has no workloads' };
  const ids = document.workloads.map((w) => (isJsonObject(w) ? w.id : undefined));
  if (!ids.includes(from)) return { ok: false, message: `there is no workload "${from}"` };
  if (from === to) return { ok: true, document };
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(to)) return { ok: false, message: `"${to}" is not a valid workload id: use letters, digits, _, . and -` };
  if (ids.includes(to)) return { ok: false, message: `a workload with id "${to}" already exists` };
  const swap = (list: Json) => (Array.isArray(list) ? list.map((id) => (id === from ? to : id)) : list);
  const out: Record<string, Json> = { ...document, workloads: document.workloads.map((w) => (isJsonObject(w) && w.id === from ? { ...w, id: to } : w)) };
  if (isJsonObject(out.pricing) && isJsonObject(out.pricing.spot)) out.pricing = { ...out.pricing, spot: { ...out.pricing.spot, workloads: swap(out.pricing.spot.workloads) } };
  if (isJsonObject(out.units)) {
    out.units = Object.fromEntries(Object.entries(out.units).map(([name, unit]) => [name, isJsonObject(unit) && Array.isArray(unit.workloads) ? { ...unit, workloads: swap(unit.workloads) } : unit]));
  }
  return { ok: true, document: out };
}
