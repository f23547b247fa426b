/**
 * The Data view end to end: a FOCUS export and messy European CSVs imported through the file
 * chooser and by drag and drop, every series value on screen checked against the real importer
 * (models/io) run here on the same file; a series used as a driver shows up in Assumptions and
 * moves the forecast, as one undo step; unusable files show the importer's own message and leave
 * the scenario as it was.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { fitTrend, isTrendFitError } from '../../models/drivers/trend.ts';
import { formatMoney, formatNumber } from '../../models/io/display-format.ts';
import { importFocus, type FocusImport } from '../../models/io/focus-import.ts';
import { previewRows, readTable } from '../../models/io/table-read.ts';
import { isImportError, type ImportError, type ImportedTable } from '../../models/io/table-types.ts';
import { suggestMapping } from '../../models/io/usage-mapping.ts';
import { toMonthlySeries, type MonthlyImport, type SeriesMapping } from '../../models/io/usage-series.ts';
import { expect, test } from './fixtures.ts';
import { DataPage } from './pages/data-page.ts';

const importFixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));
const e2eFixture = (name: string) => fileURLToPath(new URL(`./fixtures-data/${name}`, import.meta.url));

/** The real importer on the same bytes the page gets. */
function tableOf(file: string): ImportedTable | ImportError {
  return readTable(new Uint8Array(readFileSync(file)), file.split('/').pop()!);
}
function table(file: string): ImportedTable {
  const read = tableOf(file);
  if (isImportError(read)) throw new Error(read.message);
  return read;
}
function monthly(file: string, mapping: SeriesMapping): MonthlyImport {
  const series = toMonthlySeries(table(file), mapping);
  if (isImportError(series)) throw new Error(series.message);
  return series;
}
function bill(file: string, costColumn?: 'BilledCost'): FocusImport {
  const imported = importFocus(table(file), costColumn ? { costColumn } : {});
  if (isImportError(imported)) throw new Error(imported.message);
  return imported;
}
/** How the view writes a value: money for a bill's cost series, else a number with cents only when not whole. */
const numberText = (value: number) => formatNumber(value, Number.isInteger(value) ? 0 : 2);
const rowsOf = (values: Record<string, number>, text: (value: number) => string) => Object.keys(values).sort().map((month) => [month, text(values[month]!)]);

/** What tells that the document was not touched: nothing to undo and the same revision. */
async function documentState(page: Page) {
  return {
    undo: await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled(),
    revision: await page.getByTestId('preview-status').getAttribute('data-revision'),
  };
}

test('a FOCUS export through the file chooser: every series as importFocus gives it, and the document untouched', async ({ page }) => {
  const file = importFixture('focus-1.2-export.csv');
  const data = new DataPage(page);
  await data.app.goto();
  await data.app.openTemplate('default.json');
  await data.app.waitForPreview();
  const before = await documentState(page);
  await data.show();
  await data.importFile(file);
  await expect(data.fileFacts).toContainText('FOCUS billing export');

  const expected = bill(file);
  expect(await data.seriesNames()).toEqual(expected.series.map((s) => s.name));
  // Every series the bill has: the total, by service, category, provider and tag, credits and tax, usage by unit.
  expect(new Set(expected.series.map((s) => s.kind))).toEqual(new Set(['total', 'service', 'category', 'provider', 'tag', 'charge', 'usage']));
  for (const series of expected.series) {
    await data.selectSeries(series.name);
    const text = series.kind === 'usage' ? numberText : (value: number) => formatMoney(value, expected.currency!);
    expect(await data.seriesValues(), series.name).toEqual(rowsOf(expected.history[series.name]!, text));
  }

  // Three months are too few for a trend: the engine's own message, and no "use as driver".
  await data.selectSeries('cost_total');
  const fit = fitTrend(Object.values(expected.history.cost_total!), 'auto', 'cost_total');
  expect(isTrendFitError(fit)).toBe(true);
  if (isTrendFitError(fit)) await expect(data.fitError).toHaveText(fit.message);
  await expect(data.useButton).toBeDisabled();
  await data.app.screenshot('data-focus');

  // BilledCost instead: the savings-plan purchase lands in its month.
  await data.map('Cost column', 'BilledCost');
  const billed = bill(file, 'BilledCost');
  expect(await data.seriesValues()).toEqual(rowsOf(billed.history.cost_total!, (v) => formatMoney(v, billed.currency!)));
  expect(billed.history.cost_total).not.toEqual(expected.history.cost_total);

  expect(await documentState(page)).toEqual(before);
});

test('a messy European CSV: its delimiter, decimal commas, gap and duplicate row, and values as toMonthlySeries reads them', async ({ page }) => {
  const file = importFixture('european-semicolon.csv');
  const data = new DataPage(page);
  await data.app.goto();
  await data.app.openTemplate('default.json');
  await data.show();
  await data.importFile(file);
  await expect(data.fileFacts).toContainText('";"-separated');
  expect(await data.firstPreviewRow()).toEqual(previewRows(table(file))[0]);

  const guess = suggestMapping(table(file));
  if (isImportError(guess)) throw new Error(guess.message);
  await expect(page.getByTestId('mapping-panel').getByRole('combobox', { name: 'Date column', exact: true })).toHaveValue(guess.date);
  await expect(page.getByTestId('mapping-panel').getByRole('combobox', { name: 'Value column', exact: true })).toHaveValue(guess.value);
  const costs = monthly(file, { date: guess.date, value: guess.value, aggregate: guess.aggregate });
  expect(await data.seriesValues()).toEqual(rowsOf(costs.series[guess.value]!, numberText));
  expect(costs.gaps).toEqual(['2025-05']);
  await expect(page.getByTestId('report-gaps')).toContainText('2025-05');
  await expect(page.getByTestId('report-duplicates')).toContainText(`row ${costs.duplicates[0]!.rows[0]}`);

  // Active users are a level: the importer averages them within a month.
  await data.map('Value column', 'Aktive Nutzer');
  const users = monthly(file, { date: 'Monat', value: 'Aktive Nutzer' });
  expect(users.aggregate).toBe('mean');
  expect(await data.seriesValues()).toEqual(rowsOf(users.series['Aktive Nutzer']!, numberText));
  // The trend takes the months after the gap, which are too few.
  await expect(page.getByRole('combobox', { name: 'First month fitted' })).toHaveValue('2025-06');
  await expect(data.fitError).toContainText("'aktive_nutzer' has 3");
  await data.app.screenshot('data-european');
});

test('a dropped export used as a driver: one undoable edit, shown in Assumptions, and the forecast follows', async ({ page }) => {
  test.setTimeout(120_000);
  const file = e2eFixture('eu-active-users.csv');
  const data = new DataPage(page);
  await data.app.goto();
  await data.app.openTemplate('default.json');
  await data.app.waitForPreview();
  await data.app.view('Forecast');
  const p50 = page.getByTestId('kpi-p50').locator('.kpi-value');
  const originalP50 = await p50.innerText();

  await data.show();
  await data.dropFile(file);
  await expect(page.locator('.warnings')).toContainText('title or note');
  await data.map('Value column', 'Aktive Nutzer');
  const users = monthly(file, { date: 'Monat', value: 'Aktive Nutzer' }).series['Aktive Nutzer']!;
  expect(Object.keys(users)).toHaveLength(14);
  expect(await data.seriesValues()).toEqual(rowsOf(users, numberText));
  await data.chooseModel('Linear');
  await expect(page.getByTestId('trend-chart').locator('canvas')).toBeVisible();
  // The statistics are the engine's fit of the same months.
  const fit = fitTrend(Object.keys(users).sort().map((m) => users[m]!), 'linear', 'aktive_nutzer');
  if (isTrendFitError(fit)) throw new Error(fit.message);
  await expect(data.stat('model')).toContainText('linear');
  await expect(data.stat('aicc')).toHaveText(formatNumber(fit.aicc, 1));
  await expect(data.stat('residual-sd')).toHaveText(formatNumber(fit.residualSd, 2));

  await page.getByRole('combobox', { name: 'Driver to write' }).selectOption('monthly_active_users');
  await expect(data.useButton).toBeEnabled();
  await data.useButton.click();
  await expect(page.getByTestId('use-done')).toContainText('Replaced driver monthly_active_users');
  await data.app.waitForPreview();
  await data.app.screenshot('data-driver');
  await page.emulateMedia({ colorScheme: 'dark' });
  await data.app.screenshot('data-driver-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await data.app.view('Assumptions');
  const row = page.locator('tr[data-driver="monthly_active_users"]');
  await expect(row.getByRole('combobox', { name: 'monthly_active_users history' })).toHaveValue('aktive_nutzer');
  await expect(row.getByRole('combobox', { name: 'monthly_active_users trend model' })).toHaveValue('linear');
  await data.app.view('Forecast');
  await data.app.waitForPreview();
  // About 2,000 users instead of about 290,000: the forecast falls far below where it was.
  await expect(p50).not.toHaveText(originalP50);

  // One undo takes back the history and the driver together.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await data.app.waitForPreview();
  await expect(p50).toHaveText(originalP50);
  await data.app.view('Assumptions');
  await expect(row.getByRole('combobox', { name: 'monthly_active_users history' })).toHaveValue('mau');
  await expect(row.getByRole('combobox', { name: 'monthly_active_users history' }).locator('option')).toHaveText(['mau']);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
});

test('unusable files show the importer’s precise message and leave the scenario untouched', async ({ page }) => {
  const data = new DataPage(page);
  await data.app.goto();
  await data.app.openTemplate('default.json');
  await data.app.waitForPreview();
  const before = await documentState(page);
  await data.show();

  for (const name of ['binary-renamed.csv', 'empty.csv']) {
    const expected = tableOf(importFixture(name));
    if (!isImportError(expected)) throw new Error(`${name} should not import`);
    await data.importFile(importFixture(name));
    await expect(data.importError).toHaveText(expected.message);
    await expect(page.getByTestId('mapping-panel')).toHaveCount(0);
    if (name === 'binary-renamed.csv') await data.app.screenshot('data-error');
  }
  const noDates = suggestMapping(table(importFixture('no-date-column.csv')));
  if (!isImportError(noDates)) throw new Error('no-date-column.csv should have no date column');
  await data.importFile(importFixture('no-date-column.csv'));
  await expect(data.mappingError).toHaveText(noDates.message);
  await expect(page.getByTestId('series-panel')).toHaveCount(0);

  expect(await documentState(page)).toEqual(before);
  await expect(page.getByTestId('document-title')).not.toContainText('•');
});
