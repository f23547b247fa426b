/**
 * The Compare view as tests drive it: the table of baseline and variants, the charts and the
 * variant editor (add, rename, delete, add an override by field name). Built on AppPage.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page.ts';

export type VariantColumn = 'p10' | 'p50' | 'p90' | 'delta-p50' | 'delta-p90' | 'delta-mean' | 'p-cheaper';

export class ComparePage {
  readonly app: AppPage;

  constructor(readonly page: Page) {
    this.app = new AppPage(page);
  }

  async show(): Promise<void> {
    await this.app.view('Compare');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Compare' })).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByTestId('variant-table');
  }

  /** The table row of a variant, found by its name as shown (or "Baseline"). */
  row(name: string): Locator {
    return this.table.locator('tbody tr').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  cell(name: string, column: VariantColumn): Locator {
    return this.row(name).locator(`td[data-col="${column}"]`);
  }

  /** Names of the rows after the baseline, in order. */
  async variantNames(): Promise<string[]> {
    return this.table.locator('tbody tr:not(.baseline-row) th').allTextContents();
  }

  get editor(): Locator {
    return this.page.getByTestId('variant-editor');
  }

  card(name: string): Locator {
    return this.page.getByRole('article', { name: `Variant ${name}`, exact: true });
  }

  async addVariant(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a variant', exact: true }).click();
  }

  /** Picks a field by its label in a variant's "Choose a field" list and adds it as an override. */
  async addOverride(variant: string, fieldLabel: string): Promise<void> {
    const card = this.card(variant);
    await card.getByRole('combobox', { name: `Field to change in ${variant}` }).selectOption({ label: fieldLabel });
    await card.getByRole('button', { name: 'Add override' }).click();
    await expect(card.locator('.override-field', { hasText: fieldLabel })).toBeVisible();
  }

  /** The row of one override in a variant's card. */
  override(variant: string, fieldLabel: string): Locator {
    return this.card(variant).locator('tr[data-override]').filter({ has: this.page.locator('.override-field', { hasText: fieldLabel }) });
  }
}
