/**
 * The Budget & ROI view on every bundled scenario, one page and one full run each: the budget
 * risk, threshold alerts, tag budgets, ROI, NPV, payback, unit costs and chargeback against
 * `costcast forecast --json`; changing the budget here is undoable; and a scenario without a
 * budget or a value says what to add and adds it.
 */
import type { Page } from '@playwright/test';
import { formatMoney, formatNumber, formatPercent, unitCostLabel } from '../../models/io/display-format.ts';
import type { ForecastResult } from '../../models/simulate/result.ts';
import { expect, newGuardedPage, test } from './fixtures.ts';
import { BudgetPage } from './pages/budget-page.ts';
import { bundledScenarioFiles } from './support/bundled-scenarios.ts';
import { cliForecast } from './support/cli-forecast.ts';

/** Trials of the full runs compared with the CLI: the same on both sides, a tenth of the scenarios' own for speed. */
const TRIALS = 1000;

const unsavedMark = (page: Page) => page.getByTestId('document-title').getByLabel('Unsaved changes');

for (const file of bundledScenarioFiles()) {
  test.describe.serial(`Budget & ROI of ${file}`, () => {
    let page: Page;
    let budget: BudgetPage;
    let checkGuards: () => void;
    let cli: ForecastResult;
    const name = file.replace(/\.json$/, '');

    test.beforeAll(async ({ browser }) => {
      ({ page, check: checkGuards } = await newGuardedPage(browser));
      budget = new BudgetPage(page);
      await budget.app.goto();
      await budget.app.openTemplate(file);
      await budget.app.waitForPreview();
      await budget.show();
    });

    test.afterAll(async () => {
      await page.context().close();
      checkGuards();
    });

    test('after the full run it shows the budget risk, alerts and tag budgets of costcast forecast --json', async () => {
      // The CLI computes the expected numbers while the app runs the same forecast.
      cli = await budget.runFullBeside(TRIALS, () => cliForecast(file, { trials: TRIALS }));
      const money = (v: number) => formatMoney(v, cli.currency);
      const b = cli.budget;
      if (!b) {
        await expect(page.getByTestId('budget-none')).toBeVisible();
        return;
      }
      await expect(budget.kpiValue('overrun-probability')).toHaveText(formatPercent(b.probabilityOfExceeding));
      await expect(budget.kpi('overrun-probability')).toContainText(money(b.amount));
      await expect(budget.kpiValue('expected-overrun')).toHaveText(money(b.expectedOverrun));
      if (b.firstBreachMonth) await expect(budget.kpiValue('breach')).toHaveText(`${cli.months[Math.round(b.firstBreachMonth.p50) - 1]} (month ${Math.round(b.firstBreachMonth.p50)})`);
      else await expect(budget.kpiValue('breach')).toHaveText('none');
      for (const t of b.thresholds ?? []) {
        await expect(budget.thresholdCell(t.level, 'probability')).toHaveText(formatPercent(t.probability));
        await expect(budget.thresholdCell(t.level, 'likelyMonth')).toHaveText(t.likelyMonth === null ? 'not within the horizon' : `${cli.months[t.likelyMonth - 1]} (month ${t.likelyMonth})`);
      }
      for (const tag of b.byTag ?? []) {
        await expect(budget.tagBudgetCell(tag.tag, tag.value, 'probabilityOfExceeding')).toHaveText(formatPercent(tag.probabilityOfExceeding));
        await expect(budget.tagBudgetCell(tag.tag, tag.value, 'expectedOverrun')).toHaveText(money(tag.expectedOverrun));
      }
      await expect(page.getByTestId('cumulative-budget-chart').locator('canvas')).toHaveCount(1);
      await expect(page.getByTestId('overrun-chart').locator('canvas')).toHaveCount(1);
    });

    test('it shows ROI, NPV and payback, every unit cost and the chargeback of the same run', async () => {
      const money = (v: number) => formatMoney(v, cli.currency);
      if (cli.roi) {
        await expect(budget.kpiValue('roi')).toHaveText(formatPercent(cli.roi.roi.p50));
        await expect(budget.kpiValue('npv')).toHaveText(money(cli.roi.npv.p50));
        await expect(budget.kpi('roi')).toContainText(`P(ROI > 0) ${formatPercent(cli.roi.probabilityPositive)}`);
        await expect(budget.kpi('payback')).toContainText(`${formatPercent(cli.roi.probabilityOfPayback)} of trials pay back`);
        for (const chart of ['roi-chart', 'npv-chart', 'payback-chart']) await expect(page.getByTestId(chart).locator('canvas')).toHaveCount(1);
      } else {
        await expect(page.getByTestId('roi-none')).toContainText('No value yet, so no ROI');
        await expect(page.getByRole('button', { name: 'Add a value' })).toBeEnabled();
      }
      for (const [unit, stats] of Object.entries(cli.units ?? {})) {
        await expect(budget.unitCell(unit, 'p50')).toHaveText(money(stats.costPerUnit.p50));
        await expect(budget.unitCell(unit, 'p90')).toHaveText(money(stats.costPerUnit.p90));
      }
      const firstUnit = Object.entries(cli.units ?? {})[0];
      if (firstUnit) {
        const per = firstUnit[1].per ?? 1;
        await expect(page.getByTestId('units-table').locator(`tr[data-unit="${firstUnit[0]}"] th`)).toHaveText(unitCostLabel(firstUnit[0], per));
      }
      const chargeback = cli.chargeback!;
      await expect(budget.chargebackTag).toHaveValue('team');
      for (const [value, group] of Object.entries(chargeback.team!)) {
        await expect(budget.chargebackCell(value, 'p50')).toHaveText(money(group.total.p50));
        await expect(budget.chargebackCell(value, 'p90')).toHaveText(money(group.total.p90));
      }
      await budget.chargebackTag.selectOption('environment');
      const [environment, group] = Object.entries(chargeback.environment!)[0]!;
      await expect(budget.chargebackCell(environment, 'p50')).toHaveText(money(group.total.p50));
      await expect(page.getByTestId('chargeback-table').locator('tbody tr')).toHaveCount(Object.keys(chargeback.environment!).length);
      await budget.chargebackTag.selectOption('team');
    });

    test('screenshots in light and dark', async () => {
      await budget.app.screenshot(`budget-${name}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await budget.app.screenshot(`budget-${name}-dark`);
      await page.emulateMedia({ colorScheme: 'light' });
    });

    test('changing the budget here is one undoable edit that the numbers follow', async () => {
      const amount = cli.budget!.amount;
      const halved = Math.round(amount / 2);
      await expect(unsavedMark(page)).toHaveCount(0);
      await budget.setTotalBudget(halved);
      await expect(unsavedMark(page)).toHaveCount(1);
      await budget.app.waitForPreview();
      await expect(budget.kpi('overrun-probability')).toContainText(`horizon total above ${formatMoney(halved, cli.currency)}`);
      await expect(budget.resultMeta).toHaveAttribute('data-kind', 'preview');
      await budget.undoButton.click();
      await expect(budget.totalBudgetField).toHaveValue(formatNumber(amount));
      await expect(unsavedMark(page)).toHaveCount(0);
      await budget.app.waitForPreview();
      await expect(budget.kpi('overrun-probability')).toContainText(`horizon total above ${formatMoney(amount, cli.currency)}`);
    });
  });
}

test.describe.serial('a scenario without a budget or a value', () => {
  let page: Page;
  let budget: BudgetPage;
  let checkGuards: () => void;

  test.beforeAll(async ({ browser }) => {
    ({ page, check: checkGuards } = await newGuardedPage(browser));
    budget = new BudgetPage(page);
    await budget.app.goto();
    await budget.app.openTemplate('blank');
    await budget.app.waitForPreview();
    await budget.show();
  });

  test.afterAll(async () => {
    await page.context().close();
    checkGuards();
  });

  test('says what a budget and a value give, instead of empty charts', async () => {
    await expect(page.getByTestId('budget-none')).toContainText('No budget yet');
    await expect(page.getByTestId('roi-none')).toContainText('No value yet, so no ROI');
    await expect(page.getByTestId('cumulative-budget-chart')).toHaveCount(0);
    await expect(page.getByTestId('roi-chart')).toHaveCount(0);
    await budget.app.screenshot('budget-blank');
  });

  test('"Add a budget" adds one (undoably), and it can be switched to a monthly budget', async () => {
    await page.getByRole('button', { name: 'Add a budget' }).click();
    await expect(page.getByTestId('budget-editor')).toBeVisible();
    await expect(unsavedMark(page)).toHaveCount(1);
    await budget.app.waitForPreview();
    await expect(budget.kpiValue('overrun-probability')).toHaveText(/^\d+\.\d %$/);
    const total = Number((await budget.totalBudgetField.inputValue()).replace(/,/g, ''));
    expect(total).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Per month' }).click();
    // Twelve months: the same budget spread evenly.
    await expect(budget.monthlyBudgetField).toHaveValue(formatNumber(Math.round(total / 12)));
    await budget.undoButton.click();
    await expect(budget.totalBudgetField).toHaveValue(formatNumber(total));
    await budget.undoButton.click();
    await expect(page.getByTestId('budget-none')).toBeVisible();
    await expect(unsavedMark(page)).toHaveCount(0);
  });

  test('"Add a value" brings ROI, NPV and payback, and the value editor', async () => {
    await page.getByRole('button', { name: 'Add a value' }).click();
    await expect(page.getByTestId('value-editor')).toBeVisible();
    await budget.app.waitForPreview();
    // A value of 0 a month returns nothing: ROI −100 %, and no trial pays back.
    await expect(budget.kpiValue('roi')).toHaveText(formatPercent(-1));
    await expect(budget.kpiValue('payback')).toHaveText('none');
    const value = page.getByRole('textbox', { name: 'Value per month', exact: true });
    await value.fill('1000000');
    await value.press('Enter');
    await budget.app.waitForPreview();
    await expect(budget.kpiValue('payback')).toHaveText(/\(month 1\)$/);
    await budget.app.screenshot('budget-blank-with-value');
    await budget.undoButton.click();
    await budget.undoButton.click();
    await expect(page.getByTestId('roi-none')).toBeVisible();
    await expect(unsavedMark(page)).toHaveCount(0);
  });
});
