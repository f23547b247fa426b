/**
 * The Assumptions view as tests drive it: the drivers table (names, forms, parameters,
 * formulas), the problems list and the messages shown beside a field. Built on AppPage.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page.ts';

declare global {
  interface Window {
    /** Set by AssumptionsPage.armPreviewLatency: when the commit key went down and when the preview of the edit was on screen. */
    __previewLatency?: { start: number | null; end: number | null; fromRevision: number };
  }
}

export class AssumptionsPage {
  readonly app: AppPage;

  constructor(readonly page: Page) {
    this.app = new AppPage(page);
  }

  async show(): Promise<void> {
    await this.app.view('Assumptions');
    await expect(this.page.getByRole('heading', { name: 'Assumptions', level: 1 })).toBeVisible();
  }

  /** Opens a scenario file from disk through Open… (the browser's file chooser) and waits for Assumptions. */
  async openFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Open…', exact: true }).click();
    await (await chooser).setFiles(path);
    await expect(this.page.locator('.app')).toHaveAttribute('data-view', 'assumptions');
  }

  get driversTable(): Locator {
    return this.page.getByTestId('drivers-table');
  }

  /** The row of a driver in the drivers table. */
  driverRow(name: string): Locator {
    return this.driversTable.locator(`tr[data-driver="${name}"]`);
  }

  /** A parameter input of a driver, e.g. `param('prompt_tokens', 'p90')`. */
  param(driver: string, param: string): Locator {
    return this.driverRow(driver).getByRole('textbox', { name: `${driver} ${param}`, exact: true });
  }

  /** The formula input of a formula driver. */
  formula(driver: string): Locator {
    return this.driverRow(driver).getByRole('textbox', { name: `${driver} formula`, exact: true });
  }

  /** The name input of a driver. */
  nameField(driver: string): Locator {
    return this.driverRow(driver).getByRole('textbox', { name: `Name of driver ${driver}`, exact: true });
  }

  /** Types `text` into `field` and commits it with Enter (one undo step). */
  async commit(field: Locator, text: string): Promise<void> {
    await field.fill(text);
    await field.press('Enter');
  }

  async setParam(driver: string, param: string, value: string): Promise<void> {
    await this.commit(this.param(driver, param), value);
  }

  async setFormula(driver: string, text: string): Promise<void> {
    await this.commit(this.formula(driver), text);
  }

  async renameDriver(from: string, to: string): Promise<void> {
    await this.commit(this.nameField(from), to);
    await expect(this.driverRow(to)).toBeVisible();
  }

  /** The engine's messages shown under the fields of a driver. */
  driverIssues(driver: string): Locator {
    return this.driverRow(driver).locator('.issue');
  }

  /** The list of problems that keep the forecast from running. */
  get problems(): Locator {
    return this.page.getByTestId('problems');
  }

  /**
   * Arms a probe in the page: the next Enter key press (the commit of a field) starts the clock,
   * and the clock stops when the status bar shows a preview of the new document revision (its
   * `data-preview-revision` catches up with `data-revision`). Both ends use the page's own
   * performance.now(), so the test runner's overhead is not counted.
   */
  async armPreviewLatency(): Promise<void> {
    await this.page.evaluate(() => {
      const status = document.querySelector('[data-testid="preview-status"]');
      if (!status) throw new Error('no preview status in the status bar');
      const probe = { start: null as number | null, end: null as number | null, fromRevision: Number(status.getAttribute('data-revision')) };
      window.__previewLatency = probe;
      const onKey = (event: KeyboardEvent) => {
        if (event.key !== 'Enter' || probe.start !== null) return;
        probe.start = performance.now();
        window.removeEventListener('keydown', onKey, true);
      };
      window.addEventListener('keydown', onKey, true);
      const observer = new MutationObserver(() => {
        const element = document.querySelector('[data-testid="preview-status"]');
        if (!element || probe.start === null) return;
        const revision = Number(element.getAttribute('data-revision'));
        const previewRevision = Number(element.getAttribute('data-preview-revision'));
        if (revision > probe.fromRevision && previewRevision === revision && /trials in/.test(element.textContent ?? '')) {
          probe.end = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-preview-revision', 'data-revision'], childList: true, characterData: true });
    });
  }

  /** Waits for the armed probe and returns the time from the commit to the preview on screen (ms). */
  async previewLatency(timeout = 30_000): Promise<number> {
    const handle = await this.page.waitForFunction(
      () => {
        const probe = window.__previewLatency;
        return probe && probe.start !== null && probe.end !== null ? probe.end - probe.start : null;
      },
      undefined,
      { timeout },
    );
    return (await handle.jsonValue()) as number;
  }
}
