/**
 * The forecast worker: runs the models/ engine off the UI thread and posts progress and the
 * statistics back (never raw trials). It also builds the workbook, which is heavy too.
 * Cancelling a run terminates the worker (see forecast-client.ts), so nothing here polls.
 */
import { buildWorkbook } from '../../models/io/workbook.ts';
import { referenceWithUserPrices } from '../../models/pricing/reference.ts';
import { runForecast } from '../../models/simulate/run.ts';
import { fitAndProject, importData } from './data-import.ts';
import { PROGRESS_INTERVAL_MS, type WorkerRequest, type WorkerResponse } from './protocol.ts';

const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null; postMessage: (message: WorkerResponse, transfer?: Transferable[]) => void };

function post(message: WorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

async function handle(request: WorkerRequest): Promise<void> {
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
      const result = await runForecast(request.scenario, {
        ...request.settings,
        reference: referenceWithUserPrices(request.userPrices),
        onProgress: (done, total) => {
          const now = performance.now();
          if (now - lastReport >= PROGRESS_INTERVAL_MS || done === total) {
            lastReport = now;
            post({ kind: 'progress', id: request.id, done, total });
          }
        },
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

// Requests are handled one at a time, in order; the client keeps at most one waiting.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event) => {
  const request = event.data;
  queue = queue.then(() =>
    handle(request).catch((error: unknown) => post({ kind: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) })),
  );
};
