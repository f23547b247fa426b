/**
 * Every screen of the app shell with real numbers, in the light and the dark theme, kept as test
 * artifacts (test/e2e/artifacts/screens/app-*.png), and the keyboard alone reaching the views and Run.
 */
import type { Page } from '@playwright/test';
import { formatMoney } from '../../models/io/display-format.ts';
import { expect, newGuardedPage, test } from './fixtures.ts';
import { AssumptionsPage } from './pages/assumptions-page.ts';
import { ForecastPage } from './pages/forecast-page.ts';
import { cliForecast } from './support/cli-forecast.ts';

/** Presses Tab (or Shift+Tab) until `name` has the focus; fails after `limit` presses. */
async function tabTo(page: Page, name: string, { backwards = false, limit = 40 } = {}): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return element ? (element.getAttribute('aria-label') ?? element.textContent ?? '').trim() : '';
    });
    if (focused === name) return presses;
  }
  throw new Error(`${name} was not reached with ${limit} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`);
}

test.describe.serial('the app shell, screen by screen', () => {
  let page: Page;
  let assumptions: AssumptionsPage;
  let forecast: ForecastPage;
  let checkGuards: () => void;

  test.beforeAll(async ({ browser }) => {
    ({ page, check: checkGuards } = await newGuardedPage(browser));
    assumptions = new AssumptionsPage(page);
    forecast = new ForecastPage(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await assumptions.app.goto();
  });

  test.afterAll(async () => {
    await page.context().close();
    checkGuards();
  });

  test('the keyboard alone opens a template, reaches the views and runs the forecast', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    // Past the toolbar and the navigation to the first template, the default example.
    const template = page.locator('[data-template="default.json"]');
    for (let presses = 0; presses < 40 && !(await template.evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press('Tab');
    await expect(template).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('.app')).toHaveAttribute('data-view', 'assumptions');

    // The navigation comes after the toolbar: Tab reaches Forecast, Enter shows it.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await tabTo(page, 'Forecast');
    await page.keyboard.press('Enter');
    await expect(page.locator('.app')).toHaveAttribute('data-view', 'forecast');
    await expect(assumptions.app.nav('Forecast')).toHaveAttribute('aria-current', 'page');

    // Back up to Run in the toolbar and press it.
    await tabTo(page, 'Run', { backwards: true });
    await expect(forecast.runButton).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(forecast.fullStatus).toContainText('Last run: 10,000 trials', { timeout: 120_000 });
    await expect(forecast.resultMeta).toHaveAttribute('data-kind', 'full');
  });

  test('each view opens at its top, whatever the last one was scrolled to', async () => {
    await assumptions.show();
    const main = page.locator('main');
    await main.evaluate((element) => element.scrollTo({ top: 2000 }));
    await expect.poll(() => main.evaluate((element) => element.scrollTop)).toBeGreaterThan(1000);
    await forecast.show();
    await expect.poll(() => main.evaluate((element) => element.scrollTop)).toBe(0);
  });

  test('light theme: Welcome, Assumptions and Forecast with the full run', async () => {
    const cli = cliForecast('default.json');
    await expect(page.locator('.app')).toHaveClass(/theme-light/);
    await forecast.show();
    await expect(page.getByTestId('kpi-p50')).toContainText(formatMoney(cli.total.p50, cli.currency));
    // The charts are drawn (a canvas each) before the picture is taken.
    for (const chart of ['fan-chart', 'breakdown-chart', 'distribution-chart', 'tornado-chart']) await expect(page.getByTestId(chart).locator('canvas')).toHaveCount(1);
    await page.waitForTimeout(500);
    await forecast.app.screenshot('app-forecast-light');
    await assumptions.show();
    await expect(assumptions.driverRow('prompt_tokens').locator('svg.mini-histogram')).toBeVisible();
    await assumptions.app.screenshot('app-assumptions-light');
    await assumptions.app.view('Welcome');
    await expect(page.getByRole('heading', { name: 'New from a template' })).toBeVisible();
    await assumptions.app.screenshot('app-welcome-light');
  });

  test('dark theme, following the system: the same three screens', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('.app')).toHaveClass(/theme-dark/);
    const background = await page.locator('.app').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).toBe('rgb(17, 24, 34)');
    await assumptions.app.screenshot('app-welcome-dark');
    await assumptions.show();
    await assumptions.app.screenshot('app-assumptions-dark');
    await forecast.show();
    await page.waitForTimeout(500);
    await forecast.app.screenshot('app-forecast-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
