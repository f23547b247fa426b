/**
 * The Forecast view and the run controls as tests drive them: the stats table, the headline
 * figures, the trial count, progress and Cancel, and the workbook export. Built on AppPage.
 */
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page.ts';

/** One value the progress bar showed, and when (the page's performance.now(), ms). */
export interface ProgressSample {
  at: number;
  /** The run's trials, then the summary of them. */
  phase: 'trials' | 'summary';
  done: number;
  total: number;
}

declare global {
  interface Window {
    __progressSamples?: ProgressSample[];
  }
}

export type StatKey = 'p10' | 'p50' | 'p90' | 'mean';
export const STAT_KEYS: readonly StatKey[] = ['p10', 'p50', 'p90', 'mean'];

export class ForecastPage {
  readonly app: AppPage;

  constructor(readonly page: Page) {
    this.app = new AppPage(page);
  }

  async show(): Promise<void> {
    await this.app.view('Forecast');
    await expect(this.statsTable).toBeVisible();
  }

  get statsTable(): Locator {
    return this.page.getByTestId('stats-table');
  }

  /** The table's cell of one row (`total` or a workload id) and statistic. */
  cell(row: string, stat: StatKey): Locator {
    return this.statsTable.locator(`tr[data-row="${row}"] td[data-stat="${stat}"]`);
  }

  /** Every cell of the stats table as shown: row id → statistic → text. */
  async readStats(): Promise<Record<string, Record<StatKey, string>>> {
    return this.statsTable.evaluate((table) => {
      const rows: Record<string, Record<string, string>> = {};
      for (const row of table.querySelectorAll('tbody tr[data-row]')) {
        const id = row.getAttribute('data-row') ?? '';
        rows[id] = {};
        for (const cell of row.querySelectorAll('td[data-stat]')) rows[id][cell.getAttribute('data-stat') ?? ''] = cell.textContent ?? '';
      }
      return rows as Record<string, Record<'p10' | 'p50' | 'p90' | 'mean', string>>;
    });
  }

  /** The unrounded number behind a cell (its `data-value`), as the engine computed it. */
  async cellValue(row: string, stat: StatKey): Promise<number> {
    return Number(await this.cell(row, stat).getAttribute('data-value'));
  }

  /** Whether the numbers shown come from the live preview or the full run, and how many trials. */
  get resultMeta(): Locator {
    return this.page.getByTestId('result-meta');
  }

  get trialsSelect(): Locator {
    return this.page.getByRole('combobox', { name: 'Trials for the full run' });
  }

  get runButton(): Locator {
    return this.page.getByRole('button', { name: 'Run', exact: true });
  }

  get cancelButton(): Locator {
    return this.page.getByRole('button', { name: 'Cancel', exact: true });
  }

  get progress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Forecast progress' });
  }

  get fullStatus(): Locator {
    return this.page.getByTestId('full-status');
  }

  async chooseTrials(trials: number): Promise<void> {
    await this.trialsSelect.selectOption(String(trials));
  }

  /** Exports the workbook from the toolbar and returns the download. */
  async exportWorkbook(): Promise<Download> {
    const downloading = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export workbook' }).click();
    return downloading;
  }

  /**
   * Records in the page every value the progress bar shows, with the time it appeared: a
   * MutationObserver on its aria-valuenow, so nothing is missed between test-runner polls.
   */
  async recordProgress(): Promise<void> {
    await this.page.evaluate(() => {
      const samples: ProgressSample[] = [];
      window.__progressSamples = samples;
      let last: string | null = null;
      const look = () => {
        const bar = document.querySelector('[role="progressbar"][aria-label="Forecast progress"]');
        const now = bar ? `${bar.getAttribute('data-phase')}:${bar.getAttribute('aria-valuenow')}` : null;
        if (bar && now !== last) {
          const phase = bar.getAttribute('data-phase') === 'summary' ? 'summary' : 'trials';
          samples.push({ at: performance.now(), phase, done: Number(bar.getAttribute('aria-valuenow')), total: Number(bar.getAttribute('aria-valuemax')) });
        }
        last = now;
      };
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow', 'data-phase'] });
      look();
    });
  }

  /** The values recorded since `recordProgress()`. */
  async progressSamples(): Promise<ProgressSample[]> {
    return this.page.evaluate(() => window.__progressSamples ?? []);
  }
}
