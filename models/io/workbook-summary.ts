/**
 * The Summary sheet: what an executive reads first. Scenario, horizon, currency, catalog as-of,
 * the total's P10/P50/P90/mean, the budget verdict (probability and size of an overrun, when it
 * would happen), what drives the spread, the pricing recommendation, the ROI headline, unit
 * costs, carbon and variants, then a map of the other sheets. Values only: the live formulas
 * are on Budget plan, ROI, Pricing and Variants.
 */
import type { Stats } from '../simulate/result.ts';
import {
  SHEET_NAMES,
  STATS_HEADERS,
  finiteOrUndefined,
  monthLabel,
  samplingWords,
  writeHeader,
  writeStats,
  writeTitle,
  type BuiltSheet,
  type WorkbookContext,
} from './workbook-layout.ts';
import { SheetBuilder } from './workbook-sheet.ts';
import { describeNumber } from './workbook-describe.ts';
import { unitCostLabel } from './display-format.ts';

/** Months after which a price catalog counts as stale (the app warns likewise). */
const STALE_CATALOG_MONTHS = 6;

/** Whole months between two ISO dates (YYYY-MM-DD…), or undefined when either does not parse. */
export function monthsBetween(from: string, to: string): number | undefined {
  const a = /^(\d{4})-(\d{2})-(\d{2})/.exec(from);
  const b = /^(\d{4})-(\d{2})-(\d{2})/.exec(to);
  if (!a || !b) return undefined;
  const months = (Number(b[1]) - Number(a[1])) * 12 + (Number(b[2]) - Number(a[2]));
  return Number(b[3]) < Number(a[3]) ? months - 1 : months;
}

function monthText(context: WorkbookContext, month: number | undefined): string {
  if (month === undefined) return '';
  const label = monthLabel(context.result, month);
  return label ? `≈ ${label} (month ${describeNumber(Math.round(month * 10) / 10)})` : '';
}

/** Builds the Summary sheet. */
export function buildSummarySheet(context: WorkbookContext, sheetsPresent: readonly string[]): BuiltSheet {
  const { scenario, result, formats } = context;
  const sheet = new SheetBuilder(SHEET_NAMES.summary);
  let row = writeTitle(sheet, `Costcast forecast — ${scenario.name}`, undefined, 5);

  const pair = (label: string, value: string) => {
    sheet.text(row, 0, label);
    sheet.text(row, 1, value);
    row++;
  };
  const section = (title: string) => {
    row++;
    sheet.text(row++, 0, title);
  };
  const statsRow = (label: string, stats: Stats | null | undefined, format: string) => {
    sheet.text(row, 0, label);
    writeStats(sheet, row, 1, stats, format);
    row++;
  };
  const numberRow = (label: string, value: number | undefined, format: string, note?: string) => {
    sheet.text(row, 0, label);
    sheet.number(row, 1, value, format);
    if (note) sheet.text(row, 2, note);
    row++;
  };

  pair('Scenario', scenario.name);
  if (scenario.description !== undefined) {
    pair('Description', scenario.description);
    sheet.merge(row - 1, 1, row - 1, 5);
  }
  const months = result.months;
  pair('Horizon', `${months[0] ?? scenario.start} to ${months[months.length - 1] ?? scenario.start} (${months.length} months)`);
  pair('Currency', result.currency);
  const asOf = context.catalogAsOf ?? result.pricing?.asOf;
  pair('Price catalog as of', asOf ?? 'not used');
  if (context.generatedAt !== undefined) {
    pair('Generated', context.generatedAt);
    const age = asOf !== undefined ? monthsBetween(asOf, context.generatedAt) : undefined;
    if (age !== undefined && age > STALE_CATALOG_MONTHS) pair('Warning', `The price catalog is ${age} months old: check prices before relying on them.`);
  }
  pair('Simulation', `${result.trials.toLocaleString('en-US')} trials, seed ${result.seed}, ${samplingWords(result.sampling)}`);

  section(`Total spend over the horizon (${result.currency})`);
  writeHeader(sheet, row++, 1, STATS_HEADERS);
  statsRow('Total', result.total, formats.money);
  sheet.text(row, 0, 'Standard error of the estimate');
  sheet.number(row, 2, result.precision.p50StdError, formats.money);
  sheet.number(row, 3, result.precision.p90StdError, formats.money);
  row++;

  section('Budget');
  const budget = result.budget;
  if (!budget) sheet.text(row++, 0, 'The scenario has no budget.');
  else {
    numberRow('Budget for the horizon', budget.amount, formats.money);
    numberRow('Probability of overrun (total > budget)', budget.probabilityOfExceeding, formats.percent);
    numberRow('Expected overrun (averaged over all trials)', budget.expectedOverrun, formats.money);
    numberRow('Probability that cumulative spend crosses the cumulative budget', budget.probabilityOfBreach, formats.percent);
    if (budget.firstBreachMonth) {
      sheet.text(row, 0, 'First breach month (trials that breach)');
      sheet.number(row, 1, budget.firstBreachMonth.p10, formats.decimal1);
      sheet.number(row, 2, budget.firstBreachMonth.p50, formats.decimal1);
      sheet.number(row, 3, budget.firstBreachMonth.p90, formats.decimal1);
      sheet.text(row, 5, `P50 ${monthText(context, budget.firstBreachMonth.p50)}`);
      row++;
    } else pair('First breach month', 'no trial breaches the budget');
    for (const threshold of budget.thresholds ?? []) {
      const likely = threshold.likelyMonth !== null ? `likely by ${monthLabel(result, threshold.likelyMonth) ?? `month ${threshold.likelyMonth}`}` : 'not likely within the horizon';
      numberRow(`Probability of reaching ${describeNumber(threshold.level * 100)} % of the budget`, threshold.probability, formats.percent, likely);
    }
  }

  section('What drives the spread (top 5)');
  const drivers = result.sensitivity.slice(0, 5);
  if (drivers.length === 0) sheet.text(row++, 0, 'No uncertain driver moves the total.');
  else {
    writeHeader(sheet, row++, 0, ['Driver', 'Rank correlation', 'P50 total, driver low', 'P50 total, driver high', 'Spread cut if known']);
    for (const entry of drivers) {
      sheet.text(row, 0, entry.driver);
      sheet.number(row, 1, entry.rankCorrelation, formats.decimal2);
      sheet.number(row, 2, finiteOrUndefined(entry.p50AtLow), formats.money);
      sheet.number(row, 3, finiteOrUndefined(entry.p50AtHigh), formats.money);
      sheet.number(row, 4, finiteOrUndefined(entry.spreadReduction), formats.money);
      row++;
    }
  }

  const pricing = result.pricing;
  if (pricing) {
    section('Pricing');
    const cheapest = [...pricing.strategies].filter((s) => Number.isFinite(s.total.mean)).sort((a, b) => a.total.mean - b.total.mean)[0];
    if (cheapest) {
      numberRow(`Cheapest strategy (mean): ${cheapest.name}`, cheapest.total.mean, formats.money);
      numberRow('Its saving vs on-demand (mean)', finiteOrUndefined(cheapest.savingVsOnDemand), formats.money);
    }
    for (const commitment of pricing.recommendedCommitments) {
      numberRow(`Recommended commitment: ${commitment.gpu} ${commitment.term} (GPU-hours per month)`, commitment.gpuHoursPerMonth, formats.count, commitment.expectedSaving !== undefined ? `expected saving ${describeNumber(Math.round(commitment.expectedSaving))} ${result.currency}` : undefined);
    }
    if (pricing.recommendedCommitments.length === 0) pair('Recommended commitments', 'none: no commitment lowers the expected cost');
    const provider = [...pricing.providers].filter((p) => Number.isFinite(p.total.p50)).sort((a, b) => a.total.p50 - b.total.p50)[0];
    if (provider) numberRow(`Cheapest provider compared (P50): ${provider.provider} ${provider.region}`, provider.total.p50, formats.money);
  }

  section('Return on investment');
  const roi = result.roi;
  if (!roi) sheet.text(row++, 0, 'The scenario has no value, so there is no ROI.');
  else {
    writeHeader(sheet, row++, 1, STATS_HEADERS);
    statsRow('ROI', roi.roi, formats.percent);
    statsRow('NPV', roi.npv, formats.money);
    numberRow('Probability that ROI > 0', roi.probabilityPositive, formats.percent);
    numberRow('Probability of payback within the horizon', roi.probabilityOfPayback, formats.percent);
    if (roi.paybackMonth) numberRow('Payback month (P50 of trials that pay back)', roi.paybackMonth.p50, formats.decimal1, monthText(context, roi.paybackMonth.p50));
  }

  const units = Object.entries(result.units ?? {});
  if (units.length) {
    section('Unit costs');
    writeHeader(sheet, row++, 1, STATS_HEADERS);
    for (const [name, unit] of units) statsRow(unitCostLabel(name, unit.per ?? 1), unit.costPerUnit, formats.money2);
  }

  if (result.carbon) {
    section('Energy and emissions of GPU workloads');
    writeHeader(sheet, row++, 1, STATS_HEADERS);
    statsRow('Energy (MWh)', result.carbon.energyMWh, formats.decimal1);
    statsRow('CO2e (tonnes)', result.carbon.co2eTonnes, formats.decimal1);
  }

  if (result.variants?.length) {
    section('What-if variants (Δ = variant − baseline)');
    writeHeader(sheet, row++, 0, ['Variant', 'Δ P50', 'Δ P90', 'Probability cheaper']);
    for (const variant of result.variants) {
      sheet.text(row, 0, variant.name);
      sheet.number(row, 1, variant.deltaP50, formats.money);
      sheet.number(row, 2, variant.deltaP90, formats.money);
      sheet.number(row, 3, finiteOrUndefined(variant.probabilityCheaper), formats.percent);
      row++;
    }
  }

  if (result.warnings?.length) {
    section('Warnings');
    for (const warning of result.warnings) sheet.text(row++, 0, warning);
  }

  section('Sheets in this workbook');
  const about: Record<string, string> = {
    [SHEET_NAMES.summary]: 'this page',
    [SHEET_NAMES.budget]: 'monthly plan per workload (P50), contingency, budget inputs and live variances',
    [SHEET_NAMES.roi]: 'value, cost, net and payback along the median path (live formulas) and the simulated distribution',
    [SHEET_NAMES.pricing]: 'pricing strategies, recommended commitments, providers with price per GPU-hour and CO2e',
    [SHEET_NAMES.chargeback]: 'cost by tag (team, product, environment, …) and budgets by tag',
    [SHEET_NAMES.assumptions]: 'every driver and workload in words and numbers; the run settings',
    [SHEET_NAMES.percentiles]: 'monthly P5…P95 of the total and cumulative spend against the budget',
    [SHEET_NAMES.variants]: 'what-if variants against the baseline',
  };
  for (const name of sheetsPresent) pair(name, about[name] ?? '');

  sheet.width(0, 52);
  return { sheet, names: [] };
}
