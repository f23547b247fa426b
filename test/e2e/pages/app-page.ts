/**
 * The page model every UI test drives the app through: open a template, move between views,
 * wait for the live preview, run the full forecast. Views add their own page models beside it.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export type ViewName = 'Welcome' | 'Assumptions' | 'Forecast' | 'Pricing' | 'Budget & ROI' | 'Compare' | 'Data';

export class AppPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.locator('.app')).toBeVisible();
  }

  /** Starts a new document from a bundled template (`default.json`, …, or `blank`). */
  async openTemplate(id: string): Promise<void> {
    await this.view('Welcome');
    await this.page.locator(`[data-template="${id}"]`).click();
    await expect(this.page.locator('.app')).toHaveAttribute('data-view', 'assumptions');
  }

  nav(name: ViewName): Locator {
    return this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true });
  }

  async view(name: ViewName): Promise<void> {
    await this.nav(name).click();
  }

  /** Waits until the live preview belongs to the document's current revision. */
  async waitForPreview(timeout = 30_000): Promise<void> {
    const status = this.page.getByTestId('preview-status');
    await expect
      .poll(async () => {
        const [preview, revision, text] = await Promise.all([status.getAttribute('data-preview-revision'), status.getAttribute('data-revision'), status.textContent()]);
        return preview === revision && /trials in/.test(text ?? '');
      }, { timeout })
      .toBe(true);
  }

  /** Presses Run and waits for the full run of the current document. */
  async runFull(): Promise<void> {
    await this.page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(this.page.getByTestId('full-status')).toContainText('Last run:', { timeout: 120_000 });
    await expect(this.page.getByTestId('full-status')).not.toContainText('before the latest edits');
  }

  get resultMeta(): Locator {
    return this.page.getByTestId('result-meta');
  }

  /**
   * Runs the full forecast with `trials` picked in the toolbar, calls `oracle` (the CLI, which
   * blocks this process) while the app computes, then waits for the app's run; returns the oracle's answer.
   */
  async runFullBeside<T>(trials: number, oracle: () => T): Promise<T> {
    await this.page.getByRole('combobox', { name: 'Trials for the full run' }).selectOption(String(trials));
    await this.page.getByRole('button', { name: 'Run', exact: true }).click();
    const answer = oracle();
    await expect(this.page.getByTestId('full-status')).toContainText(`Last run: ${trials.toLocaleString('en-US')} trials`, { timeout: 120_000 });
    await this.expectFullRun(trials);
    return answer;
  }

  /** Waits until the view shows the full run of the current document. */
  async expectFullRun(trials: number): Promise<void> {
    await expect(this.resultMeta).toHaveAttribute('data-kind', 'full');
    await expect(this.resultMeta).toHaveAttribute('data-stale', 'false');
    await expect(this.resultMeta).toHaveAttribute('data-trials', String(trials));
  }

  /** Saves a screenshot of the whole current view (the scrolling area included) as a test artifact. */
  async screenshot(name: string): Promise<void> {
    const main = this.page.locator('main');
    const height = await main.evaluate((element) => element.scrollHeight);
    const viewport = this.page.viewportSize() ?? { width: 1440, height: 900 };
    await this.page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(viewport.height, height + 140), 6000) });
    await this.page.screenshot({ path: `test/e2e/artifacts/screens/${name}.png`, fullPage: true });
    await this.page.setViewportSize(viewport);
  }
}
