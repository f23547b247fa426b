/**
 * The Pricing view as tests drive it: the strategies, the recommended commitments, the cloud
 * comparison, the GPU-hour demand, the catalog panel with its price-file import, and the plan
 * editors. Built on AppPage.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page.ts';

export class PricingPage {
  readonly app: AppPage;

  constructor(readonly page: Page) {
    this.app = new AppPage(page);
  }

  async show(): Promise<void> {
    await this.app.view('Pricing');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Pricing' })).toBeVisible();
  }

  get resultMeta(): Locator {
    return this.app.resultMeta;
  }

  runFullBeside<T>(trials: number, oracle: () => T): Promise<T> {
    return this.app.runFullBeside(trials, oracle);
  }

  get strategiesTable(): Locator {
    return this.page.getByTestId('strategies-table');
  }

  strategyCell(name: string, stat: 'p10' | 'p50' | 'p90' | 'saving'): Locator {
    return this.strategiesTable.locator(`tr[data-strategy="${name}"] td[data-stat="${stat}"]`);
  }

  get recommendedTable(): Locator {
    return this.page.getByTestId('recommended-table');
  }

  recommendedCell(gpu: string, term: string, field: 'gpuHoursPerMonth' | 'expectedSaving' | 'probabilityUnderUsed'): Locator {
    return this.recommendedTable.locator(`tr[data-gpu="${gpu}"][data-term="${term}"] td[data-field="${field}"]`);
  }

  useRecommendedButton(gpu: string, term: string): Locator {
    return this.recommendedTable.getByRole('button', { name: `Use the recommended ${gpu} ${term} level` });
  }

  get providersTable(): Locator {
    return this.page.getByTestId('providers-table');
  }

  /** Providers in the order the table ranks them. */
  async providerOrder(): Promise<string[]> {
    return this.providersTable.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-provider') ?? ''));
  }

  providerCell(provider: string, stat: 'p10' | 'p50' | 'p90' | 'co2e'): Locator {
    return this.providersTable.locator(`tr[data-provider="${provider}"] td[data-stat="${stat}"]`);
  }

  providerGpuPrice(provider: string, gpu: string): Locator {
    return this.providersTable.locator(`tr[data-provider="${provider}"] [data-gpu-price="${gpu}"]`);
  }

  gpuHoursCell(gpu: string, stat: 'p10' | 'p50' | 'p90' | 'mean'): Locator {
    return this.page.getByTestId('gpu-hours-table').locator(`tr[data-gpu="${gpu}"] td[data-stat="${stat}"]`);
  }

  get commitmentsEditor(): Locator {
    return this.page.getByTestId('commitments-editor');
  }

  /** GPU, term and GPU-hours per month of every commitment row in the editor. */
  async commitments(): Promise<{ gpu: string; term: string; hours: string }[]> {
    if ((await this.commitmentsEditor.count()) === 0) return [];
    return this.commitmentsEditor.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const [gpu, term] = [...row.querySelectorAll('select')].map((s) => (s as HTMLSelectElement).value);
        const hours = (row.querySelector('input') as HTMLInputElement | null)?.value ?? '';
        return { gpu: gpu ?? '', term: term ?? '', hours };
      }),
    );
  }

  spotCheckbox(workloadName: string): Locator {
    return this.page.getByRole('checkbox', { name: `Spot: ${workloadName}` });
  }

  get catalogAsOf(): Locator {
    return this.page.getByTestId('catalog-as-of');
  }

  get staleWarning(): Locator {
    return this.page.getByTestId('catalog-stale');
  }

  get priceErrors(): Locator {
    return this.page.getByTestId('price-errors');
  }

  get importedPrices(): Locator {
    return this.page.getByTestId('imported-prices');
  }

  /** Imports a price file through the platform's file picker. */
  async importPrices(file: { name: string; text: string }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import prices (CSV)…' }).click();
    await (await chooser).setFiles({ name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.text, 'utf8') });
  }
}
