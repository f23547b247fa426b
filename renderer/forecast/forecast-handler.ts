/**
 * What the forecast worker does with each request, apart from the worker itself: runs the
 * models/ engine and posts progress (the trials, then the summary) and the statistics back,
 * never raw trials; builds the workbook and reads data files, which are heavy too. Requests are
 * handled one at a time, in order. Free of worker globals, so tests run the real thing in-process.
 */
import { buildWorkbook } from '../../models/io/workbook.ts';
import { referenceWithUserPrices } from '../../models/pricing/user-prices.ts';
import { runForecast } from '../../models/simulate/run.ts';
import { fitAndProject, importData } from './data-import.ts';
import { PROGRESS_INTERVAL_MS, type ProgressPhase, type WorkerRequest, type WorkerResponse } from './protocol.ts';

export type PostResponse = (message: WorkerResponse, transfer?: Transferable[]) => void;

async function handle(request: WorkerRequest, post: PostResponse): Promise<void> {
  switch (request.kind) {
    case 'import-table':
      post({ kind: 'import-table', id: request.id, outcome: importData(request.file, request.read, request.mapping) });
      return;
    case 'fit-trend':
      post({ kind: 'fit-trend', id: request.id, outcome: fitAndProject(request.request) });
      return;
    case 'forecast': {
      const started = performance.now();
      let lastReport = 0;
      // At most one message per interval, but always the end of each phase.
      const report = (phase: ProgressPhase) => (done: number, total: number) => {
        const now = performance.now();
        if (now - lastReport >= PROGRESS_INTERVAL_MS || done === total) {
          lastReport = now;
          post({ kind: 'progress', id: request.id, phase, done, total });
        }
      };
      const result = await runForecast(request.scenario, {
        ...request.settings,
        reference: referenceWithUserPrices(request.userPrices),
        onProgress: report('trials'),
        onSummaryProgress: report('summary'),
      });
      post({ kind: 'forecast', id: request.id, result, elapsedMs: performance.now() - started });
      return;
    }
    case 'workbook': {
      const bytes = buildWorkbook(request.scenario, request.result, { catalogAsOf: request.catalogAsOf });
      post({ kind: 'workbook', id: request.id, bytes }, [bytes.buffer as ArrayBuffer]);
      return;
    }
  }
}

/** Takes requests in order and answers each through `post` (a failure as an error message). */
export function createForecastHandler(post: PostResponse): (request: WorkerRequest) => Promise<void> {
  let queue: Promise<void> = Promise.resolve();
  return (request) => {
    queue = queue.then(() => handle(request, post).catch((error: unknown) => post({ kind: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) })));
    return queue;
  };
}
