/**
 * The main workflow on the bundled default scenario, in one page and one full run:
 * open the template, see the live preview, run the full forecast with progress, check every cell
 * of the stats table against `costcast forecast --json`, export the workbook and read it back,
 * then change a driver and watch the preview follow.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { formatMoney } from '../../models/io/display-format.ts';
import { expect, newGuardedPage, test } from './fixtures.ts';
import { AssumptionsPage } from './pages/assumptions-page.ts';
import { ForecastPage, STAT_KEYS, type StatKey } from './pages/forecast-page.ts';
import { cliForecast } from './support/cli-forecast.ts';

test.describe.serial('forecast of the default scenario', () => {
  let page: Page;
  let forecast: ForecastPage;
  let assumptions: AssumptionsPage;
  let checkGuards: () => void;

  test.beforeAll(async ({ browser }) => {
    ({ page, check: checkGuards } = await newGuardedPage(browser));
    forecast = new ForecastPage(page);
    assumptions = new AssumptionsPage(page);
    await forecast.app.goto();
  });

  test.afterAll(async () => {
    await page.context().close();
    checkGuards();
  });

  test('a template opens on Assumptions and gets a live preview of 2,000 trials', async () => {
    await forecast.app.openTemplate('default.json');
    await expect(page.getByTestId('document-title')).toContainText('AI platform FY27');
    await forecast.app.waitForPreview();
    await forecast.show();
    await expect(forecast.resultMeta).toHaveAttribute('data-kind', 'preview');
    await expect(forecast.resultMeta).toHaveAttribute('data-trials', '2000');
    await expect(forecast.cell('total', 'p50')).toHaveText(/^\$[\d,]+$/);
  });

  test('Run shows its progress and ends in the full run, marked as such', async () => {
    const cli = cliForecast('default.json');
    await forecast.recordProgress();
    await forecast.runButton.click();
    await expect(forecast.progress).toBeVisible();
    // The bar's maximum is the run's trial count: the scenario's own, as the CLI uses by default.
    await expect(forecast.progress).toHaveAttribute('aria-valuemax', String(cli.trials));
    await expect(forecast.fullStatus).toContainText(`Last run: ${cli.trials.toLocaleString('en-US')} trials, seed ${cli.seed}`, { timeout: 120_000 });
    await expect(forecast.progress).toBeHidden();
    // Progress moved through the trials in order, then through their summary in order.
    const samples = await forecast.progressSamples();
    const trials = samples.filter((sample) => sample.phase === 'trials').map((sample) => sample.done);
    const summary = samples.filter((sample) => sample.phase === 'summary').map((sample) => sample.done);
    expect(samples.map((sample) => sample.phase)).toEqual([...trials.map(() => 'trials'), ...summary.map(() => 'summary')]);
    expect(trials.filter((value) => value > 0 && value < cli.trials).length).toBeGreaterThan(2);
    expect(trials).toEqual([...trials].sort((a, b) => a - b));
    expect(summary.length).toBeGreaterThan(0);
    expect(summary).toEqual([...summary].sort((a, b) => a - b));
    await expect(forecast.resultMeta).toHaveAttribute('data-kind', 'full');
    await expect(forecast.resultMeta).toHaveAttribute('data-trials', String(cli.trials));
    await expect(forecast.resultMeta).toHaveAttribute('data-stale', 'false');
  });

  test('every cell of the stats table equals costcast forecast --json, formatted the same way', async () => {
    const cli = cliForecast('default.json');
    const shown = await forecast.readStats();
    const expected: Record<string, Record<string, string>> = {};
    const rows = { total: cli.total, ...Object.fromEntries(Object.entries(cli.workloads).map(([id, workload]) => [id, workload.total])) };
    for (const [id, stats] of Object.entries(rows)) expected[id] = Object.fromEntries(STAT_KEYS.map((key) => [key, formatMoney(stats[key], cli.currency)]));
    expect(Object.keys(shown)).toEqual(Object.keys(expected));
    expect(shown).toEqual(expected);
    await expect(page.getByTestId('kpi-p50')).toContainText(formatMoney(cli.total.p50, cli.currency));
  });

  test('the exported workbook has every sheet (variants included) and its Summary holds the run\'s P10, P50, P90 and mean', async () => {
    const cli = cliForecast('default.json');
    const shown = Object.fromEntries(await Promise.all(STAT_KEYS.map(async (key) => [key, await forecast.cellValue('total', key)] as const))) as Record<StatKey, number>;
    const download = await forecast.exportWorkbook();
    expect(download.suggestedFilename()).toBe('default plan.xlsx');
    const workbook = XLSX.read(await readFile(await download.path()), { type: 'buffer' });
    const sheets = ['Summary', 'Budget plan', 'ROI', 'Pricing', 'Chargeback', 'Assumptions', 'Percentiles'];
    expect(workbook.SheetNames).toEqual(cli.variants?.length ? [...sheets, 'Variants'] : sheets);
    const summary = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets['Summary']!, { header: 1, raw: true });
    expect(summary.find((row) => row[0] === 'Scenario')?.[1]).toBe(cli.scenario);
    const total = summary.find((row) => row[0] === 'Total');
    // The workbook is built from the very run on screen: the same numbers, bit for bit.
    expect(total?.slice(1, 5)).toEqual([shown.p10, shown.p50, shown.p90, shown.mean]);
    // Against the CLI: equal as shown, and equal to a millionth. Not bit for bit, because Node's and
    // Chromium's V8 round Math.exp/log/pow differently in the last bit (the engine is deterministic
    // per JavaScript engine; across engines the P50 of this scenario moves by about 1e-9).
    const p50 = total?.[2] as number;
    expect(formatMoney(p50, cli.currency)).toBe(formatMoney(cli.total.p50, cli.currency));
    expect(Math.abs(p50 - cli.total.p50) / cli.total.p50, 'Summary P50 against the CLI, relative').toBeLessThan(1e-6);
    await expect(page.getByRole('status').filter({ hasText: 'Workbook exported.' })).toBeVisible();
  });

  test('changing a p90 in the drivers table re-runs the preview and the stats table follows', async () => {
    const before = await forecast.readStats();
    await assumptions.show();
    await expect(assumptions.param('prompt_tokens', 'p90')).toHaveValue('3,500');
    await assumptions.armPreviewLatency();
    await assumptions.setParam('prompt_tokens', 'p90', '7000');
    const latency = await assumptions.previewLatency();
    console.log(`Preview latency (default scenario, prompt_tokens p90 3,500 → 7,000): ${latency.toFixed(0)} ms from Enter to the status bar showing the new preview`);
    await expect(assumptions.param('prompt_tokens', 'p90')).toHaveValue('7,000');

    await forecast.show();
    // The full run no longer describes the document: the view shows the preview of the edit.
    await expect(forecast.resultMeta).toHaveAttribute('data-kind', 'preview');
    await expect(forecast.resultMeta).toHaveAttribute('data-stale', 'false');
    await expect(forecast.fullStatus).toContainText('(before the latest edits)');
    const after = await forecast.readStats();
    // Longer prompts make the API assistant dearer; workloads without prompts keep their scale.
    const dollars = (text: string | undefined) => Number((text ?? '').replace(/[$,]/g, ''));
    expect(dollars(after['assistant-api']?.p50)).toBeGreaterThan(dollars(before['assistant-api']?.p50) * 1.2);
    expect(dollars(after.total?.p50)).toBeGreaterThan(dollars(before.total?.p50));
  });
});
