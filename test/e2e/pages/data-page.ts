/**
 * The Data view as tests drive it: import a file through the file chooser (the web platform's
 * <input type=file>) or by dropping it on the view, read the preview, the series and their
 * months, the fit and its statistics, and use a series as a driver. Built on AppPage.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page.ts';

export class DataPage {
  readonly app: AppPage;

  constructor(readonly page: Page) {
    this.app = new AppPage(page);
  }

  async show(): Promise<void> {
    await this.app.view('Data');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
  }

  /** Imports a file through "Import a file…" and the file chooser it opens. */
  async importFile(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import a file…' }).click();
    await (await chooser).setFiles(file);
    await this.waitUntilIdle(path.basename(file));
  }

  /** Drops a file onto the view, as dragging it from the desktop does. */
  async dropFile(file: string): Promise<void> {
    const bytes = [...readFileSync(file)];
    const name = path.basename(file);
    const transfer = await this.page.evaluateHandle(
      ({ bytes, name }) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/csv' }));
        return data;
      },
      { bytes, name },
    );
    const view = this.page.getByTestId('data-view');
    await view.dispatchEvent('dragover', { dataTransfer: transfer });
    await view.dispatchEvent('drop', { dataTransfer: transfer });
    await this.waitUntilIdle(name);
  }

  /** Waits until the file is read and its fit (if any) is done. */
  async waitUntilIdle(name?: string): Promise<void> {
    const facts = this.page.getByTestId('file-facts');
    if (name) await expect(facts).toContainText(name);
    await expect(facts).not.toContainText('reading…');
    await expect(facts).not.toContainText('fitting…');
  }

  get fileFacts(): Locator {
    return this.page.getByTestId('file-facts');
  }

  get importError(): Locator {
    return this.page.getByTestId('import-error-message');
  }

  get mappingError(): Locator {
    return this.page.getByTestId('mapping-error-message');
  }

  get previewTable(): Locator {
    return this.page.getByTestId('preview-table');
  }

  /** The cells of the preview's first data row (without the row number). */
  async firstPreviewRow(): Promise<string[]> {
    return this.previewTable.locator('tbody tr').first().locator('td').allTextContents().then((cells) => cells.slice(1));
  }

  /** History names of the series offered, in order. */
  async seriesNames(): Promise<string[]> {
    return this.page.getByTestId('series-panel').locator('input[type="radio"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  }

  async selectSeries(name: string): Promise<void> {
    await this.page.getByTestId('series-panel').locator(`input[type="radio"][value="${name}"]`).check();
    await expect(this.page.getByRole('heading', { name: `Trend of ${name}` })).toBeVisible();
    await this.waitUntilIdle();
  }

  /** The months of the chosen series as shown: [month, value text]. */
  async seriesValues(): Promise<[string, string][]> {
    const rows = this.page.getByTestId('series-values').locator('tbody tr');
    return rows.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td')?.textContent ?? ''] as [string, string]));
  }

  /** Picks an option of one of the mapping's selects by its label ("Value column", "Cost column", …). */
  async map(select: string, option: string): Promise<void> {
    await this.page.getByTestId('mapping-panel').getByRole('combobox', { name: select, exact: true }).selectOption(option);
    await this.waitUntilIdle();
  }

  async chooseModel(model: 'Auto (AICc)' | 'Linear' | 'Exponential' | 'Logistic'): Promise<void> {
    await this.page.getByRole('group', { name: 'Trend model' }).getByRole('button', { name: model, exact: true }).click();
    await this.waitUntilIdle();
  }

  get fitError(): Locator {
    return this.page.getByTestId('fit-error');
  }

  stat(name: 'model' | 'aicc' | 'residual-sd'): Locator {
    return this.page.getByTestId('fit-statistics').locator(`[data-stat="${name}"]`);
  }

  get useButton(): Locator {
    return this.page.getByTestId('use-as-driver').getByRole('button', { name: 'Use as driver', exact: true });
  }
}
