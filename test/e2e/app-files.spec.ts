/**
 * Files and unsaved work: a malformed scenario file is refused with the precise place and the
 * document being edited stays as it was; New after an edit asks first and Cancel keeps the
 * document; an edit is autosaved within a second or two and offered back after a reload, and
 * recovering it restores the edit.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { AssumptionsPage } from './pages/assumptions-page.ts';
import { cliValidate } from './support/cli-validate.ts';

const BROKEN = '{\n  "format": "costcast/scenario",\n  "version": 1,\n  "name": "Broken",,\n  "currency": "USD"\n}\n';

async function openDefaultWithEdit(page: Page): Promise<AssumptionsPage> {
  const assumptions = new AssumptionsPage(page);
  await assumptions.app.goto();
  await assumptions.app.openTemplate('default.json');
  await assumptions.setParam('prompt_tokens', 'p90', '7000');
  await expect(assumptions.param('prompt_tokens', 'p90')).toHaveValue('7,000');
  await expect(page.getByTestId('document-title')).toContainText('•');
  return assumptions;
}

const dialog = (page: Page) => page.getByRole('alertdialog', { name: 'Unsaved changes' });

test('a malformed scenario file is refused with its line and column, and the edited document stays as it was', async ({ page }) => {
  const assumptions = await openDefaultWithEdit(page);
  const cli = cliValidate(BROKEN, 'broken.json');
  expect(cli.status).toBe(1);
  expect(cli.problems).toHaveLength(1);
  const [problem] = cli.problems;

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…', exact: true }).click();
  // Opening another file would replace the edit: the app asks first.
  await expect(dialog(page)).toBeVisible();
  await dialog(page).getByRole('button', { name: 'Discard changes' }).click();
  await (await chooser).setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(BROKEN) });

  const notice = page.getByRole('alert').filter({ hasText: 'broken.json cannot be opened' });
  await expect(notice).toContainText('broken.json cannot be opened: 1 problem.');
  await expect(notice.getByRole('listitem')).toHaveText([`broken.json:${problem!.line}:${problem!.column}: ${problem!.text}`]);
  expect(problem!.line).toBe(4);
  await page.screenshot({ path: 'test/e2e/artifacts/screens/app-refused-file.png' });

  // Nothing of the refused file reached the document: same scenario, the edit still there, still unsaved.
  await expect(page.getByTestId('document-title')).toContainText('AI platform FY27');
  await expect(page.getByTestId('document-title')).toContainText('•');
  await expect(assumptions.param('prompt_tokens', 'p90')).toHaveValue('7,000');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

test('a scenario file with an unknown field is refused with the field named', async ({ page }) => {
  const assumptions = new AssumptionsPage(page);
  await assumptions.app.goto();
  const text = JSON.stringify({ format: 'costcast/scenario', version: 1, name: 'Typo', currency: 'USD', start: '2027-01', months: 12, drivers: { a: 1 }, workloads: [{ id: 'w', type: 'fixed', monthly: 'a' }], wrokloads: [] }, null, 2);
  const cli = cliValidate(text, 'typo.json');
  expect(cli.problems.map((p) => p.text)).toEqual([expect.stringMatching(/^wrokloads: unknown field `wrokloads`/)]);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a scenario file…' }).click();
  await (await chooser).setFiles({ name: 'typo.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const notice = page.getByRole('alert').filter({ hasText: 'typo.json cannot be opened' });
  await expect(notice.getByRole('listitem')).toHaveText(cli.problems.map((p) => `typo.json:${p.line}:${p.column}: ${p.text}`));
  // Still on Welcome, with no document.
  await expect(page.getByTestId('document-title')).toHaveText('No scenario open');
});

test('New after an edit asks first: Cancel keeps the document, Discard replaces it', async ({ page }) => {
  const assumptions = await openDefaultWithEdit(page);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page.locator('.app')).toHaveAttribute('data-view', 'welcome');
  await page.locator('[data-template="blank"]').click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page)).toContainText('default.json has changes that are not saved.');
  await page.screenshot({ path: 'test/e2e/artifacts/screens/app-unsaved-changes.png' });
  // The safe choice has the focus.
  await expect(dialog(page).getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByTestId('document-title')).toContainText('AI platform FY27');
  await assumptions.show();
  await expect(assumptions.param('prompt_tokens', 'p90')).toHaveValue('7,000');

  // Ctrl+N goes to the templates too; Escape is Cancel; then Discard replaces.
  await page.locator('main').focus();
  await page.keyboard.press('Control+n');
  await page.locator('[data-template="blank"]').click();
  await expect(dialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByTestId('document-title')).toContainText('AI platform FY27');
  await page.locator('[data-template="blank"]').click();
  await dialog(page).getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByTestId('document-title')).toContainText('Untitled scenario');
  await expect(page.getByTestId('document-title')).not.toContainText('•');
});

test('an edit is autosaved, offered back after a reload, and recovering it restores the edit', async ({ page }) => {
  const assumptions = await openDefaultWithEdit(page);
  // The autosave is written one quiet second after the edit.
  await page.waitForTimeout(1500);
  // The page guards unsaved work on unload; leaving is what this test wants.
  page.on('dialog', (question) => void question.accept());
  await page.reload();
  await expect(page.locator('.app')).toHaveAttribute('data-view', 'welcome');
  const recovery = page.getByRole('region', { name: 'Recover unsaved work' });
  await expect(recovery).toContainText('default.json');
  await page.screenshot({ path: 'test/e2e/artifacts/screens/app-welcome-recovery.png' });
  await recovery.getByRole('button', { name: 'Recover' }).click();

  await expect(page.locator('.app')).toHaveAttribute('data-view', 'assumptions');
  await expect(assumptions.param('prompt_tokens', 'p90')).toHaveValue('7,000');
  await expect(page.getByTestId('document-title')).toContainText('AI platform FY27');
  // Recovered work was never saved: it counts as unsaved until it is.
  await expect(page.getByTestId('document-title')).toContainText('•');
  await expect(page.getByRole('status').filter({ hasText: 'Recovered the unsaved changes of default.json' })).toBeVisible();
  await assumptions.app.waitForPreview();
  await expect(page.getByTestId('status-bar')).toContainText('Valid');
});
