/**
 * The Assumptions sheet: everything the forecast was built from, readable without the app —
 * the run (seed, trials, sampling, catalog as-of), every driver in words and numbers with how
 * often it is drawn and how much it moves the total, correlations, history, every workload
 * field (defaults included), pricing, budget, value, units and variants. All of it is text or
 * plain numbers: nothing here is a formula, so user text (formulas included) stays text.
 */
import { describeDriver, describeNumber, describeUncertain, describeWorkloadFields } from './workbook-describe.ts';
import { SHEET_NAMES, samplingWords, workloadLabel, writeHeader, writeTitle, type BuiltSheet, type WorkbookContext } from './workbook-layout.ts';
import { SheetBuilder } from './workbook-sheet.ts';

/** Builds the Assumptions sheet. */
export function buildAssumptionsSheet(context: WorkbookContext): BuiltSheet {
  const { scenario, result, formats } = context;
  const sheet = new SheetBuilder(SHEET_NAMES.assumptions);
  let row = writeTitle(sheet, `Assumptions — ${scenario.name}`, 'The inputs of the forecast, as written in the scenario file.', 5);

  const section = (title: string) => {
    row++;
    sheet.text(row++, 0, title);
  };
  const pair = (label: string, value: string | number | undefined, format?: string) => {
    sheet.text(row, 0, label);
    if (typeof value === 'number') sheet.number(row, 1, value, format);
    else sheet.text(row, 1, value ?? '—');
    row++;
  };

  section('Run');
  pair('First month', scenario.start);
  pair('Months', result.months.length, formats.count);
  pair('Currency', scenario.currency);
  pair('Trials', result.trials, formats.count);
  pair('Seed', result.seed, '0');
  pair('Sampling', samplingWords(result.sampling));
  pair('Price catalog as of', context.catalogAsOf ?? result.pricing?.asOf ?? 'not used');
  if (context.generatedAt !== undefined) pair('Generated', context.generatedAt);
  if (scenario.tags) pair('Scenario tags', Object.entries(scenario.tags).map(([k, v]) => `${k}: ${v}`).join('; '));

  section('Drivers');
  const correlationOf = new Map(result.sensitivity.map((s) => [s.driver, s.rankCorrelation]));
  writeHeader(sheet, row++, 0, ['Driver', 'Form', 'Definition (words and numbers)', 'Drawn', 'Rank correlation with the total']);
  const drivers = Object.entries(scenario.drivers ?? {});
  for (const [name, spec] of drivers) {
    const description = describeDriver(spec, scenario.history);
    sheet.text(row, 0, name);
    sheet.text(row, 1, description.form);
    sheet.text(row, 2, description.words);
    sheet.text(row, 3, description.drawn);
    const correlation = correlationOf.get(name);
    if (correlation !== undefined && Number.isFinite(correlation)) sheet.number(row, 4, correlation, formats.decimal2);
    row++;
  }
  if (drivers.length === 0) sheet.text(row++, 0, 'No named drivers: workload fields hold their values directly.');

  if (scenario.correlations?.length) {
    section('Correlations (target Spearman rank correlation)');
    writeHeader(sheet, row++, 0, ['Driver', 'Driver', 'Rank correlation']);
    for (const { drivers: [a, b], rank } of scenario.correlations) {
      sheet.text(row, 0, a);
      sheet.text(row, 1, b);
      sheet.number(row++, 2, rank, formats.decimal2);
    }
  }

  const history = Object.entries(scenario.history ?? {});
  if (history.length) {
    section('History (observed monthly values)');
    writeHeader(sheet, row++, 0, ['Series', 'First month', 'Last month', 'Months', 'Last value']);
    for (const [name, points] of history) {
      const keys = Object.keys(points).sort();
      sheet.text(row, 0, name);
      sheet.text(row, 1, keys[0] ?? '');
      sheet.text(row, 2, keys[keys.length - 1] ?? '');
      sheet.number(row, 3, keys.length, formats.count);
      sheet.number(row, 4, keys.length ? points[keys[keys.length - 1]!] : undefined, formats.count);
      row++;
    }
  }

  section('Workloads (fields left out take the default shown)');
  writeHeader(sheet, row++, 0, ['Workload', 'Id', 'Type', 'Field', 'Value', 'Meaning', 'Tags']);
  for (const workload of scenario.workloads) {
    const tags = Object.entries(workload.tags ?? {}).map(([k, v]) => `${k}: ${v}`).join('; ');
    const fields = describeWorkloadFields(workload, scenario.history);
    for (const field of fields.length ? fields : [{ field: '', value: '', meaning: '', form: '' }]) {
      sheet.text(row, 0, workloadLabel(workload));
      sheet.text(row, 1, workload.id);
      sheet.text(row, 2, workload.type);
      sheet.text(row, 3, field.field);
      sheet.text(row, 4, field.value);
      sheet.text(row, 5, field.meaning);
      sheet.text(row, 6, tags);
      row++;
    }
  }

  const pricing = scenario.pricing;
  if (pricing) {
    section('Pricing');
    if (pricing.provider !== undefined) pair('Provider', pricing.provider);
    if (pricing.region !== undefined) pair('Region', pricing.region);
    for (const [gpu, price] of Object.entries(pricing.gpuPrices ?? {})) {
      const parts = [`on demand ${describeNumber(price.onDemand)}`];
      if (price.committed1y !== undefined) parts.push(`1y committed ${describeNumber(price.committed1y)}`);
      if (price.committed3y !== undefined) parts.push(`3y committed ${describeNumber(price.committed3y)}`);
      if (price.spot !== undefined) parts.push(`spot ${describeNumber(price.spot)}`);
      pair(`Price override ${gpu} (per GPU-hour)`, parts.join('; '));
    }
    for (const commitment of pricing.commitments ?? []) {
      pair(`Commitment ${commitment.gpu} ${commitment.term}`, `${describeNumber(commitment.gpuHoursPerMonth)} GPU-hours per month from month ${commitment.startMonth ?? 1}`);
    }
    if (pricing.spot) {
      pair('Spot workloads', pricing.spot.workloads.join(', '));
      if (pricing.spot.interruptionOverhead !== undefined) pair('Spot interruption overhead', describeUncertain(pricing.spot.interruptionOverhead).words);
      if (pricing.spot.availability !== undefined) pair('Spot availability', describeUncertain(pricing.spot.availability).words);
    }
    if (pricing.compare?.length) pair('Providers compared', pricing.compare.join(', '));
    if (pricing.optimizeFor !== undefined) pair('Commitments sized to minimise', pricing.optimizeFor === 'p90' ? 'the P90 of the total' : 'the expected (mean) total');
  }

  const budget = scenario.budget;
  if (budget) {
    section('Budget');
    if (budget.total !== undefined) pair('Budget for the horizon', budget.total, formats.money);
    if (typeof budget.monthly === 'number') pair('Budget per month', budget.monthly, formats.money);
    if (Array.isArray(budget.monthly)) pair('Budget per month', budget.monthly.map(describeNumber).join(', '));
    pair('Alert levels', (budget.thresholds ?? [0.8, 1]).map((t) => `${describeNumber(t * 100)} %`).join(', '));
    for (const tagBudget of budget.byTag ?? []) {
      const amount = tagBudget.total !== undefined ? `${describeNumber(tagBudget.total)} for the horizon` : typeof tagBudget.monthly === 'number' ? `${describeNumber(tagBudget.monthly)} per month` : `per month: ${(tagBudget.monthly ?? []).map(describeNumber).join(', ')}`;
      pair(`Budget for ${tagBudget.tag} = ${tagBudget.value}`, amount);
    }
  }

  if (scenario.value) {
    section('Value (for ROI)');
    const value = describeDriver(scenario.value.monthly, scenario.history);
    pair('Value per month', `${value.form}: ${value.words}`);
    pair('Discount rate per year', scenario.value.discountRate ?? 0.1, formats.percent);
  }

  const units = Object.entries(scenario.units ?? {});
  if (units.length) {
    section('Units (unit-cost denominators)');
    writeHeader(sheet, row++, 0, ['Unit', 'Count per month', 'Quoted per', 'Workloads counted']);
    for (const [name, unit] of units) {
      const counted = typeof unit === 'object' && 'count' in unit ? unit : undefined;
      const count = typeof unit === 'object' && 'count' in unit ? unit.count : unit;
      sheet.text(row, 0, name);
      sheet.text(row, 1, describeDriver(count, scenario.history).words);
      sheet.number(row, 2, counted?.per ?? 1, formats.count);
      sheet.text(row, 3, counted?.workloads?.join(', ') ?? 'all');
      row++;
    }
  }

  if (scenario.variants?.length) {
    section('Variants (what-ifs: JSON pointer → new value)');
    writeHeader(sheet, row++, 0, ['Variant', 'Description', 'Changes']);
    for (const variant of scenario.variants) {
      sheet.text(row, 0, variant.name);
      sheet.text(row, 1, variant.description ?? '');
      sheet.text(row, 2, Object.entries(variant.set).map(([pointer, value]) => `${pointer} = ${JSON.stringify(value)}`).join('; '));
      row++;
    }
  }

  if (result.warnings?.length) {
    section('Warnings from the forecast');
    for (const warning of result.warnings) sheet.text(row++, 0, warning);
  }
  sheet.width(0, 30);
  return { sheet, names: [] };
}
