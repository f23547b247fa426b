/**
 * The UI stays responsive while the engine works (issue 6, acceptance): on the reference
 * scenario of the benchmark (20 drivers, 8 workloads, 36 months), the live preview after an
 * edit is measured and reported; during a 100,000-trial run no main-thread task takes over
 * 100 ms (a long-task PerformanceObserver installed before the app loads), the progress bar
 * moves at least four times in every second, and Cancel stops the run within 200 ms. Every
 * time is taken inside the page with performance.now(), so the test runner's overhead is not counted.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, newGuardedPage, test } from './fixtures.ts';
import { AssumptionsPage } from './pages/assumptions-page.ts';
import { ForecastPage, type ProgressSample } from './pages/forecast-page.ts';

const REFERENCE = path.resolve('test/bench/reference-scenario.json');
const RUN_TRIALS = 100_000;

declare global {
  interface Window {
    __longTasks?: { start: number; duration: number }[];
    __cancel?: { clicked: number | null; shown: number | null };
  }
}

/** The fewest progress updates in any one-second window between the first and the last. */
function fewestUpdatesPerSecond(samples: readonly ProgressSample[]): number {
  const times = samples.map((sample) => sample.at);
  const last = times[times.length - 1] ?? 0;
  let fewest = Infinity;
  for (const start of times) {
    if (start + 1000 > last) break;
    fewest = Math.min(fewest, times.filter((t) => t >= start && t < start + 1000).length);
  }
  return fewest;
}

// Playwright's trace recording snapshots the page on every action: off here, it would be measured too.
test.use({ trace: 'off' });

test.describe.serial('responsiveness on the reference scenario', () => {
  let page: Page;
  let assumptions: AssumptionsPage;
  let forecast: ForecastPage;
  let checkGuards: () => void;

  test.beforeAll(async ({ browser }) => {
    ({ page, check: checkGuards } = await newGuardedPage(browser));
    await page.addInitScript(() => {
      const tasks: { start: number; duration: number }[] = [];
      window.__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    assumptions = new AssumptionsPage(page);
    forecast = new ForecastPage(page);
    await assumptions.app.goto();
    await assumptions.openFile(REFERENCE);
    await expect(page.getByTestId('document-title')).toContainText('Benchmark reference');
    await assumptions.app.waitForPreview(60_000);
  });

  test.afterAll(async () => {
    await page.context().close();
    checkGuards();
  });

  test('an edit of the reference scenario reaches the screen as a new preview (measured and printed)', async () => {
    const latencies: number[] = [];
    // Five edits: the first previews also warm the worker's compiled code.
    for (const p90 of ['70', '80', '90', '100', '110']) {
      await assumptions.armPreviewLatency();
      await assumptions.setParam('requests_per_user', 'p90', p90);
      latencies.push(await assumptions.previewLatency());
      await expect(assumptions.param('requests_per_user', 'p90')).toHaveValue(p90);
      const worker = await page.getByTestId('preview-status').getAttribute('data-preview-ms');
      console.log(`Preview latency (reference scenario, requests_per_user p90 → ${p90}): ${latencies.at(-1)!.toFixed(0)} ms from Enter to the new preview on screen (the worker's run: ${Number(worker).toFixed(0)} ms)`);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `Preview latency, median of ${latencies.length}: ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, fastest ${sorted[0]!.toFixed(0)} ms, last ${latencies.at(-1)!.toFixed(0)} ms (the issue asks for ≤ 250 ms; reported, not asserted)`,
    );
    // The preview followed every edit (the figure itself is reported, not a wall-clock bound).
    expect(latencies.every((ms) => ms > 0)).toBe(true);
  });

  test('a 100,000-trial run keeps every main-thread task under 100 ms and moves its progress at least 4 times a second', async () => {
    test.setTimeout(300_000);
    // The instrument first: a 120 ms busy loop on the UI thread must show up as a long task.
    await page.evaluate(() => {
      const end = performance.now() + 120;
      while (performance.now() < end);
    });
    await expect.poll(() => page.evaluate(() => Math.max(0, ...(window.__longTasks ?? []).map((task) => task.duration)))).toBeGreaterThanOrEqual(100);
    await forecast.show();
    await forecast.chooseTrials(RUN_TRIALS);
    await forecast.recordProgress();
    const started = await page.evaluate(() => performance.now());
    await forecast.runButton.click();
    await expect(forecast.fullStatus).toContainText(`Last run: ${RUN_TRIALS.toLocaleString('en-US')} trials`, { timeout: 280_000 });
    await expect(forecast.resultMeta).toHaveAttribute('data-trials', String(RUN_TRIALS));
    // The view redraws its charts after the result arrives: that belongs to the run too.
    await page.waitForTimeout(1000);
    const ended = await page.evaluate(() => performance.now());

    const tasks = (await page.evaluate(() => window.__longTasks ?? [])).filter((task) => task.start >= started && task.start <= ended);
    const longest = Math.max(0, ...tasks.map((task) => task.duration));
    const samples = await forecast.progressSamples();
    const gaps = samples.slice(1).map((sample, i) => sample.at - samples[i]!.at);
    const seconds = (samples.at(-1)!.at - samples[0]!.at) / 1000;
    const fewest = fewestUpdatesPerSecond(samples);
    console.log(
      `100,000-trial run: ${((ended - started) / 1000).toFixed(1)} s; longest main-thread task ${longest.toFixed(0)} ms (${tasks.length} over 50 ms); ` +
        `${samples.length} progress updates in ${seconds.toFixed(1)} s (${(samples.length / seconds).toFixed(1)} a second, at least ${fewest} in every second, longest gap ${Math.max(...gaps).toFixed(0)} ms; ` +
        `${samples.filter((s) => s.phase === 'trials').length} over the trials, ${samples.filter((s) => s.phase === 'summary').length} over their summary)`,
    );
    expect(longest, 'longest main-thread task during the run (ms)').toBeLessThanOrEqual(100);
    expect(samples.some((sample) => sample.phase === 'summary'), 'the summary phase shows progress').toBe(true);
    expect(fewest, 'fewest progress updates in any second of the run').toBeGreaterThanOrEqual(4);
  });

  test('Cancel stops a 100,000-trial run within 200 ms and the run never lands', async () => {
    await forecast.chooseTrials(RUN_TRIALS);
    await forecast.runButton.click();
    await expect(forecast.progress).toBeVisible();
    // Let it get going: cancel in the middle of the trials.
    await expect.poll(async () => Number(await forecast.progress.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(10_000);
    await page.evaluate(() => {
      const probe: { clicked: number | null; shown: number | null } = { clicked: null, shown: null };
      window.__cancel = probe;
      window.addEventListener('pointerdown', () => (probe.clicked ??= performance.now()), { capture: true, once: true });
      const status = document.querySelector('[data-testid="full-status"]')!;
      const observer = new MutationObserver(() => {
        if (probe.clicked !== null && status.textContent === 'Run cancelled') {
          probe.shown = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
    });
    await forecast.cancelButton.click();
    await expect(forecast.fullStatus).toHaveText('Run cancelled');
    const probe = await page.evaluate(() => window.__cancel!);
    const latency = probe.shown! - probe.clicked!;
    console.log(`Cancel latency: ${latency.toFixed(1)} ms from the click to "Run cancelled" on screen`);
    expect(latency, 'click to "Run cancelled" (ms)').toBeLessThanOrEqual(200);

    // The run is over: Run is back, and the cancelled run's result never replaces the shown one.
    await expect(forecast.progress).toBeHidden();
    await expect(forecast.runButton).toBeEnabled();
    await page.waitForTimeout(3000);
    await expect(forecast.fullStatus).toHaveText('Run cancelled');
  });
});
