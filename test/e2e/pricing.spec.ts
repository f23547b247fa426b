/**
 * The Pricing view on every bundled scenario, one page and one full run each: every strategy,
 * the recommended commitments, the provider ranking and the GPU-hour demand against
 * `costcast forecast --json`; the catalog date; edits made here are undoable; and a user's price
 * file — refused with precise messages when malformed, changing the prices when valid.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { formatMoney, formatNumber, formatPercent } from '../../models/io/display-format.ts';
import type { ForecastResult } from '../../models/simulate/result.ts';
import { expect, newGuardedPage, test } from './fixtures.ts';
import { PricingPage } from './pages/pricing-page.ts';
import { bundledScenarioFiles } from './support/bundled-scenarios.ts';
import { cliForecast } from './support/cli-forecast.ts';

/** Whether a YYYY-MM-DD date lies more than six calendar months before `now`. */
function olderThanSixMonths(asOf: string, now: Date): boolean {
  const limit = new Date(`${asOf}T00:00:00Z`);
  limit.setUTCMonth(limit.getUTCMonth() + 6);
  return limit.getTime() < Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

/** Whether a bundled scenario has a workload on GPUs (read from the file, as the tests are declared). */
function usesGpus(file: string): boolean {
  const scenario = JSON.parse(readFileSync(fileURLToPath(new URL(`../../scenarios/${file}`, import.meta.url)), 'utf8')) as { workloads: { gpu?: unknown }[] };
  return scenario.workloads.some((w) => typeof w.gpu === 'string');
}

const unsavedMark = (page: Page) => page.getByTestId('document-title').getByLabel('Unsaved changes');

/**
 * Trials of the full runs compared with the CLI: the same count on both sides gives identical
 * numbers, and a tenth of the scenarios' 10,000 keeps the suite fast (the Forecast spec checks a
 * run of the scenario's own count).
 */
const TRIALS = 1000;

for (const file of bundledScenarioFiles()) {
  test.describe.serial(`Pricing of ${file}`, () => {
    let page: Page;
    let pricing: PricingPage;
    let checkGuards: () => void;
    let cli: ForecastResult;
    const name = file.replace(/\.json$/, '');

    test.beforeAll(async ({ browser }) => {
      ({ page, check: checkGuards } = await newGuardedPage(browser));
      pricing = new PricingPage(page);
      await pricing.app.goto();
      await pricing.app.openTemplate(file);
      await pricing.app.waitForPreview();
      await pricing.show();
    });

    test.afterAll(async () => {
      await page.context().close();
      checkGuards();
    });

    test('after the full run it shows the strategies, commitments, providers and GPU-hours of costcast forecast --json', async () => {
      cli = await pricing.runFullBeside(TRIALS, () => cliForecast(file, { trials: TRIALS }));
      const money = (v: number) => formatMoney(v, cli.currency);
      const result = cli.pricing;
      if (!result) {
        // No GPU workload: an explanation, not empty charts.
        await expect(page.getByTestId('pricing-none')).toContainText('No GPU workloads to price');
        await expect(page.getByTestId('strategies-chart')).toHaveCount(0);
        return;
      }
      for (const strategy of result.strategies) {
        await expect(pricing.strategyCell(strategy.name, 'p50')).toHaveText(money(strategy.total.p50));
        await expect(pricing.strategyCell(strategy.name, 'p10')).toHaveText(money(strategy.total.p10));
        await expect(pricing.strategyCell(strategy.name, 'p90')).toHaveText(money(strategy.total.p90));
        await expect(pricing.strategyCell(strategy.name, 'saving')).toHaveText(money(strategy.savingVsOnDemand ?? 0));
      }
      if (result.recommendedCommitments.length) {
        for (const r of result.recommendedCommitments) {
          await expect(pricing.recommendedCell(r.gpu, r.term, 'gpuHoursPerMonth')).toHaveText(formatNumber(r.gpuHoursPerMonth));
          await expect(pricing.recommendedCell(r.gpu, r.term, 'probabilityUnderUsed')).toHaveText(formatPercent(r.probabilityUnderUsed!));
          await expect(pricing.recommendedCell(r.gpu, r.term, 'expectedSaving')).toHaveText(money(r.expectedSaving!));
        }
      } else {
        await expect(page.getByTestId('recommended-none')).toBeVisible();
      }
      expect(await pricing.providerOrder()).toEqual(result.providers.map((p) => p.provider));
      const top = result.providers[0]!;
      await expect(page.getByTestId('kpi-cheapest-provider')).toContainText(top.provider);
      await expect(page.getByTestId('kpi-cheapest-provider')).toContainText(money(top.total.p50));
      for (const provider of result.providers) {
        await expect(pricing.providerCell(provider.provider, 'p50')).toHaveText(money(provider.total.p50));
        for (const [gpu, price] of Object.entries(provider.pricePerGpuHour ?? {})) await expect(pricing.providerGpuPrice(provider.provider, gpu)).toHaveText(`${gpu} ${money(price)}`);
      }
      await expect(pricing.providerCell(top.provider, 'co2e')).toHaveText(`${formatNumber(top.co2eTonnes, top.co2eTonnes < 10 ? 2 : 1)} t`);
      for (const [gpu, hours] of Object.entries(result.gpuHours ?? {})) await expect(pricing.gpuHoursCell(gpu, 'p50')).toHaveText(formatNumber(hours.p50));
      await expect(page.getByTestId('commitment-curve')).toBeVisible();
      await expect(page.getByTestId('strategies-chart').locator('canvas')).toHaveCount(1);
    });

    test('the catalog date is the engine’s, with a warning only when it is over six months old', async () => {
      const asOf = cli.pricing?.asOf ?? (await pricing.catalogAsOf.getAttribute('data-as-of'))!;
      await expect(pricing.catalogAsOf).toContainText(`as of ${asOf}`);
      await expect(pricing.staleWarning).toHaveCount(olderThanSixMonths(asOf, new Date()) ? 1 : 0);
    });

    test('screenshots in light and dark', async () => {
      await pricing.app.screenshot(`pricing-${name}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await pricing.app.screenshot(`pricing-${name}-dark`);
      await page.emulateMedia({ colorScheme: 'light' });
    });

    if (usesGpus(file)) {
      test('using a recommended commitment (or adding one) edits the scenario, and Undo puts it back', async () => {
        const recommended = cli.pricing!.recommendedCommitments[0];
        const before = await pricing.commitments();
        await expect(unsavedMark(page)).toHaveCount(0);
        if (recommended) {
          await pricing.useRecommendedButton(recommended.gpu, recommended.term).click();
          const level = formatNumber(Math.round(recommended.gpuHoursPerMonth));
          await expect.poll(() => pricing.commitments()).toContainEqual({ gpu: recommended.gpu, term: recommended.term, hours: level });
        } else {
          await page.getByRole('button', { name: 'Add a commitment' }).click();
          await expect.poll(async () => (await pricing.commitments()).length).toBe(before.length + 1);
        }
        await expect(unsavedMark(page)).toHaveCount(1);
        // The numbers follow the edit: a preview of the edited scenario replaces the full run.
        await pricing.app.waitForPreview();
        await expect(pricing.resultMeta).toHaveAttribute('data-kind', 'preview');
        await page.getByRole('button', { name: 'Undo' }).click();
        await expect.poll(() => pricing.commitments()).toEqual(before);
        await expect(unsavedMark(page)).toHaveCount(0);
      });
    }
  });
}

test.describe.serial('spot choices and price files on the default scenario', () => {
  let page: Page;
  let pricing: PricingPage;
  let checkGuards: () => void;
  const header = 'provider,region,instanceType,gpu,gpuCount,onDemandPerHour,spotPerHour,committed1yPerHour,committed3yPerHour,source,asOf';

  test.beforeAll(async ({ browser }) => {
    ({ page, check: checkGuards } = await newGuardedPage(browser));
    pricing = new PricingPage(page);
    await pricing.app.goto();
    await pricing.app.openTemplate('default.json');
    await pricing.app.waitForPreview();
    await pricing.show();
  });

  test.afterAll(async () => {
    await page.context().close();
    checkGuards();
  });

  test('a spot checkbox edits pricing.spot.workloads as one undoable step', async () => {
    const finetune = pricing.spotCheckbox('Monthly fine-tuning');
    const checked = await finetune.isChecked();
    await finetune.click();
    await expect(finetune).toBeChecked({ checked: !checked });
    await expect(unsavedMark(page)).toHaveCount(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(finetune).toBeChecked({ checked });
    await expect(unsavedMark(page)).toHaveCount(0);
  });

  test('the provider picked from the catalog is an undoable edit the comparison follows', async () => {
    const provider = page.getByRole('combobox', { name: 'Provider', exact: true });
    await expect(provider).toHaveValue('aws');
    await provider.selectOption('gcp');
    await expect(page.getByRole('combobox', { name: 'Region', exact: true })).toHaveValue('');
    await expect(unsavedMark(page)).toHaveCount(1);
    await pricing.app.waitForPreview();
    await expect(pricing.providersTable.locator('tr.own-provider')).toHaveAttribute('data-provider', 'gcp');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(provider).toHaveValue('aws');
    await expect(page.getByRole('combobox', { name: 'Region', exact: true })).toHaveValue('us-east-1');
    await expect(unsavedMark(page)).toHaveCount(0);
    await pricing.app.waitForPreview();
    await expect(pricing.providersTable.locator('tr.own-provider')).toHaveAttribute('data-provider', 'aws');
  });

  test('a malformed price file is refused with each row, column and reason, and nothing changes', async () => {
    await pricing.app.waitForPreview();
    const awsBefore = await pricing.providerGpuPrice('aws', 'H100').textContent();
    const commitments = await pricing.commitments();
    await pricing.importPrices({
      name: 'bad-prices.csv',
      text: [header, 'aws,us-east-1,p5.48xlarge,H100,8,$40.00,,30.00,22.00,quote,2026-10-01', 'aws,us-east-1,p4d.24xlarge,A100,8,21.96,30.00,,,quote,2026-10-01', ''].join('\n'),
    });
    await expect(pricing.priceErrors).toContainText('bad-prices.csv was not imported: 2 problems');
    await expect(pricing.priceErrors).toContainText('row 2, column onDemandPerHour: "$40.00" is not a number');
    await expect(pricing.priceErrors).toContainText('row 3, column spotPerHour: must be below onDemandPerHour (21.96)');
    await expect(pricing.importedPrices).toHaveCount(0);
    await expect(unsavedMark(page)).toHaveCount(0);
    await expect(page).toHaveTitle(/^(?!•)/);
    expect(await pricing.commitments()).toEqual(commitments);
    await expect(pricing.providerGpuPrice('aws', 'H100')).toHaveText(awsBefore!);
  });

  test('a valid price file changes the provider’s price and total; removing it restores them', async () => {
    const awsP50Before = await pricing.providerCell('aws', 'p50').textContent();
    await pricing.importPrices({ name: 'negotiated.csv', text: `${header}\naws,us-east-1,p5.48xlarge,H100,8,40.00,20.00,30.00,22.00,"Enterprise agreement, 2026 rates",2026-10-01\n` });
    await expect(pricing.importedPrices).toContainText('p5.48xlarge');
    await expect(pricing.importedPrices).toContainText('replaced');
    await expect(pricing.priceErrors).toHaveCount(0);
    // 40.00 an hour for 8 GPUs: 5.00 per GPU-hour instead of the catalog's 6.88.
    await expect(pricing.providerGpuPrice('aws', 'H100')).toHaveText(`H100 ${formatMoney(5, 'USD')}`);
    await expect(pricing.providerCell('aws', 'p50')).not.toHaveText(awsP50Before!);
    await expect(unsavedMark(page)).toHaveCount(0);
    await pricing.app.screenshot('pricing-default-imported-prices');
    await page.getByRole('button', { name: 'Remove imported prices' }).click();
    await expect(pricing.importedPrices).toHaveCount(0);
    await expect(pricing.providerGpuPrice('aws', 'H100')).toHaveText(`H100 ${formatMoney(6.88, 'USD')}`);
    await expect(pricing.providerCell('aws', 'p50')).toHaveText(awsP50Before!);
  });
});

test('the catalog warns when its prices are more than six months old', async ({ page }) => {
  const pricing = new PricingPage(page);
  await page.clock.setFixedTime(new Date('2027-09-01T12:00:00Z'));
  await pricing.app.goto();
  await pricing.app.openTemplate('support-assistant.json');
  await pricing.app.waitForPreview();
  await pricing.show();
  const asOf = (await pricing.catalogAsOf.getAttribute('data-as-of'))!;
  expect(olderThanSixMonths(asOf, new Date('2027-09-01T12:00:00Z'))).toBe(true);
  await expect(pricing.staleWarning).toContainText('months old (more than 6)');
  await expect(page.getByTestId('pricing-none')).toBeVisible();
});
