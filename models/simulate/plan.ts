/**
 * Compiles a validated scenario into a SimulationPlan, reporting every problem that needs
 * the whole scenario at once: formula errors, unknown names, cycles (every member named),
 * bad distribution parameters, unknown GPUs and models, missing history.
 */
import { compileFormula } from '../formula/compile.ts';
import { orderByDependencies } from '../formula/graph.ts';
import type { FormulaError, ParsedFormula } from '../formula/parse.ts';
import { fromRange, validateDistribution, type Distribution } from '../random/distributions.ts';
import { fitTrend } from '../drivers/trend.ts';
import { closestName, formatPath, type ScenarioIssue } from '../scenario/issues.ts';
import type { DriverSpec, Scenario, UncertainNumber, WorkloadSpec } from '../scenario/schema.ts';
import type { CompiledWorkload, CorrelationGroup, GpuPrice, PlanNode, SimulationPlan, VectorNode } from './plan-types.ts';
import type { ReferenceData } from './reference-data.ts';
import { addMonths, monthIndex } from './months.ts';
import { workloadFieldDefaults } from '../workloads/fields.ts';

export type PlanOutcome = { ok: true; plan: SimulationPlan } | { ok: false; issues: ScenarioIssue[] };

/**
 * Turns formula text into a tree. Injected so that worker threads can compile a plan from
 * trees the main thread parsed, without loading the formula parser's library themselves.
 */
export type FormulaParser = (text: string) => ParsedFormula | FormulaError;

/** A value to compile: its name, where it sits in the file, and its driver spec. */
interface Entry {
  name: string;
  path: PropertyKey[];
  spec: DriverSpec;
  reported: boolean;
  /** Filled while compiling. */
  references: string[];
  build?: (slotOf: (name: string) => number) => VectorNode;
  uncertain: boolean;
}

const RESERVED = new Set(['month']);

function distributionOf(spec: Exclude<DriverSpec, number | string>): { distribution: Distribution; per: 'trial' | 'month'; min?: number; max?: number } | null {
  const bounds = (s: { min?: number | undefined; max?: number | undefined }) => ({
    ...(s.min !== undefined ? { min: s.min } : {}),
    ...(s.max !== undefined ? { max: s.max } : {}),
  });
  if ('p10' in spec && !('dist' in spec)) return { distribution: fromRange(spec.p10, spec.p90, 0.8), per: spec.per ?? 'trial', ...bounds(spec) };
  if ('p5' in spec) return { distribution: fromRange(spec.p5, spec.p95, 0.9), per: spec.per ?? 'trial', ...bounds(spec) };
  if (!('dist' in spec)) return null;
  const per = spec.per ?? 'trial';
  switch (spec.dist) {
    case 'normal':
      return { distribution: { kind: 'normal', mean: spec.mean, sd: spec.sd }, per, ...bounds(spec) };
    case 'lognormal':
      return { distribution: fromRange(spec.p10, spec.p90, 0.8), per, ...bounds(spec) };
    case 'uniform':
      return { distribution: { kind: 'uniform', min: spec.min, max: spec.max }, per };
    case 'triangular':
      return { distribution: { kind: 'triangular', min: spec.min, mode: spec.mode, max: spec.max }, per };
    case 'pert':
      return { distribution: { kind: 'pert', min: spec.min, mode: spec.mode, max: spec.max, lambda: spec.lambda ?? 4 }, per };
    case 'beta':
      return { distribution: { kind: 'beta', alpha: spec.alpha, beta: spec.beta }, per, ...bounds(spec) };
    case 'gamma':
      return { distribution: { kind: 'gamma', shape: spec.shape, scale: spec.scale }, per, ...bounds(spec) };
    case 'poisson':
      return { distribution: { kind: 'poisson', mean: spec.mean }, per, ...bounds(spec) };
    case 'bernoulli':
      return { distribution: { kind: 'bernoulli', p: spec.p }, per };
    case 'discrete':
      return {
        distribution: { kind: 'discrete', values: spec.values, weights: spec.weights ?? spec.values.map(() => 1) },
        per,
        ...bounds(spec),
      };
  }
}

function rangeIssue(spec: Exclude<DriverSpec, number | string>): string | null {
  if ('p10' in spec && !('dist' in spec) && !(spec.p10 < spec.p90)) return `p10 (${spec.p10}) must be below p90 (${spec.p90})`;
  if ('p5' in spec && !(spec.p5 < spec.p95)) return `p5 (${spec.p5}) must be below p95 (${spec.p95})`;
  if ('dist' in spec && spec.dist === 'lognormal' && !(spec.p10 < spec.p90)) return `p10 (${spec.p10}) must be below p90 (${spec.p90})`;
  if ('dist' in spec && spec.dist === 'discrete' && spec.weights && spec.weights.length !== spec.values.length) {
    return `weights has ${spec.weights.length} entries but values has ${spec.values.length}`;
  }
  if ('min' in spec && 'max' in spec && spec.min !== undefined && spec.max !== undefined && spec.min > spec.max) {
    return `min (${spec.min}) is above max (${spec.max})`;
  }
  return null;
}

/** Compiles the scenario against the reference data; all issues are reported together. */
export function compileScenario(scenario: Scenario, reference: ReferenceData, parseFormula: FormulaParser): PlanOutcome {
  const issues: ScenarioIssue[] = [];
  const warnings: string[] = [];
  const issue = (path: PropertyKey[], message: string, fix?: string) =>
    issues.push({ path: formatPath(path), pathKeys: path, message, severity: 'error', ...(fix ? { fix } : {}) });

  const months = scenario.months;
  const startIndex = monthIndex(scenario.start);
  const monthLabels = Array.from({ length: months }, (_, m) => addMonths(scenario.start, m));
  const entries = new Map<string, Entry>();

  const addEntry = (name: string, path: PropertyKey[], spec: DriverSpec, reported: boolean) => {
    entries.set(name, { name, path, spec, reported, references: [], uncertain: false });
  };

  for (const [name, spec] of Object.entries(scenario.drivers ?? {})) {
    if (RESERVED.has(name)) issue(['drivers', name], '`month` is reserved (the month index inside formulas)', 'rename the driver');
    else addEntry(name, ['drivers', name], spec, true);
  }
  const driverNames = [...entries.keys()];

  // Values inside workloads become anonymous entries named `<workload id>.<field>`.
  const workloadIds = new Set<string>();
  const workloadFieldSlots: Record<string, string>[] = [];
  scenario.workloads.forEach((workload, index) => {
    if (workloadIds.has(workload.id)) issue(['workloads', index, 'id'], `duplicate workload id "${workload.id}"`, 'give every workload its own id');
    workloadIds.add(workload.id);
    const fields: Record<string, string> = {};
    for (const [field, spec, path] of workloadFields(workload, index, reference, scenario.pricing?.provider, issue)) {
      const name = `${workload.id}.${field}`;
      addEntry(name, path, spec, typeof spec === 'object');
      fields[field] = name;
    }
    workloadFieldSlots.push(fields);
  });

  // Value and unit denominators are drivers too.
  if (scenario.value) addEntry('value.monthly', ['value', 'monthly'], scenario.value.monthly, false);
  for (const [unit, spec] of Object.entries(scenario.units ?? {})) {
    const count = typeof spec === 'object' && 'count' in spec ? spec.count : (spec as DriverSpec);
    addEntry(`units.${unit}`, typeof spec === 'object' && 'count' in spec ? ['units', unit, 'count'] : ['units', unit], count, false);
  }

  // Spot pricing parameters may be uncertain, so they are drivers too.
  const spotSpec = scenario.pricing?.spot;
  if (spotSpec) {
    addEntry('spot.interruptionOverhead', ['pricing', 'spot', 'interruptionOverhead'], spotSpec.interruptionOverhead ?? 0, true);
    addEntry('spot.availability', ['pricing', 'spot', 'availability'], spotSpec.availability ?? 1, true);
  }

  // Growth paths are built from two uncertain numbers each.
  for (const entry of [...entries.values()]) {
    const spec = entry.spec;
    if (typeof spec === 'object' && 'growth' in spec) {
      const g = spec.growth;
      const parts: [string, UncertainNumber][] = [
        ['start', g.start],
        ['rate', g.rate],
      ];
      for (const [part, partSpec] of parts) {
        const partName = `${entry.name}.${part}`;
        addEntry(partName, [...entry.path, 'growth', part], partSpec, entry.reported && typeof partSpec === 'object');
        const partEntry = entries.get(partName)!;
        if (typeof partSpec === 'object' && partSpec.per === 'month') {
          issue([...entry.path, 'growth', part, 'per'], `a growth ${part} is drawn once per trial`, 'remove "per": "month" (use volatility for month-to-month noise)');
        }
        void partEntry;
      }
    }
  }

  const allNames = [...entries.keys()];
  for (const entry of entries.values()) compileEntry(entry);

  function compileEntry(entry: Entry): void {
    const { spec, path } = entry;
    if (typeof spec === 'number') {
      entry.build = () => ({ kind: 'constant', value: spec });
      return;
    }
    if (typeof spec === 'string') {
      const parsed = parseFormula(spec);
      if (!('ast' in parsed)) {
        issue(path, `formula error: ${parsed.message}${parsed.position !== undefined ? ` (at character ${parsed.position + 1})` : ''}`, parsed.fix);
        return;
      }
      const unknown = parsed.references.filter((ref) => !RESERVED.has(ref) && !driverNames.includes(ref));
      for (const ref of unknown) {
        const suggestion = closestName(ref, driverNames);
        issue(path, `unknown name \`${ref}\` in formula "${spec}"`, suggestion ? `did you mean \`${suggestion}\`?` : `define a driver named ${ref} or use one of: ${driverNames.join(', ') || '(no drivers yet)'}, month`);
      }
      if (unknown.length) return;
      entry.references = parsed.references.filter((ref) => !RESERVED.has(ref));
      const usesMonth = parsed.references.includes('month');
      if (usesMonth) entry.references.push('month');
      const ast = parsed.ast;
      entry.build = (slotOf) => ({ kind: 'formula', kernel: compileFormula(ast, slotOf), inputs: parsed.references.map(slotOf), ...(ast.kind === 'ref' ? { sameAs: slotOf(ast.name) } : {}) });
      return;
    }
    if ('series' in spec) {
      const values = new Float64Array(months);
      for (let m = 0; m < months; m++) values[m] = spec.series[Math.min(m, spec.series.length - 1)]!;
      if (spec.series.length > months) warnings.push(`${formatPath(path)}: series has ${spec.series.length} values for ${months} months; the extra values are ignored`);
      entry.build = () => ({ kind: 'series', values });
      return;
    }
    if ('growth' in spec) {
      entry.references = [`${entry.name}.start`, `${entry.name}.rate`];
      const { volatility, cap } = spec.growth;
      entry.uncertain = typeof spec.growth.start === 'object' || typeof spec.growth.rate === 'object' || (volatility ?? 0) > 0;
      entry.build = (slotOf) => ({
        kind: 'growth',
        start: slotOf(`${entry.name}.start`),
        rate: slotOf(`${entry.name}.rate`),
        volatility: volatility ?? 0,
        ...(cap !== undefined ? { cap } : {}),
      });
      return;
    }
    if ('trend' in spec) {
      const seriesName = spec.trend.history;
      const history = scenario.history?.[seriesName];
      if (!history) {
        const suggestion = closestName(seriesName, Object.keys(scenario.history ?? {}));
        issue([...path, 'trend', 'history'], `no history series named "${seriesName}"`, suggestion ? `did you mean "${suggestion}"?` : 'add it under "history" (or import it in the Data view)');
        return;
      }
      const keys = Object.keys(history).sort();
      const first = monthIndex(keys[0]!);
      const last = monthIndex(keys[keys.length - 1]!);
      const missing = [];
      for (let m = first; m <= last; m++) if (!(addMonths(keys[0]!, m - first) in history)) missing.push(addMonths(keys[0]!, m - first));
      if (missing.length) {
        issue(['history', seriesName], `history "${seriesName}" has gaps: ${missing.slice(0, 6).join(', ')}${missing.length > 6 ? ', …' : ''}`, 'fill the missing months (a trend needs consecutive months)');
        return;
      }
      const firstStep = startIndex - last;
      if (firstStep < 1) {
        issue([...path, 'trend'], `history "${seriesName}" runs to ${keys[keys.length - 1]}, which is not before the forecast start ${scenario.start}`, 'start the forecast after the last history month, or trim the history');
        return;
      }
      const fit = fitTrend(keys.map((k) => history[k]!), spec.trend.model ?? 'auto');
      if (!('model' in fit)) {
        issue([...path, 'trend'], fit.message, 'fix' in fit && typeof fit.fix === 'string' ? fit.fix : undefined);
        return;
      }
      entry.uncertain = true;
      entry.build = () => ({ kind: 'trend', fit, firstStep });
      return;
    }
    const problem = rangeIssue(spec);
    if (problem) {
      issue(path, problem);
      return;
    }
    const sampled = distributionOf(spec);
    if (!sampled) {
      issue(path, 'not a driver form this version understands');
      return;
    }
    const invalid = validateDistribution(sampled.distribution);
    if (invalid) {
      issue(path, invalid);
      return;
    }
    entry.uncertain = true;
    entry.build = () => ({ kind: 'uncertain', ...sampled });
  }

  // Order: dependencies first. Cycles are reported with every member named.
  const deps = new Map<string, string[]>();
  deps.set('month', []);
  for (const name of allNames) deps.set(name, entries.get(name)!.references);
  const ordered = orderByDependencies(deps);
  if ('cycles' in ordered) {
    for (const cycle of ordered.cycles) {
      const first = entries.get(cycle[0]!);
      issue(first?.path ?? ['drivers'], `formulas refer to each other in a circle: ${[...cycle, cycle[0]].join(' → ')}`, 'break the circle: one of these must not depend on the others');
    }
  }

  // Workload ids in spot and unit lists must exist.
  const spotIds = new Set(scenario.pricing?.spot?.workloads ?? []);
  scenario.pricing?.spot?.workloads.forEach((id, i) => {
    if (!workloadIds.has(id)) issue(['pricing', 'spot', 'workloads', i], `no workload with id "${id}"`, hint(id, workloadIds));
  });
  for (const [unit, spec] of Object.entries(scenario.units ?? {})) {
    if (typeof spec === 'object' && 'count' in spec) {
      spec.workloads?.forEach((id, i) => {
        if (!workloadIds.has(id)) issue(['units', unit, 'workloads', i], `no workload with id "${id}"`, hint(id, workloadIds));
      });
    }
  }
  const budgetMonthly = scenario.budget?.monthly;
  if (Array.isArray(budgetMonthly) && budgetMonthly.length !== months) {
    issue(['budget', 'monthly'], `has ${budgetMonthly.length} values for a ${months}-month horizon`, `give one value per month (${months}), or a single number for every month`);
  }
  scenario.budget?.byTag?.forEach((tagBudget, i) => {
    if (Array.isArray(tagBudget.monthly) && tagBudget.monthly.length !== months) {
      issue(['budget', 'byTag', i, 'monthly'], `has ${tagBudget.monthly.length} values for a ${months}-month horizon`, `give one value per month (${months}), or a single number for every month`);
    }
    const carried = scenario.workloads.some((w) => ({ ...(scenario.tags ?? {}), ...(w.tags ?? {}) })[tagBudget.tag] === tagBudget.value);
    if (!carried) warnings.push(`${formatPath(['budget', 'byTag', i])}: no workload carries the tag ${tagBudget.tag}=${tagBudget.value}, so this budget sees no spend`);
  });

  // GPU prices for every GPU type used.
  const gpuPrices: Record<string, GpuPrice> = {};
  scenario.workloads.forEach((workload, index) => {
    if (!('gpu' in workload)) return;
    const gpu = workload.gpu;
    if (gpuPrices[gpu]) return;
    const override = scenario.pricing?.gpuPrices?.[gpu];
    const catalog = reference.gpuPrice(gpu, scenario.pricing?.provider, scenario.pricing?.region);
    if (override) {
      gpuPrices[gpu] = {
        onDemand: override.onDemand,
        committed1y: override.committed1y ?? catalog?.committed1y ?? null,
        committed3y: override.committed3y ?? catalog?.committed3y ?? null,
        spot: override.spot ?? catalog?.spot ?? null,
        source: 'pricing.gpuPrices in the scenario',
      };
    } else if (catalog) {
      gpuPrices[gpu] = catalog;
    } else {
      issue(['workloads', index, 'gpu'], `no price for GPU "${gpu}"${scenario.pricing?.provider ? ` at ${scenario.pricing.provider}` : ''}`, `add "pricing": { "gpuPrices": { "${gpu}": { "onDemand": … } } } or pick a GPU from \`costcast prices\``);
    }
  });

  // Correlations: only between uncertain drivers drawn once per trial.
  const correlations: CorrelationGroup[] = [];
  const pairs = scenario.correlations ?? [];
  const correlatable = (name: string): string | null => {
    const entry = entries.get(name);
    if (!entry) return `no driver named "${name}"`;
    const spec = entry.spec;
    if (typeof spec === 'object' && 'growth' in spec) {
      return typeof spec.growth.rate === 'object' ? null : `"${name}" has a fixed growth rate: nothing to correlate`;
    }
    if (typeof spec !== 'object' || 'series' in spec || 'trend' in spec) return `"${name}" is not uncertain: only ranges, distributions and growth rates can be correlated`;
    if ('per' in spec && spec.per === 'month') return `"${name}" is redrawn every month; correlations apply to values drawn once per trial`;
    return null;
  };
  const sampledName = (name: string) => {
    const spec = entries.get(name)?.spec;
    return typeof spec === 'object' && 'growth' in spec ? `${name}.rate` : name;
  };
  pairs.forEach((pair, i) => {
    pair.drivers.forEach((name, j) => {
      const problem = correlatable(name);
      if (problem) issue(['correlations', i, 'drivers', j], problem);
    });
    if (pair.drivers[0] === pair.drivers[1]) issue(['correlations', i, 'drivers'], 'a driver cannot be correlated with itself');
  });

  if (issues.length) return { ok: false, issues };

  // Assign slots in dependency order and build the nodes.
  const order = 'order' in ordered ? ordered.order : [];
  const slotByName = new Map<string, number>();
  order.forEach((name, slot) => slotByName.set(name, slot));
  const slotOf = (name: string) => {
    const slot = slotByName.get(name);
    if (slot === undefined) throw new Error(`internal: no slot for ${name}`);
    return slot;
  };
  const nodes: PlanNode[] = order.map((name, slot) => {
    if (name === 'month') return { name, slot, node: { kind: 'month' }, uncertain: false, reported: false };
    const entry = entries.get(name)!;
    const node = entry.build!(slotOf);
    return { name, slot, node, uncertain: entry.uncertain, reported: entry.reported && entry.uncertain };
  });
  // Formulas over uncertain inputs are uncertain too.
  for (const planNode of nodes) {
    if (planNode.node.kind === 'formula') {
      planNode.uncertain = planNode.node.inputs.some((slot) => nodes[slot]!.uncertain);
      planNode.reported = false;
    }
  }

  // Group correlated pairs into connected components, one Iman–Conover rearrangement each.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  for (const pair of pairs) {
    for (const name of pair.drivers) if (!parent.has(sampledName(name))) parent.set(sampledName(name), sampledName(name));
    parent.set(find(sampledName(pair.drivers[0])), find(sampledName(pair.drivers[1])));
  }
  const groups = new Map<string, string[]>();
  for (const name of parent.keys()) {
    const root = find(name);
    groups.set(root, [...(groups.get(root) ?? []), name]);
  }
  for (const members of groups.values()) {
    const target: number[][] = members.map((a) => members.map((b) => (a === b ? 1 : 0)));
    for (const pair of pairs) {
      const i = members.indexOf(sampledName(pair.drivers[0]));
      const j = members.indexOf(sampledName(pair.drivers[1]));
      if (i >= 0 && j >= 0) {
        target[i]![j] = pair.rank;
        target[j]![i] = pair.rank;
      }
    }
    correlations.push({ slots: members.map(slotOf), target, key: `correlation:${members.join(',')}` });
  }

  const workloads: CompiledWorkload[] = scenario.workloads.map((spec, index) => {
    const fields: Record<string, number> = {};
    for (const [field, name] of Object.entries(workloadFieldSlots[index]!)) fields[field] = slotOf(name);
    const compiled: CompiledWorkload = {
      spec,
      index,
      fields,
      onSpot: spotIds.has(spec.id),
      tags: { ...(scenario.tags ?? {}), ...(spec.tags ?? {}) },
    };
    if ('gpu' in spec) {
      const facts = reference.gpu(spec.gpu);
      compiled.gpu = spec.gpu;
      if (facts) {
        compiled.peakTflops = facts.peakTflops;
        compiled.gpuKw = facts.watts / 1000;
      }
    }
    // The long-context tier comes with the catalog's prices; an explicit price has no tiers.
    if (spec.type === 'llm-api' && spec.model && !spec.price) {
      const longContext = reference.llmModel(spec.model)?.longContext;
      if (longContext) compiled.longContext = longContext;
    }
    return compiled;
  });

  // Carbon uses the scenario's region, or the one its first GPU's price came from.
  const firstGpu = Object.keys(gpuPrices)[0];
  const resolved = firstGpu ? reference.gpuPrice(firstGpu, scenario.pricing?.provider, scenario.pricing?.region) : undefined;
  const provider = scenario.pricing?.provider ?? resolved?.provider;
  const region = scenario.pricing?.region ?? resolved?.region;
  const regionFacts = provider && region ? reference.region(provider, region) : undefined;

  const unitEntries = Object.entries(scenario.units ?? {}).map(([unit, spec]) => {
    const isObject = typeof spec === 'object' && 'count' in spec;
    const ids = isObject ? spec.workloads : undefined;
    return {
      name: unit,
      slot: slotOf(`units.${unit}`),
      per: isObject ? (spec.per ?? 1) : 1,
      workloads: ids ? ids.map((id) => scenario.workloads.findIndex((w) => w.id === id)) : scenario.workloads.map((_, i) => i),
    };
  });

  return {
    ok: true,
    plan: {
      scenario,
      months,
      monthLabels,
      nodes,
      workloads,
      correlations,
      gpuPrices,
      carbon: regionFacts && provider && region ? { kgPerKwh: regionFacts.kgPerKwh, pue: regionFacts.pue, region: `${provider}/${region}` } : null,
      valueSlot: scenario.value ? slotOf('value.monthly') : null,
      spot: spotSpec ? { overheadSlot: slotOf('spot.interruptionOverhead'), availabilitySlot: slotOf('spot.availability') } : null,
      units: unitEntries,
      warnings,
    },
  };
}

function hint(id: string, ids: Set<string>): string {
  const suggestion = closestName(id, ids);
  return suggestion ? `did you mean "${suggestion}"?` : `workload ids are: ${[...ids].join(', ')}`;
}

/**
 * The numeric fields of a workload with their specs (defaults filled in), checking the
 * catalog references (GPU, model) on the way.
 */
function workloadFields(
  workload: WorkloadSpec,
  index: number,
  reference: ReferenceData,
  provider: string | undefined,
  issue: (path: PropertyKey[], message: string, fix?: string) => void,
): [string, DriverSpec, PropertyKey[]][] {
  const at = (...rest: PropertyKey[]): PropertyKey[] => ['workloads', index, ...rest];
  const out: [string, DriverSpec, PropertyKey[]][] = [];
  const defaults = workloadFieldDefaults[workload.type];
  const record = workload as unknown as Record<string, unknown>;
  for (const [field, fallback] of Object.entries(defaults)) {
    const given = record[field] as DriverSpec | undefined;
    if (given !== undefined) out.push([field, given, at(field)]);
    else if (fallback !== undefined) out.push([field, fallback, at(field)]);
  }
  if ('gpu' in workload && !reference.gpu(workload.gpu)) {
    const suggestion = closestName(workload.gpu, reference.gpuIds());
    issue(at('gpu'), `unknown GPU "${workload.gpu}"`, suggestion ? `did you mean "${suggestion}"?` : `known GPUs: ${reference.gpuIds().join(', ')}`);
  }
  switch (workload.type) {
    case 'llm-api': {
      const catalog = workload.model ? reference.llmModel(workload.model) : undefined;
      if (workload.model && !catalog && !workload.price) {
        const suggestion = closestName(workload.model, reference.llmModelIds());
        issue(at('model'), `unknown model "${workload.model}"`, suggestion ? `did you mean "${suggestion}"?` : `give "price": { "input": …, "output": … } or use a catalog model (costcast prices)`);
      }
      if (!workload.model && !workload.price) issue(at(), 'an llm-api workload needs `model` (a catalog id) or `price`', 'add "model": "gpt-4o" or "price": { "input": 2.5, "output": 10 }');
      const price = workload.price;
      const input = price?.input ?? catalog?.input ?? 0;
      out.push(['price.input', input, price ? at('price', 'input') : at('model')]);
      out.push(['price.output', price?.output ?? catalog?.output ?? 0, price ? at('price', 'output') : at('model')]);
      out.push(['price.cachedInput', price?.cachedInput ?? catalog?.cachedInput ?? input, price?.cachedInput !== undefined ? at('price', 'cachedInput') : at('model')]);
      out.push(['price.batchDiscount', price?.batchDiscount ?? catalog?.batchDiscount ?? 0.5, price?.batchDiscount !== undefined ? at('price', 'batchDiscount') : at('model')]);
      break;
    }
    case 'training': {
      const direct = workload.gpuHoursPerRun !== undefined;
      const flops = workload.paramsB !== undefined && workload.tokensB !== undefined && workload.mfu !== undefined;
      if (!direct && !flops) issue(at(), 'a training workload needs `gpuHoursPerRun`, or `paramsB`, `tokensB` and `mfu`', 'add "gpuHoursPerRun": … or the three model-size fields');
      if (direct && (workload.paramsB !== undefined || workload.tokensB !== undefined)) issue(at('gpuHoursPerRun'), 'give either `gpuHoursPerRun` or `paramsB`/`tokensB`/`mfu`, not both');
      break;
    }
    case 'experiments':
      workload.stages.forEach((stage, k) => {
        if (k === 0 && stage.runsPerMonth === undefined) issue(at('stages', 0, 'runsPerMonth'), 'the first stage needs `runsPerMonth`');
        if (k > 0 && stage.runsPerMonth !== undefined) issue(at('stages', k, 'runsPerMonth'), 'only the first stage takes `runsPerMonth`; later stages get the runs that pass the stage before', 'remove it, or set the previous stage\'s passRate');
        if (k === 0 && stage.runsPerMonth !== undefined) out.push([`stages.${k}.runsPerMonth`, stage.runsPerMonth, at('stages', k, 'runsPerMonth')]);
        out.push([`stages.${k}.gpuHoursPerRun`, stage.gpuHoursPerRun, at('stages', k, 'gpuHoursPerRun')]);
        out.push([`stages.${k}.passRate`, stage.passRate ?? 1, at('stages', k, 'passRate')]);
      });
      break;
    case 'storage': {
      const storage = reference.storagePrice(provider);
      const missing = (field: string) =>
        issue(at(field), `no catalog storage price${provider ? ` for ${provider}` : ''}`, `give "${field}" in the workload, or set pricing.provider to one of ${reference.providers().join(', ')}`);
      if (workload.pricePerTbMonth === undefined) {
        if (storage) out.push(['pricePerTbMonth', storage.perTbMonth, at('pricePerTbMonth')]);
        else missing('pricePerTbMonth');
      }
      if (workload.egressPricePerTb === undefined && workload.egressTb !== undefined) {
        if (storage) out.push(['egressPricePerTb', storage.egressPerTb, at('egressPricePerTb')]);
        else missing('egressPricePerTb');
      }
      break;
    }
    default:
      break;
  }
  return out;
}
