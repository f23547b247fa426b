/**
 * The forecast controller between the real store and the real worker logic (in-process): a
 * preview after every change with the latest edit winning, the full run with its phases, Cancel
 * that is final at once, and runs refused while the document has problems.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setAtPointer } from '../../models/scenario/json-pointer.ts';
import { documentText, type ScenarioDocument } from '../document/document-text.ts';
import { blankDocument } from '../document/templates.ts';
import { createAppStore, shownResult, type AppStore } from '../store/app-store.ts';
import { PREVIEW_TRIALS, startForecastController, type ForecastController } from './forecast-controller.ts';
import { inProcessWorker, type InProcessWorker } from './in-process-worker.ts';

const document = (): ScenarioDocument => blankDocument(new Date(Date.UTC(2026, 10, 5)));
const setP90 = (value: number) => (doc: ScenarioDocument) => setAtPointer(doc, '/drivers/monthly_requests/p90', value) as ScenarioDocument;

/** Waits until `condition` holds (the in-process worker answers in later macrotasks). */
async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

let controller: ForecastController | null = null;
afterEach(() => controller?.dispose());

function setUp(): { store: AppStore; workers: InProcessWorker[] } {
  const store = createAppStore();
  const workers: InProcessWorker[] = [];
  controller = startForecastController(store, () => {
    const worker = inProcessWorker();
    workers.push(worker);
    return worker;
  });
  const doc = document();
  store.getState().openDocument({ key: 'untitled-1', file: { name: 'plan.json', path: null }, savedText: documentText(doc), document: doc });
  return { store, workers };
}

const previewCurrent = (store: AppStore) => store.getState().preview.status === 'done' && store.getState().preview.revision === store.getState().document?.revision;

describe('live preview', () => {
  it('previews a newly opened document with the preview trial count, then loads the full run\'s worker', async () => {
    const { store, workers } = setUp();
    expect(store.getState().preview.status).toBe('running');
    await until(() => previewCurrent(store), 'the first preview');
    const preview = store.getState().preview;
    expect(preview.result?.trials).toBe(PREVIEW_TRIALS);
    expect(preview.elapsedMs).toBeGreaterThan(0);
    expect(shownResult(store.getState())).toMatchObject({ kind: 'preview', stale: false });
    // One worker for previews, one warmed for Run.
    expect(workers).toHaveLength(2);
    expect(workers[1]!.requests).toEqual([]);
  });

  it('follows a burst of edits with at most one preview waiting, ending on the latest revision', async () => {
    const { store, workers } = setUp();
    for (const p90 of [500_000, 600_000, 700_000, 800_000]) store.getState().edit('change p90', setP90(p90));
    await until(() => previewCurrent(store), 'the preview of the latest edit');
    expect(store.getState().document?.revision).toBe(5);
    // The one running when the edits came, then only the latest: not one per edit.
    const forecasts = workers[0]!.requests.filter((r) => r.kind === 'forecast');
    expect(forecasts).toHaveLength(2);
    const last = forecasts[1]!;
    expect(last.kind === 'forecast' && (last.scenario.drivers?.monthly_requests as { p90: number }).p90).toBe(800_000);
  });

  it('does not preview a document with problems, and says nothing is wrong with the preview itself', async () => {
    const { store, workers } = setUp();
    await until(() => previewCurrent(store), 'the first preview');
    store.getState().edit('break a formula', (doc) => setAtPointer(doc, '/workloads/0/requests', 'monthly_requests *') as ScenarioDocument);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(workers[0]!.requests.filter((r) => r.kind === 'forecast')).toHaveLength(1);
    expect(store.getState().preview.status).toBe('done');
    expect(shownResult(store.getState())).toMatchObject({ kind: 'preview', stale: true });
  });
});

describe('full run', () => {
  it('runs the scenario\'s trial count, or the one picked in the toolbar, through both phases', async () => {
    const { store } = setUp();
    await until(() => previewCurrent(store), 'the first preview');
    const phases: string[] = [];
    const unsubscribe = store.subscribe((state) => {
      if (state.full.status === 'running') phases.push(state.full.summary ? 'summary' : 'trials');
    });
    store.getState().setRunTrials(3000);
    await controller!.runFull();
    unsubscribe();
    const full = store.getState().full;
    expect(full.status).toBe('done');
    expect(full.result?.trials).toBe(3000);
    expect(full.revision).toBe(store.getState().document?.revision);
    expect(phases).toContain('trials');
    expect(phases).toContain('summary');
    expect(phases.indexOf('summary')).toBeGreaterThan(phases.lastIndexOf('trials'));
    expect(shownResult(store.getState())).toMatchObject({ kind: 'full', stale: false });

    store.getState().setRunTrials(null);
    await controller!.runFull();
    expect(store.getState().full.result?.trials).toBe(10_000);
  });

  it('cancels at once, and the cancelled run never lands', async () => {
    const { store, workers } = setUp();
    await until(() => previewCurrent(store), 'the first preview');
    const run = controller!.runFull();
    expect(store.getState().full.status).toBe('running');
    controller!.cancelFull();
    expect(store.getState().full.status).toBe('cancelled');
    await run;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(store.getState().full.status).toBe('cancelled');
    expect(store.getState().full.result).toBeNull();
    // The cancelled run's worker is gone and a fresh one is loading for the next run.
    expect(workers[1]!.terminated).toBe(true);
    expect(workers).toHaveLength(3);
    expect(workers[2]!.terminated).toBe(false);
    // Cancel with nothing running changes nothing.
    controller!.cancelFull();
    expect(workers).toHaveLength(3);
  });

  it('refuses to run a document with problems and says how many', async () => {
    const { store } = setUp();
    store.getState().edit('break a formula', (doc) => setAtPointer(doc, '/workloads/0/requests', 'monthly_requests *') as ScenarioDocument);
    await controller!.runFull();
    expect(store.getState().full.status).toBe('idle');
    expect(store.getState().notices.at(-1)).toMatchObject({ tone: 'error', text: 'Fix 1 problem in the assumptions before running.' });
  });

  it('builds the workbook of a result', async () => {
    const { store } = setUp();
    await until(() => previewCurrent(store), 'the first preview');
    await controller!.runFull();
    const shown = shownResult(store.getState())!;
    const { checkDocument } = await import('../document/validation.ts');
    const bytes = await controller!.buildWorkbook(checkDocument(store.getState().document!.history.present).scenario!, shown.result);
    // An .xlsx file is a zip archive: it starts with "PK".
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });
});
