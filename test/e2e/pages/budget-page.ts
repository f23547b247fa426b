/**
 * The Budget & ROI view as tests drive it: the budget and return headline figures, threshold
 * alerts, tag budgets, unit costs, chargeback, and the budget and value editors. Built on AppPage.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page.ts';

/** A value inside a quoted attribute selector: quotes and backslashes escaped. */
function escapeAttribute(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

export class BudgetPage {
  readonly app: AppPage;

  constructor(readonly page: Page) {
    this.app = new AppPage(page);
  }

  async show(): Promise<void> {
    await this.app.view('Budget & ROI');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Budget & ROI' })).toBeVisible();
  }

  get resultMeta(): Locator {
    return this.app.resultMeta;
  }

  runFullBeside<T>(trials: number, oracle: () => T): Promise<T> {
    return this.app.runFullBeside(trials, oracle);
  }

  /** The big number of a headline figure (`overrun-probability`, `expected-overrun`, `roi`, `npv`, …). */
  kpiValue(name: string): Locator {
    return this.page.getByTestId(`kpi-${name}`).locator('.kpi-value');
  }

  kpi(name: string): Locator {
    return this.page.getByTestId(`kpi-${name}`);
  }

  thresholdCell(level: number, field: 'probability' | 'likelyMonth'): Locator {
    return this.page.getByTestId('thresholds-table').locator(`tr[data-level="${level}"] td[data-field="${field}"]`);
  }

  tagBudgetCell(tag: string, value: string, field: 'probabilityOfExceeding' | 'expectedOverrun'): Locator {
    return this.page.getByTestId('tag-budgets-table').locator(`tr[data-tag="${tag}"][data-tag-value="${value}"] td[data-field="${field}"]`);
  }

  unitCell(unit: string, stat: 'p10' | 'p50' | 'p90' | 'mean'): Locator {
    return this.page.getByTestId('units-table').locator(`tr[data-unit="${unit}"] td[data-stat="${stat}"]`);
  }

  get chargebackTag(): Locator {
    return this.page.getByRole('combobox', { name: 'Chargeback by tag' });
  }

  chargebackCell(value: string, stat: 'p50' | 'p90' | 'mean'): Locator {
    return this.page.getByTestId('chargeback-table').locator(`tr[data-value="${escapeAttribute(value)}"] td[data-stat="${stat}"]`);
  }

  get totalBudgetField(): Locator {
    return this.page.getByRole('textbox', { name: 'Budget for the whole horizon' });
  }

  get monthlyBudgetField(): Locator {
    return this.page.getByRole('textbox', { name: 'Budget per month' });
  }

  /** Types a new amount into the whole-horizon budget and commits it (Enter). */
  async setTotalBudget(amount: number): Promise<void> {
    await this.totalBudgetField.fill(String(amount));
    await this.totalBudgetField.press('Enter');
  }

  get undoButton(): Locator {
    return this.page.getByRole('button', { name: 'Undo' });
  }
}
