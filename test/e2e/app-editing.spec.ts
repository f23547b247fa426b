/**
 * Editing the default scenario in the drivers table: undo and redo (buttons and Ctrl+Z /
 * Ctrl+Shift+Z) restore values exactly, down to the preview's numbers; renaming a driver renames
 * it inside the formulas that use it; an invalid formula shows the engine's own message beside the
 * field and in the problems list without breaking the app, and fixing it clears both.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, newGuardedPage, test } from './fixtures.ts';
import { AssumptionsPage } from './pages/assumptions-page.ts';
import { ForecastPage } from './pages/forecast-page.ts';
import { cliValidate } from './support/cli-validate.ts';

const FORMULA = 'monthly_active_users * assistant_adoption * chats_per_user';

test.describe.serial('editing the default scenario', () => {
  let page: Page;
  let assumptions: AssumptionsPage;
  let forecast: ForecastPage;
  let checkGuards: () => void;

  test.beforeAll(async ({ browser }) => {
    ({ page, check: checkGuards } = await newGuardedPage(browser));
    assumptions = new AssumptionsPage(page);
    forecast = new ForecastPage(page);
    await assumptions.app.goto();
    await assumptions.app.openTemplate('default.json');
    await assumptions.app.waitForPreview();
  });

  test.afterAll(async () => {
    await page.context().close();
    checkGuards();
  });

  const undoButton = () => page.getByRole('button', { name: 'Undo', exact: true });
  const redoButton = () => page.getByRole('button', { name: 'Redo', exact: true });

  test('Undo and Redo, by button and by Ctrl+Z / Ctrl+Shift+Z, restore the value and the preview exactly', async () => {
    await forecast.show();
    const original = await forecast.readStats();
    await assumptions.show();
    const p90 = assumptions.param('prompt_tokens', 'p90');
    await expect(p90).toHaveValue('3,500');
    await expect(undoButton()).toBeDisabled();

    await assumptions.setParam('prompt_tokens', 'p90', '7000');
    await expect(p90).toHaveValue('7,000');
    await expect(undoButton()).toHaveAttribute('title', /^Undo change prompt_tokens p90 /);
    await assumptions.app.waitForPreview();
    await forecast.show();
    const edited = await forecast.readStats();
    expect(edited.total?.p50).not.toBe(original.total?.p50);
    await assumptions.show();

    await undoButton().click();
    await expect(p90).toHaveValue('3,500');
    await expect(redoButton()).toHaveAttribute('title', /^Redo change prompt_tokens p90 /);
    await redoButton().click();
    await expect(p90).toHaveValue('7,000');

    // The shortcuts act on the document when no text field has the focus.
    await page.locator('main').focus();
    await page.keyboard.press('Control+z');
    await expect(p90).toHaveValue('3,500');
    await assumptions.app.waitForPreview();
    await forecast.show();
    // Same document, same seed: the preview is the original one to the last digit.
    expect(await forecast.readStats()).toEqual(original);
    await page.locator('main').focus();
    await page.keyboard.press('Control+Shift+Z');
    await assumptions.app.waitForPreview();
    expect(await forecast.readStats()).toEqual(edited);
    await assumptions.show();
    await expect(p90).toHaveValue('7,000');
    await page.locator('main').focus();
    await page.keyboard.press('Control+z');
    await expect(p90).toHaveValue('3,500');
  });

  test('a slider drag is one undo step, however many values it passes through', async () => {
    const field = assumptions.driverRow('platform_fee').getByRole('textbox', { name: 'platform_fee', exact: true });
    const slider = assumptions.driverRow('platform_fee').getByRole('slider', { name: 'platform_fee (slider)' });
    await expect(field).toHaveValue('2,500');
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    for (const share of [0.6, 0.7, 0.8, 0.9]) await page.mouse.move(box.x + box.width * share, y, { steps: 3 });
    await page.mouse.up();
    const dragged = await field.inputValue();
    expect(Number(dragged.replace(/,/g, ''))).toBeGreaterThan(3500);
    await expect(undoButton()).toHaveAttribute('title', /^Undo change platform_fee /);
    await undoButton().click();
    await expect(field).toHaveValue('2,500');
    await redoButton().click();
    await expect(field).toHaveValue(dragged);
    await undoButton().click();
    await expect(field).toHaveValue('2,500');
  });

  test('renaming a driver renames it in every formula that uses it, and Undo renames it back', async () => {
    await expect(assumptions.formula('assistant_requests')).toHaveValue(FORMULA);
    await expect(assumptions.driverRow('chats_per_user')).toContainText('used by 1 formula');
    await assumptions.renameDriver('chats_per_user', 'chats_per_member');
    await expect(assumptions.driverRow('chats_per_user')).toHaveCount(0);
    await expect(assumptions.formula('assistant_requests')).toHaveValue('monthly_active_users * assistant_adoption * chats_per_member');
    await expect(assumptions.driverRow('chats_per_member')).toContainText('used by 1 formula');
    await expect(page.getByTestId('status-bar')).toContainText('Valid');
    await expect(undoButton()).toHaveAttribute('title', /^Undo rename chats_per_user to chats_per_member /);

    await undoButton().click();
    await expect(assumptions.driverRow('chats_per_user')).toBeVisible();
    await expect(assumptions.formula('assistant_requests')).toHaveValue(FORMULA);
  });

  test('a name that is not an identifier is refused in the field, and nothing changes', async () => {
    const field = assumptions.nameField('chats_per_user');
    await field.fill('Chats Per User');
    await field.press('Enter');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAttribute('title', /lower-case letters, digits and _/);
    await field.press('Escape');
    await expect(field).toHaveValue('chats_per_user');
    await expect(assumptions.formula('assistant_requests')).toHaveValue(FORMULA);
  });

  test('an invalid formula shows the engine\'s message beside it and in the problems list, and the app keeps working', async () => {
    const broken = 'monthly_active_users * * chats_per_user';
    // What the engine says about exactly this document, through the command line.
    const document = JSON.parse(readFileSync('scenarios/default.json', 'utf8')) as Record<string, Record<string, unknown>>;
    document.drivers!.assistant_requests = broken;
    // The baseline's problem (the CLI repeats it for each variant, which the app lists once).
    const cli = cliValidate(JSON.stringify(document, null, 2));
    expect(cli.status).toBe(1);
    const problem = cli.problems.map((p) => p.text).find((line) => line.startsWith('drivers.assistant_requests: '));
    expect(problem).toBeDefined();
    const message = problem!.slice('drivers.assistant_requests: '.length);

    await assumptions.setFormula('assistant_requests', broken);
    await expect(assumptions.driverIssues('assistant_requests')).toHaveText(message);
    expect(message).toMatch(/^formula error: .+ — .+/);
    await expect(assumptions.formula('assistant_requests')).toHaveAttribute('aria-invalid', 'true');
    await expect(assumptions.problems).toContainText('1 problem to fix before the forecast runs');
    await expect(assumptions.problems.getByRole('listitem')).toHaveText([problem!]);
    await expect(page.getByTestId('status-bar')).toContainText('1 problem to fix');
    await expect(forecast.runButton).toBeDisabled();

    // The other views still open; the forecast says what it shows and why it is not current.
    await forecast.app.view('Forecast');
    await expect(forecast.resultMeta).toHaveAttribute('data-stale', 'true');
    await page.getByTestId('status-bar').getByRole('button', { name: '1 problem to fix' }).click();
    await expect(page.locator('.app')).toHaveAttribute('data-view', 'assumptions');

    await assumptions.setFormula('assistant_requests', FORMULA);
    await expect(assumptions.driverIssues('assistant_requests')).toHaveCount(0);
    await expect(assumptions.problems).toHaveCount(0);
    await expect(page.getByTestId('status-bar')).toContainText('Valid');
    await assumptions.app.waitForPreview();
    await expect(forecast.runButton).toBeEnabled();
  });
});
