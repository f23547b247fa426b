/**
 * The Compare view: for every bundled scenario with variants, the full run's table must show
 * each variant's P50, ΔP50, ΔP90 and P(cheaper) exactly as `costcast forecast --json` gives them
 * for the same seed and trials; the variant editor adds, changes and renames a variant as
 * undoable edits; a bad variant shows the engine's message inside it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatMoney, formatPercent } from '../../models/io/display-format.ts';
import { expect, test } from './fixtures.ts';
import { ComparePage } from './pages/compare-page.ts';
import { bundledScenarioFiles } from './support/bundled-scenarios.ts';
import { cliForecast } from './support/cli-forecast.ts';

const scenarioFile = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url));
const withVariants = bundledScenarioFiles().filter((name) => {
  const document = JSON.parse(readFileSync(scenarioFile(name), 'utf8')) as { variants?: unknown[] };
  return (document.variants?.length ?? 0) > 0;
});
const signed = (value: number, currency: string) => `${value > 0 ? '+' : ''}${formatMoney(value, currency)}`;

test('every bundled scenario has variants to compare', () => {
  // The loop below would pass vacuously without them.
  expect(withVariants.length).toBeGreaterThanOrEqual(4);
});

for (const file of withVariants) {
  test(`${file}: each variant's P50, ΔP50, ΔP90 and P(cheaper) are the CLI's`, async ({ page }) => {
    test.setTimeout(180_000);
    const compare = new ComparePage(page);
    await compare.app.goto();
    await compare.app.openTemplate(file);
    await compare.show();
    await compare.app.runFull();
    await expect(page.getByTestId('result-meta')).toHaveAttribute('data-kind', 'full');
    const cli = cliForecast(file);
    const variants = cli.variants ?? [];
    expect(await compare.variantNames()).toEqual(variants.map((v) => v.name));
    await expect(compare.cell('Baseline', 'p50')).toHaveText(formatMoney(cli.total.p50, cli.currency));
    for (const variant of variants) {
      await expect(compare.cell(variant.name, 'p10')).toHaveText(formatMoney(variant.total.p10, cli.currency));
      await expect(compare.cell(variant.name, 'p50')).toHaveText(formatMoney(variant.total.p50, cli.currency));
      await expect(compare.cell(variant.name, 'p90')).toHaveText(formatMoney(variant.total.p90, cli.currency));
      await expect(compare.cell(variant.name, 'delta-p50')).toHaveText(signed(variant.deltaP50, cli.currency));
      await expect(compare.cell(variant.name, 'delta-p90')).toHaveText(signed(variant.deltaP90, cli.currency));
      await expect(compare.cell(variant.name, 'p-cheaper')).toHaveText(formatPercent(variant.probabilityCheaper!));
      await expect(compare.cell(variant.name, 'delta-mean')).toContainText(`${signed(variant.deltaMean!, cli.currency)} ± ${formatMoney(variant.deltaStdError!, cli.currency)}`);
    }
    // Both charts are drawn: the overlaid fans and the paired change.
    await expect(page.getByTestId('variant-fans-chart').locator('canvas')).toBeVisible();
    await expect(page.getByTestId('variant-delta-chart').locator('canvas')).toBeVisible();
    await compare.app.screenshot(`compare-${file.replace(/\.json$/, '')}`);
    if (file === 'default.json') {
      await page.getByRole('button', { name: 'Per month', exact: true }).click();
      await page.emulateMedia({ colorScheme: 'dark' });
      await compare.app.screenshot('compare-default-dark-per-month');
    }
  });
}

test('a variant added in the editor appears after the preview, runs on the same random numbers, and undo takes it away', async ({ page }) => {
  const compare = new ComparePage(page);
  await compare.app.goto();
  await compare.app.openTemplate('default.json');
  await compare.show();
  await compare.app.waitForPreview();
  const before = await compare.variantNames();

  await compare.addVariant();
  await expect(compare.card('Variant 1')).toBeVisible();
  await compare.app.waitForPreview();
  // With no change yet, the variant is the baseline: same P50, never cheaper.
  await expect(compare.cell('Variant 1', 'p50')).toHaveText(await compare.cell('Baseline', 'p50').innerText());
  await expect(compare.cell('Variant 1', 'p-cheaper')).toHaveText('0.0 %');

  // The same change as the bundled "Switch assistant to gpt-4o-mini", picked by its name.
  await compare.addOverride('Variant 1', 'Customer assistant (API) · model');
  await expect(compare.override('Variant 1', 'Customer assistant (API) · model')).toContainText('/workloads/0/model');
  await compare.card('Variant 1').getByRole('combobox', { name: 'Variant 1: Customer assistant (API) · model' }).selectOption('gpt-4o-mini');
  await compare.app.waitForPreview();
  // Common random numbers: the same change gives the same numbers, to the cent.
  for (const column of ['p50', 'delta-p50', 'delta-p90', 'p-cheaper'] as const) {
    await expect(compare.cell('Variant 1', column)).toHaveText(await compare.cell('Switch assistant to gpt-4o-mini', column).innerText());
  }
  await expect(compare.cell('Variant 1', 'delta-p50')).toHaveText(/^-\$/);

  await compare.card('Variant 1').getByRole('textbox', { name: 'Name of variant 3' }).fill('Mini for the assistant');
  await compare.card('Variant 1').getByRole('textbox', { name: 'Name of variant 3' }).press('Enter');
  await expect(compare.card('Mini for the assistant')).toBeVisible();
  await compare.app.waitForPreview();
  await expect(compare.row('Mini for the assistant')).toBeVisible();
  await compare.app.screenshot('compare-editor-added');

  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  await undo.click(); // the rename
  await expect(compare.card('Variant 1')).toBeVisible();
  await undo.click(); // the model
  await undo.click(); // the override
  await expect(compare.override('Variant 1', 'Customer assistant (API) · model')).toHaveCount(0);
  await undo.click(); // the variant
  await expect(compare.card('Variant 1')).toHaveCount(0);
  await compare.app.waitForPreview();
  expect(await compare.variantNames()).toEqual(before);
});

test('a bad variant shows the engine’s message inside it; a scenario without variants explains them and adds one', async ({ page }) => {
  const compare = new ComparePage(page);
  await compare.app.goto();
  await compare.app.openTemplate('blank');
  await compare.show();
  await expect(page.getByTestId('no-variants')).toContainText('same random numbers');
  await compare.addVariant();
  await expect(compare.card('Variant 1')).toContainText('No changes yet');
  await compare.app.waitForPreview();
  await expect(compare.cell('Variant 1', 'delta-p50')).toHaveText('$0');

  await compare.addOverride('Variant 1', 'driver monthly_requests');
  const card = compare.card('Variant 1');
  await card.getByRole('combobox', { name: 'Variant 1: driver monthly_requests form' }).selectOption('formula');
  const formula = card.getByRole('textbox', { name: 'Variant 1: driver monthly_requests formula' });
  await formula.fill('no_such_driver * 2');
  await formula.press('Enter');
  const issues = card.getByTestId('variant-issues');
  await expect(issues).toContainText('no_such_driver');
  await expect(page.locator('.compare-blocked')).toContainText('1 in the variants below');
  await compare.app.screenshot('compare-bad-variant');

  await card.getByRole('button', { name: 'Remove driver monthly_requests from Variant 1' }).click();
  await expect(issues).toHaveCount(0);
  await compare.app.waitForPreview();
  await expect(compare.cell('Variant 1', 'delta-p50')).toHaveText('$0');
});
