/**
 * The Pricing sheet: the same GPU demand priced under each strategy (P10/P50/P90/mean and the
 * saving against on-demand as a formula), the recommended commitments, GPU-hour demand, and the
 * providers compared (price per GPU-hour, energy, CO2e). Every section copes with an empty list.
 */
import type { StrategyResult } from '../simulate/result.ts';
import { SHEET_NAMES, STATS_HEADERS, finiteOrUndefined, writeHeader, writeStats, writeTitle, type BuiltSheet, type WorkbookContext } from './workbook-layout.ts';
import { SheetBuilder, cellRef } from './workbook-sheet.ts';

const STRATEGY_WORDS: Record<StrategyResult['name'], string> = {
  'on-demand': 'every GPU-hour on demand',
  committed: 'the configured commitments, the rest on demand',
  spot: 'spot-eligible workloads on spot, the rest on demand',
  plan: 'the configured mix: commitments and spot',
  optimal: 'the plan with the commitment level that minimises expected cost',
};

/** Builds the Pricing sheet (a short note when no workload uses GPUs). */
export function buildPricingSheet(context: WorkbookContext): BuiltSheet {
  const { scenario, result, formats } = context;
  const sheet = new SheetBuilder(SHEET_NAMES.pricing);
  const pricing = result.pricing;
  const asOf = context.catalogAsOf ?? pricing?.asOf;
  let row = writeTitle(sheet, `Pricing — ${scenario.name}`, `Horizon totals in ${result.currency}. Price catalog as of ${asOf ?? 'unknown'}.`, 7);
  if (!pricing) {
    sheet.text(row, 0, 'No workload uses GPUs, so there are no pricing strategies or provider comparisons.');
    return { sheet, names: [] };
  }

  sheet.text(row++, 0, 'Strategies: the same demand priced each way');
  writeHeader(sheet, row++, 0, ['Strategy', 'What it means', ...STATS_HEADERS, 'Saving vs on-demand (mean)', 'Saving %']);
  const firstStrategyRow = row;
  const onDemandIndex = pricing.strategies.findIndex((s) => s.name === 'on-demand');
  const meanCol = 5;
  const onDemandMean = onDemandIndex >= 0 ? cellRef(firstStrategyRow + onDemandIndex, meanCol, true) : undefined;
  for (const strategy of pricing.strategies) {
    sheet.text(row, 0, strategy.name);
    sheet.text(row, 1, STRATEGY_WORDS[strategy.name] ?? '');
    writeStats(sheet, row, 2, strategy.total, formats.money);
    if (onDemandMean !== undefined && Number.isFinite(strategy.total.mean) && Number.isFinite(pricing.strategies[onDemandIndex]!.total.mean)) {
      sheet.formula(row, 6, `${onDemandMean}-${cellRef(row, meanCol)}`, formats.money);
      sheet.formula(row, 7, `IF(${onDemandMean}=0,"n/a",${cellRef(row, 6)}/${onDemandMean})`, formats.percent);
    } else {
      sheet.number(row, 6, finiteOrUndefined(strategy.savingVsOnDemand), formats.money);
    }
    row++;
  }
  if (pricing.strategies.length === 0) sheet.text(row++, 0, 'No strategies were priced.');

  row++;
  sheet.text(row++, 0, 'Recommended commitments');
  writeHeader(sheet, row++, 0, ['GPU', 'Term', 'GPU-hours per month', 'Expected saving', 'Probability under-used']);
  for (const commitment of pricing.recommendedCommitments) {
    sheet.text(row, 0, commitment.gpu);
    sheet.text(row, 1, commitment.term);
    sheet.number(row, 2, commitment.gpuHoursPerMonth, formats.count);
    sheet.number(row, 3, finiteOrUndefined(commitment.expectedSaving), formats.money);
    sheet.number(row, 4, finiteOrUndefined(commitment.probabilityUnderUsed), formats.percent);
    row++;
  }
  if (pricing.recommendedCommitments.length === 0) sheet.text(row++, 0, 'No commitment lowers the expected cost.');

  const gpuHours = Object.entries(pricing.gpuHours ?? {});
  if (gpuHours.length) {
    row++;
    sheet.text(row++, 0, 'GPU-hours over the horizon');
    writeHeader(sheet, row++, 0, ['GPU', ...STATS_HEADERS]);
    for (const [gpu, stats] of gpuHours) {
      sheet.text(row, 0, gpu);
      writeStats(sheet, row, 1, stats, formats.count);
      row++;
    }
  }

  row++;
  sheet.text(row++, 0, 'Providers compared (same demand, each provider’s catalog prices)');
  const gpus = [...new Set(pricing.providers.flatMap((p) => Object.keys(p.pricePerGpuHour ?? {})))].sort();
  writeHeader(sheet, row++, 0, ['Provider', 'Region', ...STATS_HEADERS, 'Energy (MWh)', 'CO2e (tonnes)', ...gpus.map((gpu) => `${gpu} per GPU-hour`), 'GPUs not offered']);
  for (const provider of pricing.providers) {
    sheet.text(row, 0, provider.provider);
    sheet.text(row, 1, provider.region);
    writeStats(sheet, row, 2, provider.total, formats.money);
    sheet.number(row, 6, finiteOrUndefined(provider.energyMWh), formats.decimal1);
    sheet.number(row, 7, provider.co2eTonnes, formats.decimal1);
    gpus.forEach((gpu, i) => {
      const price = finiteOrUndefined(provider.pricePerGpuHour?.[gpu]);
      if (price === undefined) sheet.text(row, 8 + i, '—');
      else sheet.number(row, 8 + i, price, formats.money2);
    });
    sheet.text(row, 8 + gpus.length, (provider.missingGpus ?? []).join(', '));
    row++;
  }
  if (pricing.providers.length === 0) sheet.text(row++, 0, 'No providers were compared (pricing.compare).');

  row++;
  sheet.text(row++, 0, 'Saving vs on-demand is a live formula: on-demand mean − strategy mean. Commitments are paid whether used or not; spot pays the spot price plus the interruption overhead.');
  return { sheet, names: [] };
}
