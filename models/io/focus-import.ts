/**
 * FOCUS billing exports → monthly cost and usage series, named for a scenario's `history`:
 * the total, and the total split by service, service category, provider and tag, plus
 * consumed quantities by unit. Only charges that recur with usage (Usage and Purchase) make
 * up the total; credits, tax and adjustments are kept as their own series, because a
 * forecast of spend should not extrapolate a one-off refund or a jurisdiction's tax rate.
 */

import type { ImportError, ImportedTable, TableCell } from './table-types.ts';
import { listInWords } from './table-types.ts';
import { focusColumnIndex, isFocusTable, type FocusColumn } from './focus-columns.ts';
import { parseDateColumn } from './usage-dates.ts';
import { parseNumberColumn, isMissingText } from './usage-numbers.ts';
import { monthLabel, monthOfKey, monthRange } from './usage-calendar.ts';
import { monthCoverage } from './usage-coverage.ts';
import { toSeriesName, uniqueSeriesName } from './usage-series-name.ts';
import { badDateError, badNumberError, missingDateError, skippedRowsWarning } from './usage-row-errors.ts';

export type FocusCostColumn = 'EffectiveCost' | 'BilledCost';

export interface FocusImportOptions {
  /** Default: EffectiveCost (amortised, after discounts) when present, else BilledCost. */
  readonly costColumn?: FocusCostColumn;
  /** Tag keys to split by; default: every key found in Tags. */
  readonly tagKeys?: readonly string[];
  /** Leave out rows with a bad ChargePeriodStart or cost (with a warning) instead of failing. */
  readonly skipBadRows?: boolean;
}

export type FocusSeriesKind = 'total' | 'service' | 'category' | 'provider' | 'tag' | 'charge' | 'usage';

export interface FocusSeries {
  /** Key in `history`: a valid identifier such as cost_service_amazon_bedrock. */
  readonly name: string;
  /** What the series is, in the file's words ("Amazon Bedrock", "team=search", "Hours"). */
  readonly label: string;
  readonly kind: FocusSeriesKind;
  /** The billing currency for cost series (null when the file has no BillingCurrency), the ConsumedUnit for usage series. */
  readonly unit: string | null;
}

export interface ChargeCategorySummary {
  readonly category: string;
  readonly rows: number;
  /** Sum of the cost column over those rows, in the billing currency. */
  readonly cost: number;
  /** Whether these rows count in the total and its breakdowns. */
  readonly counted: boolean;
}

export interface FocusImport {
  /** Series name → "YYYY-MM" → value, ready for a scenario's `history`. */
  readonly history: Record<string, Record<string, number>>;
  /** Every series of `history`, in a stable order: total, charges, services, categories, providers, tags, usage. */
  readonly series: FocusSeries[];
  readonly costColumn: FocusCostColumn;
  readonly currency: string | null;
  /** Every month from the first to the last charge period, "YYYY-MM". */
  readonly months: string[];
  /** Months in that range with no Usage or Purchase rows. */
  readonly gaps: string[];
  /** First/last months the charge periods cover only in part (daily exports). */
  readonly partialMonths: string[];
  readonly chargeCategories: ChargeCategorySummary[];
  /** Tag keys found in the Tags column, sorted. */
  readonly tagKeys: string[];
  /** Rows that count in the total. */
  readonly rowsUsed: number;
  readonly warnings: string[];
}

/** ChargeCategory values whose cost recurs with usage, and so belongs in a forecastable total. */
const COUNTED = new Set(['usage', 'purchase']);
const CHARGE_SERIES: Readonly<Record<string, string>> = { credit: 'Credits', tax: 'Tax', adjustment: 'Adjustments' };
const KNOWN_CATEGORIES = new Set(['usage', 'purchase', 'credit', 'tax', 'adjustment']);
const NET_LABEL = 'Net (all charges)';

type Tags = ReadonlyMap<string, string>;

/** Monthly cost series (total, by service, category, provider, tag) and usage series (by unit) from a FOCUS export, or an ImportError. */
export function importFocus(table: ImportedTable, options: FocusImportOptions = {}): FocusImport | ImportError {
  if (!isFocusTable(table)) {
    return {
      error: 'not-focus',
      message: 'This table is not a FOCUS billing export: it lacks FOCUS columns such as ChargePeriodStart, BilledCost or EffectiveCost.',
      fix: 'Import it as usage history and choose the date and value columns, or export the bill in FOCUS format.',
    };
  }
  const column = (name: FocusColumn): number => focusColumnIndex(table.columns, name);
  const startIndex = column('ChargePeriodStart');
  if (startIndex < 0) {
    return {
      error: 'focus-missing-column',
      message: 'This FOCUS export has no ChargePeriodStart column, so its costs cannot be placed in months.',
      column: 'ChargePeriodStart',
      fix: 'Export it again with ChargePeriodStart (required since FOCUS 1.0).',
    };
  }
  const effective = column('EffectiveCost');
  const billed = column('BilledCost');
  const costColumn: FocusCostColumn = options.costColumn ?? (effective >= 0 ? 'EffectiveCost' : 'BilledCost');
  const costIndex = costColumn === 'EffectiveCost' ? effective : billed;
  const warnings: string[] = [];
  if (costIndex < 0) {
    return {
      error: 'focus-missing-column',
      message: `This FOCUS export has no ${costColumn} column${options.costColumn === undefined ? ' and no EffectiveCost' : ''}.`,
      column: costColumn,
      fix: `Choose ${costColumn === 'EffectiveCost' ? 'BilledCost' : 'EffectiveCost'} if the file has it, or export it again with ${costColumn}.`,
    };
  }
  if (options.costColumn === undefined && costColumn === 'BilledCost') {
    warnings.push('The export has no EffectiveCost, so BilledCost was used: prepaid commitments show as lump sums in the month they were bought.');
  }

  const { rows, rowNumbers } = table;
  const n = rows.length;
  const rowNumber = (i: number): number => rowNumbers[i] ?? i + 1;
  const cellsOf = (index: number): TableCell[] => rows.map((r) => (index < 0 ? '' : (r[index] ?? '')));
  const startCells = cellsOf(startIndex);
  const costCells = cellsOf(costIndex);
  const dates = parseDateColumn(startCells, 'ChargePeriodStart', rowNumbers, 'auto');
  // FOCUS writes numbers with a decimal point and no grouping.
  const costs = parseNumberColumn(costCells, costColumn, { decimalMark: 'point' });
  const quantityIndex = column('ConsumedQuantity');
  const quantities = quantityIndex < 0 ? null : parseNumberColumn(cellsOf(quantityIndex), 'ConsumedQuantity', { decimalMark: 'point' });
  warnings.push(...dates.warnings);

  const categoryIndex = column('ChargeCategory');
  if (categoryIndex < 0) warnings.push('The export has no ChargeCategory column, so every row was counted as usage.');
  const serviceIndex = column('ServiceName');
  const serviceCategoryIndex = column('ServiceCategory');
  const providerIndex = column('ServiceProviderName') >= 0 ? column('ServiceProviderName') : column('ProviderName');
  const tagsIndex = column('Tags');
  const unitIndex = column('ConsumedUnit');
  const currencyIndex = column('BillingCurrency');

  const bad: { index: number; error: ImportError }[] = [];
  const blankCost: number[] = [];
  const categories = new Map<string, { category: string; rows: number; cost: number; counted: boolean }>();
  const currencies = new Map<string, number>();
  const malformedTags: number[] = [];
  let firstMalformed = '';
  const tagCache = new Map<string, Tags | null>();
  const keysFound = new Set<string>();
  const wantedKeys = options.tagKeys === undefined ? null : new Set(options.tagKeys);

  const builder = new SeriesBuilder();
  const countedDays: number[] = [];
  let rowsUsed = 0;
  let badQuantities = 0;

  for (let i = 0; i < n; i++) {
    const row = rows[i] ?? [];
    const key = dates.keys[i] as number;
    const costCell = costCells[i] ?? '';
    if (key === 0 && costs.missing[i] === 1) continue;
    if (key === 0) {
      bad.push({ index: i, error: missingDateError(rowNumber(i), 'ChargePeriodStart', costColumn) });
      continue;
    }
    if (Number.isNaN(key)) {
      bad.push({ index: i, error: badDateError(rowNumber(i), 'ChargePeriodStart', startCells[i] ?? '', dates.reasons.get(i)) });
      continue;
    }
    if (costs.missing[i] === 1) {
      blankCost.push(rowNumber(i));
      continue;
    }
    const cost = costs.values[i] as number;
    if (Number.isNaN(cost)) {
      bad.push({ index: i, error: badNumberError(rowNumber(i), costColumn, costCell) });
      continue;
    }
    const month = monthOfKey(key);
    const rawCategory = categoryIndex < 0 ? 'Usage' : text(row[categoryIndex]);
    const categoryKey = rawCategory.toLowerCase() || 'usage';
    const counted = COUNTED.has(categoryKey);
    const summary = categories.get(categoryKey) ?? { category: rawCategory || 'Usage', rows: 0, cost: 0, counted };
    summary.rows++;
    summary.cost += cost;
    categories.set(categoryKey, summary);

    if (currencyIndex >= 0) {
      const currency = text(row[currencyIndex]).toUpperCase();
      if (currency !== '') currencies.set(currency, (currencies.get(currency) ?? 0) + 1);
    }
    if (categoryIndex >= 0) builder.add('charge', NET_LABEL, 'cost_net', month, cost);
    if (!counted) {
      const label = CHARGE_SERIES[categoryKey];
      if (label !== undefined) builder.add('charge', label, `cost ${label}`, month, cost);
      continue;
    }
    rowsUsed++;
    if (key % 100 !== 0) countedDays.push(key);
    builder.add('total', 'Total', 'cost_total', month, cost);
    if (serviceIndex >= 0) addLabelled(builder, 'service', 'cost service', row[serviceIndex], month, cost);
    if (serviceCategoryIndex >= 0) addLabelled(builder, 'category', 'cost category', row[serviceCategoryIndex], month, cost);
    if (providerIndex >= 0) addLabelled(builder, 'provider', 'cost provider', row[providerIndex], month, cost);
    if (tagsIndex >= 0) {
      const cell = text(row[tagsIndex]);
      let tags = tagCache.get(cell);
      if (tags === undefined) {
        tags = parseTags(cell);
        tagCache.set(cell, tags);
      }
      if (tags === null) {
        if (malformedTags.length === 0) firstMalformed = cell;
        malformedTags.push(rowNumber(i));
        tags = new Map();
      }
      for (const tagKey of tags.keys()) keysFound.add(tagKey);
      builder.noteTagRow(month, cost, tags, wantedKeys);
    }
    if (quantities !== null && unitIndex >= 0 && categoryKey !== 'purchase') {
      const unit = text(row[unitIndex]);
      const quantity = quantities.values[i] as number;
      if (unit !== '' && quantities.missing[i] !== 1) {
        if (Number.isNaN(quantity)) badQuantities++;
        else builder.add('usage', unit, `usage ${unit}`, month, quantity, unit);
      }
    }
  }

  if (bad.length > 0) {
    const first = bad[0] as { index: number; error: ImportError };
    if (options.skipBadRows !== true) return first.error;
    warnings.push(skippedRowsWarning(bad.map((b) => rowNumber(b.index)), first.error.message));
  }
  if (currencies.size > 1) {
    const list = [...currencies.keys()];
    return {
      error: 'mixed-currency',
      message: `The export bills in ${list.length} currencies (${list.join(', ')}); their costs cannot be added up.`,
      column: 'BillingCurrency',
      fix: 'Export one billing currency at a time (filter BillingCurrency), and import each file separately.',
    };
  }
  if (rowsUsed === 0) {
    return {
      error: 'no-usable-rows',
      message: 'No Usage or Purchase row has both a ChargePeriodStart and a cost.',
      fix: 'Check that the export covers the period you want and includes usage charges.',
    };
  }
  if (blankCost.length > 0) warnings.push(`${blankCost.length} row(s) have no ${costColumn}: row ${listInWords(blankCost)}. They were left out.`);
  if (malformedTags.length > 0) {
    const short = firstMalformed.length > 40 ? `${firstMalformed.slice(0, 37)}…` : firstMalformed;
    warnings.push(
      `The Tags cell of row ${listInWords(malformedTags)} is not a JSON object (e.g. "${short}"); those rows count in every series, as untagged in the tag series.`,
    );
  }
  if (badQuantities > 0) warnings.push(`${badQuantities} row(s) have a ConsumedQuantity that is not a number; their usage was left out (their cost counts).`);
  for (const [key, summary] of categories) {
    if (!KNOWN_CATEGORIES.has(key)) {
      warnings.push(`ChargeCategory "${summary.category}" is not a FOCUS category; its ${summary.rows} row(s) count only in cost_net.`);
    }
  }
  const purchase = categories.get('purchase');
  if (costColumn === 'BilledCost' && purchase !== undefined && purchase.cost !== 0) {
    warnings.push('Purchase rows (prepaid commitments) add their upfront fee to the month they were billed; EffectiveCost spreads it over the months it covers.');
  }

  // The net equals the total when every row counts; one copy is enough.
  if ([...categories.values()].every((c) => c.counted)) builder.drop('charge', NET_LABEL);
  for (const key of options.tagKeys ?? []) {
    if (!keysFound.has(key)) warnings.push(`No row has the tag key "${key}"; its series holds only untagged cost.`);
  }
  const currency = currencies.size === 1 ? ([...currencies.keys()][0] ?? null) : null;
  const built = builder.finish(currency, wantedKeys);
  const months = built.months;
  const gaps = built.gaps.map(monthLabel);
  if (gaps.length > 0) warnings.push(`No Usage or Purchase charges for ${listInWords(gaps)}: the export may be missing those months.`);
  // Monthly exports start every charge period on the 1st; only finer periods can be partial.
  const finer = countedDays.some((k) => k % 100 !== 1);
  const partialMonths = finer ? monthCoverage(countedDays, 1).partialMonths : [];
  if (partialMonths.length > 0) {
    warnings.push(`The charge periods cover ${listInWords(partialMonths)} only in part, so their totals are low; leave them out before fitting a trend.`);
  }
  return {
    history: built.history,
    series: built.series,
    costColumn,
    currency,
    months: months.map(monthLabel),
    gaps,
    partialMonths,
    chargeCategories: [...categories.values()].map((c) => ({ ...c })),
    tagKeys: [...keysFound].sort(),
    rowsUsed,
    warnings,
  };
}

function text(cell: TableCell | undefined): string {
  return cell === undefined ? '' : String(cell).trim();
}

function addLabelled(builder: SeriesBuilder, kind: FocusSeriesKind, prefix: string, cell: TableCell | undefined, month: number, cost: number): void {
  const label = text(cell);
  const shown = label === '' || isMissingText(label) ? '(none)' : label;
  builder.add(kind, shown, `${prefix} ${label === '' || isMissingText(label) ? 'none' : label}`, month, cost);
}

/** Tags as key → value text, or null when the cell is not a JSON object; "" means no tags. */
export function parseTags(cell: string): Tags | null {
  if (cell === '' || isMissingText(cell)) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(cell);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const tags = new Map<string, string>();
  for (const [key, value] of Object.entries(parsed)) {
    if (value === null || value === undefined) continue;
    tags.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return tags;
}

/**
 * Collects monthly sums per series and names each series once, in order of kind, so that a
 * name collision ("AI/ML" and "AI ML") resolves the same way on every import.
 */
class SeriesBuilder {
  private readonly sums = new Map<string, { kind: FocusSeriesKind; label: string; base: string; unit: string | null; months: Map<number, number> }>();
  private readonly tagRows = new Map<number, { cost: number; tags: Tags }[]>();

  drop(kind: FocusSeriesKind, label: string): void {
    this.sums.delete(`${kind}\u001f${label}`);
  }

  add(kind: FocusSeriesKind, label: string, base: string, month: number, value: number, unit: string | null = null): void {
    const id = `${kind}\u001f${label}`;
    let entry = this.sums.get(id);
    if (entry === undefined) {
      entry = { kind, label, base, unit, months: new Map() };
      this.sums.set(id, entry);
    }
    entry.months.set(month, (entry.months.get(month) ?? 0) + value);
  }

  /** Tag series are built at the end, once every key is known, so rows without a key count as untagged. */
  noteTagRow(month: number, cost: number, tags: Tags, wanted: ReadonlySet<string> | null): void {
    const list = this.tagRows.get(month) ?? [];
    const kept = wanted === null ? tags : new Map([...tags].filter(([k]) => wanted.has(k)));
    list.push({ cost, tags: kept });
    this.tagRows.set(month, list);
  }

  /**
   * Names every series and fills it month by month. `months` spans the total's first to last
   * month; `gaps` are months in it without counted rows, left out of every series.
   */
  finish(
    currency: string | null,
    wanted: ReadonlySet<string> | null,
  ): { history: Record<string, Record<string, number>>; series: FocusSeries[]; months: number[]; gaps: number[] } {
    const keys = new Set<string>();
    for (const list of this.tagRows.values()) for (const row of list) for (const k of row.tags.keys()) keys.add(k);
    if (wanted !== null) for (const k of wanted) keys.add(k);
    for (const [month, list] of this.tagRows) {
      for (const row of list) {
        for (const key of keys) {
          const value = row.tags.get(key);
          const label = value === undefined ? `${key} (untagged)` : `${key}=${value}`;
          this.add('tag', label, `cost tag ${key} ${value ?? 'untagged'}`, month, row.cost);
        }
      }
    }
    const order: FocusSeriesKind[] = ['total', 'charge', 'service', 'category', 'provider', 'tag', 'usage'];
    const entries = [...this.sums.values()].sort(
      (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
    );
    const total = entries.find((e) => e.kind === 'total');
    const totalMonths = total === undefined ? [] : [...total.months.keys()].sort((a, b) => a - b);
    const months = totalMonths.length === 0 ? [] : monthRange(totalMonths[0] as number, totalMonths[totalMonths.length - 1] as number);
    const gaps = months.filter((m) => total?.months.has(m) !== true);
    const gapSet = new Set(gaps);
    const used = new Set<string>();
    const history: Record<string, Record<string, number>> = {};
    const series: FocusSeries[] = [];
    for (const entry of entries) {
      const own = [...entry.months.keys()].sort((a, b) => a - b);
      const values: Record<string, number> = {};
      // Inside a series' span, a month without its rows had no such charges: zero, not unknown;
      // a month without any counted rows is a hole in the export and stays out.
      for (const m of monthRange(own[0] as number, own[own.length - 1] as number)) {
        if (!gapSet.has(m) || entry.months.has(m)) values[monthLabel(m)] = entry.months.get(m) ?? 0;
      }
      const name = uniqueSeriesName(toSeriesName(entry.base), used);
      history[name] = values;
      series.push({ name, label: entry.label, kind: entry.kind, unit: entry.kind === 'usage' ? entry.unit : currency });
    }
    return { history, series, months, gaps };
  }
}
