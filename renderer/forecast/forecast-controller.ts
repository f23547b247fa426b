/**
 * Keeps the forecast in step with the document: a small live preview after every edit (the
 * latest edit wins; at most one preview waits while another runs) and the full run on demand,
 * with progress and Cancel. Both run on their own worker, so a long run never delays previews.
 */
import { catalogAsOf } from '../../models/pricing/catalog/catalog.ts';
import type { Scenario } from '../../models/scenario/schema.ts';
import type { ForecastResult } from '../../models/simulate/result.ts';
import { runSettings } from '../../models/simulate/run.ts';
import { checkDocument } from '../document/validation.ts';
import { currentDocument, type AppStore } from '../store/app-store.ts';
import { ForecastLane, RunCancelledError, type WorkerLike } from './forecast-lane.ts';

/** Trials of the live preview: enough for stable P10/P50/P90, fast enough for every keystroke. */
export const PREVIEW_TRIALS = 2000;

export interface ForecastController {
  /** Starts the full run of the current document; resolves when it ends (done, cancelled or failed). */
  runFull(): Promise<void>;
  cancelFull(): void;
  /** The workbook of a forecast, built in the worker. */
  buildWorkbook(scenario: Scenario, result: ForecastResult): Promise<Uint8Array>;
  dispose(): void;
}

export function startForecastController(store: AppStore, createWorker: () => WorkerLike): ForecastController {
  const previewLane = new ForecastLane(createWorker);
  const fullLane = new ForecastLane(createWorker);
  let previewRunning = false;
  let previewWanted = false;
  /** Only the latest full run may write its outcome to the store. */
  let fullToken = 0;
  let disposed = false;

  const previewLatest = async (): Promise<void> => {
    if (previewRunning) {
      previewWanted = true;
      return;
    }
    const state = store.getState();
    const document = currentDocument(state);
    if (!document || !state.document) return;
    const { scenario } = checkDocument(document);
    if (!scenario) return;
    const revision = state.document.revision;
    previewRunning = true;
    previewWanted = false;
    state.previewStarted(revision, PREVIEW_TRIALS);
    try {
      const settings = runSettings(scenario, { trials: Math.min(PREVIEW_TRIALS, scenario.simulation?.trials ?? PREVIEW_TRIALS) });
      const { result, elapsedMs } = await previewLane.forecast(scenario, settings, undefined, state.userPrices?.rows);
      store.getState().previewFinished(revision, result, elapsedMs);
      // With the preview on screen, load the full run's worker too, so Run starts at once.
      if (!disposed) fullLane.warm();
    } catch (error) {
      if (!(error instanceof RunCancelledError)) store.getState().previewFailed(revision, error instanceof Error ? error.message : String(error));
    } finally {
      previewRunning = false;
    }
    if (previewWanted || store.getState().document?.revision !== revision) void previewLatest();
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.document && state.document.revision !== previous.document?.revision) void previewLatest();
  });
  if (store.getState().document) void previewLatest();

  return {
    async runFull() {
      const state = store.getState();
      const document = currentDocument(state);
      if (!document || !state.document) return;
      const { scenario, errors } = checkDocument(document);
      if (!scenario) {
        state.notify('error', `Fix ${errors.length} problem${errors.length === 1 ? '' : 's'} in the assumptions before running.`);
        return;
      }
      // A run still going is replaced; an idle (warm) worker is kept.
      if (fullLane.busy) fullLane.cancel();
      const token = ++fullToken;
      const settings = runSettings(scenario, state.runTrials !== null ? { trials: state.runTrials } : {});
      state.fullStarted(state.document.revision, settings.trials);
      try {
        const { result, elapsedMs } = await fullLane.forecast(
          scenario,
          settings,
          (done, total, phase) => {
            if (token === fullToken) store.getState().fullProgress(done, total, phase);
          },
          state.userPrices?.rows,
        );
        if (token === fullToken) store.getState().fullFinished(result, elapsedMs);
      } catch (error) {
        if (token !== fullToken) return;
        if (error instanceof RunCancelledError) store.getState().fullStopped('cancelled');
        else store.getState().fullStopped('error', error instanceof Error ? error.message : String(error));
      }
    },
    cancelFull() {
      if (store.getState().full.status !== 'running') return;
      // Say so at once; the rejected request then finds its token already spent.
      fullToken++;
      fullLane.cancel();
      store.getState().fullStopped('cancelled');
      // A fresh worker for the next run, loading while the user decides.
      fullLane.warm();
    },
    buildWorkbook(scenario, result) {
      // The preview lane is idle between edits and already warm; a workbook never waits for a run.
      return previewLane.workbook(scenario, result, catalogAsOf().newest);
    },
    dispose() {
      disposed = true;
      unsubscribe();
      previewLane.cancel();
      fullLane.cancel();
    },
  };
}
